/**
 * Parquet copies of the CSV tables of an analysis folder (places.csv → places.parquet, ...),
 * written by DuckDB with column types inferred from the CSV, for analysts who continue in
 * DuckDB, Spark, Trino or pandas, and the flow store with its breakdowns as flows.parquet.
 * The CSV stays the reference output.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { literal, openSession } from './session.ts';
import { quoteField } from '../../exports/csv.ts';
import type { FlowStore } from '../../flows/store.ts';

/**
 * Converts every `*.csv` entry of `files` to Parquet bytes (zstd-compressed), keyed `*.parquet`.
 *
 * @throws TalentFlowError when `@duckdb/node-api` is not installed.
 * @example Object.assign(files, await csvTablesToParquet(files)); await writeOutputs(dir, files);
 */
export async function csvTablesToParquet(files: Readonly<Record<string, string | Uint8Array>>): Promise<Record<string, Uint8Array>> {
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-parquet-'));
  try {
    const names: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      if (!name.endsWith('.csv') || name.includes('/') || typeof content !== 'string') continue;
      await writeFile(join(dir, name), content);
      names.push(name);
    }
    return await csvFilesToParquet(dir, names);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Converts the CSV tables `names` already written in `dir` (top-level `*.csv` only) to Parquet
 * bytes keyed `*.parquet`, reading the files rather than holding their text, so that the tables
 * of million-flow folders are converted in bounded memory.
 *
 * @throws TalentFlowError when `@duckdb/node-api` is not installed.
 * @example await writeOutputs(dir, await csvFilesToParquet(dir, ['places.csv', 'flows.csv']));
 */
export async function csvFilesToParquet(dir: string, names: readonly string[]): Promise<Record<string, Uint8Array>> {
  const db = await openSession({ threads: 1 });
  const scratch = await mkdtemp(join(tmpdir(), 'talentflow-parquet-'));
  const out: Record<string, Uint8Array> = {};
  try {
    for (const name of names) {
      if (!name.endsWith('.csv') || name.includes('/')) continue;
      const csv = join(dir, name);
      const parquet = join(scratch, name.replace(/\.csv$/, '.parquet'));
      // An empty table (header only) still gets its columns, as text.
      await db.run(
        `COPY (SELECT * FROM read_csv(${literal(csv)}, header = true, delim = ',', quote = '"', escape = '"', sample_size = -1)) ` +
          `TO ${literal(parquet)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      out[name.replace(/\.csv$/, '.parquet')] = new Uint8Array(await readFile(parquet));
    }
    return out;
  } finally {
    await db.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * `flows.parquet`: the flow store with its breakdowns, the same columns as `flows.arrow` (source,
 * target, moves, researchers, first_year, last_year, breakdown as a list of (year, discipline,
 * moves) structs), written by DuckDB (zstd). The store's columns reach DuckDB as four numeric CSV
 * files in a scratch folder (place ids and discipline names once each), and one query nests the
 * cells under their flows.
 *
 * @throws TalentFlowError when `@duckdb/node-api` is not installed.
 * @example await writeOutputs(dir, { 'flows.parquet': await flowStoreToParquet(run.flows) });
 */
export async function flowStoreToParquet(store: FlowStore): Promise<Uint8Array> {
  const scratch = await mkdtemp(join(tmpdir(), 'talentflow-parquet-'));
  const db = await openSession({ threads: 1 });
  try {
    const { places, disciplines, flows, cells } = store;
    const num = (x: number) => (!Number.isNaN(x) ? String(x) : '');
    await writeFile(join(scratch, 'p.csv'), ['i,id', ...places.map((p, i) => `${i},${quoteField(p)}`)].join('\n') + '\n');
    await writeFile(join(scratch, 'd.csv'), ['i,name', ...disciplines.map((d, i) => `${i},${quoteField(d)}`)].join('\n') + '\n');
    await writeFile(
      join(scratch, 'f.csv'),
      numericCsv(
        'i,s,t,moves,researchers,first_year,last_year',
        flows.source.length,
        (k) =>
          `${k},${flows.source[k]},${flows.target[k]},${num(flows.moves[k]!)},${num(flows.researchers[k]!)},${num(flows.firstYear[k]!)},${num(flows.lastYear[k]!)}`,
      ),
    );
    await writeFile(
      join(scratch, 'c.csv'),
      numericCsv(
        'flow,year,di,moves',
        cells.flow.length,
        (k) => `${cells.flow[k]},${cells.year[k]},${cells.discipline[k]},${num(cells.moves[k]!)}`,
      ),
    );
    const read = (name: string, columns: string) =>
      `read_csv(${literal(join(scratch, name))}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
    const out = join(scratch, 'flows.parquet');
    await db.run(`
      COPY (
        SELECT ps.id AS source, pt.id AS target, f.moves, f.researchers, f.first_year, f.last_year, b.breakdown
        FROM ${read('f.csv', `'i': 'INTEGER', 's': 'INTEGER', 't': 'INTEGER', 'moves': 'DOUBLE', 'researchers': 'INTEGER', 'first_year': 'INTEGER', 'last_year': 'INTEGER'`)} f
        JOIN ${read('p.csv', `'i': 'INTEGER', 'id': 'VARCHAR'`)} ps ON ps.i = f.s
        JOIN ${read('p.csv', `'i': 'INTEGER', 'id': 'VARCHAR'`)} pt ON pt.i = f.t
        LEFT JOIN (
          SELECT c.flow, list(struct_pack(year := c.year, discipline := d.name, moves := c.moves) ORDER BY c.year, c.di) AS breakdown
          FROM ${read('c.csv', `'flow': 'INTEGER', 'year': 'INTEGER', 'di': 'INTEGER', 'moves': 'DOUBLE'`)} c
          LEFT JOIN ${read('d.csv', `'i': 'INTEGER', 'name': 'VARCHAR'`)} d ON d.i = c.di
          GROUP BY c.flow
        ) b ON b.flow = f.i
        ORDER BY f.i
      ) TO ${literal(out)} (FORMAT parquet, COMPRESSION zstd)`);
    return new Uint8Array(await readFile(out));
  } finally {
    await db.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A CSV of `n` numeric rows, built in blocks so that no single string grows past a few MB. */
function numericCsv(header: string, n: number, row: (k: number) => string): string {
  const blocks: string[] = [header + '\n'];
  let block = '';
  for (let k = 0; k < n; k++) {
    block += row(k) + '\n';
    if (block.length > 1 << 22) {
      blocks.push(block);
      block = '';
    }
  }
  blocks.push(block);
  return blocks.join('');
}

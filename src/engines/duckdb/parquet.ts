/**
 * Parquet copies of the CSV tables of an analysis folder (places.csv → places.parquet, ...),
 * written by DuckDB with column types inferred from the CSV, for analysts who continue in
 * DuckDB, Spark, Trino or pandas. The CSV stays the reference output.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { literal, openSession } from './session.ts';

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

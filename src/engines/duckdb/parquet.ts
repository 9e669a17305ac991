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
  const db = await openSession({ threads: 1 });
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-parquet-'));
  const out: Record<string, Uint8Array> = {};
  try {
    for (const [name, content] of Object.entries(files)) {
      if (!name.endsWith('.csv') || name.includes('/') || typeof content !== 'string') continue;
      const csv = join(dir, name);
      const parquet = csv.replace(/\.csv$/, '.parquet');
      await writeFile(csv, content);
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
    await rm(dir, { recursive: true, force: true });
  }
}

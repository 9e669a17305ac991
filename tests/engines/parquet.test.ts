import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvTablesToParquet } from '../../src/engines/duckdb/parquet.ts';
import { duckdbAvailable, literal, openSession } from '../../src/engines/duckdb/session.ts';

describe.skipIf(!(await duckdbAvailable()))('csvTablesToParquet', () => {
  it('csvTablesToParquet converts each top-level CSV table, keeping values and quoted commas, and skips the rest', async () => {
    const files = {
      'flows.csv': 'source,target,weight\nBeijing,Shenzhen,2700\n"Cambridge, GB",London,3\n',
      'graph.json': '{}\n',
      'figures/map.svg': '<svg/>',
    };
    const out = await csvTablesToParquet(files);
    expect(Object.keys(out)).toEqual(['flows.parquet']);
    const dir = await mkdtemp(join(tmpdir(), 'tf-parquet-'));
    const path = join(dir, 'flows.parquet');
    await writeFile(path, out['flows.parquet']!);
    const db = await openSession({ threads: 1 });
    const rows = await db.rows(`SELECT source, target, weight FROM read_parquet(${literal(path)}) ORDER BY weight DESC`);
    await db.close();
    expect(rows).toEqual([
      { source: 'Beijing', target: 'Shenzhen', weight: 2700 },
      { source: 'Cambridge, GB', target: 'London', weight: 3 },
    ]);
  });
});

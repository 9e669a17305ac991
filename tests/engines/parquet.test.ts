import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvTablesToParquet, flowStoreToParquet } from '../../src/engines/duckdb/parquet.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { mv, place } from '../graph/helpers.ts';
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

describe.skipIf(!(await duckdbAvailable()))('flowStoreToParquet', () => {
  it('flowStoreToParquet writes each flow with its breakdown cells, names with commas and quotes kept, as DuckDB reads them back', async () => {
    const { flows } = buildFlows({
      moves: [
        mv('"Q" Town', 'Cambridge, GB', 2019, 'CS', 2, 'r1'),
        mv('"Q" Town', 'Cambridge, GB', 2021, null, 1, 'r2'),
        mv('Cambridge, GB', '"Q" Town', 2020, 'Earth, Planetary', 3, null),
      ],
      places: ['"Q" Town', 'Cambridge, GB', 'Idle'].map((id) => place(id)),
      kind: 'moves',
      level: 'metro',
    });
    const dir = await mkdtemp(join(tmpdir(), 'tf-parquet-'));
    const path = join(dir, 'flows.parquet');
    await writeFile(path, await flowStoreToParquet(flows));
    const db = await openSession({ threads: 1 });
    const rows = await db.rows(
      `SELECT source, target, moves, researchers, first_year, last_year, to_json(breakdown)::VARCHAR AS breakdown FROM read_parquet(${literal(path)})`,
    );
    await db.close();
    expect(rows).toEqual([
      {
        source: '"Q" Town',
        target: 'Cambridge, GB',
        moves: 3,
        researchers: 2,
        first_year: 2019,
        last_year: 2021,
        breakdown: '[{"year":2019,"discipline":"CS","moves":2.0},{"year":2021,"discipline":null,"moves":1.0}]',
      },
      {
        source: 'Cambridge, GB',
        target: '"Q" Town',
        moves: 3,
        researchers: null,
        first_year: 2020,
        last_year: 2020,
        breakdown: '[{"year":2020,"discipline":"Earth, Planetary","moves":3.0}]',
      },
    ]);
  });
});

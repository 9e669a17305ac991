/**
 * The place columns of a timeline (ror_id, geonames_id, lat, lon, region: what `talentflow
 * import` writes) read by both engines: rows are placed by them, identically.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFileWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { readTable } from '../../src/io/read-table.ts';
import { analyzeTable } from '../../src/pipeline/analyze.ts';
import { expectSameRun } from './same-run.ts';

const available = await duckdbAvailable();
const FILE = 'tests/fixtures/engines/timelines-places.csv';

describe.skipIf(!available)('analyzeFileWithDuckDB with place columns', () => {
  it('analyzeFileWithDuckDB places rows by GeoNames id, coordinates and US state like the JS engine', async () => {
    const read = await readTable(FILE);
    for (const level of ['metro', 'city'] as const) {
      const js = analyzeTable(read.table, read, { stabilityRuns: 0, kind: 'timelines', level });
      const duck = await analyzeFileWithDuckDB(FILE, { stabilityRuns: 0, kind: 'timelines', level });
      await expectSameRun(js, duck);
      const edges = js.graph.mapEdges((_e, a, s, t) => `${s} → ${t} ${a.weight}`).sort();
      // d1 leaves Newark, Delaware (by its GeoNames id); n1, without columns, leaves the New York
      // metro (the most populous Newark is New Jersey's); b1 moves from Bloomington, Indiana (by
      // coordinates) to Middletown, Connecticut (by state). x1's unusable cells fall back to the name.
      // City ids are "Name, CC", and a namesake that the name alone does not mean is qualified by
      // its state: at city level the two Newarks are two nodes.
      const expected =
        level === 'metro'
          ? ['Bloomington, US → Middletown, US 1', 'New York → Boston 1', 'Newark (Delaware), US → Boston 1']
          : ['Bloomington, US → Middletown, US 1', 'Newark (Delaware), US → Boston, US 1', 'Newark, US → Boston, US 1'];
      expect(edges).toEqual(expected);
      const lat = (id: string) => Math.round((js.graph.getNodeAttribute(id, 'lat') as number) * 10) / 10;
      expect([lat('Bloomington, US'), lat('Middletown, US')]).toEqual([39.2, 41.6]);
      expect(lat('Newark (Delaware), US')).toBe(39.7);
      if (level === 'city') expect(lat('Newark, US')).toBe(40.7);
    }
  });
});

/**
 * The DuckDB engine against the JS engine on the same inputs: the same problems (reasons, lines,
 * values, order), counts and graph, so byte-identical output files; plus hand-computed figures on
 * the rule fixtures so that a shared mistake cannot pass unnoticed.
 */
import { allBreakdowns, breakdownsOf } from '../flows/breakdowns.ts';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFileWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { readTable } from '../../src/io/read-table.ts';
import { analyzeTable, type AnalysisRun } from '../../src/pipeline/analyze.ts';
import type { AnalyzeOptions } from '../../src/pipeline/options.ts';
import { buildOutputFiles } from '../../src/pipeline/outputs.ts';
import { expectSameRun } from './same-run.ts';
import { detectKind } from '../../src/pipeline/analyze-file.ts';

const available = await duckdbAvailable();
const META = { input: { path: 'input.csv', sha256: '0'.repeat(64), bytes: 0 }, packageVersion: '0.0.0' };

async function bothEngines(path: string, options: AnalyzeOptions = {}): Promise<[AnalysisRun, AnalysisRun]> {
  const read = await readTable(path);
  const kind = options.kind ?? detectKind(read.table.columnNames(), options.columns ?? {});
  const js = analyzeTable(read.table, read, { stabilityRuns: 0, ...options, kind });
  const duck = await analyzeFileWithDuckDB(path, { stabilityRuns: 0, ...options });
  return [js, duck];
}

describe.skipIf(!available)('analyzeFileWithDuckDB', () => {
  it('analyzeFileWithDuckDB orders disciplines by UTF-16 code units as the JS engine does (DuckDB sorts by bytes)', async () => {
    // U+FFFD sorts before U+1F600 as UTF-8 bytes, after it as UTF-16 code units (a surrogate pair).
    const dir = mkdtempSync(join(tmpdir(), 'tf-disc-order-'));
    const path = join(dir, 'moves.csv');
    writeFileSync(
      path,
      'researcher_id,from,from_country,to,to_country,year,discipline\n' +
        'a,Beijing,CN,Shenzhen,CN,2020,\uFFFD\nb,Beijing,CN,Shenzhen,CN,2020,\u{1F600}\nc,Beijing,CN,Shenzhen,CN,2021,\uFFFD\nd,Boston,US,London,GB,2020,\u{1F600}\n',
    );
    const [js, duck] = await bothEngines(path);
    expect(js.flows.disciplines).toEqual(['\u{1F600}', '\uFFFD']);
    expect([...js.flows.cells.discipline]).toEqual([0, 1, 1, 0]);
    await expectSameRun(js, duck);
  });

  // A missing column makes the input unusable (InputError in both engines: tests/engines/faults.test.ts).
  const bad = readdirSync('tests/fixtures/bad').filter((f) => f.endsWith('.csv') && f !== 'missing-column.csv');
  it.each(bad)('analyzeFileWithDuckDB equals the JS engine on bad/%s', async (name) => {
    const [js, duck] = await bothEngines(join('tests/fixtures/bad', name));
    expect(js.problems.length).toBeGreaterThan(0);
    await expectSameRun(js, duck);
  });

  it('analyzeFileWithDuckDB equals the JS engine on the moves rule fixture, with and without a years filter', async () => {
    for (const years of [null, [2020, 2021] as [number, number]]) {
      const [js, duck] = await bothEngines('tests/fixtures/engines/moves-rules.csv', { years });
      await expectSameRun(js, duck);
    }
  });

  it('analyzeFileWithDuckDB locates moves problems across quoted line breaks, blank lines and malformed rows', async () => {
    const run = await analyzeFileWithDuckDB('tests/fixtures/engines/moves-rules.csv', { stabilityRuns: 0 });
    // Data rows start on line 2; the quoted break in "Computer\nScience" (lines 7–8) and the blank line 11 shift the rest.
    expect(run.problems.map((p) => [p.line, p.field, p.value, p.reason, p.severity])).toEqual([
      [13, 'to', 'Boston', 'self-move', 'error'],
      [14, 'year', '1850', 'bad-year', 'error'],
      [15, 'count', '0', 'bad-count', 'warning'],
      [16, 'count', '-1', 'bad-count', 'error'],
      [17, 'row', '7 fields', 'malformed-row', 'error'],
      [12, 'from', 'Bejjing', 'unknown-place', 'error'],
      [18, 'from', 'Boston', 'assumed-country', 'warning'],
      [18, 'to', 'Shenzhen', 'assumed-country', 'warning'],
    ]);
    // 16 data rows; skipped: 5 parse problems (zero count included) + Bejjing = 6; kept 10.
    expect([run.rowsRead, run.records, run.skipped]).toEqual([16, 10, 6]);
    const g = run.graph;
    // Beijing → Shenzhen: r2 (2) + aggregated row without id (3) + r4 (1 + 1) = 7; researchers unknown (no id on one row).
    // The edge carries its weight, researchers and edge measures; the breakdowns are in the flow store.
    expect(g.getEdgeAttributes('Beijing', 'Shenzhen')).toMatchObject({ weight: 7, researchers: null });
    expect(g.getEdgeAttributes('Beijing', 'Shenzhen')).not.toHaveProperty('byYear');
    expect(breakdownsOf(run.flows, 'Beijing', 'Shenzhen')).toMatchObject({
      weight: 7,
      researchers: null,
      byYear: { 2019: 1, 2020: 3, 2021: 3 },
      byDiscipline: { 'Computer Science': 2, Engineering: 4, Medicine: 1 },
    });
    // Oakland is a member of the San Francisco metro; Cambridge US → Boston stays within Boston (1 move).
    expect(g.getEdgeAttribute('San Francisco', 'Boston', 'weight')).toBe(4);
    expect(g.getAttribute('movesWithinPlace')).toBe(1);
    expect(g.getAttribute('years')).toEqual([2018, 2023]);
  });

  it('analyzeFileWithDuckDB counts rows repeating an earlier row field for field as the JS engine does', async () => {
    // Repeats by hand: rows 3 (of 2), 5 (of 4, both without a from country), 10 (of 9: an empty
    // discipline is none), 12 (of 11: an unknown place still parses) and 13 (of 2 once trimmed).
    // A country in other case, another researcher, year or discipline is another row.
    const dir = mkdtempSync(join(tmpdir(), 'tf-duplicates-'));
    const path = join(dir, 'moves.csv');
    writeFileSync(
      path,
      'researcher_id,from,from_country,to,to_country,year,discipline\n' +
        'a,Boston,US,London,GB,2020,Medicine\n' +
        'a,Boston,US,London,GB,2020,Medicine\n' +
        'a,Boston,,London,GB,2020,Medicine\n' +
        'a,Boston,,London,GB,2020,Medicine\n' +
        'a,Boston,us,London,GB,2020,Medicine\n' +
        'b,Boston,US,London,GB,2020,Medicine\n' +
        'a,Boston,US,London,GB,2021,Medicine\n' +
        'a,Boston,US,London,GB,2020,\n' +
        'a,Boston,US,London,GB,2020,""\n' +
        'a,Nowhere Town,US,London,GB,2020,Medicine\n' +
        'a,Nowhere Town,US,London,GB,2020,Medicine\n' +
        'a, Boston ,US,London,GB,2020,Medicine\n',
    );
    const [js, duck] = await bothEngines(path);
    const note = (run: AnalysisRun) => run.analyses.warnings.filter((w) => w.includes('repeat an earlier row'));
    expect(note(js)).toEqual([expect.stringMatching(/^5 rows repeat an earlier row/)]);
    expect(note(duck)).toEqual(note(js));
    await expectSameRun(js, duck);
  });

  it('analyzeFileWithDuckDB and analyzeTable count records as rows when aggregated rows stay within one place', async () => {
    // Cambridge US → Boston is within the Boston metro: 50 moves on one row. Rows: 3 read, 3 records
    // (2 flow rows + 1 within-place row), 0 skipped; movesWithinPlace counts moves (50).
    const dir = mkdtempSync(join(tmpdir(), 'tf-within-'));
    const path = join(dir, 'agg.csv');
    writeFileSync(
      path,
      'from,from_country,to,to_country,year,count\nCambridge,US,Boston,US,2020,50\nBeijing,CN,Shenzhen,CN,2020,7\nBoston,US,London,GB,2021,2\n',
    );
    const [js, duck] = await bothEngines(path);
    expect([js.rowsRead, js.records, js.skipped]).toEqual([3, 3, 0]);
    expect(js.graph.getAttribute('movesWithinPlace')).toBe(50);
    await expectSameRun(js, duck);
  });

  it('analyzeFileWithDuckDB equals the JS engine on the timeline rule fixture, at every level', async () => {
    for (const level of ['metro', 'city', 'country'] as const) {
      const [js, duck] = await bothEngines('tests/fixtures/engines/timelines-rules.csv', { level });
      await expectSameRun(js, duck);
    }
  });

  it('analyzeFileWithDuckDB applies the per-year place rule, the SET inflow rule and the young rule', async () => {
    const run = await analyzeFileWithDuckDB('tests/fixtures/engines/timelines-rules.csv', { stabilityRuns: 0 });
    const g = run.graph;
    // r1: 2015 tie Beijing/Boston, no previous year → Beijing (first id); 2016 Boston; 2017 tie → keeps Boston;
    // 2018 tie Shenzhen/Beijing without Boston → Beijing; 2019 tie → keeps Beijing; 2020 Shenzhen.
    const edges: string[] = [];
    for (const [flow, b] of Object.entries(allBreakdowns(run.flows))) edges.push(`${flow} ${Object.keys(b.byYear).join(',')}`);
    expect(edges).toEqual([
      'Beijing→Boston 2016',
      'Beijing→Shenzhen 2020',
      'Boston→Beijing 2018',
      'Cambridge, GB→London 2020',
      'London→Boston 2023',
      'Shenzhen→Hong Kong 2020',
    ]);
    // r1 is home in Shenzhen but had a 2018 row there: not an SET inflow. r3 (London, then Cambridge US = Boston
    // in 2023, never Boston before 2019) flowed into Boston. r2 (first year 2019) cannot flow in; young (age 2).
    expect(g.getNodeAttributes('Shenzhen')).toMatchObject({ stock: 1, young: 0, inflowSet: 0 });
    expect(g.getNodeAttributes('Boston')).toMatchObject({ stock: 1, inflowSet: 1, byDiscipline: { Medicine: 1 } });
    expect(g.getNodeAttributes('Hong Kong')).toMatchObject({
      stock: 1,
      young: 1,
      youngByYear: { 2019: 0, 2020: 1, 2021: 1, 2022: 0, 2023: 0 },
    });
    // Last place before the window: r1 Beijing (2018 by the tie rule), r3 Cambridge GB; both left.
    expect(g.getNodeAttributes('Beijing')).toMatchObject({ presentBefore: 1, leftSet: 1, youngByYear: { 2019: 1 } });
    expect(run.researchers).toEqual({ total: 4, active: 3 });
    expect(run.problems.map((p) => [p.line, p.reason])).toEqual([
      [23, 'empty-id'],
      [24, 'bad-year'],
      [25, 'bad-count'],
      [27, 'malformed-row'],
      [30, 'bad-count'],
      [15, 'assumed-country'],
      [28, 'unknown-country'],
    ]);
  });

  it('analyzeFileWithDuckDB reads Parquet like the same table as CSV, rows numbered as lines after a header', async () => {
    const { openSession } = await import('../../src/engines/duckdb/session.ts');
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'tf-parquet-test-'));
    const parquet = join(dir, 'unknown-place.parquet');
    const db = await openSession({ threads: 1 });
    await db.run(
      `COPY (SELECT * FROM read_csv('tests/fixtures/bad/unknown-place.csv', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    await db.close();
    const [js] = await bothEngines('tests/fixtures/bad/unknown-place.csv');
    const duck = await analyzeFileWithDuckDB(parquet, { stabilityRuns: 0 });
    expect(duck.problems.map((p) => ({ ...p, file: 'x' }))).toEqual(js.problems.map((p) => ({ ...p, file: 'x' })));
    const a = await buildOutputFiles(js, META);
    const b = await buildOutputFiles(duck, META);
    for (const name of ['places.csv', 'flows.csv', 'flows.arrow', 'graph.json', 'rai.csv', 'communities.csv'])
      expect(b[name], name).toEqual(a[name]);
  });

  it('analyzeFileWithDuckDB equals the JS engine on the Scholarly Migration Database flows: column map, counts, country level', async () => {
    const [js, duck] = await bothEngines('data/scholarly-migration/scopus_2024_V1_scholarlymigration_countryflows_enriched.csv.gz', {
      kind: 'moves',
      level: 'country',
      columns: { from: 'iso3codefrom', to: 'iso3codeto', count: 'n_migrations' },
    });
    expect(js.records).toBe(92_980);
    await expectSameRun(js, duck);
  });

  it('analyzeFileWithDuckDB equals the JS engine on the calibrated sample', { timeout: 600_000 }, async () => {
    const [js, duck] = await bothEngines('data/calibrated/timelines.csv.gz');
    expect(js.records).toBeGreaterThan(500_000);
    await expectSameRun(js, duck);
  });
});

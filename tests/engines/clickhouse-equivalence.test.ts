/**
 * The ClickHouse engine against the DuckDB engine (itself tested against the JS engine) on a
 * two-shard cluster started from Debian's clickhouse-server on loopback ports: the same
 * problems (reasons, lines, values, order), counts and byte-identical output files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPlaces } from '../../bench/places.ts';
import { generateMoves } from '../../bench/generate.ts';
import { runCli } from '../cli/run-cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithClickHouse, prepareWithClickHouse, type ClickHouseAnalyzeOptions } from '../../src/engines/clickhouse/analyze.ts';
import { clickhouseClientAvailable } from '../../src/engines/clickhouse/connection.ts';
import { InputError } from '../../src/errors.ts';
import { analyzeFileWithDuckDB, prepareWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { clusterUnavailable, startLocalCluster, type LocalCluster } from '../support/clickhouse-cluster.ts';
import { expectSameRun } from './same-run.ts';

const missing =
  clusterUnavailable() ??
  (!(await clickhouseClientAvailable()) ? '@clickhouse/client is not installed' : null) ??
  (!(await duckdbAvailable()) ? '@duckdb/node-api is not installed' : null);
if (missing) console.warn(`skipping the ClickHouse engine tests: ${missing}`);

describe.skipIf(missing !== null)('analyzeWithClickHouse', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await startLocalCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const both = async (path: string, options: ClickHouseAnalyzeOptions = {}) => {
    const duck = await analyzeFileWithDuckDB(path, { stabilityRuns: 0, ...options });
    const ch = await analyzeWithClickHouse(path, { stabilityRuns: 0, ...options }, { url: cluster.urls });
    return [duck, ch] as const;
  };

  // A missing column makes the input unusable: the next test.
  const bad = readdirSync('tests/fixtures/bad').filter((f) => f.endsWith('.csv') && f !== 'missing-column.csv');
  it.each(bad)('analyzeWithClickHouse equals the DuckDB engine on bad/%s', async (name) => {
    const [duck, ch] = await both(join('tests/fixtures/bad', name));
    expect(ch.problems.length).toBeGreaterThan(0);
    await expectSameRun(duck, ch);
  });

  it("analyzeWithClickHouse refuses bad/missing-column.csv with the DuckDB engine's InputError", async () => {
    const path = 'tests/fixtures/bad/missing-column.csv';
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    const duck = await refusal(analyzeFileWithDuckDB(path, { stabilityRuns: 0 }));
    const ch = await refusal(analyzeWithClickHouse(path, { stabilityRuns: 0 }, { url: cluster.urls }));
    expect(duck).toBeInstanceOf(InputError);
    expect(ch).toBeInstanceOf(InputError);
    expect((ch as InputError).message).toBe((duck as InputError).message);
    expect((ch as InputError).message).toContain('no column "to" for to');
  });

  it('analyzeWithClickHouse notes rows that repeat an earlier row and refuses a file the other engines refuse, as the DuckDB engine does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-ch-faults-'));
    try {
      const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
      // Rows 3 and 4 repeat row 2 (row 4 after trimming), row 6 repeats row 5 with the NULL country as ''.
      const moves = write(
        'dup.csv',
        'researcher_id,from,from_country,to,to_country,year\nr1,Boston,US,London,GB,2019\nr1,Boston,US,London,GB,2019\n r1,Boston,US,London,GB,2019\nr2,Paris,,London,GB,2020\nr2,Paris,,London,GB,2020\nr2,Paris,FR,London,GB,2020\n',
      );
      const [duck, ch] = await both(moves);
      const note =
        '3 rows repeat an earlier row field for field and count again; if the file holds some rows twice (two exports concatenated), remove them';
      expect(duck.analyses.warnings.filter((w) => w.includes('repeat'))).toEqual([note]);
      await expectSameRun(duck, ch);
      const rows = write('dup-rows.csv', 'researcher_id,year,place,country\na,2019,Boston,US\na,2019,Boston,US\na,2021,London,GB\n');
      expect(
        (await analyzeWithClickHouse(rows, { stabilityRuns: 0 }, { url: cluster.urls })).analyses.warnings.filter((w) =>
          w.includes('repeat'),
        ),
      ).toEqual([]);
      for (const [name, text] of [
        ['empty.csv', ''],
        ['header-only.csv', 'researcher_id,from,to,year\n'],
        ['twice.csv', 'researcher_id,from,from,year\nr1,a,b,2019\n'],
      ]) {
        const path = write(name!, text!);
        const refusal = (p: Promise<unknown>) =>
          p.then(
            () => null,
            (e: unknown) => e,
          );
        const d = await refusal(analyzeFileWithDuckDB(path, { stabilityRuns: 0 }));
        const c = await refusal(analyzeWithClickHouse(path, { stabilityRuns: 0 }, { url: cluster.urls }));
        expect(d, name).toBeInstanceOf(InputError);
        expect(c, name).toBeInstanceOf(InputError);
        expect((c as InputError).message, name).toBe((d as InputError).message);
      }
      // Rows that are not UTF-8 (one inside a quoted line break, one in a row of the wrong width,
      // which stays malformed) are skipped with the DuckDB engine's bad-encoding problems.
      const latin = join(dir, 'latin.csv');
      const bytes = (...parts: Array<string | number>) =>
        Buffer.concat(parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p))));
      writeFileSync(
        latin,
        bytes(
          'researcher_id,from,to,year\nr1,Boston,London,2019\nr2,S',
          0xe3,
          'o Paulo,London,2020\nr3,"Paris\nCr',
          0xe9,
          'teil",London,2021\nr4,Z',
          0xfc,
          'rich,London\nr5,Boston,Paris,2022\n',
        ),
      );
      const [duckLatin, chLatin] = await both(latin);
      expect(chLatin.problems.filter((p) => p.field === 'row').map((p) => [p.line, p.reason, p.value])).toEqual([
        [3, 'bad-encoding', 'byte 0xE3'],
        [4, 'bad-encoding', 'byte 0xE9'],
        [6, 'malformed-row', '3 fields'],
      ]);
      expect(chLatin.problems.find((p) => p.line === 4)!.message).toMatch(/^line 5 is not UTF-8 \(byte 0xE9\)/);
      await expectSameRun(duckLatin, chLatin);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyzeWithClickHouse equals the DuckDB engine on the moves rule fixture, with and without a years filter', async () => {
    for (const years of [null, [2020, 2021] as [number, number]]) {
      const [duck, ch] = await both('tests/fixtures/engines/moves-rules.csv', { years });
      await expectSameRun(duck, ch);
    }
  });

  it('analyzeWithClickHouse equals the DuckDB engine on the timeline rule fixture, at every level', async () => {
    for (const level of ['metro', 'city', 'country'] as const) {
      const [duck, ch] = await both('tests/fixtures/engines/timelines-rules.csv', { level });
      await expectSameRun(duck, ch);
    }
  });

  it('analyzeWithClickHouse equals the DuckDB engine on the calibrated sample (510k timeline rows)', { timeout: 300_000 }, async () => {
    const [duck, ch] = await both('data/calibrated/timelines.csv.gz');
    expect(ch.records).toBeGreaterThan(500_000);
    expect(ch.researchers!.active).toBeGreaterThan(100_000);
    await expectSameRun(duck, ch);
  });

  it('analyzeWithClickHouse has the server parse a file of plain lines and parses any other here, with the same lines either way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-ch-plain-'));
    try {
      const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
      const head = 'researcher_id,from,from_country,to,to_country,year\n';
      // A blank line 3; line 4 has a bad year.
      const plain = write(
        'plain.csv',
        `${head}r1,Boston,US,"London",GB,2019\n\nr2,"Paris",FR,London,GB,20x9\nr3,Paris,FR,Berlin,DE,2020\n`,
      );
      // A quoted line break in line 3's record: the bad year is on line 5.
      const quoted = write(
        'quoted.csv',
        `${head}r1,Boston,US,"London",GB,2019\nr0,"Bos\nton",US,London,GB,2019\nr2,"Paris",FR,London,GB,20x9\n`,
      );
      for (const [path, way, line] of [
        [plain, 'read', 4],
        [quoted, 'read (parsed by the client)', 5],
      ] as const) {
        const steps: string[] = [];
        const duck = await analyzeFileWithDuckDB(path, { stabilityRuns: 0 });
        const ch = await analyzeWithClickHouse(path, { stabilityRuns: 0 }, { url: cluster.urls }, { onTiming: (step) => steps.push(step) });
        expect(steps[0]).toBe(way);
        expect(ch.problems.filter((p) => p.reason === 'bad-year').map((p) => p.line)).toEqual([line]);
        await expectSameRun(duck, ch);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prepareWithClickHouse equals the DuckDB engine on 10^5 generated moves over 1,000 places', { timeout: 300_000 }, async () => {
    // Compared before the analyses (the same code on the same graph): the graph with every
    // attribute and breakdown, the problems and the counts.
    const dir = mkdtempSync(join(tmpdir(), 'tf-ch-moves-'));
    try {
      const path = join(dir, 'moves.csv');
      generateMoves(path, 100_000, benchPlaces(1000), 7);
      {
        const duck = await prepareWithDuckDB(path);
        const ch = await prepareWithClickHouse(path, {}, { url: cluster.urls });
        // The generator writes one bad row per 100,000 (the first: a bad year).
        expect(ch.problems.map((p) => [p.line, p.reason])).toEqual([[100_001, 'bad-year']]);
        expect(ch.problems).toEqual(duck.problems);
        expect([ch.rowsRead, ch.records]).toEqual([100_000, 99_999]);
        expect([duck.rowsRead, duck.records]).toEqual([ch.rowsRead, ch.records]);
        expect(ch.graph.size).toBeGreaterThan(20_000);
        expect(JSON.stringify(ch.graph.export())).toBe(JSON.stringify(duck.graph.export()));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("talentflow analyze --engine clickhouse writes the DuckDB engine's files, and --input-table reads the loaded table back", {
    timeout: 300_000,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-ch-cli-'));
    try {
      const input = 'tests/fixtures/engines/moves-rules.csv';
      const common = ['--quiet', '--stability-runs', '0', '--min-flow', '1'];
      const duck = runCli(['analyze', input, '--engine', 'duckdb', '--out', join(dir, 'duck'), ...common]);
      const ch = runCli([
        'analyze',
        input,
        '--engine',
        'clickhouse',
        '--clickhouse-url',
        cluster.urls.join(','),
        '--clickhouse-table',
        'cli_rows',
        '--out',
        join(dir, 'ch'),
        ...common,
      ]);
      expect(duck.status, duck.stderr).toBe(0);
      expect(ch.status, ch.stderr).toBe(0);
      const files = [
        'places.csv',
        'flows.csv',
        'top_sources.csv',
        'top_destinations.csv',
        'communities.csv',
        'rai.csv',
        'problems.csv',
        'graph.json',
        'graph.gexf',
      ];
      const read = (sub: string, f: string) => readFileSync(join(dir, sub, f), 'utf8');
      for (const f of files) expect(read('ch', f), f).toBe(read('duck', f));
      const manifest = (sub: string) => ({ ...JSON.parse(read(sub, 'manifest.json')), createdBy: null });
      expect(manifest('ch')).toEqual(manifest('duck'));

      // The table the first run loaded, analysed in place: the rows carry their lines, so the
      // problems name the same lines; the file column names the table, and the malformed row
      // (line 17), never loaded, is not in the table: one row read fewer, the same flows.
      const again = runCli([
        'analyze',
        '--engine',
        'clickhouse',
        '--clickhouse-url',
        cluster.url,
        '--input-table',
        'default.cli_rows',
        '--out',
        join(dir, 'table'),
        ...common,
      ]);
      expect(again.status, again.stderr).toBe(0);
      for (const f of ['flows.csv', 'top_sources.csv', 'top_destinations.csv', 'communities.csv', 'graph.json'])
        expect(read('table', f), f).toBe(read('duck', f));
      const expected = read('duck', 'problems.csv')
        .split('\n')
        .filter((l) => !l.includes(',malformed-row,'))
        .join('\n')
        .replaceAll(input, 'clickhouse:default.cli_rows');
      expect(read('table', 'problems.csv')).toBe(expected);
      expect(JSON.parse(read('table', 'manifest.json')).input).toMatchObject({ path: 'clickhouse:default.cli_rows', rows: 15 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('talentflow analyze refuses ClickHouse options without --engine clickhouse, and --engine clickhouse without a URL', () => {
    const a = runCli(['analyze', 'tests/fixtures/engines/moves-rules.csv', '--clickhouse-url', cluster.url]);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('--clickhouse-url');
    const b = runCli(['analyze', 'tests/fixtures/engines/moves-rules.csv', '--engine', 'clickhouse']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--clickhouse-url');
  });

  it('analyzeWithClickHouse reads a table of its own making (typed columns, no line numbers) through the checks computed in the query', async () => {
    const sql = (q: string) =>
      fetch(`${cluster.url}/?format_csv_allow_single_quotes=0`, { method: 'POST', body: q }).then(async (r) => {
        if (!r.ok) throw new Error(await r.text());
      });
    await sql('DROP TABLE IF EXISTS default.plain_moves');
    await sql(
      'CREATE TABLE default.plain_moves (researcher_id String, `from` String, from_country Nullable(String), `to` String, to_country Nullable(String), year UInt16, discipline String, count Float64) ENGINE = Memory',
    );
    // The moves rule fixture's well-formed rows with a valid year: r5's Bejing is an alternate
    // name of Beijing in GeoNames (no problem), r6 is a self-move, r8 a zero count, r11 has no
    // countries.
    await sql(`INSERT INTO default.plain_moves FORMAT CSV
r1,Cambridge,US,Boston,US,2019,Medicine,1
r1,Boston,US,Shenzhen,CN,2020,Medicine,1
r2,Beijing,CN,Shenzhen,CN,2020,Computer Science,2
,Beijing,CN,Shenzhen,CN,2021,Engineering,3
r5,Bejing,CN,Shenzhen,CN,2020,Medicine,1
r6,Boston,US,Boston,US,2020,Medicine,1
r8,Boston,US,Shenzhen,CN,2020,Medicine,0
r11,Boston,\\N,Shenzhen,\\N,2023,Medicine,1
`);
    const dir = mkdtempSync(join(tmpdir(), 'tf-ch-plain-'));
    try {
      const path = join(dir, 'plain.csv');
      writeFileSync(
        path,
        'researcher_id,from,from_country,to,to_country,year,discipline,count\n' +
          'r1,Cambridge,US,Boston,US,2019,Medicine,1\nr1,Boston,US,Shenzhen,CN,2020,Medicine,1\nr2,Beijing,CN,Shenzhen,CN,2020,Computer Science,2\n' +
          ',Beijing,CN,Shenzhen,CN,2021,Engineering,3\nr5,Bejing,CN,Shenzhen,CN,2020,Medicine,1\nr6,Boston,US,Boston,US,2020,Medicine,1\n' +
          'r8,Boston,US,Shenzhen,CN,2020,Medicine,0\nr11,Boston,,Shenzhen,,2023,Medicine,1\n',
      );
      const duck = await prepareWithDuckDB(path);
      const ch = await prepareWithClickHouse('clickhouse:default.plain_moves', {}, { url: cluster.url, inputTable: 'default.plain_moves' });
      // Without a line column every problem says line 0; they come in the same order otherwise.
      expect(ch.problems).toEqual(duck.problems.map((p) => ({ ...p, file: 'clickhouse:default.plain_moves', line: 0 })));
      expect(ch.problems.map((p) => p.reason)).toEqual(['self-move', 'bad-count', 'assumed-country', 'assumed-country']);
      expect([ch.rowsRead, ch.records]).toEqual([duck.rowsRead, duck.records]);
      // One discipline per edge here, so the order of disciplines (by name without lines) cannot differ.
      expect(JSON.stringify(ch.graph.export())).toBe(JSON.stringify(duck.graph.export()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Unusable and damaged inputs through both engines, in-process: each is refused with the same
 * InputError cause by the JS and the DuckDB engine, or read with the same problems (located by
 * line) and the same outputs. None ends in an internal error.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openTemporaries } from '../../src/io/temporary.ts';
import { InputError } from '../../src/errors.ts';
import { analyzeFileWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { fileSystemCause, type TextEncoding } from '../../src/io/inspect-input.ts';
import { readTable } from '../../src/io/read-table.ts';
import { detectKind } from '../../src/pipeline/analyze-file.ts';
import { analyzeTable, type AnalysisRun } from '../../src/pipeline/analyze.ts';
import type { AnalyzeOptions } from '../../src/pipeline/options.ts';
import { expectSameRun } from './same-run.ts';

const available = await duckdbAvailable();
const dir = mkdtempSync(join(tmpdir(), 'talentflow-faults-'));

const HEADER = 'researcher_id,from,from_country,to,to_country,year';
const ROWS = ['r1,Beijing,CN,Shenzhen,CN,2019', 'r2,Boston,US,London,GB,2020', 'r3,Paris,FR,Berlin,DE,2021'];
const MOVES = [HEADER, ...ROWS].join('\n') + '\n';

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

type Outcome = { error: InputError } | { run: AnalysisRun };

async function js(path: string, options: AnalyzeOptions & { encoding?: TextEncoding } = {}): Promise<Outcome> {
  try {
    const { encoding, ...rest } = options;
    const read = await readTable(path, encoding ? { encoding } : {});
    const kind = rest.kind ?? detectKind(read.table.columnNames(), rest.columns ?? {});
    return { run: analyzeTable(read.table, read, { stabilityRuns: 0, ...rest, kind }) };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

async function duck(path: string, options: AnalyzeOptions & { encoding?: TextEncoding } = {}): Promise<Outcome> {
  try {
    return { run: await analyzeFileWithDuckDB(path, { stabilityRuns: 0, ...options }) };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  } finally {
    // The session removed its spill folder, on errors too.
    expect(openTemporaries()).toEqual([]);
  }
}

/** Both engines refuse `path` with an InputError naming the file and matching `cause`. */
async function expectRefused(path: string, cause: RegExp, options: AnalyzeOptions & { encoding?: TextEncoding } = {}): Promise<void> {
  const outcomes = available ? [await js(path, options), await duck(path, options)] : [await js(path, options)];
  for (const [i, o] of outcomes.entries()) {
    expect('error' in o, `engine ${i ? 'duckdb' : 'js'} refuses ${path}`).toBe(true);
    const error = (o as { error: InputError }).error;
    expect(error.file).toBe(path);
    expect(error.message).toMatch(cause);
  }
  if (outcomes.length === 2)
    expect((outcomes[1] as { error: InputError }).error.message).toBe((outcomes[0] as { error: InputError }).error.message);
}

/** Both engines read `path` with the same problems and outputs; returns the JS run. */
async function expectSame(path: string, options: AnalyzeOptions & { encoding?: TextEncoding } = {}): Promise<AnalysisRun> {
  const a = await js(path, options);
  if ('error' in a) throw a.error;
  if (available) {
    const b = await duck(path, options);
    if ('error' in b) throw b.error;
    await expectSameRun(a.run, b.run);
  }
  return a.run;
}

describe('unusable inputs (exit 3 in the CLI), the same cause in both engines', () => {
  it('analyzeTable and analyzeFileWithDuckDB refuse a missing required column, naming it', async () => {
    await expectRefused(file('missing.csv', 'researcher_id,from,year\nr1,Boston,2019\n'), /no column "to" for to/);
    await expectRefused(file('ok-map.csv', MOVES), /no column "nonexistent" for from/, { columns: { from: 'nonexistent' } });
  });

  it('analyzeTable and analyzeFileWithDuckDB say a ;-separated table looks semicolon-separated', async () => {
    await expectRefused(file('semi.csv', MOVES.replace(/,/g, ';')), /looks semicolon-separated/);
  });

  it('analyzeTable and analyzeFileWithDuckDB refuse a header-only file, blank rows after it included', async () => {
    await expectRefused(file('header-only.csv', `${HEADER}\n`), /no data rows/);
    await expectRefused(file('header-blank.csv', `${HEADER}\n\n,,,,,\n`), /no data rows/);
  });

  it('analyzeTable and analyzeFileWithDuckDB refuse an empty file and a repeated column name', async () => {
    await expectRefused(file('empty.csv', ''), /is empty: no header row/);
    await expectRefused(file('dup.csv', `a,a,${HEADER}\n1,2,${ROWS[0]}\n`), /the header has the column "a" twice/);
  });

  it('analyzeTable and analyzeFileWithDuckDB refuse UTF-16 (either byte order) with the cause and the conversion', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MOVES, 'utf16le')]);
    await expectRefused(file('utf16le.csv', le), /is UTF-16 LE text .*iconv -f UTF-16LE -t UTF-8/);
    const be = Buffer.from(le);
    be.swap16();
    await expectRefused(file('utf16be.csv', be), /is UTF-16 BE text/);
    // Without a byte-order mark UTF-16 is full of NUL bytes.
    await expectRefused(file('utf16-nobom.csv', Buffer.from(MOVES, 'utf16le')), /line 1: holds a NUL byte/);
  });

  it('analyzeTable and analyzeFileWithDuckDB refuse a binary file and a NUL byte in a header name, with its line', async () => {
    await expectRefused(
      file('binary.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0a, 0x41])),
      /line 1: holds a NUL byte/,
    );
    await expectRefused(file('nul-header.csv', `researcher_id,fr\0om,to,year\n${ROWS[0]}\n`), /line 1: holds a NUL byte/);
    await expectRefused(file('nul-row.csv', `${MOVES}r9,Bo\0ston,US,Paris,FR,2019\n`), /line 5: holds a NUL byte/);
  });

  it('analyzeTable and analyzeFileWithDuckDB refuse a truncated .gz and a .gz that is not gzip', async () => {
    const gz = gzipSync(MOVES.repeat(50));
    await expectRefused(file('truncated.csv.gz', gz.subarray(0, gz.length - 40)), /truncated or damaged gzip/);
    await expectRefused(file('plain.csv.gz', MOVES), /is not gzip-compressed/);
  });

  it('analyzeTable and analyzeFileWithDuckDB name a missing path literally, pattern characters included', async () => {
    mkdirSync(join(dir, 'globs', 'folder.csv'), { recursive: true });
    file('globs/a.csv', MOVES);
    await expectRefused(join(dir, 'globs', '*.csv'), /no such file/);
    await expectRefused(join(dir, 'globs', 'folder.csv'), /is a folder/);
  });

  it('fileSystemCause words permission denied, a folder and a missing file', () => {
    expect(fileSystemCause({ code: 'EACCES' })).toMatch(/permission denied/);
    expect(fileSystemCause({ code: 'EISDIR' })).toMatch(/is a folder/);
    expect(fileSystemCause({ code: 'ENOENT' })).toBe('no such file');
  });
});

describe('inputs read the same way by both engines', () => {
  it.skipIf(!available)('analyzeFileWithDuckDB reads a path with * literally, not the files the pattern matches', async () => {
    const path = file('glob/x*.csv', MOVES);
    file('glob/xa.csv', [HEADER, ...Array.from({ length: 200 }, (_, i) => `q${i},Beijing,CN,Shenzhen,CN,2019`)].join('\n'));
    const run = await expectSame(path);
    expect(run.rowsRead).toBe(3);
  });

  it('analyzeTable and analyzeFileWithDuckDB skip rows that are not UTF-8 as bad-encoding, naming the line and Latin-1', async () => {
    const latin = Buffer.concat([
      Buffer.from(`${MOVES}r4,`),
      Buffer.from([0x5a, 0xfc]),
      Buffer.from('rich,CH,Paris,FR,2019\nr5,Rome,IT,Paris,FR,2019\n'),
    ]);
    const run = await expectSame(file('latin1.csv', latin));
    const bad = run.problems.filter((p) => p.reason === 'bad-encoding');
    expect(bad.map((p) => [p.line, p.value])).toEqual([[5, 'byte 0xFC']]);
    expect(bad[0]!.message).toMatch(/looks like ISO-8859-1 .*--encoding latin1/);
    expect([run.rowsRead, run.records, run.skipped]).toEqual([5, 4, 1]);
  });

  it('analyzeTable and analyzeFileWithDuckDB read ISO-8859-1 with --encoding latin1', async () => {
    const latin = Buffer.from(`${MOVES}r4,Z\u00fcrich,CH,Paris,FR,2019\n`, 'latin1');
    const run = await expectSame(file('latin1-ok.csv', latin), { encoding: 'latin1' });
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Zürich is the metro area "Zurich": the name was read, not mangled into U+FFFD.
    expect(run.records).toBe(4);
    expect(run.graph.hasEdge('Zurich', 'Paris')).toBe(true);
  });

  it('analyzeTable and analyzeFileWithDuckDB reject counts that are too large or not plain digits, in the same rows', async () => {
    const counts = ['1e20', '9007199254740993', '1e300', '1e3', '9223372036854775807', '1000000001', '1000000000', '12'];
    const text = ['from,from_country,to,to_country,year,count', ...counts.map((c) => `Beijing,CN,Shenzhen,CN,2019,${c}`)].join('\n');
    const run = await expectSame(file('counts.csv', text));
    expect(run.problems.map((p) => [p.line, p.value, p.reason])).toEqual([
      [2, '1e20', 'bad-count'],
      [3, '9007199254740993', 'bad-count'],
      [4, '1e300', 'bad-count'],
      [5, '1e3', 'bad-count'],
      [6, '9223372036854775807', 'bad-count'],
      [7, '1000000001', 'bad-count'],
    ]);
    expect(run.analyses.totals.moves).toBe(1_000_000_012);
  });

  it('analyzeTable and analyzeFileWithDuckDB bound publications of timelines the same way', async () => {
    const text = [
      'researcher_id,year,place,country,publications',
      'a,2019,Boston,US,9223372036854775807',
      'a,2020,Boston,US,1e20',
      'a,2021,London,GB,2',
    ].join('\n');
    const run = await expectSame(file('pubs.csv', text));
    expect(run.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [2, 'publications', 'bad-count'],
      [3, 'publications', 'bad-count'],
    ]);
  });

  it('analyzeTable and analyzeFileWithDuckDB note rows that repeat an earlier row, except timelines without publications', async () => {
    const moves = await expectSame(file('dup-moves.csv', `${MOVES}${ROWS[1]}\n ${ROWS[1]}\n${ROWS[2]}\n`));
    expect(moves.analyses.warnings.filter((w) => w.includes('repeat'))).toEqual([
      '3 rows repeat an earlier row field for field and count again; if the file holds some rows twice (two exports concatenated), remove them',
    ]);
    const pubs = 'researcher_id,year,place,country,publications\na,2019,Boston,US,1\na,2019,Boston,US,1\na,2021,London,GB,2\n';
    expect((await expectSame(file('dup-pubs.csv', pubs))).analyses.warnings.filter((w) => w.includes('repeat'))).toHaveLength(1);
    const rows = 'researcher_id,year,place,country\na,2019,Boston,US\na,2019,Boston,US\na,2021,London,GB\n';
    expect((await expectSame(file('dup-rows.csv', rows))).analyses.warnings.filter((w) => w.includes('repeat'))).toEqual([]);
  });
});

/**
 * The DuckDB engine's cheap vectorised checks (clean cells, four-digit years, plain integer
 * counts, self-moves) against the JS parsers on the cells where a shortcut could go wrong: white
 * space of every JS kind at either end, non-ASCII first and last characters, years and counts
 * that DuckDB's integer cast accepts but the parsers do not (`19e2`, `+3`, `2_019`), blank rows
 * and CRLF line ends. The engines must agree on every problem, count and output file.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFileWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { readTable } from '../../src/io/read-table.ts';
import { analyzeTable, type AnalysisRun } from '../../src/pipeline/analyze.ts';
import type { AnalyzeOptions } from '../../src/pipeline/options.ts';
import { expectSameRun } from './same-run.ts';

const available = await duckdbAvailable();

/** Every white space character of JS `trim`, plus U+0085 and U+200B, which it keeps. */
const SPACES = [
  '\t',
  '\v',
  '\f',
  ' ',
  '\u00A0',
  '\u1680',
  '\u2000',
  '\u2005',
  '\u200A',
  '\u2028',
  '\u2029',
  '\u202F',
  '\u205F',
  '\u3000',
  '\uFEFF',
];
const NOT_SPACES = ['\u0085', '\u200B'];

const YEARS = [
  '2019',
  ' 2019 ',
  '2019.0',
  '2019.00',
  '02019',
  '19e2',
  '2e+3',
  '+2019',
  '2_019',
  '0x7E3',
  '2019.5',
  '1899',
  '1900',
  '2100',
  '2101',
  '',
  'abcd',
  '20 19',
  '\u00A02020',
  '2020\u3000',
];
const COUNTS = [
  '3',
  '+3',
  '1e2',
  '1E2',
  '03',
  '3.0',
  '3.',
  '.5',
  '3.5',
  '-1',
  '-0',
  '0',
  '0.0',
  '',
  'abc',
  '1_000',
  '0x10',
  ' 3 ',
  '4294967296',
  '1e400',
  'Infinity',
  '\u00A07',
];

/** A CSV cell: quoted when it holds a delimiter, a quote or a line break. */
const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function csv(name: string, rows: string[][], eol = '\n'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tf-fast-paths-'));
  const path = join(dir, name);
  await writeFile(path, rows.map((r) => r.map(q).join(',')).join(eol) + eol);
  return path;
}

async function expectSameAsJs(path: string, options: AnalyzeOptions & { kind: 'moves' | 'timelines' }): Promise<AnalysisRun> {
  const read = await readTable(path);
  const js = analyzeTable(read.table, read, { stabilityRuns: 0, ...options });
  const duck = await analyzeFileWithDuckDB(path, { stabilityRuns: 0, ...options });
  await expectSameRun(js, duck);
  return duck;
}

/** Moves rows exercising trimming on every column, the year grammar and self-moves. */
function moveRows(withCount: boolean): string[][] {
  const header = ['researcher_id', 'from', 'from_country', 'to', 'to_country', 'year', 'discipline', ...(withCount ? ['count'] : [])];
  const rows: string[][] = [header];
  const add = (id: string, from: string, fc: string, to: string, tc: string, year: string, disc: string, count = '1') =>
    rows.push([id, from, fc, to, tc, year, disc, ...(withCount ? [count] : [])]);
  SPACES.forEach((s, i) => {
    add(`r${i}${s}`, `${s}Boston`, 'US', `London${s}`, `${s}GB${s}`, `${s}2020`, `${s}Medicine`);
    add(`${s}r${i}`, `Zürich${s}`, `CH${s}`, `${s}São Paulo`, 'BR', '2021', `Physics${s}`);
  });
  NOT_SPACES.forEach((s, i) => add(`n${i}`, `${s}Boston`, 'US', `London${s}`, 'GB', '2020', 'Medicine'));
  YEARS.forEach((y, i) => add(`y${i}`, 'Ürümqi', 'CN', 'Bogotá', 'CO', y, 'Chemistry'));
  // Self-moves: the same place in other cases, with and without countries; different lengths are never the same.
  add('s1', 'Boston', 'US', 'boston', 'us', '2020', 'Medicine');
  add('s2', 'BOSTON', '', 'Boston', '', '2020', 'Medicine');
  add('s4', 'Boston', 'US', 'Boston ', 'US ', '2020', 'Medicine');
  add('s5', 'Boston', 'US', 'Bostonn', 'US', '2020', 'Medicine');
  // Blank rows: empty cells, and cells of white space only (not counted, no problem). The JS reader
  // takes a cell starting above U+0020 as not blank, so the white space cells start with ASCII.
  rows.push(header.map(() => ''));
  rows.push(header.map((_h, i) => `${SPACES[i % 4]}${SPACES[(i * 5) % SPACES.length]}`));
  add('', '', '', '', '', '', '');
  add('e1', ' ', '', 'London', 'GB', '2020', '');
  if (withCount) COUNTS.forEach((c, i) => add(`c${i}`, 'Boston', 'US', 'London', 'GB', '2020', 'Medicine', c));
  return rows;
}

describe.skipIf(!available)('analyzeFileWithDuckDB fast paths', () => {
  it('analyzeFileWithDuckDB trims, parses years and finds self-moves like parseMoves (LF)', async () => {
    const run = await expectSameAsJs(await csv('moves.csv', moveRows(false)), { kind: 'moves' });
    // Each of the 15 white space kinds gives two clean moves; the 2 characters trim keeps make unknown places.
    expect(run.graph.getEdgeAttribute('Boston', 'London', 'weight')).toBeGreaterThanOrEqual(SPACES.length);
    // The parsers' year grammar: DuckDB's integer cast would take 19e2, 2e+3, +2019, 2_019 and 0x7E3.
    const years = run.problems.filter((p) => p.reason === 'bad-year').map((p) => p.value);
    expect(years).toEqual(['19e2', '2e+3', '+2019', '2_019', '0x7E3', '2019.5', '1899', '2101', '', 'abcd', '20 19']);
  });

  it('analyzeFileWithDuckDB reads counts like parseCount and CRLF line ends like readTable', async () => {
    const run = await expectSameAsJs(await csv('moves-count.csv', moveRows(true), '\r\n'), { kind: 'moves' });
    const counts = run.problems.filter((p) => p.reason === 'bad-count').map((p) => [p.value, p.severity]);
    // Usable: 3, 03, 3.0, 3., ' 3 ' (trimmed), '\u00A07' (trimmed). Counts are plain digits as years
    // are (no sign, no exponent) and at most MAX_COUNT (4294967296 is above it).
    expect(counts).toEqual([
      ['+3', 'error'],
      ['1e2', 'error'],
      ['1E2', 'error'],
      ['.5', 'error'],
      ['3.5', 'error'],
      ['-1', 'error'],
      ['-0', 'error'],
      ['0', 'warning'],
      ['0.0', 'warning'],
      ['', 'error'],
      ['abc', 'error'],
      ['1_000', 'error'],
      ['0x10', 'error'],
      ['4294967296', 'error'],
      ['1e400', 'error'],
      ['Infinity', 'error'],
    ]);
  });

  it('analyzeFileWithDuckDB trims and parses timelines like parseTimelines, blank rows included', async () => {
    const header = ['researcher_id', 'year', 'place', 'country', 'discipline', 'publications'];
    const rows: string[][] = [header];
    SPACES.forEach((s, i) => {
      rows.push([`r${i}`, `${s}2019`, `${s}Boston`, `US${s}`, `Medicine${s}`, `${s}2`]);
      rows.push([`r${i}${s}`, '2021', `London${s}`, `${s}GB`, 'Medicine', '1']);
    });
    YEARS.forEach((y, i) => rows.push([`y${i}`, y, 'Zürich', 'CH', 'Physics', '1']));
    COUNTS.forEach((c, i) => rows.push([`c${i}`, '2020', 'Bogotá', 'CO', 'Physics', c]));
    rows.push(header.map((_h, i) => ` ${SPACES[i + 4]}`));
    rows.push(header.map(() => ''));
    await expectSameAsJs(await csv('timelines.csv', rows, '\r\n'), { kind: 'timelines' });
  });
});

import { fromCSV } from 'arquero';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { parseMoves } from '../../src/records/parse-moves.ts';

const csv = (text: string) => fromCSV(text, { autoType: false });
const pick = (p: { line: number; field: string; value: string; reason: string; severity: string }) => [
  p.line,
  p.field,
  p.value,
  p.reason,
  p.severity,
];

describe('parseMoves', () => {
  it('parseMoves reads person-level rows with optional columns', () => {
    const r = parseMoves(
      csv(
        'researcher_id,from,to,year,discipline,from_country,to_country\nr1,Cambridge,Boston,2020,Medicine,US,US\nr2, Beijing ,Shenzhen,2021,,,\n',
      ),
      { file: 'm.csv' },
    );
    expect(r.problems).toEqual([]);
    expect(r.rowsRead).toBe(2);
    expect(r.records).toEqual([
      {
        researcherId: 'r1',
        from: 'Cambridge',
        to: 'Boston',
        fromCountry: 'US',
        toCountry: 'US',
        year: 2020,
        discipline: 'Medicine',
        count: 1,
        line: 2,
      },
      {
        researcherId: 'r2',
        from: 'Beijing',
        to: 'Shenzhen',
        fromCountry: null,
        toCountry: null,
        year: 2021,
        discipline: null,
        count: 1,
        line: 3,
      },
    ]);
  });

  it('parseMoves reads aggregated rows through a column map: no researcher id needed, count kept', () => {
    const text = 'n_migrations,year,iso3codefrom,iso3codeto\n1270,2014,USA,DEU\n131,2012,USA,SAU\n';
    const r = parseMoves(csv(text), { file: 'smd.csv', columns: { from: 'iso3codefrom', to: 'iso3codeto', count: 'n_migrations' } });
    expect(r.problems).toEqual([]);
    expect(r.records.map((m) => [m.researcherId, m.from, m.to, m.year, m.count])).toEqual([
      [null, 'USA', 'DEU', 2014, 1270],
      [null, 'USA', 'SAU', 2012, 131],
    ]);
  });

  it('parseMoves reports every missing required column on line 1 and returns no records', () => {
    const r = parseMoves(csv('from,year\nA,2019\n'), { file: 'm.csv' });
    expect(r.records).toEqual([]);
    expect(r.rowsRead).toBe(1);
    expect(r.problems.map(pick)).toEqual([
      [1, 'researcher_id', 'researcher_id', 'missing-column', 'error'],
      [1, 'to', 'to', 'missing-column', 'error'],
    ]);
  });

  it('parseMoves reports a mapped column that is absent with the mapped name as value', () => {
    const r = parseMoves(csv('researcher_id,from,to,year\nr,A,B,2019\n'), {
      file: 'm.csv',
      columns: { count: 'n_migrations', from: 'origin' },
    });
    expect(r.problems.map(pick)).toEqual([[1, 'from', 'origin', 'missing-column', 'error']]);
  });

  it('parseMoves collects all problems of all rows and never defaults a bad value', () => {
    const text = [
      'researcher_id,from,to,year,count',
      'r1,A,B,2019,2', // ok
      ',A,B,2019,1', // empty id is fine with a count column (aggregated row)
      'r3,,B,20x9,1', // empty-place and bad-year on one row
      'r4,A,B,1899,1', // bad-year: out of range
      'r5,A,B,2019,-3', // bad-count negative
      'r6,A,B,2019,1.5', // bad-count non-integer
      'r7,A,B,2019,many', // bad-count non-numeric
      'r8,A,B,2019,', // bad-count empty: not defaulted to 1
      'r9,A,B,2019,0', // zero: warning, skipped
      'r10,Boston,boston,2019,1', // self-move, case-insensitive
      'r11,A,B,2019.0,1', // integral .0 accepted
    ].join('\n');
    const r = parseMoves(csv(text), { file: 'm.csv' });
    expect(r.problems.map(pick)).toEqual([
      [4, 'from', '', 'empty-place', 'error'],
      [4, 'year', '20x9', 'bad-year', 'error'],
      [5, 'year', '1899', 'bad-year', 'error'],
      [6, 'count', '-3', 'bad-count', 'error'],
      [7, 'count', '1.5', 'bad-count', 'error'],
      [8, 'count', 'many', 'bad-count', 'error'],
      [9, 'count', '', 'bad-count', 'error'],
      [10, 'count', '0', 'bad-count', 'warning'],
      [11, 'to', 'boston', 'self-move', 'error'],
    ]);
    expect(r.records.map((m) => [m.line, m.researcherId, m.year, m.count])).toEqual([
      [2, 'r1', 2019, 2],
      [3, null, 2019, 1],
      [12, 'r11', 2019, 1],
    ]);
    expect(r.rowsRead).toBe(11);
  });

  it('parseMoves requires a researcher id per row when there is no count column', () => {
    const r = parseMoves(csv('researcher_id,from,to,year\n ,A,B,2019\n'), { file: 'm.csv' });
    expect(r.problems.map(pick)).toEqual([[2, 'researcher_id', '', 'empty-id', 'error']]);
  });

  it('parseMoves treats the same name in different countries as a move, not a self-move', () => {
    const r = parseMoves(
      csv('researcher_id,from,to,year,from_country,to_country\nr,Cambridge,Cambridge,2019,US,GB\nr,Cambridge,Cambridge,2020,GB,gb\n'),
      {
        file: 'm.csv',
      },
    );
    expect(r.records.map((m) => m.year)).toEqual([2019]);
    expect(r.problems.map(pick)).toEqual([[3, 'to', 'Cambridge', 'self-move', 'error']]);
  });

  it('parseMoves skips blank rows without counting them and uses rowLines and malformedRows from the reader', () => {
    const t = csv('researcher_id,from,to,year\nr1,A,B,2019\n,,,\nr2,A,B,2020\nr3,A,B,2021\n');
    const r = parseMoves(t, { file: 'm.csv', rowLines: [2, 4, 5, 7], malformedRows: new Map([[3, '5 fields']]) });
    expect(r.rowsRead).toBe(3);
    expect(r.records.map((m) => [m.researcherId, m.line])).toEqual([
      ['r1', 2],
      ['r2', 5],
    ]);
    expect(r.problems.map(pick)).toEqual([[7, 'row', '5 fields', 'malformed-row', 'error']]);
  });

  it('parseMoves skips a row of only Unicode white space (no-break, ideographic, BOM) as blank', () => {
    // Row 3 holds U+00A0, U+3000, U+FEFF and U+2003: every cell trims to '', so the row is blank
    // (not read, no problems), while row 4 starts with U+00A0 before a real id and is read.
    const t = csv('researcher_id,from,to,year\nr1,A,B,2019\n\u00a0,\u3000,\ufeff,\u2003\n\u00a0r2,A,B,2020\n');
    const r = parseMoves(t, { file: 'm.csv' });
    expect(r.rowsRead).toBe(2);
    expect(r.problems).toEqual([]);
    expect(r.records.map((m) => [m.researcherId, m.line])).toEqual([
      ['r1', 2],
      ['r2', 4],
    ]);
  });

  it('parseMoves rejects an unknown field in columns with OptionError', () => {
    expect(() => parseMoves(csv('a\n1\n'), { file: 'm.csv', columns: { origin: 'a' } })).toThrow(OptionError);
  });
});

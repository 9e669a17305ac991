import { fromCSV } from 'arquero';
import { describe, expect, it } from 'vitest';
import { parseTimelines } from '../../src/records/parse-timelines.ts';

const csv = (text: string) => fromCSV(text, { autoType: false });
const pick = (p: { line: number; field: string; value: string; reason: string; severity: string }) => [
  p.line,
  p.field,
  p.value,
  p.reason,
  p.severity,
];

describe('parseTimelines', () => {
  it('parseTimelines reads rows, one publication each without a publications column', () => {
    const r = parseTimelines(csv('Researcher_ID,Year,Place,Country,Discipline\nr1,2019,Boston,US,Medicine\nr1,2020,Cambridge,,\n'), {
      file: 't.csv',
    });
    expect(r.problems).toEqual([]);
    expect(r.records).toEqual([
      { researcherId: 'r1', year: 2019, place: 'Boston', country: 'US', discipline: 'Medicine', publications: 1, line: 2 },
      { researcherId: 'r1', year: 2020, place: 'Cambridge', country: null, discipline: null, publications: 1, line: 3 },
    ]);
  });

  it('parseTimelines reads a publications column and reports bad values without defaulting them', () => {
    const text = [
      'author,year,city,publications',
      'r1,2019,A,3',
      'r2,2019,A,0',
      'r3,2019,A,',
      'r4,2019,A,2.5',
      ',2019,,1',
      'r6,nineteen,A,1',
    ].join('\n');
    const r = parseTimelines(csv(text), { file: 't.csv', columns: { researcher_id: 'author', place: 'city' } });
    expect(r.records.map((x) => [x.researcherId, x.publications])).toEqual([['r1', 3]]);
    expect(r.problems.map(pick)).toEqual([
      [3, 'publications', '0', 'bad-count', 'warning'],
      [4, 'publications', '', 'bad-count', 'error'],
      [5, 'publications', '2.5', 'bad-count', 'error'],
      [6, 'researcher_id', '', 'empty-id', 'error'],
      [6, 'place', '', 'empty-place', 'error'],
      [7, 'year', 'nineteen', 'bad-year', 'error'],
    ]);
    expect(r.rowsRead).toBe(6);
  });

  it('parseTimelines reports a missing place column once, on line 1', () => {
    const r = parseTimelines(csv('researcher_id,year\nr1,2019\n'), { file: 't.csv' });
    expect(r.records).toEqual([]);
    expect(r.problems.map(pick)).toEqual([[1, 'place', 'place', 'missing-column', 'error']]);
  });
});

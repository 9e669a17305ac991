import { describe, expect, it } from 'vitest';
import type { TimelineRecord } from '../../src/records/types.ts';
import { compareTimelineRecords, foldTimelines } from '../../src/sources/aggregate.ts';
import { createRng } from '../../src/random.ts';

const row = (
  researcherId: string,
  year: number,
  place: string,
  discipline: string | null,
  line: number,
  publications = 1,
): TimelineRecord => ({
  researcherId,
  year,
  place,
  country: 'XX',
  discipline,
  publications,
  line,
});

describe('foldTimelines', () => {
  it('foldTimelines sums publications per researcher, year, place, country and discipline, keeping the first line', () => {
    const folded = foldTimelines([
      row('b', 2020, 'Oslo', null, 5),
      row('a', 2021, 'Oslo', 'Medicine', 9, 2),
      row('a', 2021, 'Oslo', 'Medicine', 4),
      row('a', 2021, 'Oslo', null, 3),
      row('a', 2019, 'Bergen', 'Medicine', 7),
    ]);
    expect(folded.map((r) => `${r.researcherId} ${r.year} ${r.place} ${r.discipline} ${r.publications} @${r.line}`)).toEqual([
      'a 2019 Bergen Medicine 1 @7',
      'a 2021 Oslo null 1 @3',
      'a 2021 Oslo Medicine 3 @4',
      'b 2020 Oslo null 1 @5',
    ]);
  });

  it('foldTimelines preserves total publications and gives the same result for any input order', () => {
    const rng = createRng(11);
    const rows: TimelineRecord[] = [];
    for (let i = 0; i < 500; i++) {
      rows.push(
        row(
          `r${Math.floor(rng() * 20)}`,
          2015 + Math.floor(rng() * 8),
          ['Oslo', 'Bergen', 'Tromsø'][Math.floor(rng() * 3)]!,
          rng() < 0.5 ? 'Medicine' : null,
          i + 1,
          1 + Math.floor(rng() * 3),
        ),
      );
    }
    const folded = foldTimelines(rows);
    const total = (rs: TimelineRecord[]) => rs.reduce((s, r) => s + r.publications, 0);
    expect(total(folded)).toBe(total(rows));
    const shuffled = [...rows].sort(() => rng() - 0.5);
    expect(foldTimelines(shuffled)).toEqual(folded);
    for (let i = 1; i < folded.length; i++) expect(compareTimelineRecords(folded[i - 1]!, folded[i]!)).toBeLessThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { describeResearchers } from '../../src/timelines/describe.ts';
import { forEachProfile, groupRows, rankIds } from '../../src/timelines/profiles.ts';
import { timelineRows, type TimelineEntry } from '../../src/timelines/rows.ts';

const e = (year: number, place: string, publications = 1, discipline: string | null = null): TimelineEntry => ({
  researcherId: 'r',
  year,
  place,
  publications,
  discipline,
});

/** The place chosen for each year of researcher r, as [year, place, publications]. */
function chosen(entries: TimelineEntry[]) {
  return describeResearchers(timelineRows(entries))[0]!.years.map((y) => [y.year, y.place, y.publications]);
}

describe('forEachProfile', () => {
  it('forEachProfile takes the place with the most publications that year, adding rows at the same place', () => {
    // 2019: A 1 + A 1 = 2 > B 1 → A (3 publications in all).
    expect(chosen([e(2019, 'B'), e(2019, 'A'), e(2019, 'A')])).toEqual([[2019, 'A', 3]]);
    // Publications, not rows: one B row with 3 beats two A rows.
    expect(chosen([e(2019, 'A'), e(2019, 'A'), e(2019, 'B', 3)])).toEqual([[2019, 'B', 5]]);
  });

  it('forEachProfile breaks ties by the place of the previous publication year, else alphabetically', () => {
    // 2019 tie A/B with no previous year → A (alphabetical).
    expect(chosen([e(2019, 'B'), e(2019, 'A')])).toEqual([[2019, 'A', 2]]);
    // 2018 at B; 2019 tie A/B → B (the previous place wins the tie).
    expect(chosen([e(2018, 'B'), e(2019, 'A'), e(2019, 'B')])).toEqual([
      [2018, 'B', 1],
      [2019, 'B', 2],
    ]);
    // 2017 at C; 2019 tie A/B, C not among them → A. "Previous" is the previous publication year (2018 has none).
    expect(chosen([e(2017, 'C'), e(2019, 'B'), e(2019, 'A')]).at(-1)).toEqual([2019, 'A', 2]);
    // The previous place only breaks ties: B 1 < A 2.
    expect(chosen([e(2018, 'B'), e(2019, 'A', 2), e(2019, 'B')]).at(-1)).toEqual([2019, 'A', 3]);
    // Ties chain: 2018 tie → A; 2019 tie A/B → A again.
    expect(chosen([e(2018, 'B'), e(2018, 'A'), e(2019, 'B'), e(2019, 'A')]).map((y) => y[1])).toEqual(['A', 'A']);
  });

  it('forEachProfile orders years whatever the input order and compares place ids by code units', () => {
    expect(chosen([e(2021, 'b'), e(2019, 'B'), e(2021, 'B')]).map((y) => [y[0], y[1]])).toEqual([
      [2019, 'B'],
      [2021, 'B'], // 'B' (66) < 'b' (98); also the previous place
    ]);
    expect(chosen([e(2021, 'b'), e(2021, 'Z')]).map((y) => y[1])).toEqual(['Z']);
  });

  it('forEachProfile picks the primary discipline by publications, ties alphabetical', () => {
    const rows = timelineRows([
      { researcherId: 'x', year: 2019, place: 'A', discipline: 'Physics', publications: 2 },
      { researcherId: 'x', year: 2020, place: 'A', discipline: 'Chemistry', publications: 2 },
      { researcherId: 'y', year: 2019, place: 'A', discipline: 'Physics' },
      { researcherId: 'y', year: 2020, place: 'A', discipline: 'Chemistry' },
      { researcherId: 'y', year: 2021, place: 'A', discipline: 'Physics' },
      { researcherId: 'z', year: 2021, place: 'A' },
    ]);
    expect(describeResearchers(rows).map((r) => [r.researcherId, r.discipline])).toEqual([
      ['x', 'Chemistry'],
      ['y', 'Physics'],
      ['z', null],
    ]);
  });

  it('forEachProfile visits every researcher once with rows in year order', () => {
    const rows = timelineRows([
      { researcherId: 'b', year: 2022, place: 'X' },
      { researcherId: 'a', year: 2020, place: 'Y' },
      { researcherId: 'b', year: 2001, place: 'Y' },
      { researcherId: 'a', year: 2010, place: 'X' },
    ]);
    const seen: Array<[string, number[]]> = [];
    forEachProfile(rows, (p) => seen.push([rows.researcherIds[p.researcher]!, [...p.rowYears.subarray(0, p.rowCount)]]));
    expect(seen).toEqual([
      ['b', [2001, 2022]],
      ['a', [2010, 2020]],
    ]);
  });
});

describe('groupRows', () => {
  it('groupRows orders row indices by researcher then year, stable within a year', () => {
    const rows = timelineRows([
      { researcherId: 'a', year: 2020, place: 'P' }, // 0
      { researcherId: 'b', year: 2019, place: 'P' }, // 1
      { researcherId: 'a', year: 2019, place: 'Q' }, // 2
      { researcherId: 'a', year: 2020, place: 'R' }, // 3
    ]);
    const { order, start } = groupRows(rows);
    expect([...order]).toEqual([2, 0, 3, 1]);
    expect([...start]).toEqual([0, 3, 4]);
  });
});

describe('rankIds', () => {
  it('rankIds ranks ids in code-unit order', () => {
    expect([...rankIds(['b', 'B', 'a', 'Ä'])]).toEqual([2, 0, 1, 3]);
  });
});

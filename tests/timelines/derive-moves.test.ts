import { describe, expect, it } from 'vitest';
import { deriveMoves } from '../../src/timelines/derive-moves.ts';
import { timelineRows } from '../../src/timelines/rows.ts';

describe('deriveMoves', () => {
  it('deriveMoves skips years without publications: A 2015, B 2018 is one move arriving in 2018', () => {
    const rows = timelineRows([
      { researcherId: 'r', year: 2015, place: 'A' },
      { researcherId: 'r', year: 2018, place: 'B' },
    ]);
    expect(deriveMoves(rows)).toEqual([{ researcherId: 'r', source: 'A', target: 'B', year: 2018, discipline: null, count: 1 }]);
  });

  it('deriveMoves emits a move at each change of place, including returns, with the primary discipline', () => {
    // Chosen places: 2015 A, 2017 A, 2020 B, 2021 A (2021: A 2 > B 1), 2023 A.
    const rows = timelineRows([
      { researcherId: 'r', year: 2015, place: 'A', discipline: 'Medicine' },
      { researcherId: 'r', year: 2017, place: 'A', discipline: 'Medicine' },
      { researcherId: 'r', year: 2020, place: 'B', discipline: 'Physics' },
      { researcherId: 'r', year: 2021, place: 'A', publications: 2 },
      { researcherId: 'r', year: 2021, place: 'B' },
      { researcherId: 'r', year: 2023, place: 'A' },
      { researcherId: 's', year: 2021, place: 'C' },
    ]);
    expect(deriveMoves(rows).map((m) => [m.researcherId, m.source, m.target, m.year, m.discipline])).toEqual([
      ['r', 'A', 'B', 2020, 'Medicine'],
      ['r', 'B', 'A', 2021, 'Medicine'],
    ]);
  });

  it('deriveMoves gives no move to a researcher who stays, or has a single year', () => {
    const rows = timelineRows([
      { researcherId: 'r', year: 2015, place: 'A' },
      { researcherId: 'r', year: 2023, place: 'A' },
      { researcherId: 's', year: 2019, place: 'A' },
      { researcherId: 's', year: 2019, place: 'B' },
    ]);
    expect(deriveMoves(rows)).toEqual([]);
    expect(deriveMoves(timelineRows([]))).toEqual([]);
  });
});

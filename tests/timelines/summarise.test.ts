import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { createRng } from '../../src/random.ts';
import { describeResearchers } from '../../src/timelines/describe.ts';
import { timelineRows, type TimelineEntry } from '../../src/timelines/rows.ts';
import { emptyPlaceStock, summariseTimelines } from '../../src/timelines/summarise.ts';
import { naiveSummary } from './naive.ts';

function person(id: string, discipline: string | null, years: Array<[number, string, number?]>): TimelineEntry[] {
  return years.map(([year, place, publications]) => ({ researcherId: id, year, place, publications: publications ?? 1, discipline }));
}

// Window 2019–2023. Worked out by hand:
//   a  A 2016, A 2020, 2021, 2023         active, age 7; home A; pre-window at A → not inflow; present before at A, stayed
//   b  B 2017, A 2020, 2022, 2023         active, age 6; home A; pre-window only B → inflow into A; left B
//   c  2017 B×2 + A×1, A 2021, 2022, 2023 active, age 6; home A; a raw pre-window row at A → not inflow; last pre place B (2 > 1) → left B
//   d  C 2019, C 2020, A 2021, A 2022     active, age 3 → young; home A; no pre-window years
//   e  A 2019 ×2, A 2020                  3 publications, none in 2021–2023 → not active
//   f  D 2010, D 2018, D 2021 ×3          active, age 11; home D; present before at D, stayed
//   g  E 2018, 2021, 2022, 2023           active, age 5 → young; home E; present before at E
//   h  E 2017, 2021, 2022, 2023           active, age 6 → not young, yet young in 2021 (age 4) and 2022 (age 5)
// youngByYear counts, per year t, active researchers at a place in t with t − first ≤ 5:
//   A 2020: a (4), b (3) = 2;  2021: a (5), c (4), d (2) = 3;  2022: b (5), c (5), d (3) = 3;  2023: a 7, b 6, c 6 → 0
//   C 2019, 2020: d;  E 2021: g (3), h (4);  2022: g (4), h (5);  2023: g (5)
const POPULATION: TimelineEntry[] = [
  ...person('a', 'Medicine', [
    [2016, 'A'],
    [2020, 'A'],
    [2021, 'A'],
    [2023, 'A'],
  ]),
  ...person('b', 'CS', [
    [2017, 'B'],
    [2020, 'A'],
    [2022, 'A'],
    [2023, 'A'],
  ]),
  ...person('c', null, [
    [2017, 'B', 2],
    [2017, 'A'],
    [2021, 'A'],
    [2022, 'A'],
    [2023, 'A'],
  ]),
  ...person('d', 'Physics', [
    [2019, 'C'],
    [2020, 'C'],
    [2021, 'A'],
    [2022, 'A'],
  ]),
  ...person('e', 'Physics', [
    [2019, 'A', 2],
    [2020, 'A'],
  ]),
  ...person('f', null, [
    [2010, 'D'],
    [2018, 'D'],
    [2021, 'D', 3],
  ]),
  ...person('g', null, [
    [2018, 'E'],
    [2021, 'E'],
    [2022, 'E'],
    [2023, 'E'],
  ]),
  ...person('h', null, [
    [2017, 'E'],
    [2021, 'E'],
    [2022, 'E'],
    [2023, 'E'],
  ]),
];

const years = (y2019: number, y2020: number, y2021: number, y2022: number, y2023: number) => ({
  '2019': y2019,
  '2020': y2020,
  '2021': y2021,
  '2022': y2022,
  '2023': y2023,
});

// Padded researchers per place and year (population.ts): each publication year's place holds
// until the year before the next publication year.
//   a  A 2016–2023            b  B 2017–2019, A 2020–2023      c  B 2017–2020 (2017: B×2 beats A×1), A 2021–2023
//   d  C 2019–2020, A 2021–2022   e  A 2019–2020   f  D 2010–2021   g  E 2018–2023   h  E 2017–2023
const span = (from: number, counts: number[]) => Object.fromEntries(counts.map((n, i) => [String(from + i), n]));
const POP = {
  //              2016 2017 2018 2019 2020 2021 2022 2023
  A: span(2016, [1, 1, 1, 2, 3, 4, 4, 3]),
  B: span(2017, [2, 2, 2, 1]),
  C: span(2019, [1, 1]),
  D: span(2010, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  E: span(2017, [1, 2, 2, 2, 2, 2, 2]),
};

describe('summariseTimelines', () => {
  it('summariseTimelines counts stock, young, SET inflow, presence before and departures per place by hand', () => {
    const s = summariseTimelines(timelineRows(POPULATION));
    expect(s.researchers).toBe(8);
    expect(s.active).toBe(7);
    expect(Object.fromEntries(s.stock)).toEqual({
      A: {
        stock: 4,
        young: 1,
        inflowSet: 1,
        leftSet: 0,
        presentBefore: 1,
        youngByYear: years(0, 2, 3, 3, 0),
        byDiscipline: { CS: 1, Medicine: 1, Physics: 1 },
        researchersByYear: POP.A,
      },
      B: {
        stock: 0,
        young: 0,
        inflowSet: 0,
        leftSet: 2,
        presentBefore: 2,
        youngByYear: years(0, 0, 0, 0, 0),
        byDiscipline: {},
        researchersByYear: POP.B,
      },
      C: {
        stock: 0,
        young: 0,
        inflowSet: 0,
        leftSet: 0,
        presentBefore: 0,
        youngByYear: years(1, 1, 0, 0, 0),
        byDiscipline: {},
        researchersByYear: POP.C,
      },
      D: {
        stock: 1,
        young: 0,
        inflowSet: 0,
        leftSet: 0,
        presentBefore: 1,
        youngByYear: years(0, 0, 0, 0, 0),
        byDiscipline: {},
        researchersByYear: POP.D,
      },
      E: {
        stock: 2,
        young: 1,
        inflowSet: 0,
        leftSet: 0,
        presentBefore: 2,
        youngByYear: years(0, 0, 2, 2, 1),
        byDiscipline: {},
        researchersByYear: POP.E,
      },
    });
    expect(s.moves.map((m) => [m.researcherId, m.source, m.target, m.year, m.discipline])).toEqual([
      ['b', 'B', 'A', 2020, 'CS'],
      ['c', 'B', 'A', 2021, null],
      ['d', 'C', 'A', 2021, 'Physics'],
    ]);
  });

  it('summariseTimelines agrees with describeResearchers, researcher by researcher', () => {
    const d = describeResearchers(timelineRows(POPULATION));
    expect(d.map((r) => [r.researcherId, r.active, r.academicAge, r.young, r.home, r.flowedIn, r.lastPlaceBefore])).toEqual([
      ['a', true, 7, false, 'A', false, 'A'],
      ['b', true, 6, false, 'A', true, 'B'],
      ['c', true, 6, false, 'A', false, 'B'],
      ['d', true, 3, true, 'A', false, null],
      ['e', false, 1, false, 'A', false, null],
      ['f', true, 11, false, 'D', false, 'D'],
      ['g', true, 5, true, 'E', false, 'E'],
      ['h', true, 6, false, 'E', false, 'E'],
    ]);
  });

  it('summariseTimelines moves the window: with 2015–2019 the same people count differently', () => {
    const s = summariseTimelines(timelineRows(POPULATION), { window: [2015, 2019] });
    // Active 2015–2019 (≥ 3 publications, ≥ 1 in 2017–2019): c (3 in 2017) only; e has 2 in 2019, h 1, g 1, f 1, b 1, a 1.
    expect(s.active).toBe(1);
    // Every place with researchers in some year is listed (its population), with stock 0 where no one is at home.
    expect(Object.fromEntries([...s.stock].map(([k, v]) => [k, v.stock]))).toEqual({ A: 0, B: 1, C: 0, D: 0, E: 0 });
  });

  it('summariseTimelines matches an independent plain implementation on 300 random researchers (5 seeds, 2 windows)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = createRng(seed);
      const places = ['Beijing', 'Boston', 'Hong Kong', 'Shenzhen', 'Tokyo', 'Paris'];
      const disciplines = ['Medicine', 'Physics', 'Computer Science', null];
      const entries: TimelineEntry[] = [];
      for (let r = 0; r < 300; r++) {
        const start = 2008 + Math.floor(rng() * 16);
        const rows = 1 + Math.floor(rng() * 12);
        for (let k = 0; k < rows; k++) {
          entries.push({
            researcherId: `r${r}`,
            year: start + Math.floor(rng() * 8),
            place: places[Math.floor(rng() * (r % 3 === 0 ? 2 : places.length))]!,
            publications: 1 + Math.floor(rng() * (rng() < 0.7 ? 1 : 3)),
            discipline: disciplines[Math.floor(rng() * disciplines.length)]!,
          });
        }
      }
      // Shuffle so that input order says nothing.
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      for (const window of [
        [2019, 2023],
        [2012, 2016],
      ] as Array<[number, number]>) {
        const fast = summariseTimelines(timelineRows(entries), { window });
        const slow = naiveSummary(entries, window);
        expect([fast.researchers, fast.active]).toEqual([slow.researchers, slow.active]);
        expect(Object.fromEntries(fast.stock)).toEqual(Object.fromEntries(slow.stock));
        const sorted = (moves: typeof fast.moves) =>
          moves.map((m) => JSON.stringify([m.researcherId, m.year, m.source, m.target, m.discipline, m.count])).sort();
        expect(sorted(fast.moves)).toEqual(sorted(slow.moves));
        expect(fast.active).toBeGreaterThan(0);
      }
    }
  });

  it('summariseTimelines counts every active researcher once in stock and at most once in presentBefore', () => {
    const s = summariseTimelines(timelineRows(POPULATION));
    const total = (k: 'stock' | 'presentBefore') => [...s.stock.values()].reduce((n, p) => n + p[k], 0);
    expect(total('stock')).toBe(s.active);
    expect(total('presentBefore')).toBe(6); // a, b, c, f, g, h have pre-window years
  });

  it('summariseTimelines rejects a bad window with OptionError', () => {
    expect(() => summariseTimelines(timelineRows(POPULATION), { window: [2023, 2019] })).toThrow(OptionError);
  });
});

describe('emptyPlaceStock', () => {
  it('emptyPlaceStock has zeros and every window year', () => {
    expect(emptyPlaceStock([2019, 2021])).toEqual({
      stock: 0,
      young: 0,
      inflowSet: 0,
      leftSet: 0,
      presentBefore: 0,
      youngByYear: { '2019': 0, '2020': 0, '2021': 0 },
      researchersByYear: {},
      byDiscipline: {},
    });
  });
});

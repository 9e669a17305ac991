import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { comparePeriods, competitionRanks } from '../../src/analyses/compare-periods.ts';
import { compareTable, COMPARE_COLUMNS } from '../../src/exports/compare-table.ts';
import { risingFalling } from '../../src/report/rising-falling.ts';
import { flowGraph } from './helpers.ts';

// A → B: 5 in 2000, 1 in 2003;  B → A: 2 in 2001, 6 in 2002;  B → C: 1 in 2000, 4 in 2003;  C → A: 3 in 2002.
// Period 1 = 2000–2001: A in 2, out 5 (net −3); B in 5, out 3 (net +2); C in 1, out 0 (net +1).
// Period 2 = 2002–2003: A in 9, out 1 (net +8); B in 1, out 10 (net −9); C in 4, out 3 (net +1).
// Balance 1: A −3/7, B 2/8 = 0.25, C 1;  balance 2: A 8/10 = 0.8, B −9/11, C 1/7.
const graph = () => {
  const g = flowGraph(
    ['A', 'B', 'C'],
    [
      ['A', 'B', 6, { byYear: { '2000': 5, '2003': 1 } }],
      ['B', 'A', 8, { byYear: { '2001': 2, '2002': 6 } }],
      ['B', 'C', 5, { byYear: { '2000': 1, '2003': 4 } }],
      ['C', 'A', 3, { byYear: { '2002': 3 } }],
    ],
  );
  g.setAttribute('years', [2000, 2003]);
  return g;
};
const PERIODS: [[number, number], [number, number]] = [
  [2000, 2001],
  [2002, 2003],
];

describe('comparePeriods', () => {
  it('comparePeriods sums each period, ranks places and gives the changes, by hand', () => {
    const r = comparePeriods(graph(), { periods: PERIODS });
    expect(r.rows.map((x) => x.place)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = r.rows as [(typeof r.rows)[0], (typeof r.rows)[0], (typeof r.rows)[0]];
    // Net inflow ranks: period 1 B (+2) 1, C (+1) 2, A (−3) 3; period 2 A (+8) 1, C (+1) 2, B (−9) 3.
    expect(a.measures.net_inflow).toEqual({ values: [-3, 8], change: 11, ranks: [3, 1], rankChange: 2 });
    expect(b.measures.net_inflow).toEqual({ values: [2, -9], change: -11, ranks: [1, 3], rankChange: -2 });
    expect(c.measures.net_inflow).toEqual({ values: [1, 1], change: 0, ranks: [2, 2], rankChange: 0 });
    // Inflow: period 1 B 5, A 2, C 1; period 2 A 9, C 4, B 1.
    expect(a.measures.inflow).toEqual({ values: [2, 9], change: 7, ranks: [2, 1], rankChange: 1 });
    expect(c.measures.outflow.values).toEqual([0, 3]);
    expect(a.measures.balance.values[0]).toBeCloseTo(-3 / 7, 12);
    expect(b.measures.balance.values[1]).toBeCloseTo(-9 / 11, 12);
    expect([a.balanceClass, b.balanceClass, c.balanceClass]).toEqual([
      ['exporter', 'magnet'],
      ['magnet', 'exporter'],
      ['magnet', 'balanced'],
    ]);
    // Without population no rate.
    expect(a.measures.net_rate).toEqual({ values: [null, null], change: null, ranks: [null, null], rankChange: null });
  });

  it('comparePeriods divides by the researcher-years with a known population', () => {
    const population = new Map([
      [
        'A',
        new Map([
          [2000, 10],
          [2001, 10],
          [2002, 20],
          [2003, 20],
        ]),
      ],
      ['B', new Map([[2000, 5]])],
    ]);
    const r = comparePeriods(graph(), { periods: PERIODS, population });
    const rate = (p: string) => r.rows.find((x) => x.place === p)!.measures.net_rate;
    // A: −3 / 20 and 8 / 40.  B: only 2000 has a population: net that year = 5 (from A) − 1 (to C) → 4 / 5; none in period 2.
    expect(rate('A')).toEqual({ values: [-0.15, 0.2], change: 0.2 - -0.15, ranks: [2, 1], rankChange: 1 });
    expect(rate('B')).toEqual({ values: [0.8, null], change: null, ranks: [1, null], rankChange: null });
    expect(rate('C').values).toEqual([null, null]);
    // A population beyond the moves' years (2000–2003) gives no rate: no moves to divide.
    const later = comparePeriods(graph(), {
      periods: [
        [2000, 2003],
        [2010, 2011],
      ],
      population: new Map([['A', new Map([[2010, 50]])]]),
    });
    expect(later.rows.find((x) => x.place === 'A')!.measures.net_rate.values).toEqual([null, null]);
  });

  it('comparePeriods: the two periods of one graph net to zero, and a period outside the moves gives zeros', () => {
    const r = comparePeriods(graph(), {
      periods: [
        [2000, 2003],
        [1990, 1991],
      ],
    });
    expect(r.rows.reduce((s, x) => s + x.measures.net_inflow.values[0]!, 0)).toBe(0);
    expect(r.rows.map((x) => x.measures.inflow.values[1])).toEqual([0, 0, 0]);
    expect(r.rows.map((x) => x.balanceClass[1])).toEqual([null, null, null]);
  });

  it('comparePeriods rejects malformed periods with OptionError', () => {
    expect(() =>
      comparePeriods(graph(), {
        periods: [
          [2003, 2000],
          [2001, 2002],
        ],
      }),
    ).toThrow(OptionError);
    expect(() => comparePeriods(graph(), { periods: [[2000, 2001]] as never })).toThrow(OptionError);
  });
});

describe('competitionRanks', () => {
  it('competitionRanks gives 1 to the largest and shares ties at the smaller rank', () => {
    expect(competitionRanks([3, 5, 5, null, 1])).toEqual([3, 1, 1, null, 4]);
  });
});

describe('compareTable', () => {
  it('compareTable writes the periods and, per measure, both values, change, ranks and rank change', () => {
    const t = compareTable(comparePeriods(graph(), { periods: PERIODS }));
    expect(t.columns).toEqual([...COMPARE_COLUMNS]);
    expect(t.columns.slice(0, 9)).toEqual([
      'place',
      'period_1',
      'period_2',
      'inflow_1',
      'inflow_2',
      'inflow_change',
      'inflow_rank_1',
      'inflow_rank_2',
      'inflow_rank_change',
    ]);
    expect(t.rows[0]).toMatchObject({
      place: 'A',
      period_1: '2000-2001',
      period_2: '2002-2003',
      net_inflow_1: -3,
      net_inflow_2: 8,
      net_inflow_change: 11,
      net_inflow_rank_1: 3,
      net_inflow_rank_2: 1,
      net_inflow_rank_change: 2,
      balance_class_1: 'exporter',
      balance_class_2: 'magnet',
    });
  });
});

describe('risingFalling', () => {
  it('risingFalling lists the largest gain and loss and who switched sides', () => {
    const text = risingFalling(comparePeriods(graph(), { periods: PERIODS }), (k) => `place ${k}`, 5);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Rising and falling (net inflow, 2000–2001 → 2002–2003; rank 1 = largest net inflow)');
    expect(lines[1]).toBe('Rising (largest gain in net inflow)');
    expect(lines[3]).toMatch(/^ {2}place A +−3 +\+8 +\+11 +3 → 1$/);
    expect(lines[4]).toBe('Falling (largest loss in net inflow)');
    expect(lines[6]).toMatch(/^ {2}place B +\+2 +−9 +−11 +1 → 3$/);
    expect(lines[7]).toBe('Net sender → net receiver: place A');
    expect(lines[8]).toBe('Net receiver → net sender: place B');
  });
});

/**
 * Period comparison: each place's flows in two periods side by side, with the change and the
 * change of rank, to say who rose and who fell (China: a net sender in 1998–2004, a net receiver
 * in 2012–2018 on the SMD country flows).
 *
 * For a period P = [first, last] (arrival years, inclusive) and a place A, summed over the years
 * of P from the yearly series (`time-series.ts`):
 *
 *   inflow, outflow, net_inflow   moves in, out, in − out
 *   balance                       (in − out) / (in + out); null without flow
 *   net_rate                      Σ (in − out) / Σ population over the years of P with a known
 *                                 population (net migrations per researcher-year, the SMD rate
 *                                 of a longer span); null without population
 *   balance_class                 magnet / balanced / exporter by balance (`balance-class.ts` rule)
 *
 * Each numeric measure gets its change (period 2 − period 1) and its rank in each period among
 * the places with a value (1 = largest; ties share the smaller rank: 1, 2, 2, 4), and the rank
 * change (rank 1 − rank 2: positive = rose). Places: every place with a move or a population in
 * either period. Only years within the moves' span (the graph's `years`) count: a period beyond
 * it has no moves, and its population gives no rate.
 */
import { compareText } from '../graph/breakdowns.ts';
import { OptionError } from '../errors.ts';
import { checkGraph } from './graph-input.ts';
import { checkNumber } from './option-checks.ts';
import type { AnyGraph } from './graph-input.ts';
import { DEFAULTS as BALANCE_DEFAULTS } from './balance-class.ts';
import { timeSeries, type PopulationTable } from './time-series.ts';
import type { BalanceClass } from './types.ts';

/** The measures compared, in column order. */
export const COMPARED_MEASURES = ['inflow', 'outflow', 'net_inflow', 'balance', 'net_rate'] as const;
export type ComparedMeasure = (typeof COMPARED_MEASURES)[number];

export interface ComparePeriodsOptions {
  /** The two periods, [[first, last], [first, last]] (arrival years, inclusive). */
  periods: [[number, number], [number, number]];
  /** Population by place and year for net_rate; absent: the nodes' `researchersByYear`, if any. */
  population?: PopulationTable | null;
  /** |balance| from which a place is a magnet or an exporter (default 0.2, as `balanceClass`). */
  balanceThreshold?: number;
}

/** One measure of one place in both periods. */
export interface ComparedValue {
  values: [number | null, number | null];
  /** Period 2 − period 1; null when either is null. */
  change: number | null;
  ranks: [number | null, number | null];
  /** Rank in period 1 − rank in period 2 (positive: rose); null when either is null. */
  rankChange: number | null;
}

export interface ComparisonRow {
  place: string;
  measures: Record<ComparedMeasure, ComparedValue>;
  balanceClass: [BalanceClass | null, BalanceClass | null];
}

export interface ComparisonResult {
  periods: [[number, number], [number, number]];
  /** Rows by place key. */
  rows: ComparisonRow[];
}

/** Ranks of `values` (1 = largest, ties share the smaller rank); null stays null. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  const first = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!first.has(v)) first.set(v, i + 1);
  });
  return values.map((v) => (v === null ? null : first.get(v)!));
}

function checkPeriods(periods: unknown): [[number, number], [number, number]] {
  const ok = (p: unknown): p is [number, number] =>
    Array.isArray(p) && p.length === 2 && p.every(Number.isInteger) && (p[0] as number) <= (p[1] as number);
  if (!Array.isArray(periods) || periods.length !== 2 || !periods.every(ok)) {
    throw new OptionError('periods', periods, 'two periods [[first, last], [first, last]] of whole-number years, first ≤ last');
  }
  const [a, b] = periods as [[number, number], [number, number]];
  return [
    [a[0], a[1]],
    [b[0], b[1]],
  ];
}

interface Sums {
  inflow: number;
  outflow: number;
  net: number;
  population: number;
  netWithPopulation: number;
  hasPopulation: boolean;
  any: boolean;
}

const empty = (): Sums => ({ inflow: 0, outflow: 0, net: 0, population: 0, netWithPopulation: 0, hasPopulation: false, any: false });

/**
 * Compares every place between two periods (rule above).
 *
 * @example
 * const { rows } = comparePeriods(graph, { periods: [[1998, 2004], [2012, 2018]] });
 * rows.find((r) => r.place === 'CHN')!.measures.net_inflow.values; // [−1601, 8209]
 * @throws OptionError on malformed periods, population or threshold.
 */
export function comparePeriods(graph: AnyGraph, options: ComparePeriodsOptions): ComparisonResult {
  checkGraph(graph);
  const periods = checkPeriods(options?.periods);
  const threshold = checkNumber('balanceThreshold', options.balanceThreshold ?? BALANCE_DEFAULTS.balanceThreshold, {
    min: 0,
    minExclusive: true,
    max: 1,
  });
  // Only years the moves cover: a population beyond them has no moves to be a rate of.
  const span = (graph.getAttribute('years') as [number, number] | null | undefined) ?? null;
  const lo = Math.max(Math.min(periods[0][0], periods[1][0]), span ? span[0] : -Infinity);
  const hi = Math.min(Math.max(periods[0][1], periods[1][1]), span ? span[1] : Infinity);
  const series =
    lo <= hi && Number.isFinite(lo) && Number.isFinite(hi)
      ? timeSeries(graph, { population: options.population ?? null, years: [lo, hi] })
      : timeSeries(graph, { population: options.population ?? null });

  const sums = new Map<string, [Sums, Sums]>();
  for (const r of series.rows) {
    let s = sums.get(r.place);
    if (!s) sums.set(r.place, (s = [empty(), empty()]));
    periods.forEach(([a, b], k) => {
      if (r.year < a || r.year > b) return;
      const t = s![k]!;
      t.any = true;
      t.inflow += r.inflow;
      t.outflow += r.outflow;
      t.net += r.netInflow;
      if (r.population !== null) {
        t.population += r.population;
        t.netWithPopulation += r.netInflow;
        t.hasPopulation = true;
      }
    });
  }
  const places = [...sums.keys()].filter((p) => sums.get(p)!.some((s) => s.any)).sort(compareText);

  const measure = (s: Sums, m: ComparedMeasure): number | null => {
    switch (m) {
      case 'inflow':
        return s.inflow;
      case 'outflow':
        return s.outflow;
      case 'net_inflow':
        return s.net;
      case 'balance':
        return s.inflow + s.outflow > 0 ? s.net / (s.inflow + s.outflow) : null;
      case 'net_rate':
        return s.hasPopulation && s.population > 0 ? s.netWithPopulation / s.population : null;
    }
  };
  const values = new Map<ComparedMeasure, [(number | null)[], (number | null)[]]>();
  const ranks = new Map<ComparedMeasure, [(number | null)[], (number | null)[]]>();
  for (const m of COMPARED_MEASURES) {
    const v: [(number | null)[], (number | null)[]] = [
      places.map((p) => measure(sums.get(p)![0], m)),
      places.map((p) => measure(sums.get(p)![1], m)),
    ];
    values.set(m, v);
    ranks.set(m, [competitionRanks(v[0]), competitionRanks(v[1])]);
  }
  const classOf = (b: number | null): BalanceClass | null =>
    b === null ? null : b >= threshold ? 'magnet' : b <= -threshold ? 'exporter' : 'balanced';

  const rows = places.map((place, i) => {
    const measures = {} as Record<ComparedMeasure, ComparedValue>;
    for (const m of COMPARED_MEASURES) {
      const [v1, v2] = [values.get(m)![0][i]!, values.get(m)![1][i]!];
      const [r1, r2] = [ranks.get(m)![0][i]!, ranks.get(m)![1][i]!];
      measures[m] = {
        values: [v1, v2],
        change: v1 === null || v2 === null ? null : v2 - v1,
        ranks: [r1, r2],
        rankChange: r1 === null || r2 === null ? null : r1 - r2,
      };
    }
    const balanceClass: [BalanceClass | null, BalanceClass | null] = [
      classOf(measures.balance.values[0]),
      classOf(measures.balance.values[1]),
    ];
    return { place, measures, balanceClass };
  });
  return { periods, rows };
}

/**
 * Young share and young growth of each place.
 *
 * Definitions (domain.md, "Young share" and "Young growth"; SET Index 2024 report, talent
 * potential):
 *
 *   youngShare(A)  = young(A) / stock(A)
 *   youngGrowth(A) = (Y_last(A) / Y_first(A))^(1 / (last − first)) − 1      (CAGR)
 *
 * young = young active researchers (academic age ≤ 5) among the stock; Y_t = young active
 * researchers affiliated with A in window year t (`youngByYear`). The counts are node attributes
 * written from affiliation timelines (`src/timelines/summarise.ts`); first and last are the
 * graph's `window` (or the first and last years in `youngByYear` when the graph has no window).
 * Published young shares: Guangzhou 44.7 %, Shanghai 41.8 %, Beijing 39.0 %, Shenzhen 38.4 %,
 * western cities about 20 %.
 *
 * Null where the counts are absent (moves input), stock is 0, Y_first is 0 (growth from nothing
 * has no rate) or the window is a single year.
 */
import { TalentFlowError } from '../errors.ts';
import { assignAttribute } from './assign-attribute.ts';
import { checkGraph } from './graph-input.ts';
import { withDefaults } from './option-checks.ts';
import type { AnyGraph } from './graph-input.ts';
import { ratioOfCounts } from './stock.ts';
import type { NodeMeasure } from './types.ts';

/** The young measures take no options; the object exists so that every measure has `DEFAULTS`. */
export type YoungOptions = Record<string, never>;

/** Defaults of {@link youngShare} and {@link youngGrowth}: none. */
export const DEFAULTS: Readonly<YoungOptions> = Object.freeze({});

function share(graph: AnyGraph, options?: YoungOptions): NodeMeasure {
  checkGraph(graph);
  withDefaults(DEFAULTS, options);
  return ratioOfCounts(graph, 'young', 'stock');
}

function yearCount(node: string, byYear: Record<string, unknown>, year: number): number {
  const v = byYear[String(year)] ?? 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new TalentFlowError(`node ${JSON.stringify(node)} has youngByYear[${year}] = ${String(v)}; expected a count ≥ 0`);
  }
  return v;
}

function growth(graph: AnyGraph, options?: YoungOptions): NodeMeasure {
  checkGraph(graph);
  withDefaults(DEFAULTS, options);
  const window: unknown = graph.getAttribute('window');
  const out: NodeMeasure = {};
  graph.forEachNode((node, attr) => {
    const byYear: unknown = attr.youngByYear;
    if (byYear === undefined || byYear === null) {
      out[node] = null;
      return;
    }
    if (typeof byYear !== 'object' || Array.isArray(byYear)) {
      throw new TalentFlowError(`node ${JSON.stringify(node)} has youngByYear = ${JSON.stringify(byYear)}; expected year → count`);
    }
    const by = byYear as Record<string, unknown>;
    let first: number;
    let last: number;
    if (Array.isArray(window) && window.length === 2) [first, last] = window as [number, number];
    else {
      const years = Object.keys(by).map(Number).filter(Number.isInteger);
      if (years.length === 0) {
        out[node] = null;
        return;
      }
      first = Math.min(...years);
      last = Math.max(...years);
    }
    const y0 = yearCount(node, by, first);
    const y1 = yearCount(node, by, last);
    out[node] = last > first && y0 > 0 ? (y1 / y0) ** (1 / (last - first)) - 1 : null;
  });
  return out;
}

/**
 * Young active share: young / stock per place, in [0, 1]; null without stock.
 *
 * @example youngShare(graph).Guangzhou; // 0.447
 */
export const youngShare = Object.assign(share, {
  /** Writes node attribute `youngShare`. */
  assign(graph: AnyGraph, options?: YoungOptions): void {
    assignAttribute(graph, 'youngShare', share(graph, options));
  },
});

/**
 * Young growth: compound annual growth rate of young active researchers over the window
 * (0.1 = +10 % a year); null where it cannot be computed.
 *
 * @example
 * // window [2019, 2023], youngByYear 2019: 100, 2023: 146.41 → (1.4641)^(1/4) − 1 = 0.1
 * youngGrowth(graph).Shenzhen; // 0.1
 */
export const youngGrowth = Object.assign(growth, {
  /** Writes node attribute `youngGrowth`. */
  assign(graph: AnyGraph, options?: YoungOptions): void {
    assignAttribute(graph, 'youngGrowth', growth(graph, options));
  },
});

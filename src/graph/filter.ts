/**
 * Filtering a flow graph by arrival years, disciplines and edge weight, without re-reading the
 * input: each edge's weight is recomputed from its breakdowns (byYearDiscipline for a discipline
 * filter, byYear for a year filter), so that the result equals the graph built from only the
 * selected moves. Pure (no I/O, no DOM): the viewer runs it in the browser.
 *
 *   weight       moves of the edge in the selected years and disciplines (a discipline filter
 *                leaves out moves without a discipline)
 *   researchers  kept when the filter keeps all of the edge's moves; otherwise null, because a
 *                distinct count cannot be split by year or discipline
 *   nodes        all kept, with their attributes (stock figures describe the window, not the filter)
 */
import { DirectedGraph } from 'graphology';
import { checkNumber, withDefaults } from '../analyses/options.ts';
import { OptionError } from '../errors.ts';
import { checkYears, restrictBreakdowns } from './breakdowns.ts';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes } from './types.ts';

/** Options of {@link filterFlows}. */
export interface FilterOptions {
  /** Keep moves arriving in [first, last] (inclusive); null: every year. */
  years?: [number, number] | null;
  /** Keep moves in these disciplines; null: every move, with or without a discipline. */
  disciplines?: readonly string[] | null;
  /** Drop edges whose recomputed weight is below this; 1 drops only edges the filter emptied, 0 keeps them. */
  minWeight?: number;
}

/** Defaults of {@link filterFlows}: no year or discipline filter, drop emptied edges. */
export const DEFAULTS: Readonly<{ years: null; disciplines: null; minWeight: number }> = Object.freeze({
  years: null,
  disciplines: null,
  minWeight: 1,
});

/**
 * A new flow graph with edge weights and breakdowns recomputed for the selected years and
 * disciplines, edges below `minWeight` dropped, every node kept. The input graph is not changed.
 *
 * @throws OptionError on an unknown option, a bad year range, disciplines that are not strings, or
 *   a minWeight that is not a finite number ≥ 0.
 * @example
 * const cs = filterFlows(graph, { years: [2021, 2023], disciplines: ['Computer Science'], minWeight: 10 });
 */
export function filterFlows(graph: FlowGraph, options: FilterOptions = {}): FlowGraph {
  const { years, disciplines, minWeight } = checkFilterOptions(options);
  const filtering = years !== null || disciplines !== null;
  const out: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: false });
  graph.forEachNode((node, attributes) => out.addNode(node, { ...attributes }));

  let first = Infinity;
  let last = -Infinity;
  graph.forEachEdge((edge, attributes, source, target) => {
    const b = filtering ? restrictBreakdowns(attributes, years, disciplines) : attributes;
    if (b.weight < minWeight) return;
    for (const [y, n] of Object.entries(b.byYear)) {
      if (n > 0) {
        first = Math.min(first, Number(y));
        last = Math.max(last, Number(y));
      }
    }
    out.addDirectedEdgeWithKey(edge, source, target, {
      ...attributes,
      weight: b.weight,
      researchers: b.weight === attributes.weight ? attributes.researchers : null,
      byYear: { ...b.byYear },
      byDiscipline: { ...b.byDiscipline },
      byYearDiscipline: Object.fromEntries(Object.entries(b.byYearDiscipline).map(([y, d]) => [y, { ...d }])),
    });
  });

  out.replaceAttributes({ ...graph.getAttributes(), years: first <= last ? [first, last] : null });
  return out;
}

function checkFilterOptions(options: FilterOptions): { years: [number, number] | null; disciplines: Set<string> | null; minWeight: number } {
  const o = withDefaults<FilterOptions>(DEFAULTS, options);
  const years = checkYears(o.years);
  const d = o.disciplines ?? null;
  if (d !== null && (!Array.isArray(d) || !d.every((x) => typeof x === 'string'))) {
    throw new OptionError('disciplines', d, 'null or an array of discipline names');
  }
  const minWeight = checkNumber('minWeight', o.minWeight, { min: 0 });
  return { years, disciplines: d === null ? null : new Set(d), minWeight };
}

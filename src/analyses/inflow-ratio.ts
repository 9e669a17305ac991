/**
 * SET inflow ratio of each place.
 *
 * Definition (domain.md, "Inflow ratio"; SET Index 2024 report §2.3.3): among a place's active
 * researchers in the window (2019–2023 in the report), the share who flowed in. A researcher
 * flowed into A if
 *   (1) they published before the window and none of those pre-window publications is
 *       affiliated with A, and
 *   (2) their most recent in-window publication is affiliated with A.
 *
 *   inflowRatio(A) = inflowSet(A) / stock(A)
 *
 * where `stock` = active researchers whose most recent in-window affiliation is A and `inflowSet`
 * = those among them who flowed in by the rule above. The per-researcher rule is applied where
 * the graph is built from affiliation timelines (`flowedIn` in `src/timelines/researcher.ts`,
 * counted per place by `src/timelines/summarise.ts` into the node attributes `stock` and
 * `inflowSet`; `PlaceStock` in `src/graph/types.ts`); this file only divides. A graph built from a moves table carries no stock, and every ratio is null.
 *
 * Published values: Shenzhen 23.9 % (highest of 30 metros), Austin, San Diego, San Francisco
 * 19–20 %, Hong Kong 14.9 % (12th), lowest about 5 %.
 */
import { checkGraph } from './graph-input.ts';
import { withDefaults } from './option-checks.ts';
import type { AnyGraph } from './graph-input.ts';
import { ratioOfCounts } from './stock.ts';
import type { NodeMeasure } from './types.ts';
import { defineMeasure } from './measure.ts';

/** The inflow ratio takes no options; the object exists so that every measure has `DEFAULTS`. */
export type InflowRatioOptions = Record<string, never>;

/** Defaults of {@link inflowRatio}: none. */
export const DEFAULTS: Readonly<InflowRatioOptions> = Object.freeze({});

function compute(graph: AnyGraph, options?: InflowRatioOptions): NodeMeasure {
  checkGraph(graph);
  withDefaults(DEFAULTS, options);
  return ratioOfCounts(graph, 'inflowSet', 'stock');
}

/** Writes node attribute `inflowRatio` (null where stock is unknown or 0). */
function assign(graph: AnyGraph, options?: InflowRatioOptions): void {
  const ratio = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, inflowRatio: ratio[node] }), {
    attributes: ['inflowRatio'],
  });
}

/**
 * SET inflow ratio: inflowSet / stock per place, a share in [0, 1] (0.239 = 23.9 %).
 * Null where the node carries no `stock`/`inflowSet` (moves input) or its stock is 0.
 *
 * @param graph - a flow graph built from timelines (nodes carry `stock` and `inflowSet`).
 * @returns node key → share or null.
 * @throws TalentFlowError when a node's counts are unusable (negative, non-numeric, inflowSet > stock).
 * @example
 * // Shenzhen: stock 1000, inflowSet 239
 * inflowRatio(graph).Shenzhen; // 0.239
 */
export const inflowRatio = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const inflowRatioMeasure = defineMeasure({
  id: 'inflowRatio',
  name: 'inflow ratio (SET §2.3.3)',
  definition:
    "share of a place's active researchers who published before the window, none of those pre-window publications at the place, and whose most recent in-window publication is there",
  file: 'analyses/inflow-ratio.ts',
  needsTimelines: true,
  attributes: [
    {
      attribute: 'inflowRatio',
      column: 'inflow_ratio',
      label: 'Inflow ratio (SET)',
      description: 'inflow_set / stock, 0..1',
      format: 'share',
      views: ['card'],
    },
  ],
  defaults: {},
  compute: (graph) => inflowRatio.assign(graph),
});

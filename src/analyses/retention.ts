/**
 * Outflow ratio and retention of each place.
 *
 * Definition (domain.md, "Other frameworks": retention = the share who stay; the mirror image of
 * the SET inflow rule of report §2.3.3, over the same window and active researchers):
 *
 *   presentBefore(A) = active researchers whose last place before the window (the place of their
 *                      latest pre-window publication year) is A
 *   leftSet(A)       = those among them whose home place at the end of the window (the place of
 *                      their most recent in-window publication year) is not A
 *   outflowRatio(A)  = leftSet(A) / presentBefore(A)
 *   retention(A)     = 1 − outflowRatio(A)
 *
 * Both are shares in [0, 1]. The per-researcher rules are applied where the graph is built from
 * affiliation timelines (`src/timelines/summarise.ts` writes the node attributes `presentBefore`
 * and `leftSet`; `PlaceStock` in `src/graph/types.ts`); this file only divides. A graph built from
 * a moves table has no such counts, and both measures are null; null too where presentBefore is 0
 * (nobody to retain). Researchers without pre-window publications are in neither count: retention
 * says nothing about newcomers.
 */
import { checkGraph } from './graph-input.ts';
import { withDefaults } from './option-checks.ts';
import type { AnyGraph } from './graph-input.ts';
import { ratioOfCounts } from './stock.ts';
import type { NodeMeasure } from './types.ts';
import { defineMeasure } from './measure.ts';

/** Retention takes no options; the object exists so that every measure has `DEFAULTS`. */
export type RetentionOptions = Record<string, never>;

/** Defaults of {@link retention}: none. */
export const DEFAULTS: Readonly<RetentionOptions> = Object.freeze({});

export interface RetentionResult {
  /** node key → leftSet / presentBefore, or null. */
  outflowRatio: NodeMeasure;
  /** node key → 1 − outflowRatio, or null. */
  retention: NodeMeasure;
}

function compute(graph: AnyGraph, options?: RetentionOptions): RetentionResult {
  checkGraph(graph);
  withDefaults(DEFAULTS, options);
  const outflowRatio = ratioOfCounts(graph, 'leftSet', 'presentBefore');
  const kept: NodeMeasure = {};
  for (const [node, r] of Object.entries(outflowRatio)) kept[node] = r === null ? null : 1 - r;
  return { outflowRatio, retention: kept };
}

/** Writes node attributes `outflowRatio` and `retention`. */
function assign(graph: AnyGraph, options?: RetentionOptions): void {
  const r = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, outflowRatio: r.outflowRatio[node], retention: r.retention[node] }), {
    attributes: ['outflowRatio', 'retention'],
  });
}

/**
 * Outflow ratio (leftSet / presentBefore) and retention (1 − outflow ratio) per place.
 *
 * @param graph - a flow graph built from timelines (nodes carry `leftSet` and `presentBefore`).
 * @returns `{ outflowRatio, retention }`, node key → share in [0, 1] or null.
 * @throws TalentFlowError when a node's counts are unusable (negative, non-numeric, leftSet > presentBefore).
 * @example
 * // Boston: presentBefore 800, leftSet 200
 * retention(graph).retention.Boston; // 0.75
 */
export const retention = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const retentionMeasure = defineMeasure({
  id: 'retention',
  name: 'outflow ratio, retention',
  definition: 'of the active researchers whose last pre-window place was A, the share whose home is elsewhere; retention = 1 − that',
  file: 'analyses/retention.ts',
  needsTimelines: true,
  attributes: [
    {
      attribute: 'outflowRatio',
      column: 'outflow_ratio',
      label: 'Outflow ratio',
      description: 'left_set / present_before, 0..1',
      format: 'share',
    },
    { attribute: 'retention', column: 'retention', label: 'Retention', description: '1 − outflow_ratio', format: 'share' },
  ],
  defaults: {},
  compute: (graph) => retention.assign(graph),
});

/**
 * Outflow ratio and retention of each place.
 *
 * Definition (domain.md, "Other frameworks": retention = the share who stay; the complement of
 * the SET inflow rule, with the same window and the same "most recent in-window affiliation"):
 *
 *   presentBefore(A) = active researchers with at least one pre-window publication affiliated with A
 *   leftSet(A)       = those among them whose most recent in-window publication is affiliated
 *                      elsewhere
 *   outflowRatio(A)  = leftSet(A) / presentBefore(A)
 *   retention(A)     = 1 − outflowRatio(A)
 *
 * Both are shares in [0, 1]. The counts are node attributes written by the timelines derivation
 * (`PlaceStock` in `src/graph/types.ts`); a graph built from a moves table has none, and both
 * measures are null. Null too where presentBefore is 0 (nobody to retain).
 */
import { checkGraph, withDefaults } from './options.ts';
import type { AnyGraph } from './options.ts';
import { ratioOfCounts } from './stock.ts';
import type { NodeMeasure } from './types.ts';

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
  graph.updateEachNodeAttributes(
    (node, attr) => ({ ...attr, outflowRatio: r.outflowRatio[node], retention: r.retention[node] }),
    { attributes: ['outflowRatio', 'retention'] },
  );
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

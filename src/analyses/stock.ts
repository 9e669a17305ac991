/**
 * Reading the per-place stock attributes that the timelines derivation writes on nodes
 * (`PlaceStock` in `src/graph/types.ts`): absent on graphs built from a moves table.
 */
import { TalentFlowError } from '../errors.ts';
import type { AnyGraph } from './graph-input.ts';

/**
 * The count attribute `name` of `node`: a finite number ≥ 0, or null when the node does not
 * carry it. A present but unusable value (negative, NaN, a string) is a defect of the graph and
 * throws rather than being read as "unknown".
 */
export function readCount(graph: AnyGraph, node: string, name: string): number | null {
  const v: unknown = graph.getNodeAttribute(node, name);
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new TalentFlowError(
      `node ${JSON.stringify(node)} has ${name} = ${JSON.stringify(v) ?? String(v)}; expected a count ≥ 0 (or no ${name} attribute)`,
    );
  }
  return v;
}

/** numerator / denominator per node, null where either is missing or the denominator is 0; checks numerator ≤ denominator. */
export function ratioOfCounts(graph: AnyGraph, numerator: string, denominator: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  graph.forEachNode((node) => {
    const num = readCount(graph, node, numerator);
    const den = readCount(graph, node, denominator);
    if (num === null || den === null || den === 0) {
      out[node] = null;
      return;
    }
    if (num > den) {
      throw new TalentFlowError(
        `node ${JSON.stringify(node)} has ${numerator} = ${num} > ${denominator} = ${den}; ${numerator} counts a subset of ${denominator}`,
      );
    }
    out[node] = num / den;
  });
  return out;
}

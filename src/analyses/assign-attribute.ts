/** Writing a computed node → value record onto the graph (graphology's `.assign` convention). */
import type { AnyGraph } from './graph-input.ts';

/** Writes one node attribute from a node → value record. */
export function assignAttribute(graph: AnyGraph, attribute: string, values: Record<string, unknown>): void {
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, [attribute]: values[node] }), { attributes: [attribute] });
}

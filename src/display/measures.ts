/**
 * Per-node values read back from the graph, for the charts: the analyses write their results as
 * node attributes (`analyzeGraph`, `.assign`), and the charts take a NodeMeasure.
 */
import type { Attributes } from 'graphology-types';
import type Graph from 'graphology';
import type { NodeMeasure } from '../analyses/types.ts';

/**
 * The node attribute `attribute` of every node as a NodeMeasure: finite numbers as they are,
 * anything else (absent, null, text) as null.
 *
 * @example
 * measureChartSvg(attributeMeasure(run.graph, 'pagerank'), { title: 'PageRank' });
 */
export function attributeMeasure(graph: Graph<Attributes, Attributes, Attributes>, attribute: string): NodeMeasure {
  const out: NodeMeasure = {};
  graph.forEachNode((key, attrs) => {
    const v = attrs[attribute];
    out[key] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
  return out;
}

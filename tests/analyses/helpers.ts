/**
 * Small hand-built flow graphs for the analyses tests.
 */
import { DirectedGraph } from 'graphology';
import type { FlowAttributes, FlowGraph, PlaceAttributes } from '../../src/graph/types.ts';
import { createRng } from '../../src/random.ts';

export type NodeSpec = Partial<PlaceAttributes> & { key: string };

/** Builds a FlowGraph from nodes (keys or partial attributes) and [source, target, weight, extra?] edges. */
export function flowGraph(
  nodes: Array<string | NodeSpec>,
  edges: Array<[string, string, number, Partial<FlowAttributes>?]>,
): FlowGraph {
  const g: FlowGraph = new DirectedGraph();
  g.replaceAttributes({ level: 'metro', years: null, window: null, kind: 'moves', movesWithinPlace: 0 });
  for (const n of nodes) {
    const spec: NodeSpec = typeof n === 'string' ? { key: n } : n;
    const { key, ...rest } = spec;
    g.addNode(key, {
      label: key,
      level: 'metro',
      country: null,
      countryName: null,
      region: null,
      subregion: null,
      lat: null,
      lon: null,
      ...rest,
    });
  }
  for (const [s, t, w, extra] of edges) {
    if (!g.hasNode(s)) g.addNode(s, { label: s, level: 'metro', country: null, countryName: null, region: null, subregion: null, lat: null, lon: null });
    if (!g.hasNode(t)) g.addNode(t, { label: t, level: 'metro', country: null, countryName: null, region: null, subregion: null, lat: null, lon: null });
    g.addEdge(s, t, { weight: w, researchers: null, byYear: {}, byDiscipline: {}, byYearDiscipline: {}, ...extra });
  }
  return g;
}

/** A random simple directed flow graph: `n` nodes, each ordered pair linked with probability `p`, integer weights 1..maxWeight. */
export function randomFlowGraph(seed: number, n: number, p = 0.3, maxWeight = 50): FlowGraph {
  const rng = createRng(seed);
  const keys = Array.from({ length: n }, (_, i) => `P${String(i).padStart(3, '0')}`);
  const edges: Array<[string, string, number]> = [];
  for (const a of keys) {
    for (const b of keys) {
      if (a !== b && rng() < p) edges.push([a, b, 1 + Math.floor(rng() * maxWeight)]);
    }
  }
  return flowGraph(keys, edges);
}

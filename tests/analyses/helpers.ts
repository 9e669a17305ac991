/**
 * Small hand-built flow graphs for the analyses tests.
 */
import Graph, { DirectedGraph } from 'graphology';
import type { AnyGraph } from '../../src/analyses/graph-input.ts';
import type { FlowAttributes, FlowGraph, PlaceAttributes } from '../../src/graph/types.ts';
import { createRng } from '../../src/random.ts';

export type NodeSpec = Partial<PlaceAttributes> & { key: string };

/** Builds a FlowGraph from nodes (keys or partial attributes) and [source, target, weight, extra?] edges. */
export function flowGraph(nodes: Array<string | NodeSpec>, edges: Array<[string, string, number, Partial<FlowAttributes>?]>): FlowGraph {
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
    if (!g.hasNode(s))
      g.addNode(s, { label: s, level: 'metro', country: null, countryName: null, region: null, subregion: null, lat: null, lon: null });
    if (!g.hasNode(t))
      g.addNode(t, { label: t, level: 'metro', country: null, countryName: null, region: null, subregion: null, lat: null, lon: null });
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

/** What {@link messyGraph} varies. */
export interface Shape {
  type?: 'directed' | 'undirected' | 'mixed';
  multi?: boolean;
  selfLoops?: boolean;
  zeros?: boolean;
  numericKeys?: boolean;
}

/** Discipline names of {@link messyGraph} (one is an array index, listed first by objects). */
export const DISCIPLINES = ['Medicine', 'Engineering', 'CS', 'Physics', '7', 'Neuro'];

/** A random graph of the given shape with fractional weights, researchers and discipline counts. */
export function messyGraph(seed: number, shape: Shape = {}, n = 14, p = 0.35): AnyGraph {
  const rng = createRng(seed);
  const g = new Graph({ type: shape.type ?? 'directed', multi: shape.multi ?? false, allowSelfLoops: true });
  const keys = Array.from({ length: n }, (_, i) => (shape.numericKeys && i % 2 === 0 ? String(n * 3 - i) : `P${i}`));
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  for (const k of keys) g.addNode(k, { label: k });
  const attributes = () => {
    const byDiscipline: Record<string, number> = {};
    for (const d of DISCIPLINES) if (rng() < 0.4) byDiscipline[d] = rng() < 0.5 ? Math.floor(rng() * 9) : (rng() * 70) / 3;
    return {
      weight: shape.zeros && rng() < 0.1 ? 0 : rng() < 0.5 ? 1 + Math.floor(rng() * 40) : rng() * 30 + 0.1,
      researchers: rng() < 0.2 ? null : Math.floor(rng() * 20),
      byDiscipline,
    };
  };
  for (const a of keys) {
    for (const b of keys) {
      if ((a === b && !shape.selfLoops) || rng() > p) continue;
      if (shape.type === 'undirected' || (shape.type === 'mixed' && rng() < 0.5)) {
        if (!g.hasUndirectedEdge(a, b) || shape.multi) g.addUndirectedEdge(a, b, attributes());
      } else g.addDirectedEdge(a, b, attributes());
      if (shape.multi && rng() < 0.2) g.addDirectedEdge(a, b, attributes());
    }
  }
  // Drop a few edges and add them back: they move to the end of graphology's lists.
  for (const edge of g.edges().filter(() => rng() < 0.15)) {
    const [s, t] = g.extremities(edge);
    const attr = g.getEdgeAttributes(edge);
    const undirected = g.isUndirected(edge);
    g.dropEdge(edge);
    if (undirected) g.addUndirectedEdge(s, t, attr);
    else g.addDirectedEdge(s, t, attr);
  }
  return g;
}

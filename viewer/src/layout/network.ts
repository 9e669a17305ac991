/**
 * The topological view: a ForceAtlas2 layout of the flow graph (graphology-layout-forceatlas2),
 * reproducible because its only randomness, the starting positions, comes from the seeded RNG
 * (src/random.ts). Places that exchange many researchers end up close, whatever the distance
 * between them on the globe.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createRng, DEFAULT_SEED } from 'talentflow';
import type { FlowGraph } from 'talentflow';

export interface NetworkLayoutOptions {
  seed?: number;
  /** FA2 iterations; default by size (400 up to 500 places, down to 60 at 5,000+). */
  iterations?: number | null;
}

/** Defaults of {@link networkPositions}: `seed` (DEFAULT_SEED = 42), `iterations` (null: by graph size). */
export const NETWORK_LAYOUT_DEFAULTS = Object.freeze({ seed: DEFAULT_SEED, iterations: null as number | null });

function iterationsFor(order: number): number {
  if (order <= 500) return 400;
  if (order <= 2000) return 150;
  return 60;
}

/**
 * ForceAtlas2 positions of every place, with edge weight log(1 + moves) so that a few huge
 * flows do not collapse the picture, hubs dissuaded from the centre (outbound attraction
 * distribution) and Barnes–Hut above 500 places.
 *
 * @example networkPositions(graph).get('Shenzhen') // { x: 12.3, y: -4.5 }
 */
export function networkPositions(graph: FlowGraph, options: NetworkLayoutOptions = {}): Map<string, { x: number; y: number }> {
  const seed = options.seed ?? NETWORK_LAYOUT_DEFAULTS.seed;
  const rng = createRng(seed);
  // An undirected copy: A→B and B→A pull the same pair together.
  const layout = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const nodes = graph.nodes().sort();
  const radius = Math.sqrt(nodes.length) * 10;
  for (const n of nodes) {
    const angle = rng() * 2 * Math.PI;
    const r = radius * Math.sqrt(rng());
    layout.addNode(n, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t || !(a.weight > 0)) return;
    const w = Math.log1p(a.weight);
    if (layout.hasEdge(s, t)) layout.updateEdgeAttribute(s, t, 'weight', (x: number | undefined) => (x ?? 0) + w);
    else layout.addEdge(s, t, { weight: w });
  });
  const settings = {
    ...forceAtlas2.inferSettings(layout),
    outboundAttractionDistribution: true,
    barnesHutOptimize: layout.order > 500,
  };
  const positions = forceAtlas2(layout, {
    iterations: options.iterations ?? iterationsFor(layout.order),
    getEdgeWeight: 'weight',
    settings,
  });
  return new Map(Object.entries(positions));
}

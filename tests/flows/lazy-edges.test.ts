import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildFlows } from '../../src/graph/build.ts';
import { ensureEdges, storeEdgesOf } from '../../src/flows/graph.ts';
import { deferredEdges } from '../../src/flows/lazy-edges.ts';
import { analyzeGraph } from '../../src/analyses/run-all.ts';
import { disparityBackbone } from '../../src/analyses/disparity-backbone.ts';
import { asciiJson } from '../../src/exports/ascii-json.ts';
import { chunksToString } from '../../src/exports/chunks.ts';
import { flowsCsvBytes, flowsCsvChunks } from '../../src/exports/flows-table.ts';
import { graphJsonBytes, graphToJson } from '../../src/exports/graph-json.ts';
import { mv, place, randomMoves, smallFlows } from '../graph/helpers.ts';

const small = smallFlows;

const random = (seed: number) => {
  const ids = Array.from({ length: 40 }, (_, i) => `P${i}, X${i % 3}`);
  return buildFlows({ moves: randomMoves(seed, ids, 3000), places: ids.map((id) => place(id)), kind: 'moves', level: 'metro' });
};

/** The same graph with its edges added by hand through graphology, as an eager build would. */
function byHand(graph: ReturnType<typeof small>['graph'], edges: [string, string, Record<string, unknown>][]) {
  const g = new DirectedGraph({ allowSelfLoops: false });
  g.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((n, a) => g.addNode(n, { ...a }));
  for (const [s, t, a] of edges) g.addDirectedEdgeWithKey(`${s}->${t}`, s, t, a);
  return g;
}

describe('edges deferred until asked for (lazy-edges.ts)', () => {
  it('a graph from a store holds its nodes and counts its flows before any edge exists', () => {
    const { graph, flows } = small();
    expect(deferredEdges(graph)?.store).toBe(flows);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(4);
    expect(graph.nodes()).toEqual(['A', 'B', 'C']);
    graph.setNodeAttribute('A', 'x', 1);
    expect(graph.getNodeAttribute('A', 'x')).toBe(1);
    expect(deferredEdges(graph)).not.toBeNull();
    expect(storeEdgesOf(graph)).toBe(flows);
  });

  it('the first edge method adds every edge: keys, order and attributes as written by hand', () => {
    const { graph } = small();
    expect(graph.outDegree('A')).toBe(2);
    expect(deferredEdges(graph)).toBeNull();
    const expected = byHand(graph, [
      ['A', 'B', { weight: 3, researchers: 2 }],
      ['A', 'C', { weight: 2, researchers: 1 }],
      ['B', 'C', { weight: 4, researchers: null }],
      ['C', 'A', { weight: 1, researchers: 1 }],
    ]);
    expect(graph.export()).toEqual(expected.export());
    expect(Reflect.ownKeys(graph)).toEqual(Reflect.ownKeys(expected));
  });

  it('per-flow measures are held as columns, then written onto the edges in the order they came', () => {
    const { graph } = small();
    const r = disparityBackbone.assign(graph, { alpha: 0.5 });
    expect(deferredEdges(graph)?.columns.map((c) => c.name)).toEqual(['disparityAlpha', 'backbone']);
    // A→B 3 of A's 5 out (k=2): α_out = (1 − 3/5)^1 = 0.4; B→C: A's… by hand for A→B only.
    expect(r.disparityAlpha[0]).toBeCloseTo(0.4, 12);
    expect(r.edges).toEqual(['A->B', 'A->C', 'B->C', 'C->A']);
    expect(graph.getEdgeAttributes('A->B')).toEqual({ weight: 3, researchers: 2, disparityAlpha: r.disparityAlpha[0], backbone: true });
    expect(Object.keys(graph.getEdgeAttributes('C->A'))).toEqual(['weight', 'researchers', 'disparityAlpha', 'backbone']);
  });

  it('graph.json, flows.csv and every measure are the same whether the edges were deferred or built first (random flows)', () => {
    for (const seed of [1, 2, 3]) {
      const lazy = random(seed);
      const eager = random(seed);
      ensureEdges(eager.graph);
      expect(deferredEdges(eager.graph)).toBeNull();
      const a = analyzeGraph(lazy.graph, { flows: lazy.flows, stabilityRuns: 2 });
      const b = analyzeGraph(eager.graph, { flows: eager.flows, stabilityRuns: 2 });
      expect(deferredEdges(lazy.graph)).not.toBeNull();
      expect(a).toEqual(b);
      const lazyJson = chunksToString(graphJsonBytes(lazy.graph));
      const lazyCsv = chunksToString(flowsCsvBytes(lazy.graph, {}, lazy.flows));
      expect(deferredEdges(lazy.graph)).not.toBeNull();
      expect(lazyJson).toBe(graphToJson(eager.graph));
      expect(lazyCsv).toBe(chunksToString(flowsCsvChunks(eager.graph, {}, eager.flows)));
      // Both ways of the same graph: a JSON.stringify of graphology's own export (graph.json escapes
      // characters past ASCII, ascii-json.ts).
      ensureEdges(lazy.graph);
      const exported = lazy.graph.export();
      for (const e of exported.edges) delete e.key;
      expect(lazyJson).toBe(`${asciiJson(JSON.stringify(exported))}\n`);
    }
  });

  it('a store whose flows could not all be added is built at once, so graphology reports where it always did', () => {
    // "A->B" → "C" and "A" → "B->C" share the key "A->B->C".
    expect(() =>
      buildFlows({
        moves: [mv('A->B', 'C', 2020, null, 1, 'r1'), mv('A', 'B->C', 2020, null, 1, 'r2')],
        places: ['A', 'A->B', 'B->C', 'C'].map((id) => place(id)),
        kind: 'moves',
        level: 'metro',
      }),
    ).toThrow(/"A->B->C" edge already exists/);
  });
});

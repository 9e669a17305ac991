import { describe, expect, it } from 'vitest';
import { buildFlows } from '../../src/graph/build.ts';
import { graphWithFlows, storeEdgesOf } from '../../src/flows/graph.ts';
import { filterFlows } from '../../src/flows/filter.ts';
import { edgeArrays } from '../../src/analyses/flow-arrays.ts';
import { analyzeGraph } from '../../src/analyses/run-all.ts';
import { place, randomMoves, smallFlows } from '../graph/helpers.ts';

const built = smallFlows;

/** The edge arrays as read back out of graphology (a copy is not built from a store). */
const readBack = (graph: ReturnType<typeof built>['graph']) => {
  const e = edgeArrays(graph.copy(), 'weight');
  return { nodes: e.nodes, source: [...e.source], target: [...e.target], weight: [...e.weight] };
};

describe('edges read from the flow store (storeEdgesOf)', () => {
  it('a graph built from a store hands out its columns: the same arrays graphology gives, by hand', () => {
    const { graph, flows } = built();
    expect(storeEdgesOf(graph)).toBe(flows);
    const e = edgeArrays(graph, 'weight');
    // Flows in (source, target) order: A→B, A→C, B→C, C→A.
    expect({ nodes: e.nodes, source: [...e.source], target: [...e.target], weight: [...e.weight] }).toEqual({
      nodes: ['A', 'B', 'C'],
      source: [0, 0, 1, 2],
      target: [1, 2, 2, 0],
      weight: [3, 2, 4, 1],
    });
    expect(readBack(graph)).toEqual({ nodes: ['A', 'B', 'C'], source: [0, 0, 1, 2], target: [1, 2, 2, 0], weight: [3, 2, 4, 1] });
    // The arrays are copies: the store stays as it was.
    e.weight[0] = 99;
    expect(flows.flows.moves[0]).toBe(3);
  });

  it('another edge attribute may change; a weight, an edge or a node may not', () => {
    const { graph, flows } = built();
    graph.setEdgeAttribute('A->B', 'backbone', true);
    graph.mergeEdgeAttributes('A->B', { excess: 1 });
    graph.updateEachEdgeAttributes((_e, a) => ({ ...a, expected: null }), { attributes: ['expected'] });
    expect(storeEdgesOf(graph)).toBe(flows);
    graph.setEdgeAttribute('A->B', 'weight', 7);
    expect(storeEdgesOf(graph)).toBeNull();
    expect(edgeArrays(graph, 'weight').weight[0]).toBe(7);

    const other = built();
    other.graph.mergeEdgeAttributes('B->C', { weight: 1 });
    expect(storeEdgesOf(other.graph)).toBeNull();
    for (const change of [
      (g: typeof graph) => g.dropEdge('A->B'),
      (g: typeof graph) => g.addEdge('B', 'A', { weight: 1, researchers: null }),
      (g: typeof graph) => g.addNode('D', { ...place('D') }),
      (g: typeof graph) => g.updateEachEdgeAttributes((_e, a) => a),
      (g: typeof graph) => g.updateEachEdgeAttributes((_e, a) => ({ ...a, weight: 1 }), { attributes: ['weight'] }),
      (g: typeof graph) => g.clearEdges(),
    ]) {
      const b = built();
      change(b.graph);
      expect(storeEdgesOf(b.graph)).toBeNull();
    }
  });

  it('graphWithFlows over the same places reads from its store; analyzeGraph gives the same results as on a copy', () => {
    const { graph, flows } = buildFlows({
      moves: randomMoves(11, 'ABCDEFGH'.split(''), 400),
      places: 'ABCDEFGH'.split('').map((id) => place(id)),
      kind: 'moves',
      level: 'metro',
    });
    const some = filterFlows(flows, { years: [2015, 2020] });
    const selected = graphWithFlows(graph, some);
    expect(storeEdgesOf(selected)).toBe(some);
    expect(readBack(selected)).toEqual(readBack(selected.copy()));
    const copy = graph.copy();
    expect(storeEdgesOf(copy)).toBeNull();
    const a = analyzeGraph(graph, { flows, stabilityRuns: 3 });
    const b = analyzeGraph(copy, { flows, stabilityRuns: 3 });
    expect(a).toEqual(b);
    expect(graph.export().nodes).toEqual(copy.export().nodes);
  });
});

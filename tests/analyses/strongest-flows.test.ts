import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { strongestFlows, strongestFlowsThreshold } from '../../src/analyses/strongest-flows.ts';
import { flowGraph, messyGraph } from './helpers.ts';

// Flows of 10, 8, 8, 5, 3 and 1 moves.
const six = () =>
  flowGraph(
    ['A', 'B', 'C', 'D', 'E'],
    [
      ['A', 'B', 8],
      ['B', 'C', 1],
      ['C', 'A', 10],
      ['D', 'E', 3],
      ['E', 'A', 8],
      ['A', 'D', 5],
    ],
  );

describe('strongestFlowsThreshold', () => {
  it('strongestFlowsThreshold by hand: the smallest whole t leaving at most maxFlows flows', () => {
    // sorted 10, 8, 8, 5, 3, 1
    // at most 3: the 4th largest is 5 → t = 6 keeps 10, 8, 8
    expect(strongestFlowsThreshold(six(), { maxFlows: 3 })).toEqual({ minWeight: 6, flows: 6, keptFlows: 3 });
    // at most 2: the 3rd largest is 8 → t = 9 keeps 10 alone (the two 8s tie: both go)
    expect(strongestFlowsThreshold(six(), { maxFlows: 2 })).toEqual({ minWeight: 9, flows: 6, keptFlows: 1 });
    // at most 5: the 6th largest is 1 → t = 2 drops the 1
    expect(strongestFlowsThreshold(six(), { maxFlows: 5 })).toEqual({ minWeight: 2, flows: 6, keptFlows: 5 });
    // at most 6 or more: nothing to cut
    expect(strongestFlowsThreshold(six(), { maxFlows: 6 })).toEqual({ minWeight: null, flows: 6, keptFlows: 6 });
    expect(strongestFlowsThreshold(six(), { maxFlows: Infinity })).toEqual({ minWeight: null, flows: 6, keptFlows: 6 });
    // the benchmark's default of 5,000
    expect(strongestFlowsThreshold(six())).toEqual({ minWeight: null, flows: 6, keptFlows: 6 });
  });

  it('strongestFlowsThreshold with fractional weights, self-loops and zero weights', () => {
    // Flows 2.5, 2.5, 1.2 (the self-loop and the zero edge are not flows).
    const g = new Graph({ allowSelfLoops: true });
    for (const n of ['A', 'B', 'C']) g.addNode(n);
    g.addEdge('A', 'B', { weight: 2.5 });
    g.addEdge('B', 'C', { weight: 2.5 });
    g.addEdge('C', 'A', { weight: 1.2 });
    g.addEdge('A', 'A', { weight: 100 });
    g.addEdge('B', 'A', { weight: 0 });
    // at most 2: the 3rd largest is 1.2 → t = ⌊1.2⌋ + 1 = 2 keeps both 2.5s
    expect(strongestFlowsThreshold(g, { maxFlows: 2 })).toEqual({ minWeight: 2, flows: 3, keptFlows: 2 });
    // at most 1: the 2nd largest is 2.5 → t = 3 keeps nothing (a whole threshold does not split ties)
    expect(strongestFlowsThreshold(g, { maxFlows: 1 })).toEqual({ minWeight: 3, flows: 3, keptFlows: 0 });
    expect(strongestFlowsThreshold(g, { maxFlows: 3 }).minWeight).toBeNull();
  });

  it('strongestFlowsThreshold validates options', () => {
    for (const maxFlows of [0, -1, 1.5, NaN, '10']) {
      expect(() => strongestFlowsThreshold(six(), { maxFlows: maxFlows as number })).toThrow(OptionError);
    }
    expect(() => strongestFlowsThreshold(six(), { cap: 3 } as never)).toThrow(OptionError);
    const bad = flowGraph(['A', 'B'], [['A', 'B', -1]]);
    expect(() => strongestFlowsThreshold(bad)).toThrow(OptionError);
  });

  it('strongestFlowsThreshold on random graphs: at most maxFlows kept, and t − 1 would keep more', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const g = messyGraph(seed, { selfLoops: true, zeros: true }, 30, 0.3);
      const weights: number[] = [];
      g.forEachEdge((_e, a, s, t) => s !== t && a.weight > 0 && weights.push(a.weight));
      for (const maxFlows of [1, 5, 20, 100, 1000]) {
        const r = strongestFlowsThreshold(g, { maxFlows });
        const kept = (t: number) => weights.filter((w) => w >= t).length;
        expect(r.flows).toBe(weights.length);
        if (r.minWeight === null) {
          expect(weights.length).toBeLessThanOrEqual(maxFlows);
          continue;
        }
        expect(Number.isInteger(r.minWeight)).toBe(true);
        expect(r.keptFlows).toBe(kept(r.minWeight));
        expect(r.keptFlows).toBeLessThanOrEqual(maxFlows);
        expect(kept(r.minWeight - 1)).toBeGreaterThan(maxFlows);
      }
    }
  });
});

describe('strongestFlows', () => {
  it('strongestFlows keeps the flows ≥ t and their places, in graph order', () => {
    const s = strongestFlows(six(), { maxFlows: 3 });
    expect(s.minWeight).toBe(6);
    // C→A 10, A→B 8, E→A 8: places A, B, C, E (D loses its flows)
    expect(s.graph.nodes()).toEqual(['A', 'B', 'C', 'E']);
    expect(s.graph.mapEdges((_e, a, src, t) => [src, t, a.weight])).toEqual([
      ['A', 'B', 8],
      ['C', 'A', 10],
      ['E', 'A', 8],
    ]);
    // Nothing to cut: every flow and every place with a flow.
    const all = strongestFlows(six(), { maxFlows: 100 });
    expect(all.minWeight).toBeNull();
    expect(all.graph.size).toBe(6);
    expect(all.graph.order).toBe(5);
  });

  it('strongestFlows reads the weight given and keeps undirected edges undirected', () => {
    const g = new Graph({ type: 'mixed' });
    for (const n of ['A', 'B', 'C']) g.addNode(n);
    g.addUndirectedEdge('A', 'B', { weight: 1, researchers: 9 });
    g.addDirectedEdge('B', 'C', { weight: 9, researchers: 1 });
    const s = strongestFlows(g, { maxFlows: 1, getEdgeWeight: 'researchers' });
    expect(s.minWeight).toBe(2);
    expect(s.graph.mapEdges((e, a, src, t) => [src, t, a.weight, s.graph.isUndirected(e)])).toEqual([['A', 'B', 9, true]]);
  });
});

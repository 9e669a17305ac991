import { describe, expect, it } from 'vitest';
import { disparityBackbone, disparityTail } from '../../src/analyses/disparity-backbone.ts';
import { OptionError } from '../../src/errors.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import type { FlowGraph } from '../../src/graph/types.ts';

// A→B 8, A→C 1, A→D 1, B→C 5, D→C 5
// out: A s=10 k=3, B s=5 k=1, D s=5 k=1; in: B s=8 k=1, C s=11 k=3, D s=1 k=1
const small = () =>
  flowGraph(
    ['A', 'B', 'C', 'D'],
    [
      ['A', 'B', 8],
      ['A', 'C', 1],
      ['A', 'D', 1],
      ['B', 'C', 5],
      ['D', 'C', 5],
    ],
  );

/** α of every edge from graphology's own adjacency, place by place (a second route to the same definition). */
function alphasByPlace(g: FlowGraph): Map<string, number> {
  const side = (edges: string[]) => {
    const s = edges.reduce((a, e) => a + g.getEdgeAttribute(e, 'weight'), 0);
    return (e: string) => (edges.length > 1 ? (1 - g.getEdgeAttribute(e, 'weight') / s) ** (edges.length - 1) : 1);
  };
  const out = new Map<string, number>();
  g.forEachEdge((e, _a, s, t) => out.set(e, Math.min(side(g.outEdges(s))(e), side(g.inEdges(t))(e))));
  return out;
}

describe('disparityBackbone', () => {
  it('disparityBackbone gives the hand-computed α and backbone of a 4-place graph', () => {
    const g = small();
    const r = disparityBackbone(g);
    const byPair = Object.fromEntries(g.mapEdges((e, _a, s, t) => [`${s}${t}`, r.disparityAlpha[r.edges.indexOf(e)]]));
    expect(byPair['AB']).toBeCloseTo(0.04, 15); // (1 − 8/10)², in-side k = 1
    expect(byPair['AC']).toBeCloseTo(0.81, 15); // out (0.9)² < in (10/11)²
    expect(byPair['AD']).toBeCloseTo(0.81, 15);
    expect(byPair['BC']).toBeCloseTo(36 / 121, 15); // in (1 − 5/11)², out k = 1
    expect(byPair['DC']).toBeCloseTo(36 / 121, 15);
    expect([r.flows, r.keptFlows, r.moves, r.keptMoves]).toEqual([5, 1, 20, 8]);
    const loose = disparityBackbone(g, { alpha: 0.3 });
    expect([loose.keptFlows, loose.keptMoves]).toEqual([3, 18]);
  });

  it('disparityBackbone.assign writes disparityAlpha and backbone on the edges', () => {
    const g = small();
    disparityBackbone.assign(g);
    expect(g.getEdgeAttribute(g.edge('A', 'B')!, 'backbone')).toBe(true);
    expect(g.getEdgeAttribute(g.edge('B', 'C')!, 'backbone')).toBe(false);
    expect(g.getEdgeAttribute(g.edge('B', 'C')!, 'disparityAlpha')).toBeCloseTo(36 / 121, 15);
  });

  it('disparityBackbone: a place with one flow gives no evidence; self-loops and zero flows have α = 1', () => {
    const g = flowGraph(['A', 'B'], [['A', 'B', 3]]);
    expect(disparityBackbone(g).disparityAlpha[0]).toBe(1);
    expect(disparityTail(0, 10, 4)).toBe(1);
    expect(disparityTail(10, 10, 4)).toBe(0);
    expect(disparityTail(5, 10, 1)).toBe(1);
  });

  it('disparityBackbone agrees with a place-by-place computation, is scale free and nested (random graphs)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = randomFlowGraph(seed, 6 + (seed % 15), 0.3);
      const r = disparityBackbone(g);
      const reference = alphasByPlace(g);
      r.edges.forEach((e, k) => expect(r.disparityAlpha[k]).toBeCloseTo(reference.get(e)!, 12));
      for (const a of r.disparityAlpha) expect(a >= 0 && a <= 1).toBe(true);
      // Multiplying every flow by 7 changes no share, so no α.
      const scaled = disparityBackbone(g, { getEdgeWeight: (_e, a) => 7 * a.weight });
      scaled.disparityAlpha.forEach((a, k) => expect(a).toBeCloseTo(r.disparityAlpha[k]!, 12));
      // A stricter level keeps a subset.
      const strict = disparityBackbone(g, { alpha: 0.01 });
      strict.backbone.forEach((b, k) => expect(b <= r.backbone[k]!).toBe(true));
      expect(strict.keptMoves).toBeLessThanOrEqual(r.keptMoves);
    }
  });

  it('disparityBackbone rejects an alpha outside (0, 1]', () => {
    expect(() => disparityBackbone(small(), { alpha: 0 })).toThrow(OptionError);
    expect(() => disparityBackbone(small(), { alpha: 1.5 })).toThrow(OptionError);
  });
});

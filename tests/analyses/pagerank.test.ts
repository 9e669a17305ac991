import { describe, expect, it } from 'vitest';
import { OptionError, TalentFlowError } from '../../src/errors.ts';
import { DEFAULTS, pagerank } from '../../src/analyses/pagerank.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import { referencePagerank } from './linalg.ts';

const close = (a: Record<string, number>, b: Record<string, number>, digits = 6) => {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const k of Object.keys(b)) expect(a[k]).toBeCloseTo(b[k]!, digits);
};

describe('pagerank', () => {
  it('pagerank on a 3-node weighted graph matches an independent power iteration', () => {
    // A→B 2, A→C 1, B→C 1, C→A 3. Transition: A → B 2/3, C 1/3; B → C 1; C → A 1.
    const g = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 2],
        ['A', 'C', 1],
        ['B', 'C', 1],
        ['C', 'A', 3],
      ],
    );
    const pr = pagerank(g, { tolerance: 1e-12, maxIterations: 1000 });
    close(pr, referencePagerank(g));
    // Fixed point by hand (α = 0.85, N = 3, (1 − α)/N = 0.05):
    //   A = 0.05 + 0.85·C;  B = 0.05 + 0.85·(2/3)·A;  C = 0.05 + 0.85·(A/3 + B)
    //   → C = 0.0925 + 0.765·A;  A = 0.128625 + 0.65025·A → A = 0.128625 / 0.34975 = 0.36776
    //   → B = 0.05 + 0.56667·0.36776 = 0.25840;  C = 0.0925 + 0.765·0.36776 = 0.37384 (Σ = 1)
    expect(pr.A).toBeCloseTo(0.36776, 4);
    expect(pr.B).toBeCloseTo(0.2584, 4);
    expect(pr.C).toBeCloseTo(0.37384, 4);
    // weights matter: unweighted PageRank differs
    expect(pagerank(g, { getEdgeWeight: null }).B).not.toBeCloseTo(pr.B!, 3);
  });

  it('pagerank spreads dangling mass uniformly and sums to 1 on random graphs', () => {
    const g = flowGraph(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B', 5],
        ['B', 'C', 1],
        ['C', 'A', 2],
        ['A', 'D', 1], // D sends nothing: dangling
      ],
    );
    close(pagerank(g, { tolerance: 1e-12, maxIterations: 1000 }), referencePagerank(g));
    for (let seed = 1; seed <= 10; seed++) {
      const r = randomFlowGraph(seed, 12, 0.2);
      const pr = pagerank(r, { tolerance: 1e-12, maxIterations: 1000, alpha: 0.7 });
      expect(Object.values(pr).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      close(pr, referencePagerank(r, 0.7), 7);
    }
  });

  it('pagerank treats a zero-weight edge as no edge (a place whose flows are all 0 is dangling)', () => {
    const base: Array<[string, string, number]> = [
      ['A', 'B', 2],
      ['B', 'A', 1],
      ['B', 'C', 1],
    ];
    const withZero = flowGraph(['A', 'B', 'C'], [...base, ['C', 'A', 0]]);
    const without = flowGraph(['A', 'B', 'C'], base);
    const pr = pagerank(withZero, { tolerance: 1e-12, maxIterations: 1000 });
    close(pr, pagerank(without, { tolerance: 1e-12, maxIterations: 1000 }), 12);
    close(pr, referencePagerank(without));
  });

  it('pagerank.assign writes pagerank; empty graph gives {}', () => {
    const g = flowGraph(['A', 'B'], [['A', 'B', 1]]);
    pagerank.assign(g);
    expect(g.getNodeAttribute('B', 'pagerank')).toBeGreaterThan(g.getNodeAttribute('A', 'pagerank') as number);
    expect(pagerank(flowGraph([], []))).toEqual({});
  });

  it('pagerank validates options and reports non-convergence', () => {
    const g = randomFlowGraph(3, 8);
    for (const bad of [{ alpha: 1 }, { alpha: -0.1 }, { maxIterations: 0 }, { tolerance: 0 }, { damping: 0.8 }]) {
      expect(() => pagerank(g, bad as never)).toThrow(OptionError);
    }
    expect(() => pagerank(g, { maxIterations: 1, tolerance: 1e-15 })).toThrow(TalentFlowError);
    expect(DEFAULTS.alpha).toBe(0.85);
  });
});

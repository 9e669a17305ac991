import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { eigenvector } from '../../src/analyses/eigenvector.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import { referenceEigenvector } from './linalg.ts';

describe('eigenvector', () => {
  it('eigenvector on a two-way pair: by hand both get 1/√2', () => {
    // W = [[0, 1], [1, 0]]: eigenvector (1, 1)/√2
    const r = eigenvector(
      flowGraph(
        ['A', 'B'],
        [
          ['A', 'B', 3],
          ['B', 'A', 3],
        ],
      ),
    );
    expect(r.A).toBeCloseTo(Math.SQRT1_2, 6);
    expect(r.B).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('eigenvector matches an independent power iteration on a strongly connected graph', () => {
    const g = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 2],
        ['B', 'C', 1],
        ['C', 'A', 1],
        ['B', 'A', 1],
        ['C', 'B', 3],
      ],
    );
    const r = eigenvector(g, { tolerance: 1e-12, maxIterations: 100_000 });
    const ref = referenceEigenvector(g);
    for (const k of ['A', 'B', 'C']) expect(r[k]).toBeCloseTo(ref[k]!, 6);
    expect(Math.hypot(...Object.values(r))).toBeCloseTo(1, 9);
  });

  it('eigenvector matches the reference on random dense graphs and assigns', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const g = randomFlowGraph(seed, 10, 0.5);
      const r = eigenvector(g, { tolerance: 1e-12, maxIterations: 100_000 });
      const ref = referenceEigenvector(g);
      for (const k of g.nodes()) expect(r[k]).toBeCloseTo(ref[k]!, 5);
    }
    const g = flowGraph(
      ['A', 'B'],
      [
        ['A', 'B', 1],
        ['B', 'A', 1],
      ],
    );
    eigenvector.assign(g);
    expect(g.getNodeAttribute('A', 'eigenvector')).toBeCloseTo(Math.SQRT1_2, 6);
    expect(() => eigenvector(g, { maxIterations: 1.5 })).toThrow(OptionError);
  });
});

import { describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import { OptionError } from '../../src/errors.ts';
import { hits } from '../../src/analyses/hits.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import { referenceHits } from './linalg.ts';

const close = (a: Record<string, number>, b: Record<string, number>, digits = 6) => {
  for (const k of Object.keys(b)) expect(a[k]).toBeCloseTo(b[k]!, digits);
};

describe('hits', () => {
  it('hits on a small weighted graph matches an independent power iteration', () => {
    const g = flowGraph(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B', 3],
        ['A', 'C', 1],
        ['B', 'C', 2],
        ['C', 'A', 1],
        ['D', 'C', 1],
      ],
    );
    const r = hits(g);
    const ref = referenceHits(g);
    close(r.hubs, ref.hubs);
    close(r.authorities, ref.authorities);
    expect(Object.values(r.hubs).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // A sends the most to the best receivers; D receives nothing
    expect(r.hubs.A).toBeGreaterThan(r.hubs.B!);
    expect(r.authorities.D).toBe(0);
  });

  it('hits by hand on a star: one sender, two equal receivers', () => {
    // A→B 1, A→C 1: hub A = 1, authorities B = C = 1/2
    const r = hits(
      flowGraph(
        ['A', 'B', 'C'],
        [
          ['A', 'B', 1],
          ['A', 'C', 1],
        ],
      ),
    );
    expect(r.hubs).toEqual({ A: 1, B: 0, C: 0 });
    expect(r.authorities).toEqual({ A: 0, B: 0.5, C: 0.5 });
  });

  it('hits matches the reference on random graphs', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const g = randomFlowGraph(seed, 10, 0.3);
      const r = hits(g);
      const ref = referenceHits(g);
      close(r.hubs, ref.hubs, 5);
      close(r.authorities, ref.authorities, 5);
    }
  });

  it('hits sums parallel edges of a multigraph instead of refusing it', () => {
    const multi = new MultiDirectedGraph();
    multi.mergeNode('A');
    multi.mergeNode('B');
    multi.mergeNode('C');
    multi.addEdge('A', 'B', { weight: 2 });
    multi.addEdge('A', 'B', { weight: 1 });
    multi.addEdge('A', 'C', { weight: 1 });
    const simple = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 3],
        ['A', 'C', 1],
      ],
    );
    // authorities ∝ (0, 3, 1) → B = 0.75, C = 0.25
    expect(hits(multi).authorities.B).toBeCloseTo(0.75, 9);
    expect(hits(multi)).toEqual(hits(simple));
  });

  it('hits gives zeros without flows and assign writes hubScore/authorityScore', () => {
    expect(hits(flowGraph(['A', 'B'], []))).toEqual({ hubs: { A: 0, B: 0 }, authorities: { A: 0, B: 0 } });
    const g = flowGraph(['A', 'B'], [['A', 'B', 4]]);
    hits.assign(g);
    expect(g.getNodeAttribute('A', 'hubScore')).toBe(1);
    expect(g.getNodeAttribute('B', 'authorityScore')).toBe(1);
    expect(() => hits(g, { tolerance: -1 })).toThrow(OptionError);
  });
});

import { describe, expect, it } from 'vitest';
import { inflowShare } from '../../src/analyses/inflow-share.ts';
import { OptionError } from '../../src/errors.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';

describe('inflowShare', () => {
  it('inflowShare is inflow / total moves on a 4-node graph', () => {
    // A→B 10, A→C 5, B→A 2, B→C 3, C→D 7, D→A 1: 28 moves.
    // Inflow A 2 + 1 = 3, B 10, C 5 + 3 = 8, D 7 → 3/28, 10/28, 8/28, 7/28.
    const g = flowGraph(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B', 10],
        ['A', 'C', 5],
        ['B', 'A', 2],
        ['B', 'C', 3],
        ['C', 'D', 7],
        ['D', 'A', 1],
      ],
    );
    expect(inflowShare(g)).toEqual({ A: 3 / 28, B: 10 / 28, C: 8 / 28, D: 7 / 28 });
    inflowShare.assign(g);
    expect(g.getNodeAttribute('D', 'inflowShare')).toBe(0.25);
    // Unweighted: 6 edges; C receives 2 of them.
    expect(inflowShare(g, { getEdgeWeight: null }).C).toBe(2 / 6);
  });

  it('inflowShare is null on a graph without flow, and a place without inflow has share 0', () => {
    expect(inflowShare(flowGraph(['A', 'B'], []))).toEqual({ A: null, B: null });
    expect(inflowShare(flowGraph(['A', 'B'], [['A', 'B', 4]]))).toEqual({ A: 0, B: 1 });
  });

  it('inflowShare sums to 1 on random seeded graphs with flow, and rejects a negative weight', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const g = randomFlowGraph(seed, 5 + (seed % 20), 0.25);
      if (g.size === 0) continue;
      const total = Object.values(inflowShare(g)).reduce<number>((a, b) => a + (b ?? 0), 0);
      expect(total).toBeCloseTo(1, 12);
    }
    expect(() => inflowShare(flowGraph(['A', 'B'], [['A', 'B', -1]]))).toThrow(OptionError);
  });
});

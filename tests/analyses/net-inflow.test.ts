import { describe, expect, it } from 'vitest';
import { netInflow } from '../../src/analyses/net-inflow.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';

describe('netInflow', () => {
  it('netInflow is inflow − outflow on a 4-node graph', () => {
    // A→B 10, A→C 5, B→A 2, B→C 3, C→D 7, D→A 1
    // A: in 3 − out 15 = −12; B: 10 − 5 = 5; C: 8 − 7 = 1; D: 7 − 1 = 6
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
    expect(netInflow(g)).toEqual({ A: -12, B: 5, C: 1, D: 6 });
    netInflow.assign(g);
    expect(g.getNodeAttribute('A', 'netInflow')).toBe(-12);
    expect(g.getNodeAttribute('D', 'netInflow')).toBe(6);
  });

  it('netInflow sums to zero on any closed graph (random seeded graphs)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomFlowGraph(seed, 5 + (seed % 20), 0.25);
      const total = Object.values(netInflow(g)).reduce((a, b) => a + b, 0);
      expect(total).toBe(0); // integer weights: exact
      // and the magnitude is not trivially zero everywhere
      if (g.size > 0) expect(Object.values(netInflow(g)).some((v) => v !== 0)).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { quadrants, quadrantOf } from '../../src/analyses/quadrants.ts';
import { OptionError } from '../../src/errors.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';

// A→B 10, B→C 4, C→A 2, D→A 6. in: A 8, B 10, C 4, D 0; out: A 10, B 4, C 2, D 6.
// Net rate: A −2/18, B 6/14, C 2/6, D −1. Medians: size (0, 4, 8, 10) → 6; momentum → (−1/9 + 1/3)/2 = 1/9.
const moves = () =>
  flowGraph(
    ['A', 'B', 'C', 'D'],
    [
      ['A', 'B', 10],
      ['B', 'C', 4],
      ['C', 'A', 2],
      ['D', 'A', 6],
    ],
  );

describe('quadrants', () => {
  it('quadrants on a moves table: inflow against net rate, split at the medians', () => {
    const r = quadrants(moves());
    expect(r.basis).toBe('inflow');
    expect(r.size).toEqual({ A: 8, B: 10, C: 4, D: 0 });
    expect(r.momentum['A']).toBeCloseTo(-1 / 9, 15);
    expect(r.momentum['B']).toBeCloseTo(3 / 7, 15);
    expect(r.thresholds.size).toBe(6);
    expect(r.thresholds.momentum).toBeCloseTo(1 / 9, 15);
    expect(r.quadrant).toEqual({ A: 'incumbent', B: 'leader', C: 'riser', D: 'laggard' });
    expect(r.counts).toEqual({ leader: 1, riser: 1, incumbent: 1, laggard: 1 });
  });

  it('quadrants on timeline stock: stock against inflow ratio; a place without stock has none', () => {
    const g = flowGraph(
      [
        { key: 'P', stock: 100, inflowSet: 30 },
        { key: 'Q', stock: 50, inflowSet: 5 },
        { key: 'R', stock: 10, inflowSet: 4 },
        { key: 'S', stock: 200, inflowSet: 20 },
        { key: 'T' },
      ],
      [['P', 'Q', 1]],
    );
    const r = quadrants.assign(g);
    expect(r.basis).toBe('stock');
    // sizes 10, 50, 100, 200 → 75; ratios 0.1, 0.1, 0.3, 0.4 → 0.2
    expect(r.thresholds.size).toBe(75);
    expect(r.thresholds.momentum).toBeCloseTo(0.2, 15);
    expect(r.quadrant).toEqual({ P: 'leader', Q: 'laggard', R: 'riser', S: 'incumbent', T: null });
    expect(g.getNodeAttribute('S', 'quadrant')).toBe('incumbent');
    expect(g.getNodeAttribute('T', 'quadrant')).toBeNull();
    // The moves basis on the same graph: only P and Q have flows.
    expect(quadrants(g, { basis: 'inflow' }).quadrant['R']).toBeNull();
  });

  it('quadrants takes fixed thresholds', () => {
    const r = quadrants(moves(), { sizeThreshold: 9, momentumThreshold: 0 });
    expect(r.quadrant).toEqual({ A: 'laggard', B: 'leader', C: 'riser', D: 'laggard' });
    expect(quadrantOf(5, 0, 5, 0)).toBe('leader'); // a value at the threshold counts as at or above
    expect(() => quadrants(moves(), { sizeThreshold: 'mean' as never })).toThrow(OptionError);
    expect(() => quadrants(moves(), { basis: 'people' as never })).toThrow(OptionError);
  });

  it('quadrants at the medians: at least half the places are large and at least half gaining (random graphs)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomFlowGraph(seed, 5 + seed, 0.3);
      const r = quadrants(g);
      const placed = Object.values(r.quadrant).filter((q) => q !== null).length;
      const c = r.counts;
      expect(c.leader + c.riser + c.incumbent + c.laggard).toBe(placed);
      expect(2 * (c.leader + c.incumbent)).toBeGreaterThanOrEqual(placed);
      expect(2 * (c.leader + c.riser)).toBeGreaterThanOrEqual(placed);
      for (const [node, q] of Object.entries(r.quadrant)) {
        if (q === null) continue;
        expect(q === 'leader' || q === 'incumbent').toBe(r.size[node]! >= r.thresholds.size!);
      }
    }
  });
});

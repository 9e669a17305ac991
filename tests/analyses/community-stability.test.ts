import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { communities } from '../../src/analyses/communities.ts';
import { coassignedPairs, coassignment, communityStability } from '../../src/analyses/community-stability.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';

const both = (a: string, b: string, w: number): Array<[string, string, number]> => [
  [a, b, w],
  [b, a, w],
];
const twoTriangles = () =>
  flowGraph(
    [],
    [
      ...both('Shenzhen', 'Hong Kong', 30),
      ...both('Shenzhen', 'Guangzhou', 20),
      ...both('Hong Kong', 'Guangzhou', 10),
      ...both('Boston', 'New York', 25),
      ...both('Boston', 'Chicago', 15),
      ...both('New York', 'Chicago', 5),
      ['Boston', 'Shenzhen', 2],
    ],
  );

describe('communityStability', () => {
  it('communityStability: pairs always together → 1, never → 0, every place stable', () => {
    const s = communityStability(twoTriangles(), { runs: 10 });
    expect(coassignment(s, 'Shenzhen', 'Hong Kong')).toBe(1);
    expect(coassignment(s, 'Chicago', 'Boston')).toBe(1);
    expect(coassignment(s, 'Boston', 'Shenzhen')).toBe(0);
    expect(coassignment(s, 'Boston', 'Boston')).toBe(1);
    expect(Object.values(s.stability)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(s.distinctPartitions).toBe(1);
    expect(s.consensus.communities.map((c) => c.label)).toEqual(['Shenzhen – Hong Kong – Guangzhou', 'Boston – New York – Chicago']);
    // the consensus modularity equals the (unique) Louvain one
    expect(s.consensus.modularity).toBeCloseTo(communities(twoTriangles()).modularity, 12);
    expect(s.modularity.min).toBeCloseTo(s.modularity.max, 12);
    expect(coassignedPairs(s, 0.5)).toHaveLength(6); // 3 pairs per triangle
  });

  it('communityStability counts match independent seeded communities() runs', () => {
    const g = randomFlowGraph(21, 30, 0.12);
    const runs = 8;
    const s = communityStability(g, { runs, seed: 100 });
    const parts = Array.from({ length: runs }, (_, r) => communities(g, { seed: 100 + r }).assignment);
    const nodes = g.nodes();
    let fractional = 0;
    for (const a of nodes) {
      for (const b of nodes) {
        const expected = a === b ? 1 : parts.filter((p) => p[a] === p[b]).length / runs;
        expect(coassignment(s, a, b)).toBe(expected);
        if (expected > 0 && expected < 1) fractional++;
      }
    }
    expect(fractional).toBeGreaterThan(0); // the check exercised unstable pairs too
    // stability by hand from the definition
    for (const c of s.consensus.communities) {
      for (const m of c.members) {
        const others = c.members.filter((x) => x !== m);
        const expected = others.length
          ? others.reduce((acc, o) => acc + coassignment(s, m, o), 0) / others.length
          : parts.filter((p) => Object.values(p).filter((v) => v === p[m]).length === 1).length / runs;
        expect(s.stability[m]).toBeCloseTo(expected, 12);
      }
    }
    // consensus: pairs together in a majority of runs share a consensus community
    for (const { a, b, frequency } of coassignedPairs(s, 0)) {
      if (frequency > 0.5) expect(s.consensus.assignment[a]).toBe(s.consensus.assignment[b]);
    }
    const qs = parts.map((_, r) => communities(g, { seed: 100 + r }).modularity);
    expect(s.modularity.mean).toBeCloseTo(qs.reduce((x, y) => x + y, 0) / runs, 12);
  });

  it('communityStability with one run reproduces communities() exactly', () => {
    const g = randomFlowGraph(4, 25, 0.15);
    const s = communityStability(g, { runs: 1, seed: 9 });
    const c = communities(g, { seed: 9 });
    expect(s.consensus.assignment).toEqual(c.assignment);
    expect(s.consensus.modularity).toBeCloseTo(c.modularity, 10);
    expect(Object.values(s.stability).every((v) => v === 1)).toBe(true);
  });

  it('communityStability validates options', () => {
    for (const bad of [{ runs: 0 }, { runs: 2.5 }, { consensusThreshold: 1 }, { resolution: -1 }, { seeds: 3 }]) {
      expect(() => communityStability(twoTriangles(), bad as never)).toThrow(OptionError);
    }
    const s = communityStability(twoTriangles(), { runs: 2 });
    expect(() => coassignment(s, 'Boston', 'Paris')).toThrow(RangeError);
  });
});

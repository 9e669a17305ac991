import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { communities } from '../../src/analyses/communities.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import type { NodeSpec } from './helpers.ts';

const both = (a: string, b: string, w: number): Array<[string, string, number]> => [
  [a, b, w],
  [b, a, w],
];

// Two dense triangles joined by a thin edge.
//   GBA: Shenzhen⇄Hong Kong 30, Shenzhen⇄Guangzhou 20, Hong Kong⇄Guangzhou 10 (each way)
//   US:  Boston⇄New York 25, Boston⇄Chicago 15, New York⇄Chicago 5
//   bridge Boston→Shenzhen 2
// Strength (in + out): Shenzhen 60+40+2 = 102, Hong Kong 80, Guangzhou 60 → GBA 242
//                      Boston 50+30+2 = 82, New York 60, Chicago 40   → US 182
const nodes: NodeSpec[] = [
  { key: 'Boston', country: 'US', region: 'Americas' },
  { key: 'New York', country: 'US', region: 'Americas' },
  { key: 'Chicago', country: 'US', region: 'Americas' },
  { key: 'Guangzhou', country: 'CN', region: 'Asia' },
  { key: 'Hong Kong', country: 'HK', region: 'Asia' },
  { key: 'Shenzhen', country: 'CN', region: 'Asia' },
];
const twoTriangles = () =>
  flowGraph(nodes, [
    ...both('Shenzhen', 'Hong Kong', 30),
    ...both('Shenzhen', 'Guangzhou', 20),
    ...both('Hong Kong', 'Guangzhou', 10),
    ...both('Boston', 'New York', 25),
    ...both('Boston', 'Chicago', 15),
    ...both('New York', 'Chicago', 5),
    ['Boston', 'Shenzhen', 2],
  ]);

describe('communities', () => {
  it('communities splits two dense triangles joined by a thin edge, largest first, with labels', () => {
    const r = communities(twoTriangles());
    expect(r.communities).toHaveLength(2);
    const [gba, us] = r.communities;
    expect(gba).toEqual({
      id: 0,
      label: 'Shenzhen – Hong Kong – Guangzhou',
      size: 3,
      members: ['Shenzhen', 'Hong Kong', 'Guangzhou'],
      dominantCountry: 'CN', // (102 + 60) / 242
      dominantCountryShare: 162 / 242,
      dominantRegion: 'Asia',
    });
    expect(us!.label).toBe('Boston – New York – Chicago');
    expect(us!.dominantCountryShare).toBe(1);
    expect(r.assignment).toEqual({ Boston: 1, 'New York': 1, Chicago: 1, Guangzhou: 0, 'Hong Kong': 0, Shenzhen: 0 });
    // Undirected weights: SZ-HK 60, SZ-GZ 40, HK-GZ 20, B-NY 50, B-C 30, NY-C 10, B-SZ 2 → m = 212.
    // Q = Σ_c [L_c/m − (d_c/2m)²] = (120/212 − (242/424)²) + (90/212 − (182/424)²)
    const q = 120 / 212 - (242 / 424) ** 2 + (90 / 212 - (182 / 424) ** 2);
    expect(r.modularity).toBeCloseTo(q, 10); // ≈ 0.4947
    expect(r.resolution).toBe(1);
    expect(r.seed).toBe(42);
  });

  it('communities uses node labels when present and the directed variant finds the same split', () => {
    const g = twoTriangles();
    g.setNodeAttribute('Hong Kong', 'label', 'Hong Kong SAR');
    expect(communities(g).communities[0]!.label).toBe('Shenzhen – Hong Kong SAR – Guangzhou');
    const d = communities(g, { directed: true });
    expect(d.communities.map((c) => c.members)).toEqual(communities(g).communities.map((c) => c.members));
  });

  it('communities is deterministic under a fixed seed', () => {
    const g = randomFlowGraph(5, 60, 0.08);
    const a = communities(g, { seed: 3 });
    const b = communities(g, { seed: 3 });
    expect(b).toEqual(a);
    // ids are contiguous, ordered by total strength
    const strength = (m: string) => [...g.inEdges(m), ...g.outEdges(m)].reduce((s, e) => s + g.getEdgeAttribute(e, 'weight'), 0);
    const totals = a.communities.map((c) => c.members.reduce((s, m) => s + strength(m), 0));
    expect([...totals].sort((x, y) => y - x)).toEqual(totals);
    expect(a.communities.map((c) => c.id)).toEqual(a.communities.map((_, i) => i));
    expect(a.communities.reduce((s, c) => s + c.size, 0)).toBe(60);
  });

  it('communities: a higher resolution gives more communities', () => {
    const g = randomFlowGraph(9, 40, 0.15);
    const low = communities(g, { resolution: 0.5 }).communities.length;
    const high = communities(g, { resolution: 3 }).communities.length;
    expect(high).toBeGreaterThan(low);
  });

  it('communities.assign writes community and communityLabel; no flows → singletons with Q = 0', () => {
    const g = twoTriangles();
    const r = communities.assign(g);
    expect(g.getNodeAttribute('Guangzhou', 'community')).toBe(0);
    expect(g.getNodeAttribute('Chicago', 'communityLabel')).toBe('Boston – New York – Chicago');
    expect(r.communities).toHaveLength(2);
    const empty = communities(flowGraph(['B', 'A'], []));
    expect(empty.modularity).toBe(0);
    // no strength anywhere: ties broken by key
    expect(empty.communities.map((c) => c.label)).toEqual(['A', 'B']);
  });

  it('communities validates options', () => {
    for (const bad of [{ resolution: 0 }, { seed: 1.5 }, { directed: 'no' }, { gamma: 1 }]) {
      expect(() => communities(twoTriangles(), bad as never)).toThrow(OptionError);
    }
  });
});

import { measureAttributes } from '../../src/analyses/registry.ts';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { analyzeGraph, autoBetweennessMaxFlows, BETWEENNESS_WORK, DEFAULTS } from '../../src/analyses/run-all.ts';
import { communities } from '../../src/analyses/communities.ts';
import { pagerank } from '../../src/analyses/pagerank.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';

const both = (a: string, b: string, w: number): Array<[string, string, number]> => [
  [a, b, w],
  [b, a, w],
];
const world = () =>
  flowGraph(
    [
      { key: 'Shenzhen', country: 'CN', region: 'Asia' },
      { key: 'Hong Kong', country: 'HK', region: 'Asia' },
      { key: 'Guangzhou', country: 'CN', region: 'Asia' },
      { key: 'Boston', country: 'US', region: 'Americas' },
      { key: 'New York', country: 'US', region: 'Americas' },
      { key: 'Chicago', country: 'US', region: 'Americas' },
    ],
    [
      ...both('Shenzhen', 'Hong Kong', 350),
      ['Guangzhou', 'Shenzhen', 500, { byDiscipline: { 'Computer Science': 300, Medicine: 200 } }],
      ['Shenzhen', 'Guangzhou', 100, { byDiscipline: { Medicine: 100 } }],
      ...both('Hong Kong', 'Guangzhou', 100),
      ...both('Boston', 'New York', 250),
      ...both('Boston', 'Chicago', 150),
      ...both('New York', 'Chicago', 50),
      ['Boston', 'Shenzhen', 20],
    ],
  );

describe('analyzeGraph', () => {
  it('analyzeGraph writes every measure and returns the summary', () => {
    const g = world();
    const s = analyzeGraph(g);
    // Every attribute of the registry, in its order (tests/analyses/registry.test.ts checks the list itself).
    expect(s.measures).toEqual(measureAttributes().map((a) => a.attribute));
    expect(s.measures.slice(0, 3)).toEqual(['inflow', 'outflow', 'netInflow']);
    // The default runs the stability over 20 seeds, as the CLI does.
    expect(s.stability!.runs).toBe(20);
    for (const node of g.nodes()) for (const m of s.measures) expect(g.getNodeAttributes(node)).toHaveProperty(m);
    // Shenzhen: in 350 + 500 + 20 = 870, out 350 + 100 = 450 → net +420
    // strength: Shenzhen 1320, Hong Kong 700 + 200 = 900, Guangzhou 600 + 200 = 800
    expect(g.getNodeAttribute('Shenzhen', 'netInflow')).toBe(420);
    expect(g.getNodeAttribute('Shenzhen', 'inflowRatio')).toBeNull(); // moves only
    expect(g.getNodeAttribute('Shenzhen', 'pagerank')).toBe(pagerank(world()).Shenzhen);
    expect(s.hasStock).toBe(false);
    expect(s.seed).toBe(42);
    expect(s.communities).toEqual(communities(world()));
    expect(s.communities.communities[0]!.label).toBe('Shenzhen – Hong Kong – Guangzhou');
    expect(g.getNodeAttribute('Chicago', 'communityLabel')).toBe('Boston – New York – Chicago');
    // top sources ≥ 100: Shenzhen ← Guangzhou 500, Hong Kong 350 (Boston 20 is below the cut)
    expect(s.topSources.Shenzhen!.map((f) => f.place)).toEqual(['Guangzhou', 'Hong Kong']);
    expect(s.rai.basis).toBe('inflow');
    // inflowing moves: Medicine 200 + 100 = 300, Computer Science 300 → equal shares, by name
    expect(s.rai.disciplines).toEqual(['Computer Science', 'Medicine']);
    expect(s.totals).toEqual({ places: 6, flows: 13, moves: 2 * 350 + 500 + 100 + 200 + 500 + 300 + 100 + 20 });
    expect(Object.values(s.hubClasses.counts).reduce((a, b) => a + b, 0)).toBe(6);
    expect(Object.values(s.balanceClasses.counts).reduce((a, b) => a + b, 0)).toBe(6);
    expect(s.stability!.consensus.communities.map((c) => c.label)).toEqual(s.communities.communities.map((c) => c.label));
    expect(s.warnings).toEqual([]);
    expect(s.options).toEqual(DEFAULTS);
  });

  it('analyzeGraph with stability runs and options is deterministic', () => {
    const a = randomFlowGraph(11, 30, 0.15);
    const b = randomFlowGraph(11, 30, 0.15);
    const sa = analyzeGraph(a, { seed: 5, stabilityRuns: 4, topK: 2, topMinWeight: 0, resolution: 1.5 });
    const sb = analyzeGraph(b, { seed: 5, stabilityRuns: 4, topK: 2, topMinWeight: 0, resolution: 1.5 });
    expect(sa).toEqual(sb);
    expect(sa.stability!.runs).toBe(4);
    expect(sa.measures).toContain('communityStability');
    expect(a.getNodeAttribute('P000', 'communityStability')).toBe(sa.stability!.stability.P000);
    expect(Object.values(sa.topSources).every((l) => l.length <= 2)).toBe(true);
    expect(sa.communities.resolution).toBe(1.5);
  });

  it('analyzeGraph leaves an unconverged power iteration empty with a warning', () => {
    // Two separate flows of almost equal size: HITS converges at rate (1/1.0001)² per step,
    // far too slowly for its iteration budget.
    const g = flowGraph(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B', 1],
        ['C', 'D', 1.0001],
      ],
    );
    const s = analyzeGraph(g);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/^hits /);
    expect(g.getNodeAttribute('A', 'hubScore')).toBeNull();
    expect(g.getNodeAttribute('A', 'pagerank')).toBeGreaterThan(0);
  });

  it('analyzeGraph validates options', () => {
    for (const bad of [
      { stabilityRuns: -1 },
      { topK: 0 },
      { resolution: 0 },
      { hubShare: 2 },
      { seeds: 1 },
      { directedCommunities: 1 },
      { betweennessMaxFlows: -1 },
      { betweennessMaxFlows: 2.5 },
      { betweennessMaxFlows: 'exact' },
      { stabilityMaxFlows: 'auto' },
      { stabilityMaxFlows: -5 },
    ]) {
      expect(() => analyzeGraph(world(), bad as never)).toThrow(OptionError);
    }
  });

  it("analyzeGraph names its own option in errors (topK, not top-sources' k) and resolves a flow cap of 0 as no limit", () => {
    for (const [bad, option] of [
      [{ topK: 0 }, 'topK'],
      [{ topMinWeight: -1 }, 'topMinWeight'],
      [{ backboneAlpha: 0 }, 'backboneAlpha'],
      [{ seed: -1 }, 'seed'],
      [{ gravityMaxPlaces: 1.5 }, 'gravityMaxPlaces'],
    ] as const) {
      expect(() => analyzeGraph(world(), bad as never)).toThrow(expect.objectContaining({ name: 'OptionError', option }));
    }
    const summary = analyzeGraph(world(), { stabilityRuns: 0, betweennessMaxFlows: 0, stabilityMaxFlows: 0 });
    expect(summary.options.betweennessMaxFlows).toBe(Infinity);
    expect(summary.options.stabilityMaxFlows).toBe(Infinity);
    expect(summary.betweenness.minWeight).toBeNull();
  });

  it('autoBetweennessMaxFlows keeps places × flows near 25 million, never below 5,000 flows', () => {
    expect(autoBetweennessMaxFlows(70)).toBe(357142); // ⌊25,000,000 / 70⌋
    expect(autoBetweennessMaxFlows(211)).toBe(118483);
    expect(autoBetweennessMaxFlows(1000)).toBe(25000);
    expect(autoBetweennessMaxFlows(5000)).toBe(5000);
    expect(autoBetweennessMaxFlows(20000)).toBe(5000);
    expect(autoBetweennessMaxFlows(0)).toBe(BETWEENNESS_WORK);
  });

  it('analyzeGraph computes betweenness exactly under the cap and on the strongest flows above it', () => {
    const exact = analyzeGraph(world());
    expect(exact.betweenness).toEqual({ maxFlows: autoBetweennessMaxFlows(6), minWeight: null, flows: 13, keptFlows: 13 });
    expect(analyzeGraph(world(), { betweennessMaxFlows: 0 }).betweenness.maxFlows).toBe(Infinity);
    // 13 flows: 500, 350, 350, 250, 250, 150, 150, 100, 100, 100, 50, 50, 20. At most 6: the 7th
    // largest is 150 → t = 151 keeps 500, 350, 350, 250, 250 (the 150s tie and go together).
    const g = world();
    const s = analyzeGraph(g, { betweennessMaxFlows: 6 });
    expect(s.betweenness).toEqual({ maxFlows: 6, minWeight: 151, flows: 13, keptFlows: 5 });
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/^betweenness computed on the 5 strongest of 13 flows \(at least 151 moves each\)/);
    // Kept: Shenzhen⇄Hong Kong, Guangzhou→Shenzhen, Boston⇄New York. Only Shenzhen is between
    // two others (Guangzhou⇝Hong Kong): 1 / ((6 − 1)(6 − 2)) = 1/20.
    expect(g.getNodeAttribute('Shenzhen', 'betweenness')).toBe(1 / 20);
    for (const p of ['Hong Kong', 'Guangzhou', 'Boston', 'New York', 'Chicago']) expect(g.getNodeAttribute(p, 'betweenness')).toBe(0);
    // Everything else is unchanged.
    const other = world();
    analyzeGraph(other);
    for (const node of g.nodes()) {
      const { betweenness: _a, ...a } = g.getNodeAttributes(node);
      const { betweenness: _b, ...b } = other.getNodeAttributes(node);
      expect(a).toEqual(b);
    }
  });

  it('analyzeGraph skips stability runs on graphs of more flows than stabilityMaxFlows, with a warning', () => {
    const s = analyzeGraph(world(), { stabilityRuns: 3, stabilityMaxFlows: 12 });
    expect(s.stability).toBeNull();
    expect(s.stabilitySkipped).toBe(true);
    expect(s.measures).not.toContain('communityStability');
    expect(s.warnings).toEqual([expect.stringMatching(/^community stability skipped: 13 flows is more than stabilityMaxFlows 12/)]);
    const run = analyzeGraph(world(), { stabilityRuns: 3, stabilityMaxFlows: 13 });
    expect(run.stability!.runs).toBe(3);
    expect(run.stabilitySkipped).toBe(false);
    expect(analyzeGraph(world(), { stabilityRuns: 3, stabilityMaxFlows: 0 }).stability!.runs).toBe(3);
    expect(analyzeGraph(world(), { stabilityRuns: 0, stabilityMaxFlows: 1 }).stabilitySkipped).toBe(false); // no runs asked for
  });
});

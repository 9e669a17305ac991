import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { betweenness } from '../../src/analyses/betweenness.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import betweennessLib from 'graphology-metrics/centrality/betweenness.js';
import { weightedView } from '../../src/analyses/weighted-copy.ts';
import type { FlowGraph } from '../../src/graph/types.ts';

describe('betweenness', () => {
  it('betweenness on a directed path counts the pairs each inner place connects', () => {
    // A→B→C→D (weights irrelevant, single paths): B on A⇝C, A⇝D = 2; C on A⇝D, B⇝D = 2
    const g = flowGraph(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B', 5],
        ['B', 'C', 1],
        ['C', 'D', 2],
      ],
    );
    expect(betweenness(g, { normalized: false })).toEqual({ A: 0, B: 2, C: 2, D: 0 });
    // normalised: / ((4 − 1)(4 − 2)) = / 6
    const n = betweenness(g);
    expect(n.B).toBeCloseTo(2 / 6, 12);
  });

  it('betweenness treats a heavy flow as a short hop (distance = 1 / weight)', () => {
    // A→B 4, B→C 4: via B the length is 1/4 + 1/4 = 0.5; the direct A→C 1 has length 1.
    // So A⇝C goes through B: B = 1 (unnormalised), 1 / (2·1) = 0.5 normalised.
    // Read as distances, raw moves would make A→C (1) shorter than A→B→C (8) and B = 0.
    const g = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 4],
        ['B', 'C', 4],
        ['A', 'C', 1],
      ],
    );
    expect(betweenness(g, { normalized: false })).toEqual({ A: 0, B: 1, C: 0 });
    expect(betweenness(g).B).toBe(0.5);
    // A→B 2, B→C 2: 1/2 + 1/2 = 1 ties with A→C 1 → B on 1 of 2 shortest paths = 0.5
    const tie = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 2],
        ['B', 'C', 2],
        ['A', 'C', 1],
      ],
    );
    expect(betweenness(tie, { normalized: false }).B).toBe(0.5);
  });

  it('betweenness on a two-way star, with and without a strong shortcut', () => {
    // S ⇄ L1, L2, L3 (weight 4 each way): all 6 ordered leaf pairs go through S.
    const edges: Array<[string, string, number]> = [];
    for (const l of ['L1', 'L2', 'L3']) edges.push(['S', l, 4], [l, 'S', 4]);
    const star = flowGraph(['S', 'L1', 'L2', 'L3'], edges);
    expect(betweenness(star, { normalized: false }).S).toBe(6);
    expect(betweenness(star).S).toBe(1); // 6 / (3·2)
    // A weak shortcut L1→L2 (weight 1, length 1) loses to 1/4 + 1/4: S keeps 6
    const weak = flowGraph(['S', 'L1', 'L2', 'L3'], [...edges, ['L1', 'L2', 1]]);
    expect(betweenness(weak, { normalized: false }).S).toBe(6);
    // A strong one (weight 10, length 0.1) wins: S loses the pair L1⇝L2 → 5
    const strong = flowGraph(['S', 'L1', 'L2', 'L3'], [...edges, ['L1', 'L2', 10]]);
    expect(betweenness(strong, { normalized: false }).S).toBe(5);
  });

  it('betweenness ignores zero-weight edges, assigns, and validates options', () => {
    const g = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 1],
        ['B', 'C', 1],
        ['A', 'C', 0],
      ],
    );
    expect(betweenness(g, { normalized: false }).B).toBe(1);
    betweenness.assign(g);
    expect(g.getNodeAttribute('B', 'betweenness')).toBe(0.5);
    expect(() => betweenness(g, { normalized: 'yes' as never })).toThrow(OptionError);
  });

  it('betweenness with maxFlows runs on the strongest flows, over every place', () => {
    // A→B 5, B→C 5, C→D 5, A→D 1, D→E 1. At most 3 flows: the 4th largest is 1 → t = 2 keeps the
    // path A→B→C→D. B lies on A⇝C and A⇝D, C on A⇝D and B⇝D: 2 each, unnormalised.
    // Normalised over all 5 places: / ((5 − 1)(5 − 2)) = / 12, not over the 4 places of the path.
    const g = flowGraph(
      ['A', 'B', 'C', 'D', 'E'],
      [
        ['A', 'B', 5],
        ['B', 'C', 5],
        ['C', 'D', 5],
        ['A', 'D', 1],
        ['D', 'E', 1],
      ],
    );
    const r = betweenness.detailed(g, { maxFlows: 3 });
    expect(r).toEqual({ values: { A: 0, B: 2 / 12, C: 2 / 12, D: 0, E: 0 }, minWeight: 2, flows: 5, keptFlows: 3 });
    expect(betweenness(g, { maxFlows: 3, normalized: false })).toEqual({ A: 0, B: 2, C: 2, D: 0, E: 0 });
    // Exact (every flow): A⇝D runs through B and C (length 3/5 < 1); D now passes to E.
    // B: A⇝C, A⇝D, A⇝E = 3; C: A⇝D, A⇝E, B⇝D, B⇝E = 4; D: A⇝E, B⇝E, C⇝E = 3.
    expect(betweenness(g, { normalized: false })).toEqual({ A: 0, B: 3, C: 4, D: 3, E: 0 });
    const exact = betweenness.detailed(g, { maxFlows: 5 });
    expect(exact).toEqual({ values: betweenness(g), minWeight: null, flows: 5, keptFlows: 5 });
    expect(betweenness.assign(g, { maxFlows: 3 })).toEqual({ minWeight: 2, flows: 5, keptFlows: 3 });
    expect(g.getNodeAttribute('B', 'betweenness')).toBe(2 / 12);
    expect(() => betweenness(g, { maxFlows: 0 })).toThrow(OptionError);
  });

  it('betweenness with maxFlows equals exact betweenness of every place and the kept flows (random graphs)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const g = randomFlowGraph(seed, 25, 0.2);
      const r = betweenness.detailed(g, { maxFlows: 40 });
      expect(r.minWeight).not.toBeNull();
      const kept = g.copy();
      kept.filterEdges((_e, a) => a.weight < r.minWeight!).forEach((e) => kept.dropEdge(e));
      expect(kept.size).toBe(r.keptFlows);
      const reference = betweenness(kept);
      for (const node of g.nodes()) expect(r.values[node]).toBeCloseTo(reference[node]!, 14);
    }
  });

  it('betweenness on typed arrays equals graphology-metrics to the last bit: ties, zero weights, index-like keys, thresholds', () => {
    // The library on the same weighted view is the reference (its sums, in its order).
    const library = (g: FlowGraph, normalized: boolean) => {
      const view = weightedView(g, 'weight', (w) => 1 / w);
      return { ...betweennessLib(view.graph, { getEdgeWeight: view.getEdgeWeight, normalized }) };
    };
    for (let seed = 1; seed <= 6; seed++) {
      // Weights 1–3: many paths of equal length, so path counts and predecessor lists matter.
      const g = randomFlowGraph(seed, 30, 0.15, 3);
      if (seed % 2 === 0) g.forEachEdge((e, a) => a.weight === 3 && g.setEdgeAttribute(e, 'weight', 0));
      for (const normalized of [true, false]) expect(betweenness(g, { normalized })).toEqual(library(g, normalized));
      const r = betweenness.detailed(g, { maxFlows: 60 });
      const kept = g.copy();
      kept.filterEdges((_e, a) => !(a.weight >= r.minWeight!)).forEach((e) => kept.dropEdge(e));
      const raw = library(kept, false);
      const N = g.order;
      for (const node of g.nodes()) expect(r.values[node]).toBe((raw[node] ?? 0) * (1 / ((N - 1) * (N - 2))));
    }
    // Keys that are array indices: graphology lists their edges in numeric order.
    const numeric = flowGraph(
      ['10', '2', '0', 'x', '7'],
      [
        ['10', '2', 1],
        ['2', '0', 2],
        ['0', 'x', 1],
        ['10', 'x', 1],
        ['x', '7', 2],
        ['7', '10', 1],
        ['2', '7', 1],
        ['0', '7', 2],
        ['10', '0', 2],
      ],
    );
    expect(betweenness(numeric)).toEqual(library(numeric, true));
    expect(Object.values(betweenness(numeric)).some((v) => v > 0)).toBe(true);
  });
});

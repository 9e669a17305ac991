import { describe, expect, it } from 'vitest';
import { aliasTable, bootstrap } from '../../src/analyses/bootstrap.ts';
import type { Interval } from '../../src/analyses/bootstrap.ts';
import { moveUnits } from '../../src/analyses/bootstrap-units.ts';
import { edgeArrays } from '../../src/analyses/flow-arrays.ts';
import { OptionError } from '../../src/errors.ts';
import { buildFlowGraph } from '../../src/graph/build.ts';
import { createRng } from '../../src/random.ts';
import { researcherUnits } from '../../src/timelines/researcher-units.ts';
import { timelineRows } from '../../src/timelines/rows.ts';
import { summariseTimelines } from '../../src/timelines/summarise.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import { place } from '../graph/helpers.ts';

const find = (intervals: Interval[], place: string, measure: string, discipline: string | null = null) =>
  intervals.find((i) => i.place === place && i.measure === measure && i.discipline === discipline)!;

describe('aliasTable', () => {
  it('aliasTable draws each index in proportion to its weight', () => {
    const next = aliasTable([1, 0, 3, 6]);
    const rng = createRng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[next(rng)]!++;
    expect(counts[1]).toBe(0);
    // Binomial sd at n = 1e5 is at most 0.16 %: 1 % is > 6 sd.
    expect(counts.map((c) => c / 1e5)).toEqual([expect.closeTo(0.1, 1.5), 0, expect.closeTo(0.3, 1.5), expect.closeTo(0.6, 1.5)]);
  });
});

describe('bootstrap', () => {
  it('bootstrap of a single flow is degenerate: every replicate is the data, the interval is the point', () => {
    const g = flowGraph(['A', 'B'], [['A', 'B', 10, { byDiscipline: { Medicine: 4 } }]]);
    const b = bootstrap(moveUnits(g), { replicates: 50, seed: 1 });
    expect(find(b.intervals, 'B', 'net_inflow')).toMatchObject({ estimate: 10, low: 10, high: 10, distinguishable: true });
    expect(find(b.intervals, 'A', 'net_inflow')).toMatchObject({ estimate: -10, low: -10, high: -10, distinguishable: true });
    // B receives everything: PageRank ranks it first in every replicate.
    expect(find(b.intervals, 'B', 'pagerank_rank')).toMatchObject({ estimate: 1, low: 1, high: 1, aboveNext: 1, distinguishable: true });
    expect(find(b.intervals, 'A', 'pagerank_rank')).toMatchObject({ estimate: 2, aboveNext: null, distinguishable: null });
    // B is the only place with disciplines: RAI is 1 in every replicate, never told apart from the world.
    expect(find(b.intervals, 'B', 'rai', 'Medicine')).toMatchObject({ estimate: 1, low: 1, high: 1, distinguishable: false });
    expect(b).toMatchObject({ unit: 'moves', replicates: 50, seed: 1, level: 0.9 });
  });

  it('bootstrap of 50 moves each way matches the binomial: net inflow 2X − 100, X ~ Bin(100, ½), 90 % within ±16.4', () => {
    const g = flowGraph(
      ['A', 'B'],
      [
        ['A', 'B', 50],
        ['B', 'A', 50],
      ],
    );
    const b = bootstrap(moveUnits(g), { replicates: 4000, seed: 7 });
    const net = find(b.intervals, 'B', 'net_inflow');
    expect(net.estimate).toBe(0);
    // sd(2X) = 2·√(100·¼) = 10; 1.645 sd = 16.4. Net inflow moves in steps of 2.
    expect(net.low!).toBeGreaterThanOrEqual(-20);
    expect(net.low!).toBeLessThanOrEqual(-14);
    expect(net.high!).toBeGreaterThanOrEqual(14);
    expect(net.high!).toBeLessThanOrEqual(20);
    expect(net.distinguishable).toBe(false);
  });

  it('bootstrap is deterministic for a seed, and its intervals contain the point estimates (random graphs)', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomFlowGraph(seed, 12, 0.4, 200);
      const units = moveUnits(g);
      const a = bootstrap(units, { replicates: 100, seed: 42 });
      expect(bootstrap(units, { replicates: 100, seed: 42 })).toEqual(a);
      expect(bootstrap(units, { replicates: 100, seed: 43 })).not.toEqual(a);
      for (const i of a.intervals) {
        if (i.measure !== 'net_inflow') continue;
        expect(i.low!).toBeLessThanOrEqual(i.estimate!);
        expect(i.high!).toBeGreaterThanOrEqual(i.estimate!);
        expect(i.distinguishable).toBe(i.low! > 0 || i.high! < 0);
      }
      const net = Object.fromEntries(a.intervals.filter((i) => i.measure === 'net_inflow').map((i) => [i.place, i.estimate]));
      g.forEachNode((node) => {
        const expected =
          g.inEdges(node).reduce((s, e) => s + g.getEdgeAttribute(e, 'weight'), 0) -
          g.outEdges(node).reduce((s, e) => s + g.getEdgeAttribute(e, 'weight'), 0);
        expect(net[node]).toBe(expected);
      });
    }
  });

  it('bootstrap of timelines resamples researchers: point estimates equal summariseTimelines; identical researchers give a degenerate interval', () => {
    // Four researchers publish at A before 2019 and at B in the window: each flowed into B (SET rule).
    // One more stays at A. Every replicate of 5 researchers draws k movers and 5 − k stayers.
    const entries = [];
    for (const r of ['r1', 'r2', 'r3', 'r4']) {
      for (const [year, place] of [
        [2016, 'A'],
        [2019, 'B'],
        [2021, 'B'],
        [2022, 'B'],
      ] as const)
        entries.push({ researcherId: r, year, place, discipline: 'Medicine' });
    }
    for (const year of [2016, 2019, 2021, 2022]) entries.push({ researcherId: 'r5', year, place: 'A', discipline: 'Physics' });
    const rows = timelineRows(entries);
    const summary = summariseTimelines(rows);
    const graph = buildFlowGraph({
      moves: summary.moves,
      places: [place('A'), place('B')],
      stock: summary.stock,
      kind: 'timelines',
      level: 'metro',
      window: [2019, 2023],
    });
    const units = researcherUnits(rows, edgeArrays(graph, 'weight'));
    const b = bootstrap(units, { replicates: 300, seed: 5 });
    expect(b.unit).toBe('researchers');
    // B: stock 4, all flowed in: the ratio is 1 in every replicate that draws a mover.
    expect(find(b.intervals, 'B', 'inflow_ratio')).toMatchObject({ estimate: 1, low: 1, high: 1, distinguishable: true });
    expect(find(b.intervals, 'B', 'net_inflow').estimate).toBe(4);
    // Net inflow of B = movers drawn ~ Bin(5, 0.8): P(≤ 2) = 5.8 %, P(≤ 3) = 26 %, P(5) = 33 %:
    // the 5th percentile is 2 or 3 (sampling), the 95th is 5.
    const net = find(b.intervals, 'B', 'net_inflow');
    expect([2, 3]).toContain(net.low);
    expect(net.high).toBe(5);
    expect(find(b.intervals, 'A', 'inflow_ratio')).toMatchObject({ estimate: 0, low: 0, high: 0, distinguishable: false });
    expect(find(b.intervals, 'A', 'rai', 'Physics').estimate).toBeCloseTo(5, 12); // (1/1) / (1/5)
  });

  it('bootstrap: a flow left out of a replicate is no edge of its PageRank (a place can send nothing in a replicate)', () => {
    // A sends 1 move of 201: its replicate count is Bin(201, 1/201) ≈ Poisson(1), 0 in about 37 % of
    // replicates (95th percentile of −count: 0), 3 or more in 8 % (5th percentile: −3).
    const g = flowGraph(
      ['A', 'B', 'C'],
      [
        ['A', 'B', 1],
        ['B', 'C', 100],
        ['C', 'B', 100],
      ],
    );
    const b = bootstrap(moveUnits(g), { replicates: 100, seed: 3 });
    const a = find(b.intervals, 'A', 'net_inflow');
    expect([a.estimate, a.low, a.high, a.distinguishable]).toEqual([-1, -3, 0, false]);
    expect(find(b.intervals, 'A', 'pagerank_rank')).toMatchObject({ estimate: 3, low: 3, high: 3 });
  });

  it('bootstrap rejects bad options and fractional moves', () => {
    const g = flowGraph(['A', 'B'], [['A', 'B', 3]]);
    expect(() => bootstrap(moveUnits(g), { replicates: 0 })).toThrow(OptionError);
    expect(() => bootstrap(moveUnits(g), { level: 1 })).toThrow(OptionError);
    expect(() => moveUnits(flowGraph(['A', 'B'], [['A', 'B', 2.5]]))).toThrow(OptionError);
  });
});

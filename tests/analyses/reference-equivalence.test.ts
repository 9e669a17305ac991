/**
 * The typed-array measures against the graphology routines they replace, on random graphs chosen
 * to expose ordering differences: fractional weights (floating-point sums depend on the order of
 * their terms), array-index node keys (graphology lists them first in adjacency), edges dropped
 * and added again (which moves them to the end), multigraphs, self-loops, zero weights, undirected
 * and mixed graphs. Every comparison is exact: the same doubles, not merely close ones.
 */
import louvain from 'graphology-communities-louvain';
import eigenvectorLib from 'graphology-metrics/centrality/eigenvector.js';
import hitsLib from 'graphology-metrics/centrality/hits.js';
import pagerankLib from 'graphology-metrics/centrality/pagerank.js';
import modularityLib from 'graphology-metrics/graph/modularity.js';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { communities, runLouvain } from '../../src/analyses/communities.ts';
import { communityStability } from '../../src/analyses/community-stability.ts';
import { eigenvector } from '../../src/analyses/eigenvector.ts';
import { edgeArrays, isArrayIndex, outboundCsr } from '../../src/analyses/flow-arrays.ts';
import { hits } from '../../src/analyses/hits.ts';
import { LouvainInput } from '../../src/analyses/louvain-input.ts';
import { strengths } from '../../src/analyses/flow-arrays.ts';
import { weightedCopy, weightedView } from '../../src/analyses/weighted-copy.ts';
import { pagerank } from '../../src/analyses/pagerank.ts';
import { rai } from '../../src/analyses/rai.ts';
import { topDestinations, topFlows, topSources } from '../../src/analyses/top-sources.ts';
import { createRng } from '../../src/random.ts';
import { DISCIPLINES, messyGraph } from './helpers.ts';
import type { Shape } from './helpers.ts';
import { referenceRai, referenceStrengths, referenceTop } from './reference.ts';

const SHAPES: Array<[string, Shape]> = [
  ['simple directed', {}],
  ['array-index keys', { numericKeys: true }],
  ['self-loops and zero weights', { selfLoops: true, zeros: true, numericKeys: true }],
  ['multigraph', { multi: true, selfLoops: true }],
  ['undirected', { type: 'undirected' }],
  ['mixed', { type: 'mixed', numericKeys: true }],
];

const SEEDS = [1, 2, 3, 4, 5, 6];

describe('typed-array measures against graphology', () => {
  it('isArrayIndex accepts the keys objects list first and nothing else', () => {
    for (const k of ['0', '7', '42', '4294967294']) expect(isArrayIndex(k), k).toBe(true);
    for (const k of ['', '01', '-1', '1.5', '4294967295', ' 1', 'P1', '1e3']) expect(isArrayIndex(k), k).toBe(false);
  });

  it('outboundCsr lists out-flows in graphology outboundEdges order on the weighted view', () => {
    for (const [name, shape] of SHAPES) {
      for (const seed of SEEDS) {
        const g = messyGraph(seed, shape);
        const view = weightedView(g, 'weight');
        const csr = outboundCsr(g, 'weight');
        const rows: Array<Array<[string, number]>> = [];
        const expected: Array<Array<[string, number]>> = [];
        view.graph.forEachNode((node) => {
          expected.push(
            view.graph.outboundEdges(node).map((e) => {
              const w = typeof view.getEdgeWeight === 'string' ? view.graph.getEdgeAttribute(e, 'weight') : view.getEdgeWeight(e);
              return [view.graph.opposite(node, e), w as number];
            }),
          );
        });
        for (let i = 0; i < csr.nodes.length; i++) {
          const row: Array<[string, number]> = [];
          for (let j = csr.starts[i]!; j < csr.starts[i + 1]!; j++) row.push([csr.nodes[csr.targets[j]!]!, csr.weights[j]!]);
          rows.push(row);
        }
        expect(rows, `${name}, seed ${seed}`).toEqual(expected);
      }
    }
  });

  it('strengths equal the per-edge record sums', () => {
    for (const [name, shape] of SHAPES) {
      for (const seed of SEEDS) {
        const g = messyGraph(seed, shape);
        expect(strengths(g, 'weight'), `${name}, seed ${seed}`).toEqual(referenceStrengths(g, 'weight'));
        expect(strengths(g, null), `${name}, seed ${seed}, unweighted`).toEqual(referenceStrengths(g, null));
      }
    }
  });

  it('pagerank, eigenvector and hits give graphology-metrics’ doubles', () => {
    for (const [name, shape] of SHAPES) {
      for (const seed of SEEDS) {
        const g = messyGraph(seed, shape);
        const view = weightedView(g, 'weight');
        const label = `${name}, seed ${seed}`;
        expect(pagerank(g), label).toEqual(pagerankLib(view.graph, { getEdgeWeight: view.getEdgeWeight }));
        expect(pagerank(g, { alpha: 0.5, tolerance: 1e-10 }), label).toEqual(
          pagerankLib(view.graph, { getEdgeWeight: view.getEdgeWeight, alpha: 0.5, tolerance: 1e-10 }),
        );
        expect(eigenvector(g), label).toEqual(eigenvectorLib(view.graph, { getEdgeWeight: view.getEdgeWeight, maxIterations: 1000 }));
        if (view.edgeCount > 0) {
          const simple = view.graph.multi ? weightedCopy(view.graph, 'weight') : view.graph;
          const expected = hitsLib(simple, { getEdgeWeight: view.getEdgeWeight, maxIterations: 1000, tolerance: 1e-8 });
          const actual = hits(g);
          if (!shape.numericKeys) expect(actual, label).toEqual(expected);
          else {
            // The library sums its error and totals over object keys (array indices first); hits
            // sums in node order, as it always has: the last bits may differ.
            for (const node of g.nodes()) {
              expect(actual.hubs[node], label).toBeCloseTo(expected.hubs[node]!, 14);
              expect(actual.authorities[node], label).toBeCloseTo(expected.authorities[node]!, 14);
            }
          }
        }
      }
    }
  });

  it('LouvainInput holds the pairs, weights and order of the graphology copy it replaces', () => {
    for (const [name, shape] of SHAPES) {
      for (const seed of SEEDS) {
        for (const directed of [false, true]) {
          const g = messyGraph(seed, shape);
          const copy = weightedCopy(g, 'weight', { undirected: !directed });
          const input = new LouvainInput(edgeArrays(g, 'weight'), directed);
          const label = `${name}, seed ${seed}, ${directed ? 'directed' : 'undirected'}`;
          const pairs: Array<[string, string, number]> = [];
          input.forEachEdge((e, _a, s, t) => pairs.push([input.nodeKeys[s]!, input.nodeKeys[t]!, input.weightOf(e)]));
          expect(pairs, label).toEqual(copy.mapEdges((_e, a, s, t) => [s, t, a.weight]));
          expect(input.nodeKeys).toEqual(copy.nodes());
          copy.forEachNode((node) => {
            const i = input.nodeKeys.indexOf(node);
            if (directed) {
              expect(input.outDegreeWithoutSelfLoops(i), label).toBe(copy.outDegreeWithoutSelfLoops(node));
              expect(input.inDegreeWithoutSelfLoops(i), label).toBe(copy.inDegreeWithoutSelfLoops(node));
            } else expect(input.undirectedDegreeWithoutSelfLoops(i), label).toBe(copy.undirectedDegreeWithoutSelfLoops(node));
          });
          if (copy.size === 0) continue;
          for (const s of [1, 42]) {
            const expected = louvain.detailed(copy, { getEdgeWeight: 'weight', resolution: 1.3, rng: createRng(s) });
            const actual = runLouvain(input, s, 1.3);
            expect(actual.raw, label).toEqual(expected.communities);
            expect(actual.modularity, label).toBe(expected.modularity);
            const part = (node: string) => expected.communities[node]!;
            const partAt = (i: number) => part(input.nodeKeys[i]!);
            expect(
              modularityLib(input as never, { getNodeCommunity: partAt as never, getEdgeWeight: input.weightOf as never }),
              label,
            ).toBe(modularityLib(copy, { getNodeCommunity: part }));
          }
        }
      }
    }
  });

  it('undirectedLouvain gives graphology-communities-louvain’s partition and modularity', () => {
    // Random undirected graphs, clustered or not, with the sizes where the library's index arrays
    // change integer type (256 nodes; 128 and 32,768 pairs: 256 and 65,536 neighbourhood entries).
    const cases: Array<[number, number, number]> = [
      [30, 60, 1],
      [120, 500, 2],
      [256, 128, 3],
      [256, 900, 4],
      [257, 3000, 5],
      [400, 32768, 6],
      [600, 4000, 7],
    ];
    for (const [n, pairs, seed] of cases) {
      const rng = createRng(seed);
      const g = new Graph({ type: 'undirected' });
      for (let i = 0; i < n; i++) g.addNode(i % 7 === 0 ? String(i) : `N${i}`);
      const keys = g.nodes();
      const groups = 1 + (seed % 5);
      while (g.size < pairs) {
        const a = Math.floor(rng() * n);
        // Mostly within a group of consecutive nodes, so there are communities to find.
        const b = rng() < 0.7 ? (a + 1 + Math.floor(rng() * Math.max(1, n / groups - 1))) % n : Math.floor(rng() * n);
        if (a === b || g.hasEdge(keys[a]!, keys[b]!)) continue;
        // Odd seeds: unit weights, where modularity gains tie exactly and the tie-breaking decides.
        const weight = seed % 2 === 1 ? 1 : rng() < 0.5 ? 1 + Math.floor(rng() * 9) : (rng() * 10) / 3;
        g.addEdge(keys[a]!, keys[b]!, { weight });
      }
      const input = new LouvainInput(edgeArrays(g, 'weight'), false);
      for (const resolution of [0.5, 1, 2]) {
        for (const s of [1, 2, 42]) {
          const expected = louvain.detailed(g, { getEdgeWeight: 'weight', resolution, rng: createRng(s) });
          const actual = runLouvain(input, s, resolution);
          const label = `n ${n}, pairs ${pairs}, resolution ${resolution}, seed ${s}`;
          expect(actual.raw, label).toEqual(expected.communities);
          expect(actual.modularity, label).toBe(expected.modularity);
        }
      }
    }
  });

  it('communities and communityStability run on LouvainInput and agree with a single Louvain run', () => {
    const g = messyGraph(9, { numericKeys: true }, 40, 0.15);
    const c = communities(g, { seed: 3 });
    const copy = weightedCopy(g, 'weight', { undirected: true });
    const expected = louvain.detailed(copy, { getEdgeWeight: 'weight', resolution: 1, rng: createRng(3) });
    expect(c.modularity).toBe(expected.modularity);
    for (const a of g.nodes()) {
      for (const b of g.nodes()) {
        expect(c.assignment[a] === c.assignment[b]).toBe(expected.communities[a] === expected.communities[b]);
      }
    }
    // One run: the consensus is that run's partition, with its modularity.
    const s = communityStability(g, { seed: 3, runs: 1 });
    expect(s.consensus.assignment).toEqual(c.assignment);
    expect(s.consensus.modularity).toBeCloseTo(c.modularity, 12);
  });

  it('topSources, topDestinations and topFlows equal sorting every summed flow', () => {
    for (const [name, shape] of SHAPES) {
      for (const seed of SEEDS) {
        const g = messyGraph(seed, shape);
        for (const options of [
          { k: 3, minWeight: 0 },
          { k: 1, minWeight: 10 },
          { k: 5, minWeight: 2, rankBy: 'researchers' as const },
        ]) {
          const label = `${name}, seed ${seed}, ${JSON.stringify(options)}`;
          if (options.rankBy === 'researchers' && g.someEdge((_e, a) => a.researchers === null)) continue;
          expect(topSources(g, options), label).toEqual(referenceTop(g, 'in', options));
          expect(topDestinations(g, options), label).toEqual(referenceTop(g, 'out', options));
          expect(topFlows(g, options), label).toEqual({
            sources: referenceTop(g, 'in', options),
            destinations: referenceTop(g, 'out', options),
          });
        }
      }
    }
  });

  it('rai equals per-place Map sums on both bases', () => {
    for (const [name, shape] of SHAPES) {
      for (const seed of SEEDS) {
        const g = messyGraph(seed, shape, 30, 0.6);
        expect(rai(g, { basis: 'inflow' }), `${name}, seed ${seed}`).toEqual(referenceRai(g, 'inflow'));
        const rng = createRng(seed);
        g.forEachNode((node) => {
          if (rng() < 0.8)
            g.setNodeAttribute(node, 'byDiscipline', { [DISCIPLINES[seed % 6]!]: (rng() * 50) / 3, CS: Math.floor(rng() * 9) });
        });
        expect(rai(g, { basis: 'stock' }), `${name}, seed ${seed}, stock`).toEqual(referenceRai(g, 'stock'));
      }
    }
  });
});

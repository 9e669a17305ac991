/**
 * Stability of the communities across Louvain seeds.
 *
 * Louvain's result depends on the order it visits places (domain.md, "Communities"; the seed of
 * `communities.ts`). A community worth reporting should not: this runs the same Louvain over
 * `runs` seeds (seed, seed + 1, …, seed + runs − 1) and measures, for every pair of places,
 *
 *   f(i, j) = (runs in which i and j are in the same community) / runs      ∈ [0, 1]
 *
 * (the co-assignment or consensus matrix of Lancichinetti & Fortunato 2012). From it:
 * - the consensus partition: connected components of the pairs with f(i, j) > consensusThreshold
 *   (default 0.5: together in a majority of runs). Majority ties are not transitive, so a
 *   component can join places that are rarely together directly; the stability shows it.
 * - the stability of place i: the mean of f(i, j) over the other members j of its consensus
 *   community, or, for a place alone in its consensus community, the share of runs in which it
 *   was alone. 1 = the place's grouping never changed across seeds.
 *
 * Cost: runs × (one Louvain run + Σ_c |c|² / 2 pair updates) + n² / 2 for the consensus, so at
 * most O(runs · n²) time, and n(n − 1)/2 counters of 2 bytes (4 above 65,535 runs) kept as a packed
 * upper triangle: 25 MB for 5,000 places. The Louvain input is built once for all runs. Measured on
 * a graph of 5,000 places and 965,000 flows, 20 runs: about 8 s on a busy 2-core machine, most of it
 * in the Louvain runs themselves.
 */
import modularityLib from 'graphology-metrics/graph/modularity.js';
import {
  DEFAULTS as COMMUNITIES_DEFAULTS,
  describePartition,
  resolveCommunitiesOptions,
  runLouvain,
  totalStrength,
} from './communities.ts';
import { edgeArrays } from './flow-arrays.ts';
import { LouvainInput } from './louvain-input.ts';
import type { CommunitiesOptions } from './communities.ts';
import { checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import type { AnyGraph } from './graph-input.ts';
import type { CommunitiesResult } from './types.ts';
import { defineMeasure } from './measure.ts';
import { assignAttribute } from './assign-attribute.ts';
import { checkLimit } from './option-checks.ts';
import { compareKeys } from '../compare-keys.ts';

export interface CommunityStabilityOptions extends CommunitiesOptions {
  /** Number of seeds (integer ≥ 1). */
  runs?: number;
  /** Pairs together in more than this share of runs are joined in the consensus partition, in [0, 1). */
  consensusThreshold?: number;
}

/**
 * Defaults of {@link communityStability}: those of `communities` (`seed` 42, `resolution` 1,
 * `getEdgeWeight` 'weight', `directed` false) plus `runs` _number_ (20) and
 * `consensusThreshold` _number_ (0.5).
 */
export const DEFAULTS: Readonly<Required<CommunityStabilityOptions>> = Object.freeze({
  ...COMMUNITIES_DEFAULTS,
  runs: 20,
  consensusThreshold: 0.5,
});

export interface CommunityStabilityResult {
  /** Node keys in graph order; index i in `together`. */
  places: string[];
  runs: number;
  /** Seeds used: firstSeed … firstSeed + runs − 1. */
  firstSeed: number;
  /**
   * Co-assignment counts, packed upper triangle: pair (i, j), i < j, at
   * i·(2n − i − 1)/2 + (j − i − 1). Read through {@link coassignment}.
   */
  together: Uint16Array | Uint32Array;
  /** Consensus communities, described like `communities()` (modularity of the consensus partition). */
  consensus: CommunitiesResult;
  /** node key → stability in [0, 1] (see the file's definition). */
  stability: Record<string, number>;
  /** Modularity over the runs. */
  modularity: { mean: number; min: number; max: number };
  /** How many different partitions the runs produced (1 = every seed agreed). */
  distinctPartitions: number;
}

const pairIndex = (n: number, i: number, j: number) => (i * (2 * n - i - 1)) / 2 + (j - i - 1);

/**
 * Share of runs in which places `a` and `b` were in the same community (1 for a = b).
 *
 * @throws RangeError when a place is not in the result.
 * @example coassignment(result, 'Shenzhen', 'Hong Kong'); // 1
 */
export function coassignment(result: CommunityStabilityResult, a: string, b: string): number {
  const i = result.places.indexOf(a);
  const j = result.places.indexOf(b);
  if (i < 0 || j < 0) throw new RangeError(`unknown place ${JSON.stringify(i < 0 ? a : b)}`);
  if (i === j) return 1;
  const n = result.places.length;
  return result.together[pairIndex(n, Math.min(i, j), Math.max(i, j))]! / result.runs;
}

/**
 * Every pair of places together in at least `minFrequency` of the runs, most frequent first
 * (ties by keys): the table an export writes.
 *
 * @example coassignedPairs(result, 0.9); // [{ a: 'Boston', b: 'New York', frequency: 1 }, ...]
 */
export function coassignedPairs(result: CommunityStabilityResult, minFrequency = 0.5): Array<{ a: string; b: string; frequency: number }> {
  checkNumber('minFrequency', minFrequency, { min: 0, max: 1 });
  const { places, together, runs } = result;
  const n = places.length;
  const out: Array<{ a: string; b: string; frequency: number }> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const f = together[pairIndex(n, i, j)]! / runs;
      if (f > 0 && f >= minFrequency) {
        const [a, b] = places[i]! < places[j]! ? [places[i]!, places[j]!] : [places[j]!, places[i]!];
        out.push({ a, b, frequency: f });
      }
    }
  }
  return out.sort((x, y) => y.frequency - x.frequency || compareKeys(x.a, y.a) || compareKeys(x.b, y.b));
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Runs seeded Louvain `runs` times and reports how often each pair of places lands together, a
 * consensus partition and a per-place stability.
 *
 * @param graph - the flow graph.
 * @param options - those of `communities` plus `runs` (20) and `consensusThreshold` (0.5).
 * @returns {@link CommunityStabilityResult}.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * const s = communityStability(graph, { runs: 50 });
 * s.stability.Shenzhen; // 1
 * s.distinctPartitions; // 3
 */
export function communityStability(graph: AnyGraph, options?: CommunityStabilityOptions): CommunityStabilityResult {
  checkGraph(graph);
  const { runs: runsOption, consensusThreshold: thresholdOption, ...rest } = withDefaults(DEFAULTS, options);
  const runs = checkNumber('runs', runsOption, { min: 1, integer: true });
  const threshold = checkNumber('consensusThreshold', thresholdOption, { min: 0, max: 1, maxExclusive: true });
  const o = resolveCommunitiesOptions(rest);

  const places = graph.nodes();
  const n = places.length;
  const index = new Map(places.map((p, i) => [p, i]));
  const together = runs <= 0xffff ? new Uint16Array((n * (n - 1)) / 2) : new Uint32Array((n * (n - 1)) / 2);
  const alone = new Uint32Array(n);
  const edges = edgeArrays(graph, o.getEdgeWeight);
  const input = new LouvainInput(edges, o.directed);
  const partitions = new Set<string>();
  const qs: number[] = [];

  for (let r = 0; r < runs; r++) {
    const { raw, modularity } = runLouvain(input, o.seed + r, o.resolution);
    qs.push(modularity);
    const groups = new Map<number, number[]>();
    const canonical = new Map<number, number>();
    const signature = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = raw[places[i]!]!;
      if (!canonical.has(c)) canonical.set(c, canonical.size);
      signature[i] = canonical.get(c)!;
      const g = groups.get(c);
      if (g) g.push(i);
      else groups.set(c, [i]);
    }
    partitions.add(signature.join(','));
    for (const members of groups.values()) {
      if (members.length === 1) alone[members[0]!]!++;
      // members are in ascending index order: only i < j pairs
      for (let a = 0; a < members.length; a++) {
        const i = members[a]!;
        const base = (i * (2 * n - i - 1)) / 2 - i - 1;
        for (let b = a + 1; b < members.length; b++) together[base + members[b]!]!++;
      }
    }
  }

  // Consensus: components of the majority pairs.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const minCount = threshold * runs;
  for (let i = 0; i < n; i++) {
    const base = (i * (2 * n - i - 1)) / 2 - i - 1;
    for (let j = i + 1; j < n; j++) {
      if (together[base + j]! > minCount) {
        const a = find(parent, i);
        const b = find(parent, j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const raw: Record<string, number> = {};
  for (let i = 0; i < n; i++) raw[places[i]!] = find(parent, i);

  const total = totalStrength(edges);
  const consensusQ =
    input.size === 0
      ? 0
      : modularityLib(input as never, {
          getNodeCommunity: ((i: number) => raw[places[i]!]!) as never,
          resolution: o.resolution,
          getEdgeWeight: input.weightOf as never,
        });
  const consensus = describePartition(graph, raw, total, { modularity: consensusQ, resolution: o.resolution, seed: o.seed });

  const stability: Record<string, number> = {};
  for (const community of consensus.communities) {
    const idx = community.members.map((m) => index.get(m)!);
    for (const i of idx) {
      if (idx.length === 1) {
        stability[places[i]!] = alone[i]! / runs;
        continue;
      }
      let sum = 0;
      for (const j of idx) if (j !== i) sum += together[pairIndex(n, Math.min(i, j), Math.max(i, j))]!;
      stability[places[i]!] = sum / runs / (idx.length - 1);
    }
  }
  const ordered: Record<string, number> = {};
  for (const p of places) ordered[p] = stability[p]!;

  return {
    places,
    runs,
    firstSeed: o.seed,
    together,
    consensus,
    stability: ordered,
    modularity: {
      mean: qs.reduce((a, b) => a + b, 0) / runs,
      min: qs.reduce((a, b) => Math.min(a, b), Infinity),
      max: qs.reduce((a, b) => Math.max(a, b), -Infinity),
    },
    distinctPartitions: partitions.size,
  };
}

/** What the registry's stability entry returns: the stability, or null when off or skipped. */
export interface StabilityUse {
  stability: CommunityStabilityResult | null;
  /** Runs were asked for but the graph has more flows than `stabilityMaxFlows`. */
  skipped: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Registry entry (`registry.ts`): off with `stabilityRuns` 0, skipped with a warning above `stabilityMaxFlows` flows. */
export const communityStabilityMeasure = defineMeasure({
  id: 'communityStability',
  name: 'community stability',
  definition:
    'Louvain over `stabilityRuns` (`--stability-runs`) consecutive seeds; how often each pair lands together; per-place stability',
  file: 'analyses/community-stability.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'communityStability',
      column: null,
      label: 'Community stability',
      description: 'mean share of runs the place shares a community with the other members of its consensus community, 0..1',
      format: 'share',
      optional: true,
    },
  ],
  defaults: {
    seed: COMMUNITIES_DEFAULTS.seed,
    resolution: COMMUNITIES_DEFAULTS.resolution,
    directedCommunities: COMMUNITIES_DEFAULTS.directed,
    stabilityRuns: DEFAULTS.runs,
    stabilityMaxFlows: 200_000,
  },
  compute: (graph, o, context): StabilityUse => {
    checkNumber('stabilityRuns', o.stabilityRuns, { min: 0, integer: true });
    const maxFlows = checkLimit('stabilityMaxFlows', o.stabilityMaxFlows);
    if (o.stabilityRuns === 0) return { stability: null, skipped: false };
    const e = edgeArrays(graph, 'weight');
    let flows = 0;
    for (let k = 0; k < e.weight.length; k++) if (e.weight[k]! > 0 && e.source[k] !== e.target[k]) flows++;
    if (flows > maxFlows) {
      context.warnings.push(
        `community stability skipped: ${count(flows)} flows is more than stabilityMaxFlows ${count(o.stabilityMaxFlows)} ` +
          `(${o.stabilityRuns} full Louvain runs); set it higher (--stability-max-flows), 0 to run it on any graph`,
      );
      return { stability: null, skipped: true };
    }
    const stability = communityStability(graph, {
      seed: o.seed,
      resolution: o.resolution,
      directed: o.directedCommunities,
      runs: o.stabilityRuns,
    });
    assignAttribute(graph, 'communityStability', stability.stability);
    return { stability, skipped: false };
  },
});

/**
 * Communities of places: groups that exchange researchers mostly among themselves.
 *
 * Definition (domain.md, "Communities"; the SET report observes that Chinese and US flows stay
 * mostly domestic and that Shenzhen–Hong Kong–Guangzhou exchange heavily): the partition found by
 * the Louvain method (Blondel et al. 2008, graphology-communities-louvain) maximising modularity
 *
 *   Q = 1/(2m) · Σ_ij [ A_ij − γ · k_i k_j / (2m) ] · δ(c_i, c_j)
 *
 * with A_ij = w(i→j) + w(j→i) (the flow exchanged both ways), k_i = Σ_j A_ij, m = Σ_{i<j} A_ij
 * and γ the resolution (higher γ → more, smaller communities).
 *
 * Why undirected by default: a community is a group that *exchanges* researchers, and exchange
 * runs both ways; summing A→B and B→A scores a pair by the tie between them, which is what most
 * analysts expect "modularity" to mean. The directed variant (Leicht & Newman 2008; `directed:
 * true`) instead rewards flows that go from strong senders to strong receivers inside a group, so
 * a one-way pipeline and a two-way exchange of the same size score differently.
 *
 * Louvain visits nodes in a random order: the run is seeded (`seed`, default `DEFAULT_SEED`) so
 * that a seed reproduces a partition exactly. Communities are then renumbered by total strength
 * (in + out moves of their members; id 0 = largest) and labelled by their three largest members.
 */
import louvain from 'graphology-communities-louvain';
import { createRng, DEFAULT_SEED } from '../random.ts';
import { checkBoolean, checkNumber, checkSeed, withDefaults } from './option-checks.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { edgeArrays, strengthArrays } from './flow-arrays.ts';
import type { EdgeArrays } from './flow-arrays.ts';
import { LouvainInput } from './louvain-input.ts';
import { undirectedLouvain } from './louvain.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import type { CommunitiesResult, CommunityInfo } from './types.ts';
import { defineMeasure } from './measure.ts';
import { compareKeys } from '../compare-keys.ts';

export interface CommunitiesOptions {
  /** Seed of the node visiting order (integer). */
  seed?: number;
  /** Resolution γ > 0: 1 is classic modularity; above 1 favours smaller communities. */
  resolution?: number;
  getEdgeWeight?: EdgeWeightGetter;
  /** Use directed modularity instead of the flow exchanged both ways. */
  directed?: boolean;
}

/**
 * Defaults of {@link communities}: `seed` _number_ (DEFAULT_SEED = 42), `resolution` _number_ (1),
 * `getEdgeWeight` _string_ ('weight'), `directed` _boolean_ (false).
 */
export const DEFAULTS: Readonly<Required<CommunitiesOptions>> = Object.freeze({
  seed: DEFAULT_SEED,
  resolution: 1,
  getEdgeWeight: 'weight',
  directed: false,
});

/** Separator of member names in a community label. */
export const LABEL_SEPARATOR = ' – ';

export interface ResolvedCommunitiesOptions {
  seed: number;
  resolution: number;
  getEdgeWeight: EdgeWeightGetter;
  directed: boolean;
}

export function resolveCommunitiesOptions(options?: CommunitiesOptions): ResolvedCommunitiesOptions {
  const o = withDefaults(DEFAULTS, options);
  return {
    seed: checkSeed('seed', o.seed),
    resolution: checkNumber('resolution', o.resolution, { min: 0, minExclusive: true }),
    getEdgeWeight: checkEdgeWeightGetter(o.getEdgeWeight),
    directed: checkBoolean('directed', o.directed),
  };
}

/**
 * One seeded Louvain run on a prepared input (`new LouvainInput(edgeArrays(graph, getEdgeWeight),
 * directed)`; build it once to run many seeds): raw community per node and modularity (0 without edges).
 */
export function runLouvain(input: LouvainInput, seed: number, resolution: number): { raw: Record<string, number>; modularity: number } {
  if (input.size === 0) {
    // Modularity is undefined without edges (0/0); every place is its own community, Q reported as 0.
    const raw: Record<string, number> = {};
    input.nodeKeys.forEach((node, i) => (raw[node] = i));
    return { raw, modularity: 0 };
  }
  const rng = createRng(seed);
  let byPosition: ArrayLike<number> | Record<number, number>;
  let modularity: number;
  if (input.type === 'undirected') ({ communities: byPosition, modularity } = undirectedLouvain(input, resolution, rng));
  else {
    // The library only reads the view (see louvain-input.ts); its declared parameter type is a full graph.
    const r = louvain.detailed(input as never, { getEdgeWeight: input.weightOf as never, resolution, rng });
    byPosition = r.communities as unknown as Record<number, number>;
    modularity = r.modularity;
  }
  const raw: Record<string, number> = {};
  input.nodeKeys.forEach((node, i) => (raw[node] = byPosition[i]!));
  return { raw, modularity };
}

/** In + out strength of every node (self-loops excluded): what orders communities and their members. */
export function totalStrength(edges: EdgeArrays): Record<string, number> {
  const { nodes, inflow, outflow } = strengthArrays(edges);
  const total: Record<string, number> = {};
  for (let i = 0; i < nodes.length; i++) total[nodes[i]!] = inflow[i]! + outflow[i]!;
  return total;
}

const byKey = (a: string, b: string) => compareKeys(a, b);

function dominant(
  members: string[],
  weightOf: (m: string) => number,
  valueOfMember: (m: string) => string | null,
): { value: string | null; share: number } {
  const acc = new Map<string, number>();
  let total = 0;
  for (const m of members) {
    total += weightOf(m);
    const v = valueOfMember(m);
    if (v !== null) acc.set(v, (acc.get(v) ?? 0) + weightOf(m));
  }
  let best: string | null = null;
  let bestWeight = -1;
  for (const [v, w] of acc) {
    if (w > bestWeight || (w === bestWeight && best !== null && v < best)) {
      best = v;
      bestWeight = w;
    }
  }
  return { value: best, share: best === null || total === 0 ? 0 : bestWeight / total };
}

const stringAttr = (graph: AnyGraph, node: string, name: string): string | null => {
  const v: unknown = graph.getNodeAttribute(node, name);
  return typeof v === 'string' && v !== '' ? v : null;
};

/**
 * Turns a raw partition into a `CommunitiesResult`: ids by total strength (0 = largest; ties by
 * size, then first member key), members by strength then key, labels from the three largest
 * members' `label` (or key), dominant country and region by strength share (by member count for
 * a community without any flow).
 */
export function describePartition(
  graph: AnyGraph,
  raw: Record<string, number>,
  strength: Record<string, number>,
  meta: { modularity: number; resolution: number; seed: number },
): CommunitiesResult {
  const groups = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const c = raw[node]!;
    const list = groups.get(c);
    if (list) list.push(node);
    else groups.set(c, [node]);
  });
  const s = (n: string) => strength[n] ?? 0;
  const sorted = [...groups.values()].map((members) => {
    members.sort((a, b) => s(b) - s(a) || byKey(a, b));
    return { members, total: members.reduce((acc, m) => acc + s(m), 0) };
  });
  sorted.sort((a, b) => b.total - a.total || b.members.length - a.members.length || byKey(a.members[0]!, b.members[0]!));

  const assignment: Record<string, number> = {};
  const communities: CommunityInfo[] = sorted.map(({ members, total }, id) => {
    for (const m of members) assignment[m] = id;
    const weightOf = total > 0 ? s : () => 1;
    const country = dominant(members, weightOf, (m) => stringAttr(graph, m, 'country'));
    const region = dominant(members, weightOf, (m) => stringAttr(graph, m, 'region'));
    return {
      id,
      label: members
        .slice(0, 3)
        .map((m) => stringAttr(graph, m, 'label') ?? m)
        .join(LABEL_SEPARATOR),
      size: members.length,
      members,
      dominantCountry: country.value,
      dominantCountryShare: country.share,
      dominantRegion: region.value,
    };
  });
  // Keep the graph's node order in the assignment, as every other measure does.
  const ordered: Record<string, number> = {};
  graph.forEachNode((node) => (ordered[node] = assignment[node]!));
  return { assignment: ordered, communities, ...meta };
}

function compute(graph: AnyGraph, options?: CommunitiesOptions): CommunitiesResult {
  checkGraph(graph);
  const o = resolveCommunitiesOptions(options);
  const edges = edgeArrays(graph, o.getEdgeWeight);
  const { raw, modularity } = runLouvain(new LouvainInput(edges, o.directed), o.seed, o.resolution);
  return describePartition(graph, raw, totalStrength(edges), { modularity, resolution: o.resolution, seed: o.seed });
}

/** Writes node attributes `community` (id) and `communityLabel`; returns the result as well. */
function assign(graph: AnyGraph, options?: CommunitiesOptions): CommunitiesResult {
  const r = compute(graph, options);
  graph.updateEachNodeAttributes(
    (node, attr) => {
      const id = r.assignment[node]!;
      return { ...attr, community: id, communityLabel: r.communities[id]!.label };
    },
    { attributes: ['community', 'communityLabel'] },
  );
  return r;
}

/**
 * Seeded Louvain communities on the flow exchanged both ways, with modularity, ids by size and
 * readable labels.
 *
 * @param graph - the flow graph.
 * @param options - `seed` (42), `resolution` (1), `getEdgeWeight` ('weight'), `directed` (false).
 * @returns `{ assignment, communities, modularity, resolution, seed }`.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * const r = communities(graph, { seed: 7 });
 * r.communities[0].label; // "Shenzhen – Hong Kong – Guangzhou"
 * r.modularity;           // 0.31
 */
export const communities = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const communitiesMeasure = defineMeasure({
  id: 'communities',
  name: 'communities',
  definition:
    'Louvain on the undirected weighted graph (A→B and B→A summed: exchange both ways is what binds places), seeded, resolution 1; modularity reported; each community ' +
    'labelled by its three largest members by strength, with dominant country and region',
  file: 'analyses/communities.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'community',
      column: 'community',
      label: 'Community id',
      description: 'community id (0 = largest by strength)',
      format: 'integer',
      views: ['map'],
    },
    {
      attribute: 'communityLabel',
      column: 'community_label',
      label: 'Community',
      description: 'community label from its largest members',
      format: 'text',
      views: ['card', 'map'],
    },
  ],
  defaults: { seed: DEFAULTS.seed, resolution: DEFAULTS.resolution, directedCommunities: DEFAULTS.directed },
  compute: (graph, o) => communities.assign(graph, { seed: o.seed, resolution: o.resolution, directed: o.directedCommunities }),
});

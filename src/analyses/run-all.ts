/**
 * Every analysis of a flow graph in one call: the entry point of the CLI, the notebooks and the
 * viewer's "recompute". Writes each measure onto the graph's nodes (attribute names in
 * `types.ts`) in dependency order and returns the results that are not per-node scalars
 * (communities, top flows, RAI, stability) with the options used, for manifests.
 *
 * Order: strength (inflow, outflow) → netInflow → inflowRatio → outflowRatio, retention →
 * youngShare, youngGrowth, talentPotential → pagerank → hubScore, authorityScore → betweenness →
 * eigenvector → hubClass (size) → balance, balanceClass → community, communityLabel → communityStability (if runs > 0) → top
 * sources and destinations → RAI. Measures that need timelines are written as null on a graph
 * built from moves, so that every run has the same columns.
 *
 * At scale (limits that keep a run on a million flows to seconds, reported in the summary and its
 * warnings so that manifests and reports can state them):
 * - betweenness is exact up to `betweennessMaxFlows` flows and computed on the strongest flows
 *   beyond (`strongest-flows.ts`). 'auto' sets that cap from the number of places, so that exact
 *   betweenness (O(places × flows)) stays near 25 million place·flow steps, a few seconds:
 *   max(5,000, ⌊25,000,000 / places⌋): 357,142 flows for 70 places, 118,483 for 211 countries,
 *   25,000 for 1,000 places, 5,000 (the benchmark's cap) from 5,000 places on.
 * - community stability (`stabilityRuns` full Louvain runs) is skipped above `stabilityMaxFlows`
 *   flows (default 1,000,000: 20 runs take about 8 s there), with a warning saying how to force it.
 */
import { betweenness } from './betweenness.ts';
import { communities } from './communities.ts';
import { communityStability } from './community-stability.ts';
import type { CommunityStabilityResult } from './community-stability.ts';
import { eigenvector } from './eigenvector.ts';
import { hits } from './hits.ts';
import { hubClass } from './hub-class.ts';
import type { HubClassResult } from './hub-class.ts';
import { balanceClass, DEFAULTS as BALANCE_DEFAULTS } from './balance-class.ts';
import { inflowRatio } from './inflow-ratio.ts';
import { netInflow } from './net-inflow.ts';
import { OptionError } from '../errors.ts';
import { edgeArrays, sharingFlowArrays } from './flow-arrays.ts';
import { assignAttribute } from './assign-attribute.ts';
import { checkBoolean, checkNumber, withDefaults } from './option-checks.ts';
import { checkGraph } from './graph-input.ts';
import { ConvergenceError } from '../errors.ts';
import type { AnyGraph } from './graph-input.ts';
import { DEFAULTS as PAGERANK_DEFAULTS, pagerank } from './pagerank.ts';
import { DEFAULTS as HUB_DEFAULTS } from './hub-class.ts';
import { DEFAULTS as TOP_DEFAULTS, topFlows } from './top-sources.ts';
import { rai } from './rai.ts';
import type { RaiOptions } from './rai.ts';
import { retention } from './retention.ts';
import { strength } from './strength.ts';
import { talentPotential } from './talent-potential.ts';
import type { BalanceClass, CommunitiesResult, HubClass, NodeMeasure, RaiResult, TopFlows } from './types.ts';
import { DEFAULT_SEED } from '../random.ts';
import type { FlowStore } from '../flows/store.ts';
import { DEFAULTS as BACKBONE_DEFAULTS, disparityBackbone } from './disparity-backbone.ts';
import { DEFAULTS as GRAVITY_DEFAULTS, gravity } from './gravity.ts';
import type { GravityResult } from './gravity.ts';
import { quadrants } from './quadrants.ts';
import type { QuadrantsResult } from './quadrants.ts';

export interface AnalyzeGraphOptions {
  /** Seed of Louvain (and the first seed of the stability runs). */
  seed?: number;
  /** Louvain resolution (> 0). */
  resolution?: number;
  /** Directed modularity instead of flows exchanged both ways. */
  directedCommunities?: boolean;
  /** PageRank damping. */
  alpha?: number;
  /** Top sources / destinations kept per place. */
  topK?: number;
  /** Smallest flow listed among top sources / destinations. */
  minWeight?: number;
  /** Size class thresholds (see `hub-class.ts`). */
  hubShare?: number;
  minHubs?: number;
  largeQuantile?: number;
  peripheralQuantile?: number;
  /** Balance class threshold (see `balance-class.ts`). */
  balanceThreshold?: number;
  /** Louvain runs over consecutive seeds for community stability; 0 = skip (it costs runs Louvain runs and O(n²) memory). */
  stabilityRuns?: number;
  /** RAI basis and reference world (see `rai.ts`). */
  raiBasis?: 'stock' | 'inflow' | 'auto';
  raiReference?: Record<string, number> | null;
  /** Betweenness is exact up to this many flows, on the strongest flows beyond; 'auto' (from the places), or 0 / Infinity: always exact. */
  betweennessMaxFlows?: number | 'auto';
  /** Stability runs are skipped (with a warning) on graphs of more flows than this; 0 / Infinity: never skipped. */
  stabilityMaxFlows?: number;
  /** The graph's flow store (breakdowns by discipline for RAI by inflow); null: read `byDiscipline` from the edges. */
  flows?: FlowStore | null;
  /** Significance level of the disparity backbone (edge attributes disparityAlpha, backbone). */
  backboneAlpha?: number;
  /** The gravity model (edge attributes expected, excess) is fitted up to this many places with coordinates; 0 = never. */
  gravityMaxPlaces?: number;
}

/** Place·flow steps exact betweenness may take with `betweennessMaxFlows: 'auto'`. */
export const BETWEENNESS_WORK = 25_000_000;

/**
 * The flow cap `betweennessMaxFlows: 'auto'` sets: max(5,000, ⌊BETWEENNESS_WORK / places⌋).
 *
 * @example autoBetweennessMaxFlows(70); // 357142
 */
export function autoBetweennessMaxFlows(places: number): number {
  return Math.max(5000, Math.floor(BETWEENNESS_WORK / Math.max(1, places)));
}

/** How betweenness was computed: exactly (minWeight null) or on the flows of at least minWeight. */
export interface BetweennessUse {
  /** The cap in force (Infinity: always exact; JSON writes Infinity as null). */
  maxFlows: number;
  /** Threshold of the flows used, in moves; null when exact. */
  minWeight: number | null;
  /** Flows of the graph, and flows betweenness ran on. */
  flows: number;
  keptFlows: number;
}

/**
 * Defaults of {@link analyzeGraph}, gathered from each measure's own `DEFAULTS`:
 * `seed` (42), `resolution` (1), `directedCommunities` (false), `alpha` (0.85), `topK` (5),
 * `minWeight` (100), `hubShare` (0.1), `minHubs` (2), `largeQuantile` (0.75), `peripheralQuantile` (0.25),
 * `balanceThreshold` (0.2), `stabilityRuns` (0: off), `raiBasis` ('auto'), `raiReference` (null),
 * `betweennessMaxFlows` ('auto', see {@link autoBetweennessMaxFlows}), `stabilityMaxFlows` (1,000,000),
 * `backboneAlpha` (0.05), `gravityMaxPlaces` (1,000).
 */
export const DEFAULTS: Readonly<Required<AnalyzeGraphOptions>> = Object.freeze({
  seed: DEFAULT_SEED,
  resolution: 1,
  directedCommunities: false,
  alpha: PAGERANK_DEFAULTS.alpha,
  topK: TOP_DEFAULTS.k,
  minWeight: TOP_DEFAULTS.minWeight,
  hubShare: HUB_DEFAULTS.hubShare,
  minHubs: HUB_DEFAULTS.minHubs,
  largeQuantile: HUB_DEFAULTS.largeQuantile,
  peripheralQuantile: HUB_DEFAULTS.peripheralQuantile,
  balanceThreshold: BALANCE_DEFAULTS.balanceThreshold,
  stabilityRuns: 0,
  raiBasis: 'auto',
  raiReference: null,
  betweennessMaxFlows: 'auto',
  stabilityMaxFlows: 1_000_000,
  flows: null,
  backboneAlpha: BACKBONE_DEFAULTS.alpha,
  gravityMaxPlaces: GRAVITY_DEFAULTS.maxPlaces,
});

export interface AnalysisSummary {
  /** The Louvain seed used (also written into manifests). */
  seed: number;
  /** Every option, defaults filled in. */
  options: Required<AnalyzeGraphOptions>;
  /** Node attributes written, in the order they were computed. */
  measures: string[];
  /** Whether nodes carried timeline stock (inflow ratio, retention, young share, talent potential are meaningful). */
  hasStock: boolean;
  communities: CommunitiesResult;
  /** Community stability over `stabilityRuns` seeds; null when off or skipped. */
  stability: CommunityStabilityResult | null;
  /** True when stability runs were asked for but skipped: more flows than `stabilityMaxFlows`. */
  stabilitySkipped: boolean;
  /** How betweenness was computed (exact, or the threshold of the strongest flows used). */
  betweenness: BetweennessUse;
  topSources: TopFlows;
  topDestinations: TopFlows;
  rai: RaiResult;
  /** Size classes: how many places in each, and the cut-offs. */
  hubClasses: { counts: Record<HubClass, number>; thresholds: HubClassResult['thresholds'] };
  /** Balance classes: how many places in each (places without flow have none), and the threshold. */
  balanceClasses: { counts: Record<BalanceClass, number>; balanceThreshold: number };
  /** Talent potential per place (null values without stock). */
  talentPotential: NodeMeasure;
  /** Graph totals: places, flows (edges), moves (Σ weight). */
  totals: { places: number; flows: number; moves: number };
  /** The disparity backbone: its level, and the flows and moves it keeps (edge attributes disparityAlpha, backbone). */
  backbone: { alpha: number; flows: number; keptFlows: number; moves: number; keptMoves: number };
  /** The gravity model's fit (per-flow expected and excess are edge attributes); null when off (gravityMaxPlaces 0). */
  gravity: GravityFitSummary | null;
  /** Stock against momentum (node attribute quadrant): the basis, the thresholds and the count per quadrant. */
  quadrants: Pick<QuadrantsResult, 'basis' | 'thresholds' | 'counts'>;
  /** Non-fatal problems, e.g. a power iteration that did not converge (its attribute is then null). */
  warnings: string[];
}

/** What manifests and reports keep of a {@link GravityResult}: everything but the per-flow arrays. */
export type GravityFitSummary = Omit<GravityResult, 'edges' | 'expected' | 'excess'>;

const STOCK_ATTRIBUTES = ['stock', 'inflowSet', 'presentBefore', 'young', 'youngByYear', 'byDiscipline'];

/** 0 and Infinity mean "no limit"; otherwise an integer ≥ 1. */
function checkLimit(name: string, value: unknown): number {
  if (value === 0 || value === Infinity) return Infinity;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new OptionError(name, value, `an integer ≥ 1, or 0 or Infinity for no limit${name === 'betweennessMaxFlows' ? ", or 'auto'" : ''}`);
}

function resolve(options?: AnalyzeGraphOptions): Required<AnalyzeGraphOptions> {
  const o = withDefaults(DEFAULTS, options);
  checkNumber('stabilityRuns', o.stabilityRuns, { min: 0, integer: true });
  checkBoolean('directedCommunities', o.directedCommunities);
  if (o.betweennessMaxFlows !== 'auto') checkLimit('betweennessMaxFlows', o.betweennessMaxFlows);
  checkLimit('stabilityMaxFlows', o.stabilityMaxFlows);
  checkNumber('gravityMaxPlaces', o.gravityMaxPlaces, { min: 0, integer: true });
  return o;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Runs every analysis on `graph`, writing the node attributes listed in `types.ts` (plus
 * youngShare, youngGrowth, talentPotential and, with stability on, communityStability), and
 * returns the summary the exports and the report read. Options are validated by each measure,
 * naming the option at fault.
 *
 * @param graph - the flow graph (modified: node attributes are written).
 * @param options - see {@link DEFAULTS}.
 * @returns {@link AnalysisSummary}.
 * @throws OptionError on a bad option or edge weight; TalentFlowError on unusable stock counts.
 * @example
 * const summary = analyzeGraph(graph, { seed: 7, stabilityRuns: 20 });
 * summary.communities.communities[0].label; // "Shenzhen – Hong Kong – Guangzhou"
 * graph.getNodeAttribute('Shenzhen', 'hubClass'); // 'magnet'
 */
export function analyzeGraph(graph: AnyGraph, options?: AnalyzeGraphOptions, hooks: AnalyzeGraphHooks = {}): AnalysisSummary {
  checkGraph(graph);
  const o = resolve(options);
  // The measures below write node attributes only: the edges can be read into arrays once for all.
  return sharingFlowArrays(graph, () => analyzeWith(graph, o, hooks));
}

/** Hooks of {@link analyzeGraph}. */
export interface AnalyzeGraphHooks {
  /** Called after each measure with its name and wall time in ms (`--timings`). */
  onTiming?: (stage: string, ms: number) => void;
}

function analyzeWith(graph: AnyGraph, o: Required<AnalyzeGraphOptions>, hooks: AnalyzeGraphHooks): AnalysisSummary {
  const measures: string[] = [];
  const warnings: string[] = [];
  let clock = performance.now();
  const wrote = (...names: string[]) => {
    measures.push(...names);
    lap(names[0]!);
  };
  const lap = (stage: string) => {
    if (!hooks.onTiming) return;
    const now = performance.now();
    hooks.onTiming(stage, now - clock);
    clock = now;
  };

  strength.assign(graph);
  wrote('inflow', 'outflow');
  netInflow.assign(graph);
  wrote('netInflow');
  inflowRatio.assign(graph);
  wrote('inflowRatio');
  retention.assign(graph);
  wrote('outflowRatio', 'retention');
  const potential = talentPotential.assign(graph);
  wrote('youngShare', 'youngGrowth', 'talentPotential');

  // A power iteration that does not converge should not sink the whole run: its column is null.
  const iterative = (names: string[], run: () => void) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof ConvergenceError)) throw error;
      warnings.push(`${error.measure} did not converge; ${names.join(', ')} left empty`);
      graph.updateEachNodeAttributes((_n, attr) => {
        for (const name of names) attr[name] = null;
        return attr;
      });
    }
    wrote(...names);
  };
  iterative(['pagerank'], () => pagerank.assign(graph, { alpha: o.alpha }));
  iterative(['hubScore', 'authorityScore'], () => hits.assign(graph));
  const betweennessCap =
    o.betweennessMaxFlows === 'auto' ? autoBetweennessMaxFlows(graph.order) : checkLimit('betweennessMaxFlows', o.betweennessMaxFlows);
  const used = { maxFlows: betweennessCap, ...betweenness.assign(graph, { maxFlows: betweennessCap }) };
  wrote('betweenness');
  if (used.minWeight !== null) {
    warnings.push(
      `betweenness computed on the ${count(used.keptFlows)} strongest of ${count(used.flows)} flows (at least ${count(used.minWeight)} moves each), ` +
        `not exactly: exact betweenness takes places × flows steps; raise betweennessMaxFlows (--betweenness-max-flows), 0 for exact`,
    );
  }
  iterative(['eigenvector'], () => eigenvector.assign(graph));

  const classes = hubClass(graph, {
    hubShare: o.hubShare,
    minHubs: o.minHubs,
    largeQuantile: o.largeQuantile,
    peripheralQuantile: o.peripheralQuantile,
  });
  assignAttribute(graph, 'hubClass', classes.classes);
  wrote('hubClass');
  const counts: Record<HubClass, number> = { hub: 0, large: 0, medium: 0, peripheral: 0 };
  for (const c of Object.values(classes.classes)) counts[c]++;
  const balances = balanceClass(graph, { balanceThreshold: o.balanceThreshold });
  assignAttribute(graph, 'balance', balances.balance);
  assignAttribute(graph, 'balanceClass', balances.classes);
  wrote('balance', 'balanceClass');
  const balanceCounts: Record<BalanceClass, number> = { magnet: 0, balanced: 0, exporter: 0 };
  for (const c of Object.values(balances.classes)) if (c !== null) balanceCounts[c]++;

  const communityOptions = { seed: o.seed, resolution: o.resolution, directed: o.directedCommunities };
  const found = communities.assign(graph, communityOptions);
  wrote('community', 'communityLabel');

  let stability: CommunityStabilityResult | null = null;
  const stabilitySkipped = o.stabilityRuns > 0 && used.flows > checkLimit('stabilityMaxFlows', o.stabilityMaxFlows);
  if (stabilitySkipped) {
    warnings.push(
      `community stability skipped: ${count(used.flows)} flows is more than stabilityMaxFlows ${count(o.stabilityMaxFlows)} ` +
        `(${o.stabilityRuns} full Louvain runs); set it higher (--stability-max-flows), 0 to run it on any graph`,
    );
  } else if (o.stabilityRuns > 0) {
    stability = communityStability(graph, { ...communityOptions, runs: o.stabilityRuns });
    assignAttribute(graph, 'communityStability', stability.stability);
    wrote('communityStability');
  }
  clock = performance.now();

  const top = { k: o.topK, minWeight: o.minWeight };
  const raiOptions: RaiOptions = { basis: o.raiBasis, reference: o.raiReference, flows: o.flows };
  let moves = 0;
  for (const w of edgeArrays(graph, 'weight').weight) moves += w;
  const flows = topFlows(graph, top);
  lap('topFlows');
  const raiResult = rai(graph, raiOptions);
  lap('rai');
  const { alpha: backboneAlpha, flows: allFlows, keptFlows, moves: backboneMoves, keptMoves } = disparityBackbone.assign(graph, {
    alpha: o.backboneAlpha,
  });
  lap('backbone');
  const fit = o.gravityMaxPlaces === 0 ? null : gravityOf(graph, o.gravityMaxPlaces, warnings);
  lap('gravity');
  const { basis: quadrantBasis, thresholds: quadrantThresholds, counts: quadrantCounts } = quadrants.assign(graph);
  wrote('quadrant');

  return {
    seed: o.seed,
    options: o,
    measures,
    hasStock: graph.someNode((_n, attr) => STOCK_ATTRIBUTES.some((a) => attr[a] !== undefined && attr[a] !== null)),
    communities: found,
    stability,
    stabilitySkipped,
    betweenness: used,
    topSources: flows.sources,
    topDestinations: flows.destinations,
    rai: raiResult,
    hubClasses: { counts, thresholds: classes.thresholds },
    balanceClasses: { counts: balanceCounts, balanceThreshold: balances.balanceThreshold },
    talentPotential: potential.index,
    totals: { places: graph.order, flows: graph.size, moves },
    backbone: { alpha: backboneAlpha, flows: allFlows, keptFlows, moves: backboneMoves, keptMoves },
    gravity: fit,
    quadrants: { basis: quadrantBasis, thresholds: quadrantThresholds, counts: quadrantCounts },
    warnings,
  };
}

/** Fits the gravity model and writes expected, excess on the edges; a fit left out or not converged is a warning. */
function gravityOf(graph: AnyGraph, maxPlaces: number, warnings: string[]): GravityFitSummary | null {
  let result: GravityResult;
  try {
    result = gravity.assign(graph, { maxPlaces: Math.max(2, maxPlaces) });
  } catch (error) {
    if (!(error instanceof ConvergenceError)) throw error;
    warnings.push(
      'gravity did not converge (the estimate may not exist, e.g. when a few places only exchange with their nearest neighbours); expected, excess left empty',
    );
    graph.updateEachEdgeAttributes((_e, attr) => ({ ...attr, expected: null, excess: null }));
    return null;
  }
  const { edges: _edges, expected: _expected, excess: _excess, ...summary } = result;
  if (!result.fitted && result.places > 2) warnings.push(`gravity not fitted: ${result.reason}; expected, excess left empty (--gravity-max-places)`);
  return summary;
}

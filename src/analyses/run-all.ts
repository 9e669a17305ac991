/**
 * Every analysis of a flow graph in one call: the entry point of the CLI, the notebooks and the
 * viewer's "recompute". Writes each measure onto the graph's nodes (attribute names in
 * `types.ts`) in dependency order and returns the results that are not per-node scalars
 * (communities, top flows, RAI, stability) with the options used, for manifests.
 *
 * Order: the per-place measures of the registry (`registry.ts`), in its order, then top sources
 * and destinations, RAI, the disparity backbone and the gravity model. Measures that need
 * timelines are written as null on a graph built from moves, so that every run has the same columns.
 *
 * At scale (limits that keep a run on a million flows to seconds, reported in the summary and its
 * warnings so that manifests and reports can state them):
 * - betweenness is exact up to `betweennessMaxFlows` flows and computed on the strongest flows
 *   beyond (`strongest-flows.ts`). 'auto' sets that cap from the number of places, so that exact
 *   betweenness (O(places × flows)) stays near 25 million place·flow steps, a few seconds:
 *   max(5,000, ⌊25,000,000 / places⌋): 357,142 flows for 70 places, 118,483 for 211 countries,
 *   25,000 for 1,000 places, 5,000 (the benchmark's cap) from 5,000 places on.
 * - community stability (`stabilityRuns` full Louvain runs) is skipped above `stabilityMaxFlows`
 *   flows (default 200,000), with a warning saying how to force it: each run is a full Louvain run
 *   (about 0.1 s per 100,000 flows on an idle core), so above that size the 20 default runs cost
 *   about as much as every other measure together.
 */
import { ConvergenceError } from '../errors.ts';
import { edgeArrays, sharingFlowArrays } from './flow-arrays.ts';
import { checkGraph } from './graph-input.ts';
import type { AnyGraph } from './graph-input.ts';
import { checkBoolean, checkLimit, checkNumber, checkSeed, withDefaults } from './option-checks.ts';
import { autoBetweennessMaxFlows, BETWEENNESS_WORK } from './betweenness.ts';
import type { BetweennessUse } from './betweenness.ts';
import type { BalanceClassResult } from './balance-class.ts';
import type { CommunityStabilityResult, StabilityUse } from './community-stability.ts';
import type { HubClassResult } from './hub-class.ts';
import { DEFAULTS as TOP_DEFAULTS, topFlows } from './top-sources.ts';
import { rai } from './rai.ts';
import type { RaiOptions } from './rai.ts';
import type { TalentPotentialResult } from './talent-potential.ts';
import type { BalanceClass, CommunitiesResult, HubClass, NodeMeasure, RaiResult, TopFlows } from './types.ts';
import type { FlowStore } from '../flows/store.ts';
import { DEFAULTS as BACKBONE_DEFAULTS, disparityBackbone } from './disparity-backbone.ts';
import { DEFAULTS as GRAVITY_DEFAULTS, gravity } from './gravity.ts';
import type { GravityResult } from './gravity.ts';
import type { QuadrantsResult } from './quadrants.ts';
import { MEASURES, measureDefaults } from './registry.ts';
import type { AnyMeasure } from './registry.ts';

export { autoBetweennessMaxFlows, BETWEENNESS_WORK, type BetweennessUse };

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
  /** Smallest flow listed among top sources / destinations, in moves. */
  topMinWeight?: number;
  /** Size class thresholds (see `hub-class.ts`). */
  hubShare?: number;
  minHubs?: number;
  largeQuantile?: number;
  peripheralQuantile?: number;
  /** Balance class threshold (see `balance-class.ts`). */
  balanceThreshold?: number;
  /** Louvain runs over consecutive seeds for community stability; 0 = off (it costs runs Louvain runs and O(n²) memory). */
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

/**
 * Defaults of {@link analyzeGraph}, gathered from the registry's measures and each analysis's own `DEFAULTS`:
 * `seed` (42), `resolution` (1), `directedCommunities` (false), `alpha` (0.85), `topK` (5),
 * `topMinWeight` (100), `hubShare` (0.1), `minHubs` (2), `largeQuantile` (0.75), `peripheralQuantile` (0.25),
 * `balanceThreshold` (0.2), `stabilityRuns` (20), `raiBasis` ('auto'), `raiReference` (null),
 * `betweennessMaxFlows` ('auto', see {@link autoBetweennessMaxFlows}), `stabilityMaxFlows` (200,000),
 * `backboneAlpha` (0.05), `gravityMaxPlaces` (1,000).
 */
export const DEFAULTS: Readonly<Required<AnalyzeGraphOptions>> = Object.freeze({
  // The measures' own options (seed, resolution, directedCommunities, alpha, hubShare, minHubs,
  // largeQuantile, peripheralQuantile, balanceThreshold, stabilityRuns, stabilityMaxFlows,
  // betweennessMaxFlows) come from the registry.
  ...measureDefaults(),
  topK: TOP_DEFAULTS.k,
  topMinWeight: TOP_DEFAULTS.minWeight,
  raiBasis: 'auto',
  raiReference: null,
  flows: null,
  backboneAlpha: BACKBONE_DEFAULTS.alpha,
  gravityMaxPlaces: GRAVITY_DEFAULTS.maxPlaces,
}) as unknown as Readonly<Required<AnalyzeGraphOptions>>;

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

/** The options of {@link analyzeGraph} that `analyzeFile` and `talentflow analyze` pass on under the same names. */
export type RunOption =
  | 'seed'
  | 'resolution'
  | 'topK'
  | 'topMinWeight'
  | 'stabilityRuns'
  | 'stabilityMaxFlows'
  | 'betweennessMaxFlows'
  | 'backboneAlpha'
  | 'gravityMaxPlaces';

const integerAtLeast = (min: number) => (name: string, value: unknown) => checkNumber(name, value, { min, integer: true });

/**
 * How each option a whole run shares with {@link analyzeGraph} is checked, here at analyzeGraph's
 * entry (so that an error names analyzeGraph's option, not the measure's: `topK`, not `k`) and by
 * the pipeline and the CLI with the same rules (`pipeline/options.ts` ANALYZE_OPTION_CHECKS). A
 * flow cap's "no limit" (0 or Infinity) comes back as Infinity.
 */
export const RUN_OPTION_CHECKS: {
  readonly [K in RunOption]: (name: string, value: unknown) => Required<AnalyzeGraphOptions>[K];
} = Object.freeze({
  seed: checkSeed,
  resolution: (name: string, value: unknown) => checkNumber(name, value, { min: 0, minExclusive: true }),
  topK: integerAtLeast(1),
  topMinWeight: (name: string, value: unknown) => checkNumber(name, value, { min: 0 }),
  stabilityRuns: integerAtLeast(0),
  stabilityMaxFlows: (name: string, value: unknown) => checkLimit(name, value),
  betweennessMaxFlows: (name: string, value: unknown) => (value === 'auto' ? 'auto' : checkLimit(name, value, true)),
  backboneAlpha: (name: string, value: unknown) => checkNumber(name, value, { min: 0, minExclusive: true, max: 1 }),
  gravityMaxPlaces: integerAtLeast(0),
});

function resolve(options?: AnalyzeGraphOptions): Required<AnalyzeGraphOptions> {
  const o = withDefaults(DEFAULTS, options) as Record<string, unknown>;
  for (const [name, check] of Object.entries(RUN_OPTION_CHECKS)) o[name] = check(name, o[name]);
  checkBoolean('directedCommunities', o.directedCommunities);
  return o as Required<AnalyzeGraphOptions>;
}

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
  const lap = (stage: string) => {
    if (!hooks.onTiming) return;
    const now = performance.now();
    hooks.onTiming(stage, now - clock);
    clock = now;
  };

  const results = new Map<string, unknown>();
  for (const measure of MEASURES as readonly AnyMeasure[]) {
    results.set(measure.id, computeMeasure(graph, measure, o, warnings));
    const written = measure.attributes.filter((a) => !a.optional || graph.someNode((_n, attr) => attr[a.attribute] !== undefined));
    measures.push(...written.map((a) => a.attribute));
    if (written.length) lap(written[0]!.attribute);
  }
  const potential = results.get('talentPotential') as TalentPotentialResult;
  const used = results.get('betweenness') as BetweennessUse;
  const classes = results.get('hubClass') as HubClassResult;
  const balances = results.get('balanceClass') as BalanceClassResult;
  const found = results.get('communities') as CommunitiesResult;
  const { stability, skipped: stabilitySkipped } = results.get('communityStability') as StabilityUse;
  const { basis: quadrantBasis, thresholds: quadrantThresholds, counts: quadrantCounts } = results.get('quadrant') as QuadrantsResult;
  const counts: Record<HubClass, number> = { hub: 0, large: 0, medium: 0, peripheral: 0 };
  for (const c of Object.values(classes.classes)) counts[c]++;
  const balanceCounts: Record<BalanceClass, number> = { magnet: 0, balanced: 0, exporter: 0 };
  for (const c of Object.values(balances.classes)) if (c !== null) balanceCounts[c]++;

  const raiOptions: RaiOptions = { basis: o.raiBasis, reference: o.raiReference, flows: o.flows };
  let moves = 0;
  for (const w of edgeArrays(graph, 'weight').weight) moves += w;
  const flows = topFlows(graph, { k: o.topK, minWeight: o.topMinWeight });
  lap('topFlows');
  const raiResult = rai(graph, raiOptions);
  lap('rai');
  const {
    alpha: backboneAlpha,
    flows: allFlows,
    keptFlows,
    moves: backboneMoves,
    keptMoves,
  } = disparityBackbone.assign(graph, {
    alpha: o.backboneAlpha,
  });
  lap('backbone');
  const fit = o.gravityMaxPlaces === 0 ? null : gravityOf(graph, o.gravityMaxPlaces, warnings);
  lap('gravity');

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

/**
 * Runs one registry measure with its options picked from the run's. A power iteration that does
 * not converge should not sink the whole run: its attributes are null, with a warning.
 */
function computeMeasure(graph: AnyGraph, measure: AnyMeasure, o: Required<AnalyzeGraphOptions>, warnings: string[]): unknown {
  const options = Object.fromEntries(Object.keys(measure.defaults as object).map((k) => [k, (o as Record<string, unknown>)[k]]));
  try {
    return measure.compute(graph, options, { warnings });
  } catch (error) {
    if (!measure.converges || !(error instanceof ConvergenceError)) throw error;
    const names = measure.attributes.map((a) => a.attribute);
    warnings.push(`${error.measure} did not converge; ${names.join(', ')} left empty`);
    graph.updateEachNodeAttributes((_n, attr) => {
      for (const name of names) attr[name] = null;
      return attr;
    });
    return null;
  }
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
  // Every field but the per-flow ones, without reading `edges` (made on first read: `withEdgeKeys`).
  const summary = Object.fromEntries(
    Object.keys(result)
      .filter((k) => k !== 'edges' && k !== 'expected' && k !== 'excess')
      .map((k) => [k, result[k as keyof GravityResult]]),
  ) as GravityFitSummary;
  if (!result.fitted && result.places > 2)
    warnings.push(`gravity not fitted: ${result.reason}; expected, excess left empty (--gravity-max-places)`);
  return summary;
}

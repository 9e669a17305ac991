/**
 * Options of a whole analysis run (records → graph → every measure), with the defaults that the
 * CLI help, the README and the viewer read. Validated once here, naming the option at fault.
 */
import { OptionError } from '../errors.ts';
import { PLACE_LEVELS, type PlaceAlias, type PlaceLevel } from '../places/types.ts';
import type { ColumnMap, RecordKind } from '../records/types.ts';
import { DEFAULTS as ANALYSIS_DEFAULTS, RUN_OPTION_CHECKS, type RunOption } from '../analyses/run-all.ts';
import { checkChoice, checkNumber } from '../analyses/option-checks.ts';
import { checkYearRange } from '../records/cells.ts';

export interface AnalyzeOptions {
  /** `moves` (one row per move) or `timelines` (one row per researcher, year and affiliation). */
  kind?: RecordKind;
  /** Node level: `metro` (SET metro areas; other cities stay cities), `city` or `country`. */
  level?: PlaceLevel;
  /** Window for active researchers, stock, young share and SET inflow (timelines only). */
  window?: [number, number];
  /** Moves that enter the graph, by arrival year (inclusive); null = every year in the input. */
  years?: [number, number] | null;
  /** Canonical field → input column name. */
  columns?: ColumnMap;
  /** User aliases that extend or override metro membership. */
  aliases?: PlaceAlias[];
  /** Seed of Louvain (and anything else random): an integer in [0, 2³² − 1]. */
  seed?: number;
  /** Louvain resolution: above 1 gives more, smaller communities. */
  resolution?: number;
  /** Top sources/destinations per place. */
  topK?: number;
  /** Minimum moves (≥ 0) for a flow to be listed among top sources/destinations (the report: 100). */
  topMinWeight?: number;
  /** Louvain runs over consecutive seeds for the stability figure; 0 = skip. */
  stabilityRuns?: number;
  /**
   * Betweenness is exact up to this many flows and computed on the strongest flows beyond
   * (`src/analyses/strongest-flows.ts`); 'auto' = max(5,000, ⌊25,000,000 / places⌋); 0 or Infinity = always
   * exact (resolved as Infinity).
   */
  betweennessMaxFlows?: number | 'auto';
  /** The stability runs are skipped, with a warning, on graphs of more flows than this; 0 or Infinity = never skipped (resolved as Infinity). */
  stabilityMaxFlows?: number;
  /** Significance level of the disparity backbone: flows with disparity α below it are in the backbone, in (0, 1]. */
  backboneAlpha?: number;
  /** The gravity model is fitted up to this many places with coordinates (its cost grows as places²); 0 = off. */
  gravityMaxPlaces?: number;
  /** Bootstrap replicates for the intervals of intervals.csv (researchers resampled from timelines, moves from moves tables); 0 = off. */
  bootstrap?: number;
  /** Two periods of arrival years to compare (`compare.csv`, the report's "Rising and falling"); null = none. */
  compare?: [[number, number], [number, number]] | null;
}

export type ResolvedAnalyzeOptions = Required<Omit<AnalyzeOptions, 'aliases' | 'columns'>> & {
  aliases: PlaceAlias[];
  columns: ColumnMap;
};

export const ANALYZE_DEFAULTS = Object.freeze({
  kind: 'moves' as RecordKind,
  level: 'metro' as PlaceLevel,
  window: [2019, 2023] as [number, number],
  years: null as [number, number] | null,
  seed: ANALYSIS_DEFAULTS.seed,
  resolution: ANALYSIS_DEFAULTS.resolution,
  topK: ANALYSIS_DEFAULTS.topK,
  topMinWeight: ANALYSIS_DEFAULTS.topMinWeight,
  stabilityRuns: ANALYSIS_DEFAULTS.stabilityRuns,
  betweennessMaxFlows: ANALYSIS_DEFAULTS.betweennessMaxFlows,
  stabilityMaxFlows: ANALYSIS_DEFAULTS.stabilityMaxFlows,
  backboneAlpha: ANALYSIS_DEFAULTS.backboneAlpha,
  gravityMaxPlaces: ANALYSIS_DEFAULTS.gravityMaxPlaces,
  bootstrap: 0,
  compare: null as [[number, number], [number, number]] | null,
});

const KINDS: readonly RecordKind[] = ['moves', 'timelines'];

/** The numeric options of a run, which the CLI reads from flags of the same (kebab-case) names. */
export type NumericAnalyzeOption = RunOption | 'bootstrap';

/**
 * How each numeric option is checked, by `resolveAnalyzeOptions` on library options and by the
 * CLI on its flags (`name` is then the flag): analyzeGraph's rules (RUN_OPTION_CHECKS) for the
 * options passed on to it, so that the CLI, the pipeline and the analyses accept the same values
 * and give them the same meaning. A flow cap's "no limit" (0 or Infinity) comes back as Infinity.
 */
export const ANALYZE_OPTION_CHECKS: {
  readonly [K in NumericAnalyzeOption]: (name: string, value: unknown) => Required<AnalyzeOptions>[K];
} = Object.freeze({
  ...RUN_OPTION_CHECKS,
  bootstrap: (name: string, value: unknown) => checkNumber(name, value, { min: 0, integer: true }),
});

/** Fills in defaults and validates every option; throws OptionError naming the first bad one. */
export function resolveAnalyzeOptions(options: AnalyzeOptions = {}): ResolvedAnalyzeOptions {
  const o = { ...ANALYZE_DEFAULTS, ...stripUndefined(options) };
  const numbers = Object.fromEntries(
    Object.entries(ANALYZE_OPTION_CHECKS).map(([name, check]) => [name, check(name, o[name as NumericAnalyzeOption])]),
  ) as Pick<ResolvedAnalyzeOptions, NumericAnalyzeOption>;
  return {
    kind: checkChoice('kind', o.kind, KINDS),
    level: checkChoice('level', o.level, PLACE_LEVELS),
    window: checkYearRange('window', o.window),
    years: o.years === null ? null : checkYearRange('years', o.years),
    ...numbers,
    compare: checkCompare(o.compare),
    aliases: options.aliases ?? [],
    columns: options.columns ?? {},
  };
}

function checkCompare(value: unknown): [[number, number], [number, number]] | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length !== 2) {
    throw new OptionError('compare', value, 'two periods [[first, last], [first, last]], or null');
  }
  return [checkYearRange('compare', value[0]), checkYearRange('compare', value[1])];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

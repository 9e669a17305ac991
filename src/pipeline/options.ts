/**
 * Options of a whole analysis run (records → graph → every measure), with the defaults that the
 * CLI help, the README and the viewer read. Validated once here, naming the option at fault.
 */
import { OptionError } from '../errors.ts';
import { PLACE_LEVELS, type PlaceAlias, type PlaceLevel } from '../places/types.ts';
import type { ColumnMap, RecordKind } from '../records/types.ts';
import { DEFAULTS as ANALYSIS_DEFAULTS } from '../analyses/run-all.ts';

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
  /** Seed of Louvain (and anything else random). */
  seed?: number;
  /** Louvain resolution: above 1 gives more, smaller communities. */
  resolution?: number;
  /** Top sources/destinations per place. */
  topK?: number;
  /** Minimum moves for a flow to be listed among top sources/destinations (the report: 100). */
  topMinWeight?: number;
  /** Louvain runs over consecutive seeds for the stability figure; 0 = skip. */
  stabilityRuns?: number;
  /**
   * Betweenness is exact up to this many flows and computed on the strongest flows beyond
   * (`src/analyses/strongest-flows.ts`); 'auto' = max(5,000, ⌊25,000,000 / places⌋); 0 = always exact.
   */
  betweennessMaxFlows?: number | 'auto';
  /** The stability runs are skipped, with a warning, on graphs of more flows than this; 0 = never skipped. */
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

function checkRange(option: string, value: unknown): [number, number] {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((y) => Number.isInteger(y)) ||
    (value[0] as number) > (value[1] as number)
  ) {
    throw new OptionError(option, value, 'a [first, last] pair of integer years with first ≤ last');
  }
  return [value[0] as number, value[1] as number];
}

function checkInt(option: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new OptionError(option, value, `an integer ≥ ${min}`);
  }
  return value;
}

/** A flow cap: an integer ≥ 0 (0 = no limit) or Infinity. */
function checkLimit(option: string, value: unknown): number {
  if (value === Infinity) return value;
  return checkInt(option, value, 0);
}

/** A significance level in (0, 1]. */
function checkLevel(option: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw new OptionError(option, value, 'a number in (0, 1]');
  return value;
}

/** Fills in defaults and validates every option; throws OptionError naming the first bad one. */
export function resolveAnalyzeOptions(options: AnalyzeOptions = {}): ResolvedAnalyzeOptions {
  const o = { ...ANALYZE_DEFAULTS, ...stripUndefined(options) };
  if (!KINDS.includes(o.kind)) throw new OptionError('kind', o.kind, `one of ${KINDS.join(', ')}`);
  if (!PLACE_LEVELS.includes(o.level)) throw new OptionError('level', o.level, `one of ${PLACE_LEVELS.join(', ')}`);
  const window = checkRange('window', o.window);
  const years = o.years === null ? null : checkRange('years', o.years);
  const seed = checkInt('seed', o.seed, 0);
  if (typeof o.resolution !== 'number' || !(o.resolution > 0) || !Number.isFinite(o.resolution)) {
    throw new OptionError('resolution', o.resolution, 'a positive number');
  }
  return {
    kind: o.kind,
    level: o.level,
    window,
    years,
    seed,
    resolution: o.resolution,
    topK: checkInt('topK', o.topK, 1),
    topMinWeight: checkInt('topMinWeight', o.topMinWeight, 0),
    stabilityRuns: checkInt('stabilityRuns', o.stabilityRuns, 0),
    betweennessMaxFlows: o.betweennessMaxFlows === 'auto' ? 'auto' : checkLimit('betweennessMaxFlows', o.betweennessMaxFlows),
    stabilityMaxFlows: checkLimit('stabilityMaxFlows', o.stabilityMaxFlows),
    backboneAlpha: checkLevel('backboneAlpha', o.backboneAlpha),
    gravityMaxPlaces: checkInt('gravityMaxPlaces', o.gravityMaxPlaces, 0),
    bootstrap: checkInt('bootstrap', o.bootstrap, 0),
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
  return [checkRange('compare', value[0]), checkRange('compare', value[1])];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

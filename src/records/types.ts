/**
 * The two kinds of input record, after parsing and validation but before place resolution.
 * `line` is the 1-based line of the source file (the header is line 1), kept so that later
 * steps (place resolution) can still report where a problem came from.
 */

/** One row of a moves table: `count` moves of one researcher (or of an aggregated flow) from → to in `year`. */
export interface MoveRecord {
  /** Researcher identity; null only for aggregated rows (a `count` column and no researcher id). */
  researcherId: string | null;
  from: string;
  to: string;
  /** ISO 3166-1 alpha-2 (or the raw value if it is not a known code; resolution reports it). */
  fromCountry: string | null;
  toCountry: string | null;
  year: number;
  discipline: string | null;
  /** Number of moves this row stands for: 1 for person-level rows. */
  count: number;
  line: number;
}

/** One row of an affiliation timeline: a researcher published `publications` times in `year` with an affiliation in `place`. */
export interface TimelineRecord {
  researcherId: string;
  year: number;
  place: string;
  country: string | null;
  discipline: string | null;
  /** Publications this row stands for; 1 when the input has no `publications` column (one row = one publication). */
  publications: number;
  line: number;
  /**
   * What the source knew of the place besides its name (the optional columns `ror_id`,
   * `geonames_id`, `lat`, `lon`, `region`): analysis places the row by them when present
   * (see `places/by-geonames.ts`). Absent or null = unknown.
   */
  rorId?: string | null;
  geonamesId?: number | null;
  lat?: number | null;
  lon?: number | null;
  region?: string | null;
}

export type RecordKind = 'moves' | 'timelines';

/** Why a row (or a whole input) could not be used as it is. */
export type ProblemReason =
  | 'missing-column'
  | 'empty-id'
  | 'empty-place'
  | 'bad-year'
  | 'bad-count'
  | 'self-move'
  | 'unknown-place'
  | 'ambiguous-place'
  | 'unknown-country'
  | 'assumed-country'
  | 'malformed-row'
  | 'bad-encoding'
  // Population tables (--population): a population that is not a number ≥ 0, and a second row
  // for the same name, country and year.
  | 'bad-population'
  | 'duplicate-row'
  // Real-source importers (src/sources/): a record that is not the documented shape, a record or
  // affiliation without a year, a work without authors, an author or affiliation without any
  // institution, a ROR id missing from the gazetteer, and institution names matching no or
  // several ROR organisations.
  | 'malformed-record'
  | 'missing-year'
  | 'no-authors'
  | 'no-institution'
  | 'unknown-ror'
  | 'unknown-institution'
  | 'ambiguous-institution'
  // ORCID records that ORCID itself withholds: locked (error 409), deactivated, or another error document.
  | 'locked-record'
  | 'deactivated-record'
  | 'error-record'
  // OpenAlex's older shapes (a warning naming the field used), authorships placed only by their
  // countries (country level), and a record seen before (counted once).
  | 'legacy-field'
  | 'country-only'
  | 'duplicate-record';

/**
 * A problem found while reading or resolving. `error` problems cause the row to be skipped;
 * `warning` problems keep the row but record an assumption. Both are counted and summarised,
 * and `--strict` makes either fatal.
 */
export interface Problem {
  file: string;
  line: number;
  field: string;
  value: string;
  reason: ProblemReason;
  severity: 'error' | 'warning';
  message: string;
  /** Nearest known names, for unknown or ambiguous places. */
  suggestions?: string[];
}

/** What a reader returns: the usable records and every problem found, never throwing on a bad row. */
export interface ReadResult<R> {
  records: R[];
  problems: Problem[];
  /** Data rows seen in the input (header excluded). records + skipped rows = rowsRead. */
  rowsRead: number;
}

/** Column mapping: canonical field name → the column name used in the input (the CLI's `--map to=iso3codeto,...`). */
export type ColumnMap = Partial<Record<string, string>>;

/**
 * A move between two resolved places, ready for the flow graph: `count` moves from node
 * `source` to node `target` (place ids, see `Place.id`) arriving in `year`. `researcherId` is
 * null for aggregated rows, which makes distinct-researcher counts on the edge unknown.
 */
export interface ResolvedMove {
  researcherId: string | null;
  source: string;
  target: string;
  year: number;
  discipline: string | null;
  count: number;
}

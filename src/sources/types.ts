/**
 * Types shared by the real-source importers (OpenAlex works and authors, ORCID records, lists of
 * institutions): where a record came from, what a per-record converter returns, and how an
 * institution becomes a city that the place resolver understands.
 */
import type { Problem, TimelineRecord } from '../records/types.ts';

/** The inputs `talentflow import` and `readSourceTimelines` accept. */
export const SOURCE_KINDS = ['openalex-works', 'openalex-authors', 'orcid', 'institutions'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where a record sits in its file. `line` is the 1-based physical line for JSON lines and CSV,
 * the line of the affiliation element for XML, and the 1-based ordinal of the record for
 * whole-file JSON (an API result page: `results[line - 1]`). `file` names an archive member as
 * `archive.tar.gz!/member.xml`.
 */
export interface RecordLocator {
  file: string;
  line: number;
  /**
   * Where the record sits inside its line or document when that holds several (`results[12]` of
   * a minified API page on one line): problems name their field under it.
   */
  path?: string;
}

/** What a per-record converter returns: timeline rows (publications ≥ 1) and the problems met. */
export interface Conversion {
  rows: TimelineRecord[];
  problems: Problem[];
  /** ORCID: how each ongoing affiliation (no end date) was ended, by the rule that ended it. */
  openEnds?: Partial<Record<OpenEndRule, number>>;
}

/**
 * What ended an ongoing ORCID affiliation: the `--until` year, the date of the data dump it came
 * from (in its file name, `ORCID_2022_10_summaries`), the record's last modification, or nothing
 * (the start year).
 */
export type OpenEndRule = 'until' | 'dump' | 'record' | 'start';

/**
 * An institution placed in a city. `city` is what the place resolver gets: ROR's city, or for a
 * ROR "city" that is a district, ward or unpopulated locality, the city it belongs to (see
 * `districts.ts`); `rorCity` keeps ROR's own value.
 */
export interface InstitutionPlace {
  /** ROR id without the `https://ror.org/` prefix (`02zhqgq86`). */
  rorId: string;
  name: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Coordinates of `city` (the GeoNames city point), or ROR's when the city was kept as is. */
  lat: number | null;
  lon: number | null;
  rorCity: string;
  /** GeoNames id of `city` (ROR's own, or the city a district was mapped to), or null. */
  geonamesId: number | null;
  /** ROR's first-level subdivision (`admin1`: "Delaware", "Guangdong"), or null. */
  region: string | null;
  /** How `city` was obtained: ROR's city as is, or a district mapped to its city (see `ParentCityMethod`). */
  cityMethod: 'ror' | 'ward' | 'same-name' | 'admin-seat' | 'city-state' | 'gravity' | 'unmatched';
}

/** A lookup: by ROR id when there is one, else by name (optionally within a country). */
export interface InstitutionQuery {
  ror?: string | null;
  name?: string | null;
  /** ISO2; narrows name lookups. */
  country?: string | null;
}

/** Outcome of {@link InstitutionIndex.resolve}. */
export type InstitutionMatch =
  | {
      ok: true;
      institution: InstitutionPlace;
      /** `ror`: found by id; `name`: by exact (normalised) name, unique within the country. */
      via: 'ror' | 'name';
      /** Set when the ROR id given is not in the gazetteer and the name stood in for it (a warning). */
      note?: { reason: 'unknown-ror'; message: string };
    }
  | {
      ok: false;
      reason: 'unknown-ror' | 'unknown-institution' | 'ambiguous-institution';
      message: string;
      /** Candidates as `Name (City, CC; rorId)`, best first. */
      suggestions: string[];
    };

/** Institutions → cities. Built from ROR records by `createRorIndex`. */
export interface InstitutionIndex {
  readonly size: number;
  /** By ROR id in any form (`https://ror.org/02zhqgq86`, `ror.org/02zhqgq86`, `02zhqgq86`). */
  byRor(id: string): InstitutionPlace | null;
  /** By a GRID or FundRef id that a full ROR dump lists for the organisation (none in the bundled extract). */
  byExternalId?(source: string, id: string): InstitutionPlace | null;
  /** By ROR id, else by name; never guesses: several or no name matches are reported with suggestions. */
  resolve(query: InstitutionQuery): InstitutionMatch;
}

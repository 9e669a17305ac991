/**
 * ORCID affiliations → affiliation timeline rows.
 *
 * Conventions (ORCID affiliations are spans, not publications):
 * - researcher = the ORCID iD (`0000-0002-1825-0097`);
 * - one row per year of each affiliation span, start year to end year inclusive, publications
 *   = 1 ("affiliated here in this year"); two affiliations in one city in one year make one row;
 * - an affiliation without an end date is ongoing: it runs to `openEndYear` when given (the CLI's
 *   `--until`), else to the year of the data dump it came from (named in its file: the public
 *   data file `ORCID_2022_10_summaries.tar.gz` is of 2022), else to the year the record was last
 *   modified (then the affiliation's own last modification), and never ends before it starts.
 *   Data-derived, so a run is reproducible; how many spans each rule ended is in the summary.
 *   (Ending at the affiliation's last edit, as an earlier rule did, left 0 of the 6 researchers
 *   of ORCID's 2022 sample active in 2019–2023; the dump's year gives 6 of 6);
 * - place: the ROR organisation's city (districts mapped to their city), with its ROR id, GeoNames
 *   id, coordinates and region, when the organisation is disambiguated with a ROR id that the
 *   gazetteer holds, or a GRID or FundRef id that a full ROR dump (`--ror`) lists for an
 *   organisation; otherwise the organisation's address (city, region, ISO2 country), which ORCID
 *   stores with every affiliation (RINGGOLD ids are not mapped: ROR does not list them). An address city the place resolver does not know (when a check is given),
 *   or no address city, falls back to the organisation's name through the ROR index;
 * - records ORCID withholds: a locked record (error 409) is `locked-record`, another error
 *   document `error-record` (no rows); a deactivated one `deactivated-record` (its affiliations,
 *   if any, are read, with a warning);
 * - discipline: none (ORCID records carry no field of research);
 * - kinds: `employment` and `education` by default (`ORCID_DEFAULTS.affiliations`).
 *
 * How the SET definitions read such timelines: "publications" are affiliation-years, so an active
 * researcher in 2019–2023 is one affiliated in at least 3 of those years and in at least one of
 * 2021–2023, and academic age runs from the first affiliation year (a degree start, with
 * education included) to the latest. Inflow by the SET rule compares affiliations before 2019
 * with the latest one in the window, as for publication data.
 *
 * Problems: locked-record, error-record, deactivated-record, malformed-record, empty-id (no ORCID iD: record skipped), no-institution (no
 * affiliation of the kinds read: record skipped), missing-year (no start year) and bad-year
 * (unreadable year, or an end before the start): that affiliation skipped; unknown-ror
 * (warning: ROR id not in the gazetteer, address used), unknown-institution /
 * ambiguous-institution (no city in the address and the name does not place it).
 */
import { OptionError } from '../errors.ts';
import type { Problem, TimelineRecord } from '../records/types.ts';
import { ORCID_AFFILIATION_KINDS, type OrcidAffiliation, type OrcidAffiliationKind, type OrcidRecord } from './orcid-record.ts';
import { placeColumns, placeInstitution, sourceProblem, yearOf, yearProblem } from './problems.ts';
import { normalizeRorId } from './ror.ts';
import type { Conversion, InstitutionIndex, InstitutionPlace, OpenEndRule, RecordLocator } from './types.ts';

/** Options of {@link convertOrcidRecord}; defaults in {@link ORCID_DEFAULTS}. */
export interface OrcidOptions {
  /** Affiliation kinds to read. */
  affiliations?: readonly OrcidAffiliationKind[];
  /** Last year of ongoing affiliations; null = the affiliation's (else the record's) last-modified year. */
  openEndYear?: number | null;
}

/** Defaults of {@link convertOrcidRecord}. */
export const ORCID_DEFAULTS: { affiliations: readonly OrcidAffiliationKind[]; openEndYear: number | null } = {
  affiliations: ['employment', 'education'],
  openEndYear: null,
};

/** Validates ORCID options once, naming the bad option. */
export function checkOrcidOptions(options: OrcidOptions): Required<OrcidOptions> {
  const affiliations = options.affiliations ?? ORCID_DEFAULTS.affiliations;
  for (const k of affiliations) {
    if (!(ORCID_AFFILIATION_KINDS as readonly string[]).includes(k))
      throw new OptionError('affiliations', k, `affiliation kinds among ${ORCID_AFFILIATION_KINDS.join(', ')}`);
  }
  if (affiliations.length === 0) throw new OptionError('affiliations', affiliations, 'at least one affiliation kind');
  const openEndYear = options.openEndYear ?? ORCID_DEFAULTS.openEndYear;
  if (openEndYear !== null && yearOf(openEndYear) === null)
    throw new OptionError('openEndYear', openEndYear, 'a year in 1900–2100 or null');
  return { affiliations, openEndYear };
}

/** Checks whether the place resolver knows a city (the same resolver `analyze` uses). */
export type CityCheck = (city: string, country: string | null, region: string | null) => boolean;

/** Per-file context of {@link convertOrcidRecord}. */
export interface OrcidContext {
  /** Year of the data dump the record came from (see `orcidDumpYear`), or null. */
  dumpYear?: number | null;
  /** When given, an address city it does not know is replaced by the organisation's ROR place, found by name. */
  knowsCity?: CityCheck;
}

/** The year of an ORCID data dump named in a path (`ORCID_2022_10_summaries.tar.gz` → 2022), or null. */
export function orcidDumpYear(path: string): number | null {
  const m = /ORCID[_-]?(\d{4})[_-](?:\d{2}|r\d)/i.exec(path);
  return m ? yearOf(m[1]!) : null;
}

type AffiliationPlace = Pick<TimelineRecord, 'place' | 'country' | 'rorId' | 'geonamesId' | 'lat' | 'lon' | 'region'>;

function placeOf(
  aff: OrcidAffiliation,
  index: InstitutionIndex,
  at: RecordLocator,
  problems: Problem[],
  knowsCity?: CityCheck,
): AffiliationPlace | null {
  const org = aff.organization;
  const ror =
    org.disambiguatedId && (org.disambiguationSource === 'ROR' || normalizeRorId(org.disambiguatedId)) ? org.disambiguatedId : null;
  const country = org.country ? org.country.toUpperCase() : null;
  const fromRor = (p: InstitutionPlace): AffiliationPlace => ({ place: p.city, country: p.country, ...placeColumns(p) });
  // GRID and FundRef ids reach ROR through a full dump's external ids (`--ror`).
  const viaExternal =
    !ror && org.disambiguatedId && org.disambiguationSource ? index.byExternalId?.(org.disambiguationSource, org.disambiguatedId) : null;
  if (viaExternal) return fromRor(viaExternal);
  if (ror) {
    const found = index.byRor(ror);
    if (found) return fromRor(found);
    if (org.city) {
      const message = `ROR id ${JSON.stringify(ror)} is not in the ROR gazetteer; placed at the organisation's address ${JSON.stringify(org.city)}${country ? `, ${country}` : ''}`;
      problems.push(sourceProblem(at, 'organization.disambiguated-organization-identifier', ror, 'unknown-ror', message, 'warning'));
    }
  }
  const fields = { ror: 'organization.disambiguated-organization-identifier', name: 'organization.name' };
  if (org.city) {
    const address: AffiliationPlace = { place: org.city, country, rorId: null, geonamesId: null, lat: null, lon: null, region: org.region };
    if (!knowsCity || knowsCity(org.city, country, org.region)) return address;
    // An address city the resolver does not know (a district: "Al-Athaiba", Sultan Qaboos
    // University's) would be dropped by analysis; the organisation's ROR record knows its city.
    const byName = org.name ? index.resolve({ name: org.name, country }) : null;
    if (byName?.ok) {
      const p = byName.institution;
      const message = `address city ${JSON.stringify(org.city)}${country ? ` (${country})` : ''} is not a known place; placed at ${p.name} (${p.city}, ${p.country}; ROR ${p.rorId}), found by the organisation's name`;
      problems.push(sourceProblem(at, 'organization.address.city', org.city, 'unknown-place', message, 'warning'));
      return fromRor(p);
    }
    return address;
  }
  const place = placeInstitution(index, { ror, name: org.name, country }, at, fields, problems);
  return place ? fromRor(place) : null;
}

function yearOfDate(iso: string | null): number | null {
  return iso ? yearOf(iso.slice(0, 4)) : null;
}

const STATUS_REASON = { locked: 'locked-record', deactivated: 'deactivated-record', error: 'error-record' } as const;

/**
 * Converts one ORCID record into timeline rows.
 *
 * @param record - from `orcidRecordFromXml` or `orcidRecordFromJson`.
 * @param file - the record's file, for locators (each affiliation carries its own line).
 * @param institutions - the ROR index.
 * @param options - {@link ORCID_DEFAULTS}.
 * @param context - the dump's year and the city check (see {@link OrcidContext}).
 * @example
 * // employment 2016–2018 at a ROR-disambiguated Hong Kong university, then 2019– (record modified 2021) in Shenzhen
 * convertOrcidRecord(record, '0000-0002-1825-0097.xml', index).rows.map((r) => `${r.year} ${r.place}`)
 * // ['2016 Hong Kong', '2017 Hong Kong', '2018 Hong Kong', '2019 Shenzhen', '2020 Shenzhen', '2021 Shenzhen']
 */
export function convertOrcidRecord(
  record: OrcidRecord,
  file: string,
  institutions: InstitutionIndex,
  options: OrcidOptions = {},
  context: OrcidContext = {},
): Conversion {
  const { affiliations: kinds, openEndYear } = checkOrcidOptions(options);
  const rows: TimelineRecord[] = [];
  const problems: Problem[] = [];
  const openEnds: Partial<Record<OpenEndRule, number>> = {};
  const recordAt = { file, line: record.line };
  const who = record.orcid ? `ORCID ${record.orcid}` : 'ORCID record';
  if (record.status === 'locked' || record.status === 'error') {
    const why = record.status === 'locked' ? 'is locked: ORCID withholds its content' : 'is an ORCID error document, not a record';
    problems.push(
      sourceProblem(
        recordAt,
        'response-code',
        record.statusDetail ?? '',
        STATUS_REASON[record.status],
        `${who} ${why} (${record.statusDetail ?? 'no detail'})`,
      ),
    );
    return { rows, problems };
  }
  if (!record.orcid) {
    problems.push(sourceProblem(recordAt, 'orcid-identifier', '', 'empty-id', 'record has no ORCID iD'));
    return { rows, problems };
  }
  const researcherId = record.orcid;
  const wanted = record.affiliations.filter((a) => kinds.includes(a.kind));
  if (record.status === 'deactivated') {
    const kept = wanted.length > 0 ? `; its ${wanted.length} affiliation(s) are read` : '';
    const severity = wanted.length > 0 ? 'warning' : 'error';
    problems.push(
      sourceProblem(
        recordAt,
        'history.deactivation-date',
        record.statusDetail ?? '',
        'deactivated-record',
        `${who} is deactivated (${record.statusDetail})${kept}`,
        severity,
      ),
    );
    if (wanted.length === 0) return { rows, problems };
  }
  if (wanted.length === 0) {
    problems.push(
      sourceProblem(recordAt, 'affiliations', '', 'no-institution', `ORCID ${researcherId} has no ${kinds.join(' or ')} affiliation`),
    );
    return { rows, problems };
  }
  const dumpYear = context.dumpYear ?? null;
  const recordYear = yearOfDate(record.lastModified);
  const seen = new Set<string>();
  for (const aff of wanted) {
    const at = { file, line: aff.line };
    const what = `ORCID ${researcherId}: ${aff.kind} at ${aff.organization.name ?? 'an unnamed organisation'}`;
    const start = yearOf(aff.startYear);
    if (start === null) {
      problems.push(yearProblem(at, 'start-date.year', aff.startYear, what));
      continue;
    }
    let end: number;
    let rule: OpenEndRule | null = null;
    if (aff.endYear !== null) {
      const e = yearOf(aff.endYear);
      if (e === null || e < start) {
        const why = e === null ? 'not a year' : `before the start year ${start}`;
        problems.push(sourceProblem(at, 'end-date.year', aff.endYear, 'bad-year', `${what}: end year ${aff.endYear} is ${why}`));
        continue;
      }
      end = e;
    } else {
      const affYear = yearOfDate(aff.lastModified);
      [rule, end] =
        openEndYear !== null
          ? ['until', openEndYear]
          : dumpYear !== null
            ? ['dump', dumpYear]
            : recordYear !== null
              ? ['record', recordYear]
              : affYear !== null
                ? ['record', affYear]
                : ['start', start];
      end = Math.max(start, end);
    }
    const place = placeOf(aff, institutions, at, problems, context.knowsCity);
    if (!place) continue;
    if (rule) openEnds[rule] = (openEnds[rule] ?? 0) + 1;
    for (let year = start; year <= end; year++) {
      const key = `${year}\u0000${place.place}\u0000${place.country}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ researcherId, year, discipline: null, publications: 1, line: aff.line, ...place });
    }
  }
  rows.sort((a, b) => a.year - b.year || a.line - b.line);
  return { rows, problems, openEnds };
}

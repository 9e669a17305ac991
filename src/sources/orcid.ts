/**
 * ORCID affiliations → affiliation timeline rows.
 *
 * Conventions (ORCID affiliations are spans, not publications):
 * - researcher = the ORCID iD (`0000-0002-1825-0097`);
 * - one row per year of each affiliation span, start year to end year inclusive, publications
 *   = 1 ("affiliated here in this year"); two affiliations in one city in one year make one row;
 * - an affiliation without an end date is ongoing: it runs to `openEndYear` when given (the CLI's
 *   `--until`), else to the year the affiliation was last modified, else to the year the record
 *   was last modified, and never ends before it starts. Data-derived, so a run is reproducible;
 * - place: the ROR organisation's city (districts mapped to their city) when the organisation is
 *   disambiguated with a ROR id that the gazetteer holds; otherwise the organisation's address
 *   (city, ISO2 country), which ORCID stores with every affiliation (RINGGOLD and GRID ids are
 *   not mapped: those registries are not bundled). An address without a city falls back to the
 *   organisation's name through the ROR index;
 * - discipline: none (ORCID records carry no field of research);
 * - kinds: `employment` and `education` by default (`ORCID_DEFAULTS.affiliations`).
 *
 * How the SET definitions read such timelines: "publications" are affiliation-years, so an active
 * researcher in 2019–2023 is one affiliated in at least 3 of those years and in at least one of
 * 2021–2023, and academic age runs from the first affiliation year (a degree start, with
 * education included) to the latest. Inflow by the SET rule compares affiliations before 2019
 * with the latest one in the window, as for publication data.
 *
 * Problems: malformed-record, empty-id (no ORCID iD: record skipped), no-institution (no
 * affiliation of the kinds read: record skipped), missing-year (no start year) and bad-year
 * (unreadable year, or an end before the start): that affiliation skipped; unknown-ror
 * (warning: ROR id not in the gazetteer, address used), unknown-institution /
 * ambiguous-institution (no city in the address and the name does not place it).
 */
import { OptionError } from '../errors.ts';
import type { Problem, TimelineRecord } from '../records/types.ts';
import { ORCID_AFFILIATION_KINDS, type OrcidAffiliation, type OrcidAffiliationKind, type OrcidRecord } from './orcid-record.ts';
import { placeInstitution, sourceProblem, yearOf, yearProblem } from './problems.ts';
import { normalizeRorId } from './ror.ts';
import type { Conversion, InstitutionIndex, RecordLocator } from './types.ts';

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
    if (!(ORCID_AFFILIATION_KINDS as readonly string[]).includes(k)) throw new OptionError('affiliations', k, `affiliation kinds among ${ORCID_AFFILIATION_KINDS.join(', ')}`);
  }
  if (affiliations.length === 0) throw new OptionError('affiliations', affiliations, 'at least one affiliation kind');
  const openEndYear = options.openEndYear ?? ORCID_DEFAULTS.openEndYear;
  if (openEndYear !== null && yearOf(openEndYear) === null) throw new OptionError('openEndYear', openEndYear, 'a year in 1900–2100 or null');
  return { affiliations, openEndYear };
}

function placeOf(aff: OrcidAffiliation, index: InstitutionIndex, at: RecordLocator, problems: Problem[]): { city: string; country: string | null } | null {
  const org = aff.organization;
  const ror = org.disambiguatedId && (org.disambiguationSource === 'ROR' || normalizeRorId(org.disambiguatedId)) ? org.disambiguatedId : null;
  const country = org.country ? org.country.toUpperCase() : null;
  if (ror) {
    const found = index.byRor(ror);
    if (found) return { city: found.city, country: found.country };
    if (org.city) {
      const message = `ROR id ${JSON.stringify(ror)} is not in the ROR gazetteer; placed at the organisation's address ${JSON.stringify(org.city)}${country ? `, ${country}` : ''}`;
      problems.push(sourceProblem(at, 'organization.disambiguated-organization-identifier', ror, 'unknown-ror', message, 'warning'));
    }
  }
  if (org.city) return { city: org.city, country };
  const fields = { ror: 'organization.disambiguated-organization-identifier', name: 'organization.name' };
  const place = placeInstitution(index, { ror, name: org.name, country }, at, fields, problems);
  return place ? { city: place.city, country: place.country } : null;
}

function yearOfDate(iso: string | null): number | null {
  return iso ? yearOf(iso.slice(0, 4)) : null;
}

/**
 * Converts one ORCID record into timeline rows.
 *
 * @param record - from `orcidRecordFromXml` or `orcidRecordFromJson`.
 * @param file - the record's file, for locators (each affiliation carries its own line).
 * @param institutions - the ROR index.
 * @param options - {@link ORCID_DEFAULTS}.
 * @example
 * // employment 2016–2018 at a ROR-disambiguated Hong Kong university, then 2019– (record modified 2021) in Shenzhen
 * convertOrcidRecord(record, '0000-0002-1825-0097.xml', index).rows.map((r) => `${r.year} ${r.place}`)
 * // ['2016 Hong Kong', '2017 Hong Kong', '2018 Hong Kong', '2019 Shenzhen', '2020 Shenzhen', '2021 Shenzhen']
 */
export function convertOrcidRecord(record: OrcidRecord, file: string, institutions: InstitutionIndex, options: OrcidOptions = {}): Conversion {
  const { affiliations: kinds, openEndYear } = checkOrcidOptions(options);
  const rows: TimelineRecord[] = [];
  const problems: Problem[] = [];
  const recordAt = { file, line: record.line };
  if (!record.orcid) {
    problems.push(sourceProblem(recordAt, 'orcid-identifier', '', 'empty-id', 'record has no ORCID iD'));
    return { rows, problems };
  }
  const researcherId = record.orcid;
  const wanted = record.affiliations.filter((a) => kinds.includes(a.kind));
  if (wanted.length === 0) {
    problems.push(sourceProblem(recordAt, 'affiliations', '', 'no-institution', `ORCID ${researcherId} has no ${kinds.join(' or ')} affiliation`));
    return { rows, problems };
  }
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
    if (aff.endYear !== null) {
      const e = yearOf(aff.endYear);
      if (e === null || e < start) {
        const why = e === null ? 'not a year' : `before the start year ${start}`;
        problems.push(sourceProblem(at, 'end-date.year', aff.endYear, 'bad-year', `${what}: end year ${aff.endYear} is ${why}`));
        continue;
      }
      end = e;
    } else {
      end = Math.max(start, openEndYear ?? yearOfDate(aff.lastModified) ?? yearOfDate(record.lastModified) ?? start);
    }
    const place = placeOf(aff, institutions, at, problems);
    if (!place) continue;
    for (let year = start; year <= end; year++) {
      const key = `${year}\u0000${place.city}\u0000${place.country}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ researcherId, year, place: place.city, country: place.country, discipline: null, publications: 1, line: aff.line });
    }
  }
  rows.sort((a, b) => a.year - b.year || a.line - b.line);
  return { rows, problems };
}

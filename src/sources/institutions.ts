/**
 * A list of institutions → affiliation timeline rows: a CSV whose rows say that a researcher was
 * at an institution in a year, the institution given by ROR id or by name instead of by city.
 *
 * Columns (header names matched case-insensitively, spaces and dashes read as underscores):
 *   required  researcher_id, year, and institution (a name or a ROR id) or ror (a ROR id)
 *   optional  country (ISO2; narrows name lookups), discipline, publications (default 1)
 *
 * Each institution goes through the ROR index to its city (districts mapped to their city).
 * A name that matches several organisations or none is reported (ambiguous-institution,
 * unknown-institution) with the nearest ROR names as suggestions, never guessed.
 *
 * Problems: missing-column (whole input), empty-id, missing-year / bad-year, bad-count
 * (publications), unknown-ror, unknown-institution, ambiguous-institution (row skipped).
 */
import { describeCountFault, parseCount } from '../records/cells.ts';
import type { Problem } from '../records/types.ts';
import { placeColumns, placeInstitution, sourceProblem, yearOf, yearProblem } from './problems.ts';
import { normalizeRorId } from './ror.ts';
import type { Conversion, InstitutionIndex, RecordLocator } from './types.ts';

/** Canonical columns of an institutions list, in the order they are documented above. */
export const INSTITUTION_FIELDS = ['researcher_id', 'year', 'institution', 'ror', 'country', 'discipline', 'publications'] as const;
/** One of {@link INSTITUTION_FIELDS}. */
export type InstitutionField = (typeof INSTITUTION_FIELDS)[number];

/** Header name → canonical field key (`Researcher ID` → `researcher_id`). */
export function institutionHeaderKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Which column holds each field, or the missing-column problems when a required one is absent.
 *
 * @example institutionColumns(['researcher_id', 'year', 'institution'], at).columns.get('institution') // 2
 */
export function institutionColumns(
  header: readonly string[],
  at: RecordLocator,
): { columns: Map<InstitutionField, number>; problems: Problem[] } {
  const columns = new Map<InstitutionField, number>();
  header.forEach((h, i) => {
    const key = institutionHeaderKey(h) as InstitutionField;
    if ((INSTITUTION_FIELDS as readonly string[]).includes(key) && !columns.has(key)) columns.set(key, i);
  });
  const problems: Problem[] = [];
  const has = header.map((h) => JSON.stringify(h)).join(', ') || 'no columns';
  for (const f of ['researcher_id', 'year'] as const) {
    if (!columns.has(f)) problems.push(sourceProblem(at, f, f, 'missing-column', `no column "${f}"; the header has ${has}`));
  }
  if (!columns.has('institution') && !columns.has('ror')) {
    problems.push(
      sourceProblem(at, 'institution', 'institution', 'missing-column', `no column "institution" or "ror"; the header has ${has}`),
    );
  }
  return { columns, problems };
}

/**
 * Converts one data row of an institutions list.
 *
 * @param cells - the row's fields (as split by a CSV reader).
 * @param columns - from {@link institutionColumns}.
 * @example
 * convertInstitutionRow(['r1', '2020', 'University of Hong Kong'], columns, { file: 'affiliations.csv', line: 2 }, index).rows[0].place // 'Hong Kong'
 */
export function convertInstitutionRow(
  cells: readonly string[],
  columns: ReadonlyMap<InstitutionField, number>,
  at: RecordLocator,
  institutions: InstitutionIndex,
): Conversion {
  const get = (f: InstitutionField) => {
    const i = columns.get(f);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const problems: Problem[] = [];
  const researcherId = get('researcher_id');
  if (researcherId === '') problems.push(sourceProblem(at, 'researcher_id', '', 'empty-id', 'researcher_id is empty'));
  const yearText = get('year');
  const year = yearOf(yearText);
  if (year === null) problems.push(yearProblem(at, 'year', yearText, 'row'));
  let publications = 1;
  if (columns.has('publications')) {
    const parsed = parseCount(get('publications'));
    if (parsed.fault === undefined) publications = parsed.value;
    else {
      const severity = parsed.fault === 'zero' ? 'warning' : 'error';
      problems.push(
        sourceProblem(at, 'publications', get('publications'), 'bad-count', describeCountFault(parsed.fault, 'publications'), severity),
      );
    }
  }
  const institution = get('institution');
  const rorCell = get('ror');
  const ror = rorCell || (normalizeRorId(institution) ? institution : '');
  const name = ror === institution ? '' : institution;
  if (ror === '' && name === '') {
    problems.push(sourceProblem(at, columns.has('institution') ? 'institution' : 'ror', '', 'no-institution', 'row names no institution'));
  }
  if (problems.length > 0) return { rows: [], problems };

  const country = get('country') || null;
  const fields = { ror: columns.has('ror') ? 'ror' : 'institution', name: 'institution' };
  const place = placeInstitution(institutions, { ror: ror || null, name: name || null, country }, at, fields, problems);
  if (!place) return { rows: [], problems };
  const discipline = get('discipline') || null;
  return {
    rows: [
      {
        researcherId,
        year: year!,
        place: place.city,
        country: place.country,
        discipline,
        publications,
        line: at.line,
        ...placeColumns(place),
      },
    ],
    problems,
  };
}

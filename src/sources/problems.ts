/**
 * Problem construction for the source converters, and the institution → timeline-place step they
 * share: an institution either becomes a place (with a warning when only its name placed it) or
 * a problem that says why and suggests the nearest ROR organisations.
 */
import { YEAR_RANGE } from '../records/cells.ts';
import type { Problem, ProblemReason, TimelineRecord } from '../records/types.ts';
import type { InstitutionIndex, InstitutionPlace, InstitutionQuery, RecordLocator } from './types.ts';

/** Builds a problem located at `at`. `value` is shown as text (objects as short JSON). */
export function sourceProblem(
  at: RecordLocator,
  field: string,
  value: unknown,
  reason: ProblemReason,
  message: string,
  severity: Problem['severity'] = 'error',
  suggestions?: string[],
): Problem {
  const p: Problem = {
    file: at.file,
    line: at.line,
    field: at.path ? `${at.path}.${field}` : field,
    value: showValue(value),
    reason,
    severity,
    message,
  };
  if (suggestions && suggestions.length > 0) p.suggestions = suggestions;
  return p;
}

/** Text of a raw value for a problem: absent (undefined, null) as '', strings as is, others as JSON, cut at 200 characters. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A year as a whole number within the toolkit's year range (`YEAR_RANGE`, 1900–2100), from a number or digit text; else null. */
export function yearOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= YEAR_RANGE[0] && n <= YEAR_RANGE[1] ? n : null;
}

/** A year problem: `missing-year` when there is no value, `bad-year` when there is one that is no year. */
export function yearProblem(at: RecordLocator, field: string, value: unknown, what: string): Problem {
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  return missing
    ? sourceProblem(at, field, value, 'missing-year', `${what} has no year`)
    : sourceProblem(
        at,
        field,
        value,
        'bad-year',
        `${what} has year ${showValue(value)}, not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`,
      );
}

/** Text of a string field, trimmed; null when absent, empty or not a string. */
export function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** A JSON object (not an array), or null. */
export function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Places one institution through the index. Returns the place, or null after pushing a problem
 * (located at the ROR id's field or the name's field of `fields`):
 * `unknown-ror` (error when nothing placed it; warning when its name did), `unknown-institution`
 * or `ambiguous-institution` (errors), each with suggestions.
 */
export function placeInstitution(
  index: InstitutionIndex,
  query: InstitutionQuery,
  at: RecordLocator,
  fields: { ror: string; name: string },
  problems: Problem[],
): InstitutionPlace | null {
  const match = index.resolve(query);
  if (match.ok) {
    if (match.note) problems.push(sourceProblem(at, fields.ror, query.ror ?? '', match.note.reason, match.note.message, 'warning'));
    return match.institution;
  }
  const byRor = match.reason === 'unknown-ror';
  const value = byRor ? (query.ror ?? '') : (query.name ?? '');
  problems.push(sourceProblem(at, byRor ? fields.ror : fields.name, value, match.reason, match.message, 'error', match.suggestions));
  return null;
}

/** The part of an OpenAlex id after `https://openalex.org/` (`A5023888391`); other text as is. */
export function shortOpenAlexId(value: string): string {
  return value.replace(/^https?:\/\/(?:www\.)?openalex\.org\//i, '');
}

/**
 * The place columns of a timeline row placed at an institution: ROR id, GeoNames id, coordinates
 * and region, so that analysis places the row where the institution is (see `places/by-geonames.ts`).
 */
export function placeColumns(place: InstitutionPlace): Pick<TimelineRecord, 'rorId' | 'geonamesId' | 'lat' | 'lon' | 'region'> {
  return { rorId: place.rorId, geonamesId: place.geonamesId, lat: place.lat, lon: place.lon, region: place.region };
}

/**
 * OpenAlex authors → affiliation timeline rows, an alternative to reading every work.
 *
 * Schema followed (OpenAlex Author object, docs.openalex.org "Author object"): `id`,
 * `affiliations[]` = `{ institution: dehydrated Institution (id, display_name, ror,
 * country_code), years: [2018, 2019, ...] }`, and `topics[]` with `count` and `field`.
 *
 * Conventions:
 * - researcher = OpenAlex author id without its URL prefix, as for works, so both sources
 *   name the same person the same way;
 * - one row per (year, distinct city) of the affiliations, publications = 1: an author object
 *   says in which years an affiliation was claimed, not on how many works, so a row stands for
 *   "affiliated here in this year" (the same convention as ORCID). The SET rules then read
 *   affiliation-years as publications: active = affiliated in ≥ 3 years of the window and in
 *   ≥ 1 of its last 3; academic age = first to latest affiliation year. `counts_by_year` is not
 *   used: it covers only the last ten years and is not split by institution;
 * - discipline = the field of the author's most frequent topic (largest `count`), for every row.
 *
 * Problems: malformed-record, no-institution (no affiliations: record skipped), missing-year
 * (an affiliation without years), bad-year (one year skipped), unknown-ror, unknown-institution,
 * ambiguous-institution (that affiliation skipped).
 */
import type { Problem, TimelineRecord } from '../records/types.ts';
import { openAlexField } from './openalex-works.ts';
import { objectOf, placeColumns, placeInstitution, shortOpenAlexId, sourceProblem, textOf, yearOf, yearProblem } from './problems.ts';
import { authorConceptDiscipline, legacyAffiliations } from './openalex-legacy.ts';
import type { Conversion, InstitutionIndex, RecordLocator } from './types.ts';

/** Field of the author's most frequent topic (first of the largest `count`), or null. */
export function authorField(topics: unknown): string | null {
  if (!Array.isArray(topics)) return null;
  let best: { field: string; count: number } | null = null;
  for (const t of topics) {
    const field = openAlexField(t);
    if (!field) continue;
    const raw = objectOf(t)?.count;
    const count = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
    if (!best || count > best.count) best = { field, count };
  }
  return best?.field ?? null;
}

/**
 * Converts one OpenAlex Author object into timeline rows.
 *
 * @param author - the parsed JSON of one author.
 * @param at - the record's file and line (or ordinal).
 * @param institutions - the ROR index.
 * @example
 * convertOpenAlexAuthor({ id: 'https://openalex.org/A1', affiliations: [
 *   { institution: { ror: 'https://ror.org/02zhqgq86', display_name: 'University of Hong Kong', country_code: 'HK' }, years: [2020, 2019] }] },
 *   { file: 'authors.jsonl', line: 1 }, index).rows.map((r) => `${r.year} ${r.place}`)
 * // ['2019 Hong Kong', '2020 Hong Kong']
 */
export function convertOpenAlexAuthor(author: unknown, at: RecordLocator, institutions: InstitutionIndex): Conversion {
  const rows: TimelineRecord[] = [];
  const problems: Problem[] = [];
  const a = objectOf(author);
  if (!a) {
    problems.push(sourceProblem(at, 'author', author, 'malformed-record', 'record is not a JSON object (an OpenAlex Author)'));
    return { rows, problems };
  }
  const rawId = textOf(a.id);
  if (!rawId) {
    problems.push(sourceProblem(at, 'id', textOf(a.display_name) ?? '', 'empty-id', 'author has no id'));
    return { rows, problems };
  }
  const researcherId = shortOpenAlexId(rawId);
  let affiliations: unknown[] = Array.isArray(a.affiliations) ? a.affiliations : [];
  if (affiliations.length === 0) {
    const legacy = legacyAffiliations(a);
    if (!legacy) {
      problems.push(sourceProblem(at, 'affiliations', '', 'no-institution', `author ${researcherId} has no affiliations with years`));
      return { rows, problems };
    }
    const message = `author ${researcherId} has no affiliations (an Author before October 2023); placed in ${legacy.year}, its latest year with works, at its ${legacy.from}`;
    problems.push(sourceProblem(at, legacy.from, legacy.year, 'legacy-field', message, 'warning'));
    affiliations = legacy.affiliations;
  }
  let discipline = authorField(a.topics);
  if (discipline === null) {
    const concept = authorConceptDiscipline(a);
    if (concept.discipline !== null) {
      discipline = concept.discipline;
      const message = `author ${researcherId} has no topics; discipline ${JSON.stringify(discipline)} taken from x_concepts (its best level-0 concept, mapped to an OpenAlex field)`;
      problems.push(sourceProblem(at, 'x_concepts', discipline, 'legacy-field', message, 'warning'));
    }
  }
  const seen = new Set<string>();
  const out: TimelineRecord[] = [];

  affiliations.forEach((raw, i) => {
    const field = `affiliations[${i}]`;
    const aff = objectOf(raw);
    const inst = objectOf(aff?.institution);
    const ror = textOf(inst?.ror);
    const name = textOf(inst?.display_name);
    if (!aff || !inst || (!ror && !name)) {
      problems.push(
        sourceProblem(
          at,
          `${field}.institution`,
          raw,
          'malformed-record',
          `author ${researcherId}: affiliation ${i} has no institution with a ROR id or name`,
        ),
      );
      return;
    }
    if (!Array.isArray(aff.years) || aff.years.length === 0) {
      problems.push(yearProblem(at, `${field}.years`, undefined, `author ${researcherId}: affiliation with ${name ?? ror}`));
      return;
    }
    const fields = { ror: `${field}.institution.ror`, name: `${field}.institution.display_name` };
    const place = placeInstitution(institutions, { ror, name, country: textOf(inst.country_code) }, at, fields, problems);
    if (!place) return;
    aff.years.forEach((rawYear, k) => {
      const year = yearOf(rawYear);
      if (year === null) {
        problems.push(yearProblem(at, `${field}.years[${k}]`, rawYear, `author ${researcherId}: affiliation with ${place.name}`));
        return;
      }
      const key = `${year}\u0000${place.city}\u0000${place.country}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({
        researcherId,
        year,
        place: place.city,
        country: place.country,
        discipline,
        publications: 1,
        line: at.line,
        ...placeColumns(place),
      });
    });
  });
  // Years in order reads naturally and makes the output independent of OpenAlex's newest-first lists.
  out.sort((x, y) => x.year - y.year);
  rows.push(...out);
  return { rows, problems };
}

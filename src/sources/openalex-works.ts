/**
 * OpenAlex works → affiliation timeline rows.
 *
 * Schema followed (OpenAlex Work object, docs.openalex.org "Work object" / "Authorship object"):
 * `publication_year`; `authorships[]` with `author.id` and `institutions[]` of dehydrated
 * Institution objects (`id`, `display_name`, `ror`, `country_code`); `primary_topic.field`
 * (`display_name`, e.g. "Computer Science"). The snapshot's JSON lines and the API's result
 * pages carry the same Work object.
 *
 * Conventions:
 * - researcher = OpenAlex author id without its URL prefix (`A5023888391`);
 * - discipline = `primary_topic.field.display_name`. OpenAlex's 26 fields are the ASJC subject
 *   areas that the SET report's RAI uses ("Medicine", "Computer Science", "Biochemistry,
 *   Genetics and Molecular Biology" ...; ASJC's "Multidisciplinary" has no OpenAlex field), so
 *   RAI on OpenAlex data is comparable by name. Older works: the first of `topics`, else the
 *   best level-0 concept mapped to a field (`openalex-legacy.ts`), with a `legacy-field` warning;
 * - an authorship without institutions but with `countries` gives one row per country (place =
 *   the ISO2 code), usable at country level, with a `country-only` warning;
 * - place = the city of each institution through the ROR index (districts mapped to their city);
 * - one row per distinct city among an authorship's institutions, publications = 1: a work
 *   counts once in each city the author signed it from, so the per-year place rule (most
 *   publications) prefers the city an author publishes from most often. Two institutions in one
 *   city (Harvard and MIT, both Cambridge) make one row, not two. Fractional counting (1/n per
 *   city) is not used: the SET rules count publications affiliated with a place, not shares.
 *
 * Problems (per record locator): malformed-record (not an object, authorships not a list, an
 * institution without ROR id or name), missing-year / bad-year (record skipped), no-authors,
 * empty-id (authorship without author id), no-institution (authorship without institutions),
 * unknown-ror, unknown-institution, ambiguous-institution (that institution skipped).
 */
import type { Problem, TimelineRecord } from '../records/types.ts';
import { objectOf, placeColumns, placeInstitution, shortOpenAlexId, sourceProblem, textOf, yearOf, yearProblem } from './problems.ts';
import { workDiscipline } from './openalex-legacy.ts';
import type { Conversion, InstitutionIndex, RecordLocator } from './types.ts';

/** OpenAlex field of a record's topic object (`primary_topic`, or an author's `topics[0]`), or null. */
export function openAlexField(topic: unknown): string | null {
  return textOf(objectOf(objectOf(topic)?.field)?.display_name);
}

/**
 * Converts one OpenAlex Work object into timeline rows.
 *
 * @param work - the parsed JSON of one work (a JSON line, or one element of a page's `results`).
 * @param at - the record's file and line (or ordinal), written into its rows and problems.
 * @param institutions - the ROR index that places institutions.
 * @returns rows (one per author and distinct city, publications 1) and problems.
 * @example
 * convertOpenAlexWork({ id: 'https://openalex.org/W1', publication_year: 2020,
 *   primary_topic: { field: { display_name: 'Computer Science' } },
 *   authorships: [{ author: { id: 'https://openalex.org/A1' },
 *     institutions: [{ ror: 'https://ror.org/02zhqgq86', display_name: 'University of Hong Kong', country_code: 'HK' }] }] },
 *   { file: 'works.jsonl', line: 1 }, index).rows
 * // [{ researcherId: 'A1', year: 2020, place: 'Hong Kong', country: 'HK', discipline: 'Computer Science', publications: 1, line: 1 }]
 */
export function convertOpenAlexWork(work: unknown, at: RecordLocator, institutions: InstitutionIndex): Conversion {
  const rows: TimelineRecord[] = [];
  const problems: Problem[] = [];
  const w = objectOf(work);
  if (!w) {
    problems.push(sourceProblem(at, 'work', work, 'malformed-record', 'record is not a JSON object (an OpenAlex Work)'));
    return { rows, problems };
  }
  const workId = shortOpenAlexId(textOf(w.id) ?? '(no id)');
  const year = yearOf(w.publication_year);
  if (year === null) {
    problems.push(yearProblem(at, 'publication_year', w.publication_year, `work ${workId}`));
    return { rows, problems };
  }
  if (!Array.isArray(w.authorships)) {
    problems.push(sourceProblem(at, 'authorships', w.authorships, 'malformed-record', `work ${workId}: authorships is not a list`));
    return { rows, problems };
  }
  if (w.authorships.length === 0) {
    problems.push(sourceProblem(at, 'authorships', '', 'no-authors', `work ${workId} has no authorships`));
    return { rows, problems };
  }
  const { discipline, from } = workDiscipline(w);
  if (from !== null && from !== 'primary_topic') {
    const message = `work ${workId} has no primary_topic; discipline ${JSON.stringify(discipline)} taken from ${from}${from === 'concepts' ? ' (its best level-0 concept, mapped to an OpenAlex field)' : ''}`;
    problems.push(sourceProblem(at, from, discipline, 'legacy-field', message, 'warning'));
  }
  const seen = new Set<string>();

  w.authorships.forEach((raw, i) => {
    const field = `authorships[${i}]`;
    const a = objectOf(raw);
    if (!a) {
      problems.push(sourceProblem(at, field, raw, 'malformed-record', `work ${workId}: authorship ${i} is not an object`));
      return;
    }
    const authorId = textOf(objectOf(a.author)?.id);
    if (!authorId) {
      const name = textOf(objectOf(a.author)?.display_name) ?? textOf(a.raw_author_name) ?? '';
      problems.push(sourceProblem(at, `${field}.author.id`, name, 'empty-id', `work ${workId}: authorship ${i} has no author id`));
      return;
    }
    const researcherId = shortOpenAlexId(authorId);
    const list = a.institutions;
    const countries = Array.isArray(a.countries)
      ? a.countries.map((c) => textOf(c)?.toUpperCase()).filter((c): c is string => !!c && /^[A-Z]{2}$/.test(c))
      : [];
    if ((!Array.isArray(list) || list.length === 0) && countries.length > 0) {
      // No institution, but OpenAlex knows the country: usable at country level only.
      const message = `work ${workId}: author ${researcherId} has no institution; placed in ${countries.join(', ')} from its countries, usable at --level country only`;
      problems.push(sourceProblem(at, `${field}.countries`, countries.join(';'), 'country-only', message, 'warning'));
      for (const country of new Set(countries)) {
        const key = `${researcherId}\u0000${country}\u0000${country}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ researcherId, year, place: country, country, discipline, publications: 1, line: at.line });
      }
      return;
    }
    if (!Array.isArray(list) || list.length === 0) {
      const rawStrings = Array.isArray(a.raw_affiliation_strings)
        ? a.raw_affiliation_strings.filter((s) => typeof s === 'string').join('; ')
        : '';
      problems.push(
        sourceProblem(
          at,
          `${field}.institutions`,
          rawStrings,
          'no-institution',
          `work ${workId}: author ${researcherId} has no institution`,
        ),
      );
      return;
    }
    list.forEach((rawInst, j) => {
      const instField = `${field}.institutions[${j}]`;
      const inst = objectOf(rawInst);
      const ror = textOf(inst?.ror);
      const name = textOf(inst?.display_name);
      if (!inst || (!ror && !name)) {
        problems.push(sourceProblem(at, instField, rawInst, 'malformed-record', `work ${workId}: institution has neither ROR id nor name`));
        return;
      }
      const fields = { ror: `${instField}.ror`, name: `${instField}.display_name` };
      const place = placeInstitution(institutions, { ror, name, country: textOf(inst.country_code) }, at, fields, problems);
      if (!place) return;
      const key = `${researcherId}\u0000${place.city}\u0000${place.country}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push({
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
  return { rows, problems };
}

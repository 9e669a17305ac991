/**
 * OpenAlex's older record shapes, mapped onto what the importers read, each use reported as a
 * `legacy-field` warning that names the field used:
 * - discipline: works before `primary_topic` (2023–24) carry `topics` (field of the first, the
 *   best scored) or only `concepts`; authors before `topics` carry `x_concepts`. A level-0 concept
 *   (MAG's 19 fields of study) is mapped to the OpenAlex field it mostly became
 *   ({@link CONCEPT_FIELDS}; several concepts share a field: Sociology, Political science and
 *   Geography → Social Sciences; Philosophy, History and Art → Arts and Humanities);
 * - place of an author: before October 2023 an Author has no `affiliations[]`, only
 *   `last_known_institution` (later `last_known_institutions[]`): it places the author in the
 *   latest year with works (`counts_by_year`), else the year of `updated_date`. One year only:
 *   the earlier years' institutions are unknown, and spreading the last one over them would
 *   invent a career without moves.
 * `host_venue` / `alternate_host_venues` (works before 2023) hold the venue, which no timeline
 * needs: they are ignored, as `primary_location` is.
 */
import { objectOf, textOf, yearOf } from './problems.ts';

/** MAG level-0 concept (lower case) → the OpenAlex field (ASJC subject area) it maps to. */
export const CONCEPT_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  medicine: 'Medicine',
  biology: 'Biochemistry, Genetics and Molecular Biology',
  chemistry: 'Chemistry',
  'computer science': 'Computer Science',
  physics: 'Physics and Astronomy',
  'materials science': 'Materials Science',
  mathematics: 'Mathematics',
  psychology: 'Psychology',
  engineering: 'Engineering',
  'environmental science': 'Environmental Science',
  economics: 'Economics, Econometrics and Finance',
  business: 'Business, Management and Accounting',
  sociology: 'Social Sciences',
  'political science': 'Social Sciences',
  geography: 'Social Sciences',
  philosophy: 'Arts and Humanities',
  history: 'Arts and Humanities',
  art: 'Arts and Humanities',
  geology: 'Earth and Planetary Sciences',
});

/** A discipline and the field of the record it came from (`primary_topic`, `topics[0]`, `concepts`, `x_concepts`). */
export interface DisciplineSource {
  discipline: string | null;
  /** The record field used; null when none gave a discipline. */
  from: string | null;
}

const fieldOf = (topic: unknown): string | null => textOf(objectOf(objectOf(topic)?.field)?.display_name);

/** The best-scored level-0 concept of a `concepts` / `x_concepts` list, mapped to its field. */
export function conceptField(concepts: unknown): string | null {
  if (!Array.isArray(concepts)) return null;
  let best: { field: string; score: number } | null = null;
  for (const c of concepts) {
    const o = objectOf(c);
    if (!o || Number(o.level) !== 0) continue;
    const field = CONCEPT_FIELDS[(textOf(o.display_name) ?? '').toLowerCase()];
    const score = typeof o.score === 'number' && Number.isFinite(o.score) ? o.score : 0;
    if (field && (!best || score > best.score)) best = { field, score };
  }
  return best?.field ?? null;
}

/**
 * A work's discipline: `primary_topic.field`, else the first of `topics`, else its level-0 concepts.
 *
 * @example workDiscipline({ concepts: [{ display_name: 'Physics', level: 0, score: 0.9 }] }) // { discipline: 'Physics and Astronomy', from: 'concepts' }
 */
export function workDiscipline(work: Record<string, unknown>): DisciplineSource {
  const primary = fieldOf(work.primary_topic);
  if (primary) return { discipline: primary, from: 'primary_topic' };
  const first = Array.isArray(work.topics) ? fieldOf(work.topics[0]) : null;
  if (first) return { discipline: first, from: 'topics[0]' };
  const concept = conceptField(work.concepts);
  return concept ? { discipline: concept, from: 'concepts' } : { discipline: null, from: null };
}

/** An author's discipline from `x_concepts` (used when the author has no `topics`). */
export function authorConceptDiscipline(author: Record<string, unknown>): DisciplineSource {
  const concept = conceptField(author.x_concepts);
  return concept ? { discipline: concept, from: 'x_concepts' } : { discipline: null, from: null };
}

/** Affiliations of an older Author: its last known institution(s) in one year, and the field they came from. */
export interface LegacyAffiliations {
  affiliations: { institution: Record<string, unknown>; years: number[] }[];
  from: 'last_known_institutions' | 'last_known_institution';
  year: number;
}

/**
 * `last_known_institutions[]` or `last_known_institution` as affiliations of one year: the latest
 * year of `counts_by_year` with works, else the year of `updated_date`. Null when the author has
 * neither, or no year can be told.
 */
export function legacyAffiliations(author: Record<string, unknown>): LegacyAffiliations | null {
  const list = Array.isArray(author.last_known_institutions) ? author.last_known_institutions.map(objectOf).filter((x) => x !== null) : [];
  const single = objectOf(author.last_known_institution);
  const institutions = list.length > 0 ? list : single ? [single] : [];
  if (institutions.length === 0) return null;
  let year: number | null = null;
  if (Array.isArray(author.counts_by_year)) {
    for (const c of author.counts_by_year) {
      const o = objectOf(c);
      const y = yearOf(o?.year);
      if (y !== null && Number(o?.works_count) > 0 && (year === null || y > year)) year = y;
    }
  }
  year ??= yearOf((textOf(author.updated_date) ?? '').slice(0, 4));
  if (year === null) return null;
  return {
    affiliations: institutions.map((institution) => ({ institution, years: [year!] })),
    from: list.length > 0 ? 'last_known_institutions' : 'last_known_institution',
    year,
  };
}

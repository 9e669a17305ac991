/**
 * Deduplicated summaries of reading problems: one entry per reason with its count and the first
 * few examples, instead of one line per bad row (the way Observable Plot reports non-fatal data
 * problems once).
 */
import type { Problem, ProblemReason } from './types.ts';
import { compareKeys } from '../compare-keys.ts';

/** How many examples each reason keeps. */
export const EXAMPLES_PER_REASON = 3;

/** The problems of one reason. */
export interface ProblemGroup {
  reason: ProblemReason;
  count: number;
  /** Of `count`, how many are errors (row skipped) and how many warnings (row kept, or a zero count skipped). */
  errors: number;
  warnings: number;
  /** The first problems of this reason, in input order. */
  examples: Problem[];
}

/** Problems counted by severity and grouped by reason. */
export interface ProblemSummary {
  total: number;
  errors: number;
  warnings: number;
  /** One group per reason, most frequent first (ties by reason name). */
  byReason: ProblemGroup[];
}

/**
 * Counts problems by reason and keeps the first {@link EXAMPLES_PER_REASON} of each.
 *
 * @example
 * summariseProblems(problems)
 * // { total: 5, errors: 4, warnings: 1, byReason: [{ reason: 'bad-year', count: 3, errors: 3, warnings: 0, examples: [...] }, ...] }
 */
export function summariseProblems(problems: readonly Problem[]): ProblemSummary {
  const groups = new Map<ProblemReason, ProblemGroup>();
  let errors = 0;
  for (const p of problems) {
    let g = groups.get(p.reason);
    if (!g) {
      g = { reason: p.reason, count: 0, errors: 0, warnings: 0, examples: [] };
      groups.set(p.reason, g);
    }
    g.count++;
    if (p.severity === 'error') {
      g.errors++;
      errors++;
    } else g.warnings++;
    if (g.examples.length < EXAMPLES_PER_REASON) g.examples.push(p);
  }
  const byReason = [...groups.values()].sort((a, b) => b.count - a.count || compareKeys(a.reason, b.reason));
  return { total: problems.length, errors, warnings: problems.length - errors, byReason };
}

/**
 * One line per reason: its errors (rows skipped) and warnings, and the first examples as
 * `file:line field="value"`. Empty string when there is no problem.
 *
 * @example
 * formatProblemSummary(summariseProblems(problems))
 * // 'bad-year: 3 errors, e.g. moves.csv:4 year="20x9", moves.csv:9 year="1850", moves.csv:12 year=""\n...'
 */
export function formatProblemSummary(summary: ProblemSummary): string {
  return summary.byReason
    .map((g) => {
      const what = [plural(g.errors, 'error'), plural(g.warnings, 'warning')].filter(Boolean).join(', ');
      const examples = g.examples.map(formatLocation).join(', ');
      const more = g.count > g.examples.length ? ', …' : '';
      return `${g.reason}: ${what}, e.g. ${examples}${more}`;
    })
    .join('\n');
}

/** `file:line field="value"`, the location of one problem (a long value clipped, see {@link clipText}). */
export function formatLocation(p: Problem): string {
  return `${p.file}:${p.line} ${p.field}=${JSON.stringify(clipText(p.value))}`;
}

/** Longest value or message written out whole (problems.csv, stderr). */
export const MAX_SHOWN_CHARS = 200;

/**
 * `text` when it is at most `max` characters, else its start and how long it was: a 1 MB cell
 * is named in a problem, not copied into every place the problem is shown.
 * @example clipText('x'.repeat(300)) // 'xxx…xxx… (300 characters)'
 */
export function clipText(text: string, max = MAX_SHOWN_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `problems.csv`: every problem found while reading and resolving the input, one per row,
 * so that a user can open it beside the input and fix the rows it names.
 */
import type { Problem, ProblemReason } from '../records/types.ts';
import type { Table } from './csv.ts';
import { compareKeys } from '../compare-keys.ts';
import { clipText } from '../records/problems.ts';

/** A message quoting a long value quotes it clipped; any message is at most a few hundred characters. */
function clipMessage(message: string, value: string): string {
  const quoted = value.length > 200 ? message.split(value).join(clipText(value)) : message;
  return clipText(quoted, 600);
}

/** The columns of `problems.csv`, in order. */
export const PROBLEMS_COLUMNS: readonly string[] = ['file', 'line', 'field', 'value', 'reason', 'severity', 'message', 'suggestions'];

/**
 * The problems table: file, line (1-based, header = 1), field, value, reason, severity
 * (error = row skipped, warning = row kept), message, suggestions (`;`-joined, nearest first).
 * Values longer than 200 characters are clipped (`clipText`), and so are the messages quoting them.
 * Sorted by file then line; problems on the same line keep their order.
 *
 * @example
 * problemsTable([{ file: 'moves.csv', line: 7, field: 'to', value: 'Cambrige', reason: 'unknown-place',
 *   severity: 'error', message: '…', suggestions: ['Cambridge, GB', 'Boston'] }]).rows[0].suggestions
 * // 'Cambridge, GB;Boston'
 */
export function problemsTable(problems: readonly Problem[]): Table {
  const indexed = problems.map((p, i) => ({ p, i }));
  indexed.sort((a, b) => compareKeys(a.p.file, b.p.file) || a.p.line - b.p.line || a.i - b.i);
  const rows = indexed.map(({ p }) => ({
    file: p.file,
    line: p.line,
    field: p.field,
    value: clipText(p.value),
    reason: p.reason,
    severity: p.severity,
    message: clipMessage(p.message, p.value),
    suggestions: p.suggestions && p.suggestions.length > 0 ? p.suggestions.join(';') : null,
  }));
  return { columns: [...PROBLEMS_COLUMNS], rows };
}

/**
 * Problems counted by reason, keys in alphabetical order (the manifest's `problemsByReason`).
 *
 * @example countProblemsByReason(problems) // { 'self-move': 3, 'unknown-place': 12 }
 */
export function countProblemsByReason(problems: readonly Problem[]): Partial<Record<ProblemReason, number>> {
  const counts = new Map<ProblemReason, number>();
  for (const p of problems) counts.set(p.reason, (counts.get(p.reason) ?? 0) + 1);
  const out: Partial<Record<ProblemReason, number>> = {};
  for (const reason of [...counts.keys()].sort(compareKeys)) out[reason] = counts.get(reason);
  return out;
}

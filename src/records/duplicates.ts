/**
 * Rows that repeat an earlier row field for field. Each still counts (a moves table may hold the
 * same move twice, an aggregated table the same flow twice), so they are not problems; but a file
 * concatenated with itself doubles every figure silently, so their number is said once, as a note.
 * Timelines without a `publications` column are left out: there one row is one publication and
 * repeated rows are expected.
 */
import type { MoveRecord, RecordKind, TimelineRecord } from './types.ts';

/**
 * How many of `records` repeat an earlier record in every field (line aside).
 * @example countDuplicateRecords([{...move, line: 2}, {...move, line: 3}]) // 1
 */
export function countDuplicateRecords(records: ReadonlyArray<MoveRecord | TimelineRecord>): number {
  const seen = new Set<string>();
  let n = 0;
  for (const r of records) {
    const key =
      'from' in r
        ? JSON.stringify([r.researcherId, r.from, r.fromCountry, r.to, r.toCountry, r.year, r.discipline, r.count])
        : JSON.stringify([r.researcherId, r.place, r.country, r.year, r.discipline, r.publications]);
    if (seen.has(key)) n++;
    else seen.add(key);
  }
  return n;
}

/** The note for `n` repeated rows, or null when there is nothing to say (see the module comment). */
export function duplicateNote(n: number, kind: RecordKind, hasCountColumn: boolean): string | null {
  if (n === 0 || (kind === 'timelines' && !hasCountColumn)) return null;
  return `${n} row${n === 1 ? '' : 's'} repeat an earlier row field for field and count again; if the file holds some rows twice (two exports concatenated), remove them`;
}

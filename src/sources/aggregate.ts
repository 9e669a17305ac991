/**
 * Folding converter rows into canonical timeline rows: one row per (researcher, year, place,
 * country, discipline) with the publications summed, sorted by those keys. Sums per place and
 * year are what the timeline analyses use, so folding changes no result; it keeps the output of
 * a multi-gigabyte works file to one row per author, year and city instead of one per work.
 */
import type { TimelineRecord } from '../records/types.ts';

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Orders timeline rows by researcher, year, place, country, discipline (code-point order; null first). */
export function compareTimelineRecords(a: TimelineRecord, b: TimelineRecord): number {
  return (
    compareText(a.researcherId, b.researcherId) ||
    a.year - b.year ||
    compareText(a.place, b.place) ||
    compareText(a.country, b.country) ||
    compareText(a.discipline, b.discipline)
  );
}

/**
 * Streaming fold: `add` rows as they come, `result()` once at the end.
 * Each folded row keeps the smallest `line` of the rows it sums.
 *
 * @example
 * const fold = createTimelineFold();
 * fold.add({ researcherId: 'A1', year: 2020, place: 'Boston', country: 'US', discipline: null, publications: 1, line: 3 });
 * fold.add({ researcherId: 'A1', year: 2020, place: 'Boston', country: 'US', discipline: null, publications: 1, line: 9 });
 * fold.result() // [{ researcherId: 'A1', year: 2020, place: 'Boston', ..., publications: 2, line: 3 }]
 */
export function createTimelineFold(): { add(row: TimelineRecord): void; readonly size: number; result(): TimelineRecord[] } {
  const rows = new Map<string, TimelineRecord>();
  return {
    add(row) {
      // Two cities of one name (Newark, DE and Newark, NJ) stay apart by their GeoNames ids.
      const key = `${row.researcherId}\u0000${row.year}\u0000${row.place}\u0000${row.country ?? ''}\u0001${row.discipline ?? ''}\u0001${row.geonamesId ?? ''}`;
      const prev = rows.get(key);
      if (prev) {
        prev.publications += row.publications;
        if (row.line < prev.line) prev.line = row.line;
      } else rows.set(key, { ...row });
    },
    get size() {
      return rows.size;
    },
    result() {
      return [...rows.values()].sort(compareTimelineRecords);
    },
  };
}

/** {@link createTimelineFold} over a whole list. */
export function foldTimelines(rows: Iterable<TimelineRecord>): TimelineRecord[] {
  const fold = createTimelineFold();
  for (const r of rows) fold.add(r);
  return fold.result();
}

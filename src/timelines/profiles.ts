/**
 * Walking timeline rows researcher by researcher, each reduced to one place per publication
 * year and a primary discipline.
 *
 * One place per researcher-year: the place with the most publications that year (rows at the
 * same place add up); on a tie, the place chosen for the researcher's previous publication year
 * when it is among the tied places (a researcher who keeps publishing from the same two places
 * does not flip between them); otherwise the alphabetically first place id (UTF-16 code-unit
 * order, so the result does not depend on the locale).
 *
 * Primary discipline: the discipline with the most publications over the whole timeline; ties
 * → alphabetically first; none when no row has a discipline.
 *
 * Rows are grouped with two counting sorts (by year, then stably by researcher), so the walk is
 * O(rows + researchers + year span) with no comparison sort and no allocation per row.
 */
import { compareText } from '../graph/breakdowns.ts';
import type { ResearcherProfile } from './researcher.ts';
import type { TimelineRows } from './rows.ts';

/** The profile handed to a visitor; its arrays are reused between researchers (copy what you keep). */
export interface ProfileView extends ResearcherProfile<number> {
  /** Index into `rows.researcherIds`. */
  researcher: number;
  /** Index into `rows.disciplines`, or -1. */
  discipline: number;
  years: Int32Array;
  publications: Int32Array;
  places: Int32Array;
  rowYears: Int32Array;
  rowPlaces: Int32Array;
}

/** Rank of each id in code-unit order: `rank[i] < rank[j]` iff `ids[i] < ids[j]`. */
export function rankIds(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => compareText(ids[a]!, ids[b]!));
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** Row indices ordered by researcher, then year (then input order); `start[r]..start[r+1]` are researcher r's rows. */
export function groupRows(rows: TimelineRows): { order: Int32Array; start: Int32Array } {
  const n = rows.length;
  const R = rows.researcherIds.length;
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (let i = 0; i < n; i++) {
    const y = rows.year[i]!;
    if (y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
  }
  const byYear = new Int32Array(n);
  if (n > 0) {
    const span = maxYear - minYear + 1;
    const yearStart = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) yearStart[rows.year[i]! - minYear + 1]!++;
    for (let k = 0; k < span; k++) yearStart[k + 1]! += yearStart[k]!;
    for (let i = 0; i < n; i++) byYear[yearStart[rows.year[i]! - minYear]!++] = i;
  }
  const start = new Int32Array(R + 1);
  for (let i = 0; i < n; i++) start[rows.researcher[i]! + 1]!++;
  for (let r = 0; r < R; r++) start[r + 1]! += start[r]!;
  const next = start.slice(0, R);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byYear[k]!;
    order[next[rows.researcher[i]!]!++] = i;
  }
  return { order, start };
}

/**
 * Calls `visit` once per researcher (in index order) with their profile. The view's arrays are
 * scratch buffers reused for the next researcher.
 *
 * @example
 * forEachProfile(rows, (p) => console.log(rows.researcherIds[p.researcher], p.length));
 */
export function forEachProfile(rows: TimelineRows, visit: (profile: ProfileView) => void): void {
  const { order, start } = groupRows(rows);
  const R = rows.researcherIds.length;
  let maxRows = 0;
  for (let r = 0; r < R; r++) maxRows = Math.max(maxRows, start[r + 1]! - start[r]!);

  const placeRank = rankIds(rows.placeIds);
  const disciplineRank = rankIds(rows.disciplines);
  const placePubs = new Float64Array(rows.placeIds.length);
  const disciplinePubs = new Float64Array(rows.disciplines.length);
  const touched = new Int32Array(Math.max(maxRows, 1));

  const view: ProfileView = {
    researcher: 0,
    discipline: -1,
    length: 0,
    years: new Int32Array(maxRows),
    publications: new Int32Array(maxRows),
    places: new Int32Array(maxRows),
    rowCount: 0,
    rowYears: new Int32Array(maxRows),
    rowPlaces: new Int32Array(maxRows),
  };

  for (let r = 0; r < R; r++) {
    const s = start[r]!;
    const e = start[r + 1]!;
    if (s === e) continue;
    view.researcher = r;
    view.rowCount = e - s;

    // Primary discipline.
    let nd = 0;
    for (let k = s; k < e; k++) {
      const i = order[k]!;
      view.rowYears[k - s] = rows.year[i]!;
      view.rowPlaces[k - s] = rows.place[i]!;
      const d = rows.discipline[i]!;
      if (d < 0) continue;
      if (disciplinePubs[d] === 0) touched[nd++] = d;
      disciplinePubs[d]! += rows.publications[i]!;
    }
    let best = -1;
    for (let t = 0; t < nd; t++) {
      const d = touched[t]!;
      if (
        best < 0 ||
        disciplinePubs[d]! > disciplinePubs[best]! ||
        (disciplinePubs[d] === disciplinePubs[best] && disciplineRank[d]! < disciplineRank[best]!)
      )
        best = d;
    }
    for (let t = 0; t < nd; t++) disciplinePubs[touched[t]!] = 0;
    view.discipline = best;

    // One place per publication year.
    let length = 0;
    let previous = -1;
    for (let k = s; k < e; ) {
      const year = rows.year[order[k]!]!;
      let np = 0;
      let total = 0;
      for (; k < e && rows.year[order[k]!] === year; k++) {
        const i = order[k]!;
        const p = rows.place[i]!;
        if (placePubs[p] === 0) touched[np++] = p;
        placePubs[p]! += rows.publications[i]!;
        total += rows.publications[i]!;
      }
      let chosen = touched[0]!;
      for (let t = 1; t < np; t++) {
        const p = touched[t]!;
        const a = placePubs[p]!;
        const b = placePubs[chosen]!;
        if (a > b) chosen = p;
        else if (a === b && chosen !== previous && (p === previous || placeRank[p]! < placeRank[chosen]!)) chosen = p;
      }
      for (let t = 0; t < np; t++) placePubs[touched[t]!] = 0;
      view.years[length] = year;
      view.publications[length] = total;
      view.places[length] = chosen;
      length++;
      previous = chosen;
    }
    view.length = length;
    visit(view);
  }
}

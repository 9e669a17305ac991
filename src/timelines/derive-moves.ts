/**
 * Moves from affiliation timelines (domain.md "Move": consecutive affiliations in different
 * places). With one place per publication year (see `profiles.ts`), a move is a change of place
 * between consecutive publication years: years without publications are skipped, not gaps that
 * break the chain (A 2015, nothing 2016–2017, B 2018 is one move A → B in 2018).
 *   year        the arrival year (the first year at the new place)
 *   discipline  the researcher's primary discipline (most publications overall; ties alphabetical)
 *   count       1
 * Moves are derived over the whole timeline; the graph's `years` option restricts them later.
 */
import type { ResolvedMove } from '../records/types.ts';
import { forEachProfile, type ProfileView } from './profiles.ts';
import type { TimelineRows } from './rows.ts';

/** Appends the moves of one profile to `out`. */
export function profileMoves(view: ProfileView, rows: TimelineRows, out: ResolvedMove[]): void {
  const researcherId = rows.researcherIds[view.researcher]!;
  const discipline = view.discipline < 0 ? null : rows.disciplines[view.discipline]!;
  for (let k = 1; k < view.length; k++) {
    const from = view.places[k - 1]!;
    const to = view.places[k]!;
    if (from === to) continue;
    out.push({ researcherId, source: rows.placeIds[from]!, target: rows.placeIds[to]!, year: view.years[k]!, discipline, count: 1 });
  }
}

/**
 * Every move in the timelines, researcher by researcher (input order of first appearance), each
 * researcher's moves by year.
 *
 * @example
 * deriveMoves(timelineRows([
 *   { researcherId: 'r1', year: 2015, place: 'Beijing' },
 *   { researcherId: 'r1', year: 2018, place: 'Shenzhen' },
 * ]));
 * // [{ researcherId: 'r1', source: 'Beijing', target: 'Shenzhen', year: 2018, discipline: null, count: 1 }]
 */
export function deriveMoves(rows: TimelineRows): ResolvedMove[] {
  const out: ResolvedMove[] = [];
  forEachProfile(rows, (view) => profileMoves(view, rows, out));
  return out;
}

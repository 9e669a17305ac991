/**
 * Resolving parsed moves to places (graph nodes) through a `PlaceResolver`.
 *
 * A row whose `from` or `to` does not resolve is skipped with a problem carrying the resolver's
 * reason and suggestions; an assumption (e.g. no country given) is a warning and the row is kept.
 * A move whose two ends resolve to the same place at this level (Cambridge US → Boston at metro
 * level, or two cities of one country at country level) is not a flow: it is counted in
 * `movesWithinPlace` (by `count`), not reported as a problem.
 */
import type { Place, PlaceResolution, PlaceResolver } from '../places/types.ts';
import type { MoveRecord, Problem, ResolvedMove } from './types.ts';

/** What {@link resolveMoves} returns. */
export interface ResolvedMoves {
  moves: ResolvedMove[];
  problems: Problem[];
  /** Moves (summed counts) whose ends are the same place at this level. */
  movesWithinPlace: number;
  /** Records (rows) whose ends are the same place; equals `movesWithinPlace` unless rows carry counts. */
  rowsWithinPlace: number;
  /** Every place a kept row resolved to, by id. */
  places: Map<string, Place>;
}

/**
 * Resolves each record's `from` / `to` (with `fromCountry` / `toCountry`) to place ids.
 *
 * @param file - the input's name, written into problems.
 * @example
 * const { moves, problems, movesWithinPlace } = resolveMoves(read.records, createPlaceResolver({ level: 'metro' }), 'moves.csv');
 */
export function resolveMoves(records: readonly MoveRecord[], resolver: PlaceResolver, file: string): ResolvedMoves {
  const moves: ResolvedMove[] = [];
  const problems: Problem[] = [];
  const places = new Map<string, Place>();
  let movesWithinPlace = 0;
  let rowsWithinPlace = 0;
  for (const r of records) {
    const source = resolveEnd(resolver, r.from, r.fromCountry, 'from', file, r.line, problems);
    const target = resolveEnd(resolver, r.to, r.toCountry, 'to', file, r.line, problems);
    if (!source || !target) continue;
    places.set(source.id, source);
    places.set(target.id, target);
    if (source.id === target.id) {
      movesWithinPlace += r.count;
      rowsWithinPlace++;
      continue;
    }
    moves.push({
      researcherId: r.researcherId,
      source: source.id,
      target: target.id,
      year: r.year,
      discipline: r.discipline,
      count: r.count,
    });
  }
  return { moves, problems, movesWithinPlace, rowsWithinPlace, places };
}

/**
 * Resolves one (name, country) cell pair, pushing a problem for a failure (error) or an
 * assumption (warning). `field` names the place column; an unknown country is reported on the
 * country column (`from_country`, `country`, ...).
 */
export function resolveEnd(
  resolver: PlaceResolver,
  name: string,
  country: string | null,
  field: string,
  file: string,
  line: number,
  problems: Problem[],
): Place | null {
  const res: PlaceResolution = resolver.resolve(name, country);
  if (res.ok) {
    if (res.warning) {
      problems.push({ file, line, field, value: name, reason: res.warning.reason, severity: 'warning', message: res.warning.message });
    }
    return res.place;
  }
  const countryField = field === 'place' ? 'country' : `${field}_country`;
  const onCountry = res.reason === 'unknown-country' && country !== null;
  problems.push({
    file,
    line,
    field: onCountry ? countryField : field,
    value: onCountry ? country : name,
    reason: res.reason,
    severity: 'error',
    message: res.message,
    suggestions: res.suggestions,
  });
  return null;
}

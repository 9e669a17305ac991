/**
 * The per-place stock of the timeline rules (`timelines/summarise.ts`, `timelines/population.ts`)
 * as SQL, written once for every dialect, from the relations of the shared timeline derivation
 * (`timelines.ts`, `derivedRelations`):
 *
 *   researchers   one row per researcher: `home` (place of the last publication year up to W1),
 *                 `prev` (place of the last year before W0), `young`, `flowed` (SET inflow),
 *                 `prim` (primary discipline as its rank in code-unit order), `active`
 *   young years   one row per active researcher's young publication year in the window: place, year
 *   population    one row per researcher and padded place-year: place, year
 *
 * The queries give, per place: stock, young, inflowSet; presentBefore, leftSet; stock by primary
 * discipline; youngByYear; researchersByYear. {@link placeStockFromRows} turns them into the
 * `PlaceStock` map both engines hand to the graph.
 */
import type { PlaceStock } from '../../graph/types.ts';
import { emptyPlaceStock } from '../../timelines/summarise.ts';
import type { Dialect } from './dialect.ts';
import type { TextRows } from './flows.ts';

/** One row per researcher; `where` selects the active ones. */
export interface ResearcherRelation {
  /** SQL before `SELECT` (ClickHouse's `WITH` aliases), or ''. */
  head: string;
  from: string;
  /** The active researchers. */
  where: string;
  home: string;
  /** Condition: the researcher has a place before the window. */
  hasPrev: string;
  prev: string;
  young: string;
  flowed: string;
  /** Condition: the researcher has a primary discipline. */
  hasPrim: string;
  prim: string;
}

/** One row per (place, year) occurrence to count. */
export interface PlaceYearRelation {
  head: string;
  from: string;
  where: string;
  place: string;
  year: string;
}

/** The queries; each returns the columns named in its comment, in order. */
export interface StockQueries {
  /** home, stock, young, inflowSet */
  homes: string;
  /** prev, presentBefore, leftSet */
  previous: string;
  /** home, prim, researchers */
  disciplines: string;
  /** place, year, young researchers */
  youngByYear: string;
  /** place, year, researchers */
  population: string;
}

/**
 * Renders the stock queries for one dialect.
 * @example stockQueries(SPARK, researchers, youngYears, population).homes
 */
export function stockQueries(d: Dialect, r: ResearcherRelation, young: PlaceYearRelation, population: PlaceYearRelation): StockQueries {
  const grouped = (q: { head: string; from: string; where: string }, keys: string, cols: string, extra = '') =>
    `${q.head}SELECT ${keys}, ${cols} FROM ${q.from} WHERE ${q.where}${extra} GROUP BY ${keys} ORDER BY ${keys}`;
  const byYear = (q: PlaceYearRelation) => grouped(q, `${q.place}, ${q.year}`, 'count(*)');
  return {
    homes: grouped(r, r.home, `count(*), ${d.countIf(r.young)}, ${d.countIf(r.flowed)}`),
    previous: grouped(r, r.prev, `count(*), ${d.countIf(`${r.prev} <> ${r.home}`)}`, ` AND ${r.hasPrev}`),
    disciplines: grouped(r, `${r.home}, ${r.prim}`, 'count(*)', ` AND ${r.hasPrim}`),
    youngByYear: byYear(young),
    population: byYear(population),
  };
}

/**
 * The stock by place index from the results of {@link stockQueries}, read back as text.
 * `names`: discipline names by rank (the `prim` codes).
 */
export function placeStockFromRows(
  r: { homes: TextRows; previous: TextRows; disciplines: TextRows; youngByYear: TextRows; population: TextRows },
  window: [number, number],
  names: readonly string[],
): Map<number, PlaceStock> {
  const out = new Map<number, PlaceStock>();
  const get = (place: string | null): PlaceStock => {
    const p = Number(place);
    let s = out.get(p);
    if (!s) {
      s = emptyPlaceStock(window);
      out.set(p, s);
    }
    return s;
  };
  for (const [home, n, young, flowed] of r.homes)
    Object.assign(get(home!), { stock: Number(n), young: Number(young), inflowSet: Number(flowed) });
  for (const [prev, n, left] of r.previous) Object.assign(get(prev!), { presentBefore: Number(n), leftSet: Number(left) });
  for (const [home, prim, n] of r.disciplines) get(home!).byDiscipline[names[Number(prim)]!] = Number(n);
  for (const [place, year, n] of r.youngByYear) get(place!).youngByYear[String(year)] = Number(n);
  for (const [place, year, n] of r.population) get(place!).researchersByYear![String(year)] = Number(n);
  return out;
}

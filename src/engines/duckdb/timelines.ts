/**
 * The timeline rules of `src/timelines/` in SQL, over the resolved rows
 * `k(ord, rid, year, place, pubs, disc)`: the shared derivation of `src/engines/sql/timelines.ts`
 * rendered for DuckDB (the ClickHouse engine runs the same one), into the derived table
 * `tf_derived` (one row per researcher). Moves land in the table `m(rid, s, t, year, disc, cnt)`,
 * which the shared flow aggregation reads; the per-place figures come from the shared stock
 * queries (`src/engines/sql/stock.ts`).
 */
import type { PlaceStock } from '../../graph/types.ts';
import { DUCKDB } from '../sql/dialect.ts';
import { placeStockFromRows, stockQueries } from '../sql/stock.ts';
import { collectQuery, depthQuery, deriveQuery, derivedRelations } from '../sql/timelines.ts';
import type { Session } from './session.ts';

/** Researchers with a kept row, and the active ones. */
export interface TimelineCounts {
  researchers: number;
  active: number;
}

/**
 * Builds `tf_derived` (one row per researcher) and `m` (moves). Drops `k` (read it before) and
 * its own intermediate tables as soon as they are used, to keep memory low.
 */
export async function deriveTimelines(db: Session, window: [number, number], years: [number, number] | null): Promise<TimelineCounts> {
  // Researchers become integers first (in order of their first row, the JS engine's order):
  // every later grouping and join then works on integers, not on id strings.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE res AS
      SELECT rid, CAST(row_number() OVER (ORDER BY rfirst) AS INTEGER) AS r FROM (SELECT rid, min(ord) AS rfirst FROM k GROUP BY rid);
    CREATE OR REPLACE TEMP TABLE kr AS
      SELECT res.r, k.year, k.place, k.pubs, coalesce(d.rank, -1) AS dr FROM k JOIN res ON res.rid = k.rid LEFT JOIN drank d ON d.disc = k.disc;
    DROP TABLE k; DROP TABLE res;
    CREATE OR REPLACE TEMP TABLE tf_collected AS
      ${collectQuery(DUCKDB, { head: '', from: 'kr', where: '1 = 1', rid: 'r', year: 'year', place: 'place', pubs: 'pubs', disc: 'dr' })};
    DROP TABLE kr;`);
  const [depth] = await db.text(depthQuery(DUCKDB, 'tf_collected'));
  const rel = derivedRelations(DUCKDB, 'tf_derived', years);
  const mv = rel.moves;
  await db.run(`
    CREATE OR REPLACE TEMP TABLE tf_derived AS ${deriveQuery(DUCKDB, 'tf_collected', Number(depth?.[0] ?? 0), window)};
    DROP TABLE tf_collected;
    CREATE OR REPLACE TEMP TABLE m AS
      SELECT ${mv.rid} AS rid, ${mv.s} AS s, ${mv.t} AS t, ${mv.year} AS year, d.disc, ${mv.cnt} AS cnt
      FROM ${mv.from} LEFT JOIN drank d ON d.rank = ${mv.disc} WHERE ${mv.where};`);
  const [counts] = await db.text(rel.counts);
  return { researchers: Number(counts![0]), active: Number(counts![1]) };
}

/**
 * Per-place stock figures by place index (summarise.ts), for every place with any of them: the
 * shared stock queries (`src/engines/sql/stock.ts`) over `tf_derived` and `drank`.
 */
export async function placeStock(db: Session, window: [number, number]): Promise<Map<number, PlaceStock>> {
  const rel = derivedRelations(DUCKDB, 'tf_derived', null);
  const q = stockQueries(DUCKDB, rel.researchers, rel.young, rel.population);
  const names = ((await db.columns(`SELECT disc FROM drank ORDER BY rank`)).disc ?? []) as string[];
  return placeStockFromRows(
    {
      homes: await db.text(q.homes),
      previous: await db.text(q.previous),
      disciplines: await db.text(q.disciplines),
      youngByYear: await db.text(q.youngByYear),
      population: await db.text(q.population),
    },
    window,
    names,
  );
}

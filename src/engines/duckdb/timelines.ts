/**
 * The timeline rules of `src/timelines/` in SQL (profiles.ts, researcher.ts, summarise.ts,
 * derive-moves.ts), over the resolved rows `k(ord, rid, year, place, pubs, disc)`:
 *
 *   place per year   most publications that year; a tie keeps the previous publication year's
 *                    place when it is among the tied places, else the first place id (the
 *                    `place` index is the id's code-unit rank). The "previous place" chain of
 *                    consecutive tie years is a recursive CTE over the tie years only.
 *   primary discipline   most publications overall; ties → first discipline (table `drank`).
 *   moves            a change of place between consecutive publication years, in the arrival year.
 *   per researcher   active, academic age, young, home place, SET inflow, last place before W0.
 *   per place        stock, young, inflowSet, presentBefore, leftSet, youngByYear, byDiscipline,
 *                    researchersByYear (padded: a place-year from each publication year up to the
 *                    year before the researcher's next one, `timelines/population.ts`).
 *
 * Moves land in the table `m(rid, s, t, year, disc, cnt)`, which the shared flow aggregation
 * reads; the per-place figures come from the shared stock queries (`src/engines/sql/stock.ts`).
 */
import type { PlaceStock } from '../../graph/types.ts';
import { TIMELINE_DEFAULTS } from '../../timelines/researcher.ts';
import { DUCKDB } from '../sql/dialect.ts';
import { placeStockFromRows, stockQueries } from '../sql/stock.ts';
import type { Session } from './session.ts';

/** Researchers with a kept row, and the active ones. */
export interface TimelineCounts {
  researchers: number;
  active: number;
}

/**
 * Builds `ry` (one place per researcher-year), `m` (moves) and `act` (active researchers). Drops
 * `k` (read it before) and its own intermediate tables as soon as they are used, to keep memory low.
 */
export async function deriveTimelines(db: Session, window: [number, number], years: [number, number] | null): Promise<TimelineCounts> {
  const [w0, w1] = window;
  const { minPublications, recentYears, youngMaxAge } = TIMELINE_DEFAULTS;
  const r0 = Math.max(w0, w1 - recentYears + 1);
  // Researchers become integers first (in order of their first row, the JS engine's order):
  // every later grouping, join and window then works on integers, not on id strings.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE res AS
      SELECT rid, CAST(row_number() OVER (ORDER BY rfirst) AS INTEGER) AS r FROM (SELECT rid, min(ord) AS rfirst FROM k GROUP BY rid);
    CREATE OR REPLACE TEMP TABLE kr AS SELECT res.r, k.year, k.place, k.pubs, k.disc FROM k JOIN res ON res.rid = k.rid;
    DROP TABLE k;
    CREATE OR REPLACE TEMP TABLE ryp AS SELECT r, year, place, sum(pubs) AS pp FROM kr GROUP BY r, year, place;
    CREATE OR REPLACE TEMP TABLE ry1 AS
      SELECT *, row_number() OVER w AS yi, lag(ntied) OVER w AS pntied, lag(best) OVER w AS pbest
      FROM (
        SELECT r, year, sum(pp) AS total, any_value(mx) AS mx,
               count(*) FILTER (WHERE pp = mx) AS ntied, min(place) FILTER (WHERE pp = mx) AS best
        FROM (SELECT *, max(pp) OVER (PARTITION BY r, year) AS mx FROM ryp) GROUP BY r, year
      )
      WINDOW w AS (PARTITION BY r ORDER BY year);
    CREATE OR REPLACE TEMP TABLE tie AS SELECT r, yi, year, best, mx, pntied, pbest FROM ry1 WHERE ntied > 1;
    CREATE OR REPLACE TEMP TABLE tied AS SELECT t.r, t.yi, p.place FROM tie t JOIN ryp p ON p.r = t.r AND p.year = t.year AND p.pp = t.mx;
    CREATE OR REPLACE TEMP TABLE chain AS
      WITH RECURSIVE ch(r, yi, place) AS (
        SELECT t.r, t.yi, CASE WHEN q.place IS NOT NULL THEN q.place ELSE t.best END
        FROM tie t LEFT JOIN tied q ON q.r = t.r AND q.yi = t.yi AND q.place = t.pbest
        WHERE t.pntied IS NULL OR t.pntied = 1
        UNION ALL
        SELECT t.r, t.yi, CASE WHEN q.place IS NOT NULL THEN q.place ELSE t.best END
        FROM ch c
        JOIN tie t ON t.r = c.r AND t.yi = c.yi + 1
        LEFT JOIN tied q ON q.r = t.r AND q.yi = t.yi AND q.place = c.place
      )
      SELECT * FROM ch;
    CREATE OR REPLACE TEMP TABLE ry AS
      SELECT y.r, y.year, y.yi, y.total, coalesce(c.place, y.best) AS place
      FROM ry1 y LEFT JOIN chain c ON c.r = y.r AND c.yi = y.yi;
    DROP TABLE chain; DROP TABLE tied; DROP TABLE tie; DROP TABLE ry1; DROP TABLE ryp;
    CREATE OR REPLACE TEMP TABLE prim AS
      SELECT r, disc FROM (
        SELECT kr.r, kr.disc, row_number() OVER (PARTITION BY kr.r ORDER BY sum(kr.pubs) DESC, any_value(d.rank)) AS rn
        FROM kr JOIN drank d ON d.disc = kr.disc GROUP BY kr.r, kr.disc
      ) WHERE rn = 1;
    CREATE OR REPLACE TEMP TABLE m AS
      SELECT x.r AS rid, x.s, x.t, x.year, p.disc, 1.0 AS cnt
      FROM (SELECT r, lag(place) OVER (PARTITION BY r ORDER BY yi) AS s, place AS t, year FROM ry) x
      LEFT JOIN prim p ON p.r = x.r
      WHERE x.s IS NOT NULL AND x.s <> x.t ${years ? `AND x.year BETWEEN ${years[0]} AND ${years[1]}` : ''};
    CREATE OR REPLACE TEMP TABLE rs AS
      SELECT r, min(year) AS first,
             coalesce(sum(total) FILTER (WHERE year BETWEEN ${w0} AND ${w1}), 0) AS inwin,
             coalesce(sum(total) FILTER (WHERE year BETWEEN ${r0} AND ${w1}), 0) AS recent,
             max(year) FILTER (WHERE year <= ${w1}) AS latest,
             arg_max(place, year) FILTER (WHERE year <= ${w1}) AS lastplace,
             arg_max(place, year) FILTER (WHERE year < ${w0}) AS prev
      FROM ry GROUP BY r;
    CREATE OR REPLACE TEMP TABLE act AS
      SELECT a.r, a.first, a.lastplace AS home, a.prev, a.latest - a.first <= ${youngMaxAge} AS young,
             a.first < ${w0} AND b.r IS NULL AS flowed
      FROM rs a
      LEFT JOIN (SELECT DISTINCT r, place FROM kr WHERE year < ${w0}) b ON b.r = a.r AND b.place = a.lastplace
      WHERE a.inwin >= ${minPublications} AND a.recent >= 1;
  `);
  const [counts] = await db.rows(`SELECT (SELECT count(*) FROM res) AS researchers, (SELECT count(*) FROM act) AS active`);
  return { researchers: Number(counts!.researchers), active: Number(counts!.active) };
}

/**
 * Per-place stock figures by place index (summarise.ts), for every place with any of them: the
 * shared stock queries (`src/engines/sql/stock.ts`) over `act`, `prim`, `drank` and `ry`.
 */
export async function placeStock(db: Session, window: [number, number]): Promise<Map<number, PlaceStock>> {
  const [w0, w1] = window;
  const { youngMaxAge } = TIMELINE_DEFAULTS;
  const q = stockQueries(
    DUCKDB,
    {
      head: '',
      from: 'act a LEFT JOIN prim p ON p.r = a.r LEFT JOIN drank d ON d.disc = p.disc',
      where: '1 = 1',
      home: 'a.home',
      hasPrev: 'a.prev IS NOT NULL',
      prev: 'a.prev',
      young: 'a.young',
      flowed: 'a.flowed',
      hasPrim: 'd.rank IS NOT NULL',
      prim: 'd.rank',
    },
    {
      head: '',
      from: 'ry y JOIN act a ON a.r = y.r',
      where: `y.year BETWEEN ${w0} AND ${w1} AND y.year - a.first <= ${youngMaxAge}`,
      place: 'y.place',
      year: 'y.year',
    },
    {
      head: '',
      // Padded: a place-year from each publication year up to the year before the researcher's next one.
      from: `(SELECT place, unnest(range(year, until + 1)) AS y FROM (
        SELECT place, year, coalesce(lead(year) OVER (PARTITION BY r ORDER BY year) - 1, year) AS until FROM ry))`,
      where: '1 = 1',
      place: 'place',
      year: 'y',
    },
  );
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

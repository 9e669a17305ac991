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
 *   per place        stock, young, inflowSet, presentBefore, leftSet, youngByYear, byDiscipline.
 *
 * Moves land in the table `m(okey, rid, s, t, year, disc, cnt)`, ordered like the JS engine's
 * (researchers by first row, then year: `okey`), so edge breakdowns list disciplines in the
 * same order.
 */
import type { PlaceStock } from '../../graph/types.ts';
import { TIMELINE_DEFAULTS } from '../../timelines/researcher.ts';
import type { Session } from './session.ts';

/** Researchers with a kept row, and the active ones. */
export interface TimelineCounts {
  researchers: number;
  active: number;
}

/** Builds `ry` (one place per researcher-year), `m` (moves) and `act` (active researchers). */
export async function deriveTimelines(db: Session, window: [number, number], years: [number, number] | null): Promise<TimelineCounts> {
  const [w0, w1] = window;
  const { minPublications, recentYears, youngMaxAge } = TIMELINE_DEFAULTS;
  const r0 = Math.max(w0, w1 - recentYears + 1);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE res AS SELECT rid, min(ord) AS rfirst FROM k GROUP BY rid;
    CREATE OR REPLACE TEMP TABLE ryp AS SELECT rid, year, place, sum(pubs) AS pp FROM k GROUP BY rid, year, place;
    CREATE OR REPLACE TEMP TABLE ry0 AS SELECT rid, year, sum(pp) AS total, max(pp) AS mx FROM ryp GROUP BY rid, year;
    CREATE OR REPLACE TEMP TABLE top AS SELECT p.rid, p.year, p.place FROM ryp p JOIN ry0 y ON p.rid = y.rid AND p.year = y.year AND p.pp = y.mx;
    CREATE OR REPLACE TEMP TABLE ry1 AS
      SELECT y.rid, y.year, y.total, t.ntied, t.best,
             row_number() OVER (PARTITION BY y.rid ORDER BY y.year) AS yi
      FROM ry0 y JOIN (SELECT rid, year, count(*) AS ntied, min(place) AS best FROM top GROUP BY rid, year) t
        ON t.rid = y.rid AND t.year = y.year;
    CREATE OR REPLACE TEMP TABLE tie AS SELECT rid, yi, year, best FROM ry1 WHERE ntied > 1;
    CREATE OR REPLACE TEMP TABLE tied AS SELECT t.rid, t.yi, p.place FROM tie t JOIN top p ON p.rid = t.rid AND p.year = t.year;
    CREATE OR REPLACE TEMP TABLE chain AS
      WITH RECURSIVE ch(rid, yi, place) AS (
        SELECT t.rid, t.yi, CASE WHEN q.place IS NOT NULL THEN q.place ELSE t.best END
        FROM tie t
        LEFT JOIN ry1 p ON p.rid = t.rid AND p.yi = t.yi - 1
        LEFT JOIN tied q ON q.rid = t.rid AND q.yi = t.yi AND q.place = p.best AND p.ntied = 1
        WHERE p.rid IS NULL OR p.ntied = 1
        UNION ALL
        SELECT t.rid, t.yi, CASE WHEN q.place IS NOT NULL THEN q.place ELSE t.best END
        FROM ch c
        JOIN tie t ON t.rid = c.rid AND t.yi = c.yi + 1
        LEFT JOIN tied q ON q.rid = t.rid AND q.yi = t.yi AND q.place = c.place
      )
      SELECT * FROM ch;
    CREATE OR REPLACE TEMP TABLE ry AS
      SELECT y.rid, y.year, y.yi, y.total, coalesce(c.place, y.best) AS place
      FROM ry1 y LEFT JOIN chain c ON c.rid = y.rid AND c.yi = y.yi;
    CREATE OR REPLACE TEMP TABLE prim AS
      SELECT rid, disc FROM (
        SELECT k.rid, k.disc, row_number() OVER (PARTITION BY k.rid ORDER BY sum(k.pubs) DESC, any_value(d.rank)) AS rn
        FROM k JOIN drank d ON d.disc = k.disc GROUP BY k.rid, k.disc
      ) WHERE rn = 1;
    CREATE OR REPLACE TEMP TABLE m AS
      SELECT r.rfirst * 256 + (x.year - 1900) AS okey, x.rid, x.s, x.t, x.year, p.disc, 1.0 AS cnt
      FROM (SELECT rid, lag(place) OVER (PARTITION BY rid ORDER BY yi) AS s, place AS t, year FROM ry) x
      JOIN res r ON r.rid = x.rid
      LEFT JOIN prim p ON p.rid = x.rid
      WHERE x.s IS NOT NULL AND x.s <> x.t ${years ? `AND x.year BETWEEN ${years[0]} AND ${years[1]}` : ''};
    CREATE OR REPLACE TEMP TABLE rs AS
      SELECT rid, min(year) AS first,
             coalesce(sum(total) FILTER (WHERE year BETWEEN ${w0} AND ${w1}), 0) AS inwin,
             coalesce(sum(total) FILTER (WHERE year BETWEEN ${r0} AND ${w1}), 0) AS recent,
             max(year) FILTER (WHERE year <= ${w1}) AS latest,
             arg_max(place, year) FILTER (WHERE year <= ${w1}) AS lastplace,
             arg_max(place, year) FILTER (WHERE year < ${w0}) AS prev
      FROM ry GROUP BY rid;
    CREATE OR REPLACE TEMP TABLE act AS
      SELECT a.rid, a.first, a.lastplace AS home, a.prev, a.latest - a.first <= ${youngMaxAge} AS young,
             a.first < ${w0} AND b.rid IS NULL AS flowed
      FROM rs a
      LEFT JOIN (SELECT DISTINCT rid, place FROM k WHERE year < ${w0}) b ON b.rid = a.rid AND b.place = a.lastplace
      WHERE a.inwin >= ${minPublications} AND a.recent >= 1;
  `);
  const [counts] = await db.rows(`SELECT (SELECT count(*) FROM res) AS researchers, (SELECT count(*) FROM act) AS active`);
  return { researchers: Number(counts!.researchers), active: Number(counts!.active) };
}

/** Per-place stock figures by place index (summarise.ts), for every place with any of them. */
export async function placeStock(db: Session, window: [number, number]): Promise<Map<number, PlaceStock>> {
  const [w0, w1] = window;
  const { youngMaxAge } = TIMELINE_DEFAULTS;
  const out = new Map<number, PlaceStock>();
  const get = (place: number): PlaceStock => {
    let s = out.get(place);
    if (!s) {
      const youngByYear: Record<string, number> = {};
      for (let t = w0; t <= w1; t++) youngByYear[String(t)] = 0;
      s = { stock: 0, young: 0, inflowSet: 0, leftSet: 0, presentBefore: 0, youngByYear, byDiscipline: {} };
      out.set(place, s);
    }
    return s;
  };
  for (const r of await db.rows(`SELECT home, count(*) AS n, count(*) FILTER (WHERE young) AS y, count(*) FILTER (WHERE flowed) AS f FROM act GROUP BY home ORDER BY home`)) {
    Object.assign(get(Number(r.home)), { stock: Number(r.n), young: Number(r.y), inflowSet: Number(r.f) });
  }
  for (const r of await db.rows(`SELECT prev, count(*) AS n, count(*) FILTER (WHERE prev <> home) AS l FROM act WHERE prev IS NOT NULL GROUP BY prev ORDER BY prev`)) {
    Object.assign(get(Number(r.prev)), { presentBefore: Number(r.n), leftSet: Number(r.l) });
  }
  const young = await db.rows(`
    SELECT y.place, y.year, count(*) AS n FROM ry y JOIN act a ON a.rid = y.rid
    WHERE y.year BETWEEN ${w0} AND ${w1} AND y.year - a.first <= ${youngMaxAge}
    GROUP BY y.place, y.year ORDER BY y.place, y.year`);
  for (const r of young) get(Number(r.place)).youngByYear[String(r.year)] = Number(r.n);
  const disciplines = await db.rows(`
    SELECT a.home, p.disc, d.rank, count(*) AS n FROM act a JOIN prim p ON p.rid = a.rid JOIN drank d ON d.disc = p.disc
    GROUP BY a.home, p.disc, d.rank ORDER BY a.home, d.rank`);
  for (const r of disciplines) get(Number(r.home)).byDiscipline[String(r.disc)] = Number(r.n);
  return out;
}

/**
 * The timeline rules of `src/timelines/` (as the DuckDB engine's timelines.ts states them) on a
 * ClickHouse cluster, for server 18.16, which has neither window functions nor recursive CTEs:
 *
 * 1. On the shards, one aggregation per researcher over the resolved rows: the first line, the
 *    publications per (year, place) and per discipline (`sumMap`), merged on the node queried
 *    into a researcher table (`<table>_r<n>`, Memory engine, dropped at the end).
 * 2. Per researcher, with array functions: the place of each publication year (most publications;
 *    a tie keeps the previous year's place when it is tied, else the first place id), the moves,
 *    active, young, home, SET inflow, last place before the window, primary discipline, the padded
 *    place-years of `timelines/population.ts`. The tie
 *    rule chains through consecutive tie years; it is applied K times, K the longest run of
 *    consecutive tie years in the input (measured first), which makes it exact.
 * 3. Flows and per-place stock from the researcher table, with the shared flow aggregation and
 *    stock queries (`src/engines/sql/flows.ts`, `stock.ts`).
 */
import { compareText } from '../../graph/breakdowns.ts';
import type { PlaceStock } from '../../graph/types.ts';
import { TIMELINE_DEFAULTS } from '../../timelines/researcher.ts';
import type { FlowArrays } from '../sql/flows.ts';
import { CLICKHOUSE } from '../sql/dialect.ts';
import { flowArraysFromRows, flowQueries } from '../sql/flows.ts';
import { placeStockFromRows, stockQueries } from '../sql/stock.ts';
import type { Connection } from './connection.ts';

/** The derived flows, nodes, stock and counts. */
export interface DerivedTimelines {
  flows: FlowArrays;
  nodes: number[];
  stock: Map<number, PlaceStock>;
  researchers: { total: number; active: number };
  records: number;
}

/** Where the resolved rows are: `head` (WITH aliases incl. `tf_p0`), the Distributed table, the clean-row condition. */
export interface TimelineQuery {
  head: string;
  from: string;
  where: string;
  /** Database for the work tables. */
  db: string;
  window: [number, number];
  years: [number, number] | null;
}

/** Year × 2^24 + place: one sortable key per (year, place). */
const KEY = 16777216;

/**
 * Derives moves and stock on the cluster and reads back the flows and the per-place figures.
 * @example const d = await deriveTimelines(conn, { head, from: '`default`.`talentflow_rows`', where, db: 'default', window: [2019, 2023], years: null });
 */
export async function deriveTimelines(conn: Connection, q: TimelineQuery): Promise<DerivedTimelines> {
  const { head, from, where } = q;
  const [w0, w1] = q.window;
  const { minPublications, recentYears, youngMaxAge } = TIMELINE_DEFAULTS;
  const r0 = Math.max(w0, w1 - recentYears + 1);

  const [kept] = await conn.rows(`${head}SELECT count() FROM ${from} WHERE ${where}`);
  const nodes = (await conn.rows(`${head}SELECT DISTINCT tf_p0 FROM ${from} WHERE ${where} ORDER BY tf_p0`)).map((r) => Number(r[0]));
  // Disciplines ranked in code-unit order: the primary-discipline tie-break, as in the JS engine.
  const names = (await conn.rows(`${head}SELECT DISTINCT tf_disc FROM ${from} WHERE ${where} AND tf_disc IS NOT NULL`))
    .map((r) => r[0]!)
    .sort(compareText);
  const rank = names.length
    ? `transform(ifNull(tf_disc, ''), [${names.map((n) => CLICKHOUSE.str(n)).join(',')}], CAST([${names.map((_n, i) => i).join(',')}] AS Array(Int32)), toInt32(-1))`
    : 'toInt32(-1)';

  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const researchers = `${CLICKHOUSE.id(q.db)}.${CLICKHOUSE.id(`tf_researchers_${tag}`)}`;
  const derived = `${CLICKHOUSE.id(q.db)}.${CLICKHOUSE.id(`tf_derived_${tag}`)}`;
  try {
    await conn.command(`CREATE TABLE ${researchers} ENGINE = Memory AS SELECT * FROM (${head.replace(/^WITH /, `WITH ${rank} AS tf_drank,\n  `)}SELECT tf_id, min(tf_ln) AS r_line,
        sumMap([toUInt64(assumeNotNull(tf_year)) * ${KEY} + toUInt64(tf_p0)], [tf_cnt]) AS r_yp,
        sumMapIf([toUInt64(tf_drank)], [tf_cnt], tf_drank >= 0) AS r_dm
      FROM ${from} WHERE ${where} GROUP BY tf_id)`);
    const perYear = `
        arrayMap(ka -> toInt32(intDiv(ka, ${KEY})), r_yp.1) AS ya,
        arrayMap(kb -> toInt32(kb % ${KEY}), r_yp.1) AS pa,
        r_yp.2 AS va,
        arrayDistinct(ya) AS yy,
        arrayEnumerate(yy) AS ix,
        arrayMap(yc -> arraySum(arrayFilter((vc, zc) -> zc = yc, va, ya)), yy) AS tot,
        arrayMap(yd -> arrayReduce('max', arrayFilter((vd, zd) -> zd = yd, va, ya)), yy) AS mx,
        arrayMap((ye, me) -> arrayFilter((pe, ve, ze) -> ze = ye AND ve = me, pa, va, ya), yy, mx) AS tied,
        arrayMap(tf -> tf[1], tied) AS best,
        arrayMap(tg -> length(tg), tied) AS nt`;
    // The longest run of consecutive tie years: the tie rule's chain is at most that long.
    const [run] = await conn.rows(`SELECT max(tf_run)
      FROM (SELECT ${perYear}, arrayReduce('max', arrayMap(ir -> ir - arrayReduce('max', arrayFilter(jr -> jr <= ir AND nt[jr] = 1, ix)), ix)) AS tf_run FROM ${researchers})`);
    const depth = Number(run?.[0] ?? 0);
    const chain: string[] = ['best AS c0'];
    for (let k = 1; k <= depth; k++) {
      // Each level names its lambda parameter apart: ClickHouse 18.16 inlines the aliases into
      // one another, and a parameter shadowing another's is resolved wrongly.
      const i = `i${k}`;
      chain.push(
        `arrayMap(${i} -> if(${i} = 1 OR nt[${i}] = 1, best[${i}], if(has(tied[${i}], c${k - 1}[greatest(${i} - 1, 1)]), c${k - 1}[greatest(${i} - 1, 1)], best[${i}])), ix) AS c${k}`,
      );
    }
    await conn.command(`CREATE TABLE ${derived} ENGINE = Memory AS SELECT tf_id, r_line, first, active, home, prev, young, flowed, prim, mv, yg, pop FROM (
      SELECT tf_id, r_line, ${perYear}, ${chain.join(', ')}, c${depth} AS pl,
        yy[1] AS first,
        arraySum(arrayFilter((th, yh) -> yh BETWEEN ${w0} AND ${w1}, tot, yy)) AS inwin,
        arraySum(arrayFilter((tj, yj) -> yj BETWEEN ${r0} AND ${w1}, tot, yy)) AS recent,
        arrayReduce('max', arrayFilter(il -> yy[il] <= ${w1}, ix)) AS li,
        arrayReduce('max', arrayFilter(ip -> yy[ip] < ${w0}, ix)) AS pi,
        inwin >= ${minPublications} AND recent >= 1 AS active,
        if(li > 0, pl[li], -1) AS home,
        if(pi > 0, pl[pi], -1) AS prev,
        li > 0 AND yy[li] - first <= ${youngMaxAge} AS young,
        first < ${w0} AND NOT has(arrayFilter((pk, yk) -> yk < ${w0}, pa, ya), home) AS flowed,
        if(length(r_dm.1) = 0, -1, toInt32((r_dm.1)[arrayFirstIndex(vm -> vm = arrayReduce('max', r_dm.2), r_dm.2)])) AS prim,
        arrayMap(im -> (pl[greatest(im - 1, 1)], pl[im], yy[im]), arrayFilter(jm -> jm > 1 AND pl[greatest(jm - 1, 1)] != pl[jm], ix)) AS mv,
        arrayMap(iy -> (pl[iy], yy[iy]), arrayFilter(jy -> yy[jy] BETWEEN ${w0} AND ${w1} AND yy[jy] - first <= ${youngMaxAge}, ix)) AS yg,
        arrayReduce('groupArrayArray', arrayMap(iq -> arrayMap(dq -> toUInt64(pl[iq]) * 1024 + toUInt64(yy[iq] + dq - 1900),
          range(toUInt32(if(iq < length(yy), yy[greatest(iq, 1) + 1] - 1, yy[iq]) - yy[iq] + 1))), ix)) AS pop
      FROM ${researchers})`);
    await conn.command(`DROP TABLE ${researchers}`);

    const years = q.years ? ` AND tupleElement(tf_m, 3) BETWEEN ${q.years[0]} AND ${q.years[1]}` : '';
    const fq = flowQueries(CLICKHOUSE, {
      head: '',
      from: `${derived} ARRAY JOIN mv AS tf_m`,
      where: `1 = 1${years}`,
      rid: 'tf_id',
      s: 'tupleElement(tf_m, 1)',
      t: 'tupleElement(tf_m, 2)',
      year: 'tupleElement(tf_m, 3)',
      disc: 'prim',
      cnt: 'toFloat64(1)',
    });
    const flows = flowArraysFromRows(
      { edges: await conn.rows(fq.edges), cells: await conn.rows(fq.cells), span: await conn.rows(fq.span) },
      names,
    );

    const [counts] = await conn.rows(`SELECT count(), countIf(active) FROM ${derived}`);
    const sq = stockQueries(
      CLICKHOUSE,
      {
        head: '',
        from: derived,
        where: 'active',
        home: 'home',
        hasPrev: 'prev >= 0',
        prev: 'prev',
        young: 'young',
        flowed: 'flowed',
        hasPrim: 'prim >= 0',
        prim: 'prim',
      },
      {
        head: '',
        from: `${derived} ARRAY JOIN yg AS tf_y`,
        where: 'active',
        place: 'tupleElement(tf_y, 1)',
        year: 'tupleElement(tf_y, 2)',
      },
      // Every researcher's padded place-years (timelines/population.ts): key = place × 1024 + (year − 1900).
      { head: '', from: `${derived} ARRAY JOIN pop AS tf_k`, where: '1 = 1', place: 'intDiv(tf_k, 1024)', year: '(tf_k % 1024) + 1900' },
    );
    const stock = placeStockFromRows(
      {
        homes: await conn.rows(sq.homes),
        previous: await conn.rows(sq.previous),
        disciplines: await conn.rows(sq.disciplines),
        youngByYear: await conn.rows(sq.youngByYear),
        population: await conn.rows(sq.population),
      },
      q.window,
      names,
    );
    return { flows, nodes, stock, researchers: { total: Number(counts![0]), active: Number(counts![1]) }, records: Number(kept![0]) };
  } finally {
    await conn.command(`DROP TABLE IF EXISTS ${researchers}`);
    await conn.command(`DROP TABLE IF EXISTS ${derived}`);
  }
}

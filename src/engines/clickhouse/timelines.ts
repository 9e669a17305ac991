/**
 * The timeline rules of `src/timelines/` on a ClickHouse cluster: the shared derivation of
 * `src/engines/sql/timelines.ts` rendered for ClickHouse (the DuckDB engine runs the same one).
 * The per-researcher collection groups on the shards and merges into a Memory table on the node
 * queried; the derivation with array functions (server 18.16 has no window functions) fills a
 * second one, which the shared flow aggregation and stock queries read. Both are dropped at the end.
 */
import { compareText } from '../../graph/breakdowns.ts';
import type { PlaceStock } from '../../graph/types.ts';
import type { FlowArrays } from '../sql/flows.ts';
import { CLICKHOUSE } from '../sql/dialect.ts';
import { flowArraysFromRows, flowQueries } from '../sql/flows.ts';
import { placeStockFromRows, stockQueries } from '../sql/stock.ts';
import { collectQuery, depthQuery, deriveQuery, derivedRelations } from '../sql/timelines.ts';
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

/**
 * Derives moves and stock on the cluster and reads back the flows and the per-place figures.
 * @example const d = await deriveTimelines(conn, { head, from: '`default`.`talentflow_rows`', where, db: 'default', window: [2019, 2023], years: null });
 */
export async function deriveTimelines(conn: Connection, q: TimelineQuery): Promise<DerivedTimelines> {
  const { head, from, where } = q;
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
  const collected = `${CLICKHOUSE.id(q.db)}.${CLICKHOUSE.id(`tf_researchers_${tag}`)}`;
  const derived = `${CLICKHOUSE.id(q.db)}.${CLICKHOUSE.id(`tf_derived_${tag}`)}`;
  try {
    const rows = {
      head: head.replace(/^WITH /, `WITH ${rank} AS tf_drank,\n  `),
      from,
      where,
      rid: 'tf_id',
      year: 'assumeNotNull(tf_year)',
      place: 'tf_p0',
      pubs: 'tf_cnt',
      disc: 'tf_drank',
    };
    await conn.command(`CREATE TABLE ${collected} ENGINE = Memory AS ${collectQuery(CLICKHOUSE, rows)}`);
    const [depth] = await conn.rows(depthQuery(CLICKHOUSE, collected));
    await conn.command(
      `CREATE TABLE ${derived} ENGINE = Memory AS ${deriveQuery(CLICKHOUSE, collected, Number(depth?.[0] ?? 0), q.window)}`,
    );
    await conn.command(`DROP TABLE ${collected}`);

    const rel = derivedRelations(CLICKHOUSE, derived, q.years);
    const fq = flowQueries(CLICKHOUSE, rel.moves);
    const flows = flowArraysFromRows(
      { edges: await conn.rows(fq.edges), cells: await conn.rows(fq.cells), span: await conn.rows(fq.span) },
      names,
    );
    const [counts] = await conn.rows(rel.counts);
    const sq = stockQueries(CLICKHOUSE, rel.researchers, rel.young, rel.population);
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
    await conn.command(`DROP TABLE IF EXISTS ${collected}`);
    await conn.command(`DROP TABLE IF EXISTS ${derived}`);
  }
}

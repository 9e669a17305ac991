/**
 * The flow graph from the moves table `m(okey, rid, s, t, year, disc, cnt)`: DuckDB aggregates
 * the edges and their breakdowns, JS only assembles them. The result equals `buildFlowGraph` on
 * the same moves, attribute order included: nodes and edges in id order, each edge's disciplines
 * in the order of their first move (`okey`), so `graph.json` is byte-identical between engines.
 */
import { DirectedGraph } from 'graphology';
import { edgeKey } from '../../graph/breakdowns.ts';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes, PlaceStock } from '../../graph/types.ts';
import type { Place, PlaceLevel } from '../../places/types.ts';
import type { RecordKind } from '../../records/types.ts';
import { emptyPlaceStock } from '../../timelines/summarise.ts';
import type { Session } from './session.ts';

export interface GraphParts {
  /** Every place, by index (code-unit order of ids). */
  places: readonly Place[];
  /** Indices of the places that are nodes. */
  nodes: readonly number[];
  /** Stock by place index (timelines); null for moves. */
  stock: Map<number, PlaceStock> | null;
  kind: RecordKind;
  level: PlaceLevel;
  window: [number, number] | null;
  movesWithinPlace: number;
}


/** Assembles the flow graph from `m` and the places. */
export async function graphFromMoves(db: Session, parts: GraphParts): Promise<FlowGraph> {
  // One pass over the moves by (edge, year, discipline); the coarser breakdowns come from it.
  // Disciplines travel as integer codes (`dd`): numbers convert to JS several times faster than text.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE dd AS
      SELECT disc, CAST(row_number() OVER (ORDER BY disc) - 1 AS INTEGER) AS di FROM (SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL);
    CREATE OR REPLACE TEMP TABLE g_yd AS
      SELECT s, t, CAST(year AS INTEGER) AS year, dd.di, sum(cnt) AS n, min(okey) AS first FROM m LEFT JOIN dd ON dd.disc = m.disc
      GROUP BY s, t, year, dd.di`);
  const names = ((await db.columns(`SELECT disc FROM dd ORDER BY di`)).disc ?? []) as string[];
  const edges = await db.columns(`
    SELECT s, t, CAST(sum(cnt) AS DOUBLE) AS w, CASE WHEN bool_or(rid IS NULL) THEN NULL ELSE CAST(count(DISTINCT rid) AS INTEGER) END AS r
    FROM m GROUP BY s, t ORDER BY s, t`);
  const byYear = await db.columns(`SELECT s, t, year, CAST(sum(n) AS DOUBLE) AS n FROM g_yd GROUP BY s, t, year ORDER BY s, t, year`);
  const byDiscipline = await db.columns(`
    SELECT s, t, di, n FROM (SELECT s, t, di, CAST(sum(n) AS DOUBLE) AS n, min(first) AS first FROM g_yd WHERE di IS NOT NULL GROUP BY s, t, di)
    ORDER BY s, t, first`);
  const byYearDiscipline = await db.columns(`SELECT s, t, year, di, CAST(n AS DOUBLE) AS n FROM g_yd WHERE di IS NOT NULL ORDER BY s, t, year, first`);
  const [span] = await db.rows(`SELECT min(year) AS first, max(year) AS last FROM g_yd`);

  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: false });
  const first = span?.first ?? null;
  graph.replaceAttributes({
    level: parts.level,
    years: first === null ? null : [Number(first), Number(span!.last)],
    window: parts.window,
    kind: parts.kind,
    movesWithinPlace: parts.movesWithinPlace,
  });
  for (const i of parts.nodes) {
    const { id, ...place } = parts.places[i]!;
    if (parts.stock) graph.addNode(id, { ...place, ...(parts.stock.get(i) ?? emptyPlaceStock(parts.window!)) });
    else graph.addNode(id, place);
  }

  const ids = parts.places.map((p) => p.id);
  const es = edges.s as number[];
  const et = edges.t as number[];
  const ew = edges.w as number[];
  const er = edges.r as Array<number | null>;
  const [ys, yt, yy, yn] = [byYear.s, byYear.t, byYear.year, byYear.n] as number[][];
  const [ds, dt, dd, dn] = [byDiscipline.s, byDiscipline.t, byDiscipline.di, byDiscipline.n] as number[][];
  const [xs, xt, xy, xd, xn] = [byYearDiscipline.s, byYearDiscipline.t, byYearDiscipline.year, byYearDiscipline.di, byYearDiscipline.n] as number[][];
  let y = 0;
  let d = 0;
  let x = 0;
  for (let e = 0; e < es.length; e++) {
    const s = es[e]!;
    const t = et[e]!;
    const years: Record<string, number> = {};
    for (; y < ys!.length && ys![y] === s && yt![y] === t; y++) years[yy![y]!] = yn![y]!;
    const disciplines: Record<string, number> = {};
    for (; d < ds!.length && ds![d] === s && dt![d] === t; d++) disciplines[names[dd![d]!]!] = dn![d]!;
    const yearDisciplines: Record<string, Record<string, number>> = {};
    for (; x < xs!.length && xs![x] === s && xt![x] === t; x++) (yearDisciplines[xy![x]!] ??= {})[names[xd![x]!]!] = xn![x]!;
    const source = ids[s]!;
    const target = ids[t]!;
    graph.addDirectedEdgeWithKey(edgeKey(source, target), source, target, {
      weight: ew[e]!,
      researchers: er[e] ?? null,
      byYear: years,
      byDiscipline: disciplines,
      byYearDiscipline: yearDisciplines,
    });
  }
  return graph;
}

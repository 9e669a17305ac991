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

/** The aggregated flows as typed arrays: what {@link assembleGraph} needs from DuckDB. */
export interface FlowArrays {
  /** Discipline names by code (`di`). */
  names: string[];
  /** First and last year of any move, or null without moves. */
  span: [number, number] | null;
  /** Edges in (source, target) order: place indices `s`, `t`, weight `w`, researchers `r` (-1: unknown). */
  edges: { s: Int32Array; t: Int32Array; w: Float64Array; r: Int32Array };
  /** The breakdown entries, edge after edge in the same order, each edge's by year. */
  byYear: { s: Int32Array; t: Int32Array; year: Int32Array; n: Float64Array };
  /** Each edge's in the order of the discipline's first move on it. */
  byDiscipline: { s: Int32Array; t: Int32Array; di: Int32Array; n: Float64Array };
  /** Each edge's by year, then the order of first moves. */
  byYearDiscipline: { s: Int32Array; t: Int32Array; year: Int32Array; di: Int32Array; n: Float64Array };
}

/**
 * Aggregates `m` into edges and breakdowns and hands them over as typed arrays (numbers only, no
 * JS value per cell), dropping its work tables again. Call {@link assembleGraph} with the result,
 * after the session is closed, so that DuckDB's memory is free while the graph grows.
 */
export async function flowArrays(db: Session): Promise<FlowArrays> {
  // One pass over the moves by (edge, year, discipline); the coarser breakdowns come from it.
  // Disciplines travel as integer codes (`dd`).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE dd AS
      SELECT disc, CAST(row_number() OVER (ORDER BY disc) - 1 AS INTEGER) AS di FROM (SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL);
    CREATE OR REPLACE TEMP TABLE g_yd AS
      SELECT CAST(s AS INTEGER) AS s, CAST(t AS INTEGER) AS t, CAST(year AS INTEGER) AS year, dd.di, CAST(sum(cnt) AS DOUBLE) AS n, min(okey) AS first
      FROM m LEFT JOIN dd ON dd.disc = m.disc GROUP BY ALL`);
  const names = ((await db.columns(`SELECT disc FROM dd ORDER BY di`)).disc ?? []) as string[];
  // Researchers: -1 when some move of the edge has no researcher id (the count is unknown).
  const edges = await db.numbers(`
    SELECT CAST(s AS INTEGER) AS s, CAST(t AS INTEGER) AS t, CAST(sum(cnt) AS DOUBLE) AS w,
           CASE WHEN bool_or(rid IS NULL) THEN -1 ELSE CAST(count(DISTINCT rid) AS INTEGER) END AS r
    FROM m GROUP BY s, t ORDER BY s, t`);
  const byYear = await db.numbers(`SELECT s, t, year, CAST(sum(n) AS DOUBLE) AS n FROM g_yd GROUP BY s, t, year ORDER BY s, t, year`);
  const byDiscipline = await db.numbers(`
    SELECT s, t, di, n FROM (SELECT s, t, di, CAST(sum(n) AS DOUBLE) AS n, min(first) AS first FROM g_yd WHERE di IS NOT NULL GROUP BY s, t, di)
    ORDER BY s, t, first`);
  const byYearDiscipline = await db.numbers(`SELECT s, t, year, di, n FROM g_yd WHERE di IS NOT NULL ORDER BY s, t, year, first`);
  const [span] = await db.rows(`SELECT min(year) AS first, max(year) AS last FROM g_yd`);
  await db.run(`DROP TABLE g_yd; DROP TABLE dd`);
  return {
    names,
    span: span?.first === null || span?.first === undefined ? null : [Number(span.first), Number(span.last)],
    edges: edges as FlowArrays['edges'],
    byYear: byYear as FlowArrays['byYear'],
    byDiscipline: byDiscipline as FlowArrays['byDiscipline'],
    byYearDiscipline: byYearDiscipline as FlowArrays['byYearDiscipline'],
  };
}

/**
 * Builds the flow graph from the aggregated flows and the places: each typed array is walked
 * once, edge after edge, into the `FlowAttributes` objects of the JS engine.
 */
export function assembleGraph(flows: FlowArrays, parts: GraphParts): FlowGraph {
  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: false });
  graph.replaceAttributes({
    level: parts.level,
    years: flows.span,
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
  const names = flows.names;
  const { s: es, t: et, w: ew, r: er } = flows.edges;
  const { s: ys, t: yt, year: yy, n: yn } = flows.byYear;
  const { s: ds, t: dt, di: dd, n: dn } = flows.byDiscipline;
  const { s: xs, t: xt, year: xy, di: xd, n: xn } = flows.byYearDiscipline;
  let y = 0;
  let d = 0;
  let x = 0;
  for (let e = 0; e < es.length; e++) {
    const s = es[e]!;
    const t = et[e]!;
    const years: Record<string, number> = {};
    for (; y < ys.length && ys[y] === s && yt[y] === t; y++) years[yy[y]!] = yn[y]!;
    const disciplines: Record<string, number> = {};
    for (; d < ds.length && ds[d] === s && dt[d] === t; d++) disciplines[names[dd[d]!]!] = dn[d]!;
    const yearDisciplines: Record<string, Record<string, number>> = {};
    for (; x < xs.length && xs[x] === s && xt[x] === t; x++) (yearDisciplines[xy[x]!] ??= {})[names[xd[x]!]!] = xn[x]!;
    const source = ids[s]!;
    const target = ids[t]!;
    const r = er[e]!;
    graph.addDirectedEdgeWithKey(edgeKey(source, target), source, target, {
      weight: ew[e]!,
      researchers: r < 0 ? null : r,
      byYear: years,
      byDiscipline: disciplines,
      byYearDiscipline: yearDisciplines,
    });
  }
  return graph;
}

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


/**
 * Assembles the flow graph from `m` and the places. DuckDB hands over numbers only, as typed
 * arrays: the edges in (source, target) order with how many breakdown entries each has, and the
 * breakdown entries in the same order, so JS walks each array once and builds no intermediates.
 */
export async function graphFromMoves(db: Session, parts: GraphParts): Promise<FlowGraph> {
  // One pass over the moves by (edge, year, discipline); the coarser breakdowns come from it.
  // Disciplines travel as integer codes (`dd`).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE dd AS
      SELECT disc, CAST(row_number() OVER (ORDER BY disc) - 1 AS INTEGER) AS di FROM (SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL);
    CREATE OR REPLACE TEMP TABLE g_yd AS
      SELECT CAST(s AS INTEGER) AS s, CAST(t AS INTEGER) AS t, CAST(year AS INTEGER) AS year, dd.di, sum(cnt) AS n, min(okey) AS first
      FROM m LEFT JOIN dd ON dd.disc = m.disc GROUP BY ALL;
    CREATE OR REPLACE TEMP TABLE g_y AS SELECT s, t, year, CAST(sum(n) AS DOUBLE) AS n FROM g_yd GROUP BY s, t, year;
    CREATE OR REPLACE TEMP TABLE g_d AS SELECT s, t, di, CAST(sum(n) AS DOUBLE) AS n, min(first) AS first FROM g_yd WHERE di IS NOT NULL GROUP BY s, t, di`);
  const names = ((await db.columns(`SELECT disc FROM dd ORDER BY di`)).disc ?? []) as string[];
  // Researchers: -1 when some move of the edge has no researcher id (the count is unknown).
  const edges = await db.numbers(`
    SELECT e.s, e.t, e.w, e.r, y.ny, coalesce(d.nd, 0) AS nd, coalesce(x.nx, 0) AS nx
    FROM (SELECT CAST(s AS INTEGER) AS s, CAST(t AS INTEGER) AS t, CAST(sum(cnt) AS DOUBLE) AS w,
                 CASE WHEN bool_or(rid IS NULL) THEN -1 ELSE CAST(count(DISTINCT rid) AS INTEGER) END AS r
          FROM m GROUP BY s, t) e
    JOIN (SELECT s, t, CAST(count(*) AS INTEGER) AS ny FROM g_y GROUP BY s, t) y ON y.s = e.s AND y.t = e.t
    LEFT JOIN (SELECT s, t, CAST(count(*) AS INTEGER) AS nd FROM g_d GROUP BY s, t) d ON d.s = e.s AND d.t = e.t
    LEFT JOIN (SELECT s, t, CAST(count(*) AS INTEGER) AS nx FROM g_yd WHERE di IS NOT NULL GROUP BY s, t) x ON x.s = e.s AND x.t = e.t
    ORDER BY e.s, e.t`);
  const byYear = await db.numbers(`SELECT year, n FROM g_y ORDER BY s, t, year`);
  const byDiscipline = await db.numbers(`SELECT di, n FROM g_d ORDER BY s, t, first`);
  const byYearDiscipline = await db.numbers(`SELECT year, di, CAST(n AS DOUBLE) AS n FROM g_yd WHERE di IS NOT NULL ORDER BY s, t, year, first`);
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
  const { s: es, t: et, w: ew, r: er, ny, nd, nx } = edges as Record<string, Int32Array> & { w: Float64Array };
  const { year: yy, n: yn } = byYear;
  const { di: dd, n: dn } = byDiscipline;
  const { year: xy, di: xd, n: xn } = byYearDiscipline;
  let y = 0;
  let d = 0;
  let x = 0;
  for (let e = 0; e < es!.length; e++) {
    const years: Record<string, number> = {};
    for (const end = y + ny![e]!; y < end; y++) years[yy![y]!] = yn![y]!;
    const disciplines: Record<string, number> = {};
    for (const end = d + nd![e]!; d < end; d++) disciplines[names[dd![d]!]!] = dn![d]!;
    const yearDisciplines: Record<string, Record<string, number>> = {};
    for (const end = x + nx![e]!; x < end; x++) (yearDisciplines[xy![x]!] ??= {})[names[xd![x]!]!] = xn![x]!;
    const source = ids[es![e]!]!;
    const target = ids[et![e]!]!;
    const r = er![e]!;
    graph.addDirectedEdgeWithKey(edgeKey(source, target), source, target, {
      weight: ew![e]!,
      researchers: r < 0 ? null : r,
      byYear: years,
      byDiscipline: disciplines,
      byYearDiscipline: yearDisciplines,
    });
  }
  return graph;
}

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

type Columns = Record<string, unknown[]>;
const num = (c: Columns, name: string, i: number) => Number(c[name]![i]);

/** Assembles the flow graph from `m` and the places. */
export async function graphFromMoves(db: Session, parts: GraphParts): Promise<FlowGraph> {
  const edges = await db.columns(`
    SELECT s, t, sum(cnt) AS w, CASE WHEN bool_or(rid IS NULL) THEN NULL ELSE count(DISTINCT rid) END AS r
    FROM m GROUP BY s, t ORDER BY s, t`);
  const byYear = await db.columns(`SELECT s, t, year, sum(cnt) AS n FROM m GROUP BY s, t, year ORDER BY s, t, year`);
  const byDiscipline = await db.columns(`
    SELECT s, t, disc, sum(cnt) AS n, min(okey) AS first FROM m WHERE disc IS NOT NULL
    GROUP BY s, t, disc ORDER BY s, t, first`);
  const byYearDiscipline = await db.columns(`
    SELECT s, t, year, disc, sum(cnt) AS n, min(okey) AS first FROM m WHERE disc IS NOT NULL
    GROUP BY s, t, year, disc ORDER BY s, t, year, first`);
  const [span] = await db.rows(`SELECT min(year) AS first, max(year) AS last FROM m`);

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
  let y = 0;
  let d = 0;
  let yd = 0;
  const n = edges.s!.length;
  for (let e = 0; e < n; e++) {
    const s = num(edges, 's', e);
    const t = num(edges, 't', e);
    const same = (c: Columns, i: number) => i < c.s!.length && num(c, 's', i) === s && num(c, 't', i) === t;
    const years: Record<string, number> = {};
    for (; same(byYear, y); y++) years[String(byYear.year![y])] = num(byYear, 'n', y);
    const disciplines: Record<string, number> = {};
    for (; same(byDiscipline, d); d++) disciplines[String(byDiscipline.disc![d])] = num(byDiscipline, 'n', d);
    const yearDisciplines: Record<string, Record<string, number>> = {};
    for (; same(byYearDiscipline, yd); yd++) {
      (yearDisciplines[String(byYearDiscipline.year![yd])] ??= {})[String(byYearDiscipline.disc![yd])] = num(byYearDiscipline, 'n', yd);
    }
    const r = edges.r![e];
    graph.addDirectedEdgeWithKey(edgeKey(ids[s]!, ids[t]!), ids[s]!, ids[t]!, {
      weight: num(edges, 'w', e),
      researchers: r === null ? null : Number(r),
      byYear: years,
      byDiscipline: disciplines,
      byYearDiscipline: yearDisciplines,
    });
  }
  return graph;
}

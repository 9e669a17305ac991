/**
 * The flow store and graph from the moves table `m(okey, rid, s, t, year, disc, cnt)`: DuckDB
 * aggregates the flows and their breakdown cells, JS only assembles the columns. The result
 * equals `buildFlows` on the same moves: places, flows and cells in the same order, so every
 * output file is byte-identical between engines.
 */
import { compareText } from '../../graph/breakdowns.ts';
import type { FlowGraph, PlaceStock } from '../../graph/types.ts';
import { graphFromFlows } from '../../flows/graph.ts';
import { flowStore, type CellColumns, type FlowStore } from '../../flows/store.ts';
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
 * Aggregates `m` into the flow store's columns over the places `nodes` (indices into `places`,
 * ascending: the graph's nodes), handing them over as typed arrays (numbers only, no JS value
 * per cell), and drops its work tables again. Call {@link assembleGraph} with the result after
 * the session is closed, so that DuckDB's memory is free while the graph grows.
 */
export async function flowStoreFromDb(db: Session, places: readonly Place[], nodes: readonly number[]): Promise<FlowStore> {
  // Disciplines travel as integer codes (`dd`; −1: none), ordered by name.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE dd AS
      SELECT disc, CAST(row_number() OVER (ORDER BY disc) - 1 AS INTEGER) AS di FROM (SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL AND disc <> '')`);
  const names = ((await db.columns(`SELECT disc FROM dd ORDER BY di`)).disc ?? []) as string[];
  // Researchers: -1 when some move of the flow has no researcher id (the count is unknown).
  const f = await db.numbers(`
    SELECT CAST(s AS INTEGER) AS s, CAST(t AS INTEGER) AS t, CAST(sum(cnt) AS DOUBLE) AS w,
           CASE WHEN bool_or(rid IS NULL) THEN -1 ELSE CAST(count(DISTINCT rid) AS INTEGER) END AS r,
           CAST(min(year) AS INTEGER) AS first, CAST(max(year) AS INTEGER) AS last
    FROM m GROUP BY s, t ORDER BY s, t`);
  const c = await db.numbers(`
    SELECT CAST(s AS INTEGER) AS s, CAST(t AS INTEGER) AS t, CAST(year AS INTEGER) AS year, CAST(coalesce(dd.di, -1) AS INTEGER) AS di, CAST(sum(cnt) AS DOUBLE) AS n
    FROM m LEFT JOIN dd ON dd.disc = m.disc GROUP BY ALL ORDER BY s, t, year, di`);
  await db.run(`DROP TABLE dd`);
  return storeFromColumns(places, nodes, names, f as unknown as FlowRows, c as unknown as CellRows);
}

interface FlowRows { s: Int32Array; t: Int32Array; w: Float64Array; r: Int32Array; first: Int32Array; last: Int32Array }
interface CellRows { s: Int32Array; t: Int32Array; year: Int32Array; di: Int32Array; n: Float64Array }

/** The store from DuckDB's rows: place indices → node positions, cells → flow positions (merge walk). */
function storeFromColumns(places: readonly Place[], nodes: readonly number[], dbNames: string[], f: FlowRows, c: CellRows): FlowStore {
  const position = new Int32Array(places.length).fill(-1);
  nodes.forEach((p, i) => (position[p] = i));
  const n = f.s.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const researchers = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    source[k] = position[f.s[k]!]!;
    target[k] = position[f.t[k]!]!;
    researchers[k] = f.r[k]! < 0 ? NaN : f.r[k]!;
  }
  // DuckDB orders text by bytes (code points); the store by UTF-16 code units. They differ only
  // for characters above U+FFFF against U+E000–U+FFFF; remap the codes when they do.
  const names = [...dbNames].sort(compareText);
  const remap = dbNames.map((d) => names.indexOf(d));
  const m = c.s.length;
  const flow = new Int32Array(m);
  const discipline = new Int32Array(m);
  let k = 0;
  for (let j = 0; j < m; j++) {
    while (f.s[k] !== c.s[j] || f.t[k] !== c.t[j]) k++;
    flow[j] = k;
    const d = c.di[j]!;
    discipline[j] = d < 0 ? -1 : remap[d]!;
  }
  let cells: CellColumns = { flow, year: c.year, discipline, moves: c.n };
  if (remap.some((to, from) => to !== from)) cells = sortCells(cells);
  return flowStore({
    places: nodes.map((p) => places[p]!.id),
    disciplines: names,
    flows: { source, target, moves: f.w, researchers, firstYear: Float64Array.from(f.first), lastYear: Float64Array.from(f.last) },
    cells,
  });
}

function sortCells(cells: CellColumns): CellColumns {
  const { flow, year, discipline, moves } = cells;
  const order = Int32Array.from({ length: flow.length }, (_, i) => i);
  order.sort((a, b) => flow[a]! - flow[b]! || year[a]! - year[b]! || discipline[a]! - discipline[b]!);
  return {
    flow: order.map((i) => flow[i]!),
    year: order.map((i) => year[i]!),
    discipline: order.map((i) => discipline[i]!),
    moves: Float64Array.from(order, (i) => moves[i]!),
  };
}

/** Builds the flow graph from the flow store and the places, in one pass over the flows. */
export function assembleGraph(store: FlowStore, parts: GraphParts): FlowGraph {
  const nodes = parts.nodes;
  return graphFromFlows(
    store,
    (i) => {
      const { id: _id, ...place } = parts.places[nodes[i]!]!;
      return parts.stock ? { ...place, ...(parts.stock.get(nodes[i]!) ?? emptyPlaceStock(parts.window!)) } : place;
    },
    { level: parts.level, window: parts.window, kind: parts.kind, movesWithinPlace: parts.movesWithinPlace },
  );
}

/**
 * The flow store and graph from the moves table `m(rid, s, t, year, disc, cnt)`: DuckDB
 * aggregates the flows and their breakdown cells, JS only assembles the columns. The result
 * equals `buildFlows` on the same moves: places, flows and cells in the same order, so every
 * output file is byte-identical between engines.
 */
import type { FlowGraph, PlaceStock } from '../../graph/types.ts';
import { graphFromFlows } from '../../flows/graph.ts';
import type { FlowStore } from '../../flows/store.ts';
import { DUCKDB } from '../sql/dialect.ts';
import { flowQueries, flowStoreFromArrays, type FlowArrays } from '../sql/flows.ts';
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
 * Aggregates `m` with the shared flow queries (`src/engines/sql/flows.ts`, rendered for DuckDB:
 * the ClickHouse engine runs the same ones) into the flow store over the places `nodes` (indices
 * into `places`, ascending: the graph's nodes). Results come back as typed arrays (numbers only,
 * no JS value per cell): disciplines travel as integer codes (`dd`). Call {@link assembleGraph}
 * with the result after the session is closed, so that DuckDB's memory is free while the graph grows.
 */
export async function flowStoreFromDb(db: Session, places: readonly Place[], nodes: readonly number[]): Promise<FlowStore> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE dd AS
      SELECT disc, CAST(row_number() OVER (ORDER BY disc) - 1 AS INTEGER) AS di FROM (SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL AND disc <> '')`);
  const names = ((await db.columns(`SELECT disc FROM dd ORDER BY di`)).disc ?? []) as string[];
  const q = flowQueries(DUCKDB, {
    head: '',
    from: 'm LEFT JOIN dd ON dd.disc = m.disc',
    where: '1 = 1',
    rid: 'm.rid',
    s: 'CAST(m.s AS INTEGER)',
    t: 'CAST(m.t AS INTEGER)',
    year: 'CAST(m.year AS INTEGER)',
    disc: 'coalesce(dd.di, -1)',
    cnt: 'CAST(m.cnt AS DOUBLE)',
  });
  const [es, et, ew, er] = Object.values(await db.numbers(q.edges));
  const [cs, ct, cy, cd, cn] = Object.values(await db.numbers(q.cells));
  const span = Object.values(await db.columns(q.span)).map((c) => c[0]);
  await db.run(`DROP TABLE dd`);
  const int = (x: unknown) => x as Int32Array;
  const float = (x: unknown) => x as Float64Array;
  const arrays: FlowArrays = {
    names,
    span: span[0] === null || span[0] === undefined ? null : [Number(span[0]), Number(span[1])],
    edges: { s: int(es), t: int(et), w: float(ew), r: int(er) },
    cells: { s: int(cs), t: int(ct), year: int(cy), di: int(cd), n: float(cn) },
  };
  return flowStoreFromArrays(places, nodes, arrays);
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

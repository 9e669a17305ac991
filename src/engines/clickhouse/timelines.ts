/**
 * Move derivation from affiliation timelines on the cluster.
 */
import { OptionError } from '../../errors.ts';
import type { PlaceStock } from '../../graph/types.ts';
import type { FlowArrays } from '../duckdb/graph.ts';
import type { Connection } from './connection.ts';

/** The derived flows, nodes, stock and counts. */
export interface DerivedTimelines {
  flows: FlowArrays;
  nodes: number[];
  stock: Map<number, PlaceStock>;
  researchers: { total: number; active: number };
  records: number;
}

export async function deriveTimelines(
  _conn: Connection,
  _q: { head: string; from: string; where: string; window: [number, number]; years: [number, number] | null },
): Promise<DerivedTimelines> {
  throw new OptionError('kind', 'timelines', 'moves for the ClickHouse engine (timelines: --engine duckdb)');
}

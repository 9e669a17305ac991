/**
 * The rows of the flows table: every flow the map draws (so the table follows every filter:
 * years, discipline, minimum, top-k, backbone, the legend's places and the selected place's
 * direction), with its share of the moves drawn, sorted by any column.
 *
 *   moves        the flow's weight after the year and discipline filters
 *   researchers  distinct researchers behind the moves (graph.json / flows.arrow); null when
 *                unknown, e.g. once a year or discipline filter splits the flow
 *   share        moves ÷ Σ moves of every row (not only the rows shown)
 */
import type { FlowGraph } from '../../../src/graph/types.ts';
import type { RenderGraph } from '../render-graph.ts';
import type { TableColumn, TableSort } from '../state.ts';

export interface FlowRow {
  /** The flow's edge key in the drawn graph (the map's key for it). */
  edge: string;
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  moves: number;
  researchers: number | null;
  share: number;
}

/**
 * The table's rows: the drawn flows, researchers read from the selection they were drawn from.
 *
 * @example flowRows(render.graph, selection.drawn)[0] // { source: 'Shanghai', target: 'Beijing', moves: 404, researchers: 404, share: 0.0076, ... }
 */
export function flowRows(drawn: RenderGraph, selection: FlowGraph): FlowRow[] {
  let total = 0;
  drawn.forEachEdge((_e, a) => (total += a.weight));
  return drawn.mapEdges((edge, a, source, target) => {
    const r = selection.hasEdge(edge) ? selection.getEdgeAttribute(edge, 'researchers') : null;
    return {
      edge,
      source,
      target,
      sourceLabel: drawn.getNodeAttribute(source, 'label'),
      targetLabel: drawn.getNodeAttribute(target, 'label'),
      moves: a.weight,
      researchers: typeof r === 'number' && Number.isFinite(r) ? r : null,
      share: total > 0 ? a.weight / total : 0,
    };
  });
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares two rows by a column; unknown researchers sort after every number in both
 * directions, and ties fall back to moves (largest first), then source and target.
 */
export function compareRows(column: TableColumn, descending: boolean): (a: FlowRow, b: FlowRow) => number {
  const sign = descending ? -1 : 1;
  const tie = (a: FlowRow, b: FlowRow) => b.moves - a.moves || text(a.sourceLabel, b.sourceLabel) || text(a.targetLabel, b.targetLabel) || text(a.source, b.source) || text(a.target, b.target);
  switch (column) {
    case 'source':
      return (a, b) => sign * text(a.sourceLabel, b.sourceLabel) || tie(a, b);
    case 'target':
      return (a, b) => sign * text(a.targetLabel, b.targetLabel) || tie(a, b);
    case 'researchers':
      return (a, b) => {
        if (a.researchers === null || b.researchers === null) return (a.researchers === null ? 1 : 0) - (b.researchers === null ? 1 : 0) || tie(a, b);
        return sign * (a.researchers - b.researchers) || tie(a, b);
      };
    default:
      return (a, b) => sign * (a.moves - b.moves) || tie(a, b);
  }
}

/** The rows sorted as the table shows them (a new array). */
export function sortRows(rows: FlowRow[], sort: TableSort): FlowRow[] {
  return [...rows].sort(compareRows(sort.column, sort.descending));
}

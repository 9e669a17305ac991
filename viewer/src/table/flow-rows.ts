/**
 * The rows of the flows table: every flow the map draws (so the table follows every filter:
 * years, discipline, minimum, top-k, backbone, the legend's places and the selected place's
 * direction), with its share of the moves drawn, sorted by any column.
 *
 *   moves        the flow's weight after the year and discipline filters
 *   researchers  distinct researchers behind the moves (graph.json / flows.arrow); null when
 *                unknown, e.g. once a year or discipline filter splits the flow
 *   share        moves ÷ Σ moves of every row (not only the rows shown)
 *
 * The drawn flows are held as columns and only the rows shown become objects: the top N of
 * 50,000 flows are found in one pass that keeps the best N (names compared as integer ranks),
 * not by sorting every flow, and researchers are looked up only for the rows shown unless the
 * table is sorted by them.
 */
import type { FlowGraph } from 'talentflow';
import type { RenderMap } from '../render-graph.ts';
import type { TableSort } from '../state.ts';

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

/** Every drawn flow as columns, in the drawn graph's edge order. */
export interface FlowColumns {
  edges: readonly string[];
  sources: string[];
  targets: string[];
  /** Positions of the source's and target's (label, id) in A–Z order: name sorts compare integers. */
  sourceRank: Int32Array;
  targetRank: Int32Array;
  moves: Float64Array;
  /** Σ moves of every flow (the share's denominator). */
  total: number;
  /** Place id → label. */
  labels: Map<string, string>;
  /** Researchers of flow i (null when unknown), looked up in the selection on demand. */
  researchers(i: number): number | null;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The drawn flows as columns, researchers read from the selection they were drawn from.
 *
 * @example flowColumns(render, selection.drawn).edges.length // the flows drawn
 */
export function flowColumns(drawn: RenderMap, selection: FlowGraph): FlowColumns {
  const names = drawn.places.mapNodes((node, a) => ({ node, label: a.label }));
  names.sort((a, b) => text(a.label, b.label) || text(a.node, b.node));
  const rank = new Map<string, number>();
  const labels = new Map<string, string>();
  names.forEach((n, i) => {
    rank.set(n.node, i);
    labels.set(n.node, n.label);
  });
  const f = drawn.flows;
  const n = f.length;
  const edges = f.keys;
  const sources: string[] = new Array(n);
  const targets: string[] = new Array(n);
  const sourceRank = new Int32Array(n);
  const targetRank = new Int32Array(n);
  const moves = f.weight;
  // Ranks by place number, then by flow: one map lookup a place, not two a flow.
  const rankOf = Int32Array.from(f.places, (p) => rank.get(p)!);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sources[i] = f.places[f.source[i]!]!;
    targets[i] = f.places[f.target[i]!]!;
    sourceRank[i] = rankOf[f.source[i]!]!;
    targetRank[i] = rankOf[f.target[i]!]!;
    total += moves[i]!;
  }
  const known = new Map<number, number | null>();
  const researchers = (k: number): number | null => {
    if (known.has(k)) return known.get(k)!;
    const edge = edges[k]!;
    const r = selection.hasEdge(edge) ? selection.getEdgeAttribute(edge, 'researchers') : null;
    const value = typeof r === 'number' && Number.isFinite(r) ? r : null;
    known.set(k, value);
    return value;
  };
  return { edges, sources, targets, sourceRank, targetRank, moves, total, labels, researchers };
}

/**
 * Compares two flows (column positions) by a column: names A–Z by label then id; unknown
 * researchers after every number in both directions; ties by moves (largest first), then
 * source and target names.
 */
export function compareFlows(c: FlowColumns, sort: TableSort): (i: number, j: number) => number {
  const sign = sort.descending ? -1 : 1;
  const { moves, sourceRank: sr, targetRank: tr } = c;
  const tie = (i: number, j: number) => moves[j]! - moves[i]! || sr[i]! - sr[j]! || tr[i]! - tr[j]!;
  switch (sort.column) {
    case 'source':
      return (i, j) => sign * (sr[i]! - sr[j]!) || tie(i, j);
    case 'target':
      return (i, j) => sign * (tr[i]! - tr[j]!) || tie(i, j);
    case 'researchers':
      return (i, j) => {
        const a = c.researchers(i);
        const b = c.researchers(j);
        if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0) || tie(i, j);
        return sign * (a - b) || tie(i, j);
      };
    default:
      return (i, j) => sign * (moves[i]! - moves[j]!) || tie(i, j);
  }
}

/**
 * The first `n` flows in the table's order (or all, when fewer). One pass keeps the best n in
 * order, inserting a flow only when it beats the last kept: about flows + n·log(flows/n)·n
 * steps, instead of sorting every flow.
 */
export function topRows(c: FlowColumns, sort: TableSort, n: number): FlowRow[] {
  const cmp = compareFlows(c, sort);
  const count = c.edges.length;
  let best: number[];
  if (n >= count / 4) {
    best = Array.from({ length: count }, (_v, i) => i)
      .sort(cmp)
      .slice(0, n);
  } else {
    best = [];
    for (let i = 0; i < count; i++) {
      if (best.length === n && cmp(i, best[n - 1]!) >= 0) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(best[mid]!, i) <= 0) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, i);
      if (best.length > n) best.pop();
    }
  }
  return best.map((i) => ({
    edge: c.edges[i]!,
    source: c.sources[i]!,
    target: c.targets[i]!,
    sourceLabel: c.labels.get(c.sources[i]!)!,
    targetLabel: c.labels.get(c.targets[i]!)!,
    moves: c.moves[i]!,
    researchers: c.researchers(i),
    share: c.total > 0 ? c.moves[i]! / c.total : 0,
  }));
}

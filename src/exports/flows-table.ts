/**
 * `flows.csv`: one row per edge A → B of the flow graph, the moves from A to B, with the per-flow
 * measures the analyses wrote onto the edge (`gravity.ts`: expected, excess;
 * `disparity-backbone.ts`: disparityAlpha, backbone), empty where absent.
 */
import type { FlowGraph } from '../graph/types.ts';
import { flowOfEachEdge, storeEdgesOf } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';
import { CHUNK_CHARS } from './chunks.ts';
import { asText, BYTE_CHUNK, ByteChunks, utf8 } from './byte-chunks.ts';
import { deferredEdges } from '../flows/lazy-edges.ts';
import { checkLineEnding, formatCell, formatNumber, quoteField, type CsvOptions, type Table } from './csv.ts';
import { compareKeys } from '../compare-keys.ts';

/** The columns of `flows.csv`, in order. */
export const FLOWS_COLUMNS: readonly string[] = [
  'source',
  'source_label',
  'target',
  'target_label',
  'weight',
  'researchers',
  'first_year',
  'last_year',
  'expected',
  'excess',
  'disparity_alpha',
  'backbone',
];

/** Edge attributes written by the per-flow measures, in the column order of {@link FLOWS_COLUMNS}. */
export const FLOW_MEASURE_ATTRIBUTES: readonly string[] = ['expected', 'excess', 'disparityAlpha', 'backbone'];

/**
 * The first and last year with at least one move in a `byYear` breakdown, or nulls when it
 * is absent or empty (for graphs that carry breakdowns on their edges; the pipeline's graphs
 * keep them in the flow store).
 *
 * @example yearSpan({ '2019': 2, '2021': 1 }) // [2019, 2021]
 */
export function yearSpan(byYear: unknown): [number, number] | [null, null] {
  if (byYear === null || typeof byYear !== 'object') return [null, null];
  let first = Infinity;
  let last = -Infinity;
  // The own enumerable keys, as Object.entries lists them, without allocating the entries.
  const years = Object.keys(byYear);
  for (let i = 0; i < years.length; i++) {
    const year = years[i]!;
    const count = (byYear as Record<string, unknown>)[year];
    if (typeof count !== 'number' || !(count > 0)) continue;
    const y = Number(year);
    if (!Number.isInteger(y)) continue;
    if (y < first) first = y;
    if (y > last) last = y;
  }
  return first <= last ? [first, last] : [null, null];
}

/**
 * The flows table: source and target keys with their labels, weight (moves), distinct
 * researchers (empty for aggregated input) and the first and last year with a move (from the
 * flow store when given, else from an edge attribute `byYear`). Sorted by weight (largest
 * first), then source, then target.
 *
 * @example
 * const { columns, rows } = flowsTable(graph);
 * rows[0]; // { source: 'Beijing', source_label: 'Beijing', target: 'Shenzhen', …, weight: 2731, … }
 */
export function flowsTable(graph: FlowGraph, flows: FlowStore | null = null): Table {
  const rows: Record<string, unknown>[] = [];
  const spans = edgeYearSpans(graph, flows);
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const [firstYear, lastYear] = spans(e++, attributes);
    rows.push({
      source,
      source_label: sourceAttributes.label ?? null,
      target,
      target_label: targetAttributes.label ?? null,
      weight: attributes.weight ?? null,
      researchers: attributes.researchers ?? null,
      first_year: firstYear,
      last_year: lastYear,
      expected: attributes['expected'] ?? null,
      excess: attributes['excess'] ?? null,
      disparity_alpha: attributes['disparityAlpha'] ?? null,
      backbone: attributes['backbone'] ?? null,
    });
  });
  rows.sort((a, b) => {
    const wa = a['weight'] as number | null;
    const wb = b['weight'] as number | null;
    if (wa !== wb) {
      if (wa === null) return 1;
      if (wb === null) return -1;
      return wb - wa;
    }
    return compareKeys(a['source'] as string, b['source'] as string) || compareKeys(a['target'] as string, b['target'] as string);
  });
  return { columns: [...FLOWS_COLUMNS], rows };
}

/**
 * `flows.csv` as text chunks of about 64 K characters: exactly `tableToCsv(flowsTable(graph),
 * options)`, built from columns of the edges' values and a sorted index instead of a row object
 * per edge, and written a chunk at a time. Memory: about 40 bytes per edge. The line ending is
 * checked at once (`OptionError`); the graph is read when the first chunk is asked for and must
 * not change while the chunks are consumed.
 *
 * @example await writeFileAtomic('out/flows.csv', flowsCsvChunks(graph));
 */
export function flowsCsvChunks(
  graph: FlowGraph,
  options: CsvOptions = {},
  flows: FlowStore | null = null,
): Generator<string, void, undefined> {
  const eol = checkLineEnding(options);
  return asText(writeFlowsCsv(graph, eol, flows, CHUNK_CHARS));
}

/**
 * {@link flowsCsvChunks}'s file as UTF-8 byte chunks of about 1 MiB (what the writers of an
 * analysis folder use: no string is made per row). A graph over `flows` whose edges are still
 * deferred (`lazy-edges.ts`) is written from the store's columns without adding its edges.
 */
export function flowsCsvBytes(
  graph: FlowGraph,
  options: CsvOptions = {},
  flows: FlowStore | null = null,
): Generator<Uint8Array, void, undefined> {
  const eol = checkLineEnding(options);
  return writeFlowsCsv(graph, eol, flows, BYTE_CHUNK);
}

/**
 * Year span of the e-th edge (in `forEachEdge` order): from the flow store when there is one and
 * it holds the flow, else from the edge's `byYear` attribute.
 */
export function edgeYearSpans(
  graph: FlowGraph,
  flows: FlowStore | null,
): (e: number, attributes: Record<string, unknown>) => [number, number] | [null, null] {
  if (flows === null) return (_e, attributes) => yearSpan(attributes['byYear']);
  const at = flowOfEachEdge(graph, flows);
  const { firstYear, lastYear } = flows.flows;
  return (e, attributes) => {
    const f = at[e]!;
    if (f < 0) return yearSpan(attributes['byYear']);
    const first = firstYear[f]!;
    const last = lastYear[f]!;
    return !Number.isNaN(first) && !Number.isNaN(last) ? [first, last] : [null, null];
  };
}

function* writeFlowsCsv(graph: FlowGraph, eol: string, flows: FlowStore | null, limit: number): Generator<Uint8Array, void, undefined> {
  // Per place: its position in key order (for the sort) and its "key,label" cells, as bytes.
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const rank = new Int32Array(keys.length);
  [...keys].sort(compareKeys).forEach((key, r) => (rank[index.get(key)!] = r));
  const cells = keys.map((key) =>
    utf8(`${quoteField(formatCell(key))},${quoteField(formatCell(graph.getNodeAttribute(key, 'label') ?? null))}`),
  );

  const n = graph.size;
  // The per-flow measures as numbers (NaN: empty cell; backbone −1 empty, 0 false, 1 true), 25 bytes
  // per edge; an edge whose values are of another type (not written by the library) keeps its cells as text.
  const expected = new Float64Array(n);
  const excess = new Float64Array(n);
  const alpha = new Float64Array(n);
  const backbone = new Int8Array(n);
  const irregular = new Map<number, string>();
  const measures = (e: number, attributes: Record<string, unknown>) => {
    const x = attributes['expected'] ?? null;
    const r = attributes['excess'] ?? null;
    const a = attributes['disparityAlpha'] ?? null;
    const b = attributes['backbone'] ?? null;
    if (numberOrNull(x) && numberOrNull(r) && numberOrNull(a) && (b === null || typeof b === 'boolean')) {
      expected[e] = (x as number | null) ?? NaN;
      excess[e] = (r as number | null) ?? NaN;
      alpha[e] = (a as number | null) ?? NaN;
      backbone[e] = b === null ? -1 : b ? 1 : 0;
    } else {
      irregular.set(e, FLOW_MEASURE_ATTRIBUTES.map((name) => cell(attributes[name] ?? null)).join(','));
    }
  };

  let sources: Int32Array;
  let targets: Int32Array;
  // Numbers from the store; any value from the edges of another graph (written as tableToCsv would).
  let weights: ArrayLike<unknown>;
  let researchers: ArrayLike<unknown>;
  let firstYears: Float64Array;
  let lastYears: Float64Array;
  const fromStore = flows !== null && storeEdgesOf(graph) === flows;
  if (fromStore) {
    // Edge e is flow e, node i place i (storeEdgesOf): every column but the measures is the store's.
    ({ source: sources, target: targets, moves: weights, researchers, firstYear: firstYears, lastYear: lastYears } = flows.flows);
    if (!measureColumns(graph, expected, excess, alpha, backbone)) {
      let e = 0;
      graph.forEachEdge((_edge, attributes) => measures(e++, attributes));
    }
  } else {
    sources = new Int32Array(n);
    targets = new Int32Array(n);
    const w: unknown[] = (weights = new Array(n));
    const rs: unknown[] = (researchers = new Array(n));
    firstYears = new Float64Array(n);
    lastYears = new Float64Array(n);
    const spans = edgeYearSpans(graph, flows);
    let e = 0;
    graph.forEachEdge((_edge, attributes, source, target) => {
      sources[e] = index.get(source)!;
      targets[e] = index.get(target)!;
      w[e] = attributes.weight ?? null;
      rs[e] = attributes.researchers ?? null;
      const [first, last] = spans(e, attributes);
      measures(e, attributes);
      firstYears[e] = first ?? NaN;
      lastYears[e++] = last ?? NaN;
    });
  }

  const order = fromStore
    ? (storeOrder(flows.flows.moves, rank) ?? rowOrder(n, weights, rank, sources, targets))
    : rowOrder(n, weights, rank, sources, targets);
  const out = new ByteChunks(limit);
  out.text(FLOWS_COLUMNS.map(quoteField).join(',') + eol);
  const numbers = fromStore;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const sc = cells[sources[i]!]!;
    const tc = cells[targets[i]!]!;
    out.bytes(sc, sc.chars);
    out.byte(COMMA);
    out.bytes(tc, tc.chars);
    out.byte(COMMA);
    if (numbers) out.plain(weights[i] as number);
    else out.text(cell(weights[i]));
    out.byte(COMMA);
    if (numbers) out.plain(researchers[i] as number);
    else out.text(cell(researchers[i]));
    out.byte(COMMA);
    out.plain(firstYears[i]!);
    out.byte(COMMA);
    out.plain(lastYears[i]!);
    out.byte(COMMA);
    const odd = irregular.size ? irregular.get(i) : undefined;
    if (odd !== undefined) out.text(odd);
    else {
      out.plain(expected[i]!);
      out.byte(COMMA);
      out.plain(excess[i]!);
      out.byte(COMMA);
      out.plain(alpha[i]!);
      out.byte(COMMA);
      if (backbone[i]! >= 0) out.ascii(backbone[i] ? 'true' : 'false');
    }
    out.ascii(eol);
    if (out.full) yield out.take();
  }
  yield out.rest();
}

const COMMA = 44;

/**
 * The per-flow measures of a graph whose edges are deferred, read from its columns into the
 * arrays (absent: empty); false when the edges exist or a column is not of the library's type
 * (the edges are then read).
 */
function measureColumns(graph: FlowGraph, expected: Float64Array, excess: Float64Array, alpha: Float64Array, backbone: Int8Array): boolean {
  const deferred = deferredEdges(graph);
  if (!deferred) return false;
  const byName = new Map(deferred.columns.map((c) => [c.name, c]));
  const numbers: [string, Float64Array][] = [
    ['expected', expected],
    ['excess', excess],
    ['disparityAlpha', alpha],
  ];
  for (const [name] of numbers) if (byName.has(name) && byName.get(name)!.kind !== 'number') return false;
  const flags = byName.get('backbone');
  if (flags && flags.kind !== 'boolean') return false;
  // NaN and null both give an empty cell.
  for (const [name, into] of numbers) {
    const column = byName.get(name);
    if (column) into.set(column.values);
    else into.fill(NaN);
  }
  if (flags) backbone.set(flags.values);
  else backbone.fill(-1);
  return true;
}

/**
 * flowsTable's order and comparator, on edge numbers: the same comparisons in the same sequence
 * (a key's rank compares as compareKeys compares the key), so the same order.
 */
function rowOrder(n: number, weights: ArrayLike<unknown>, rank: Int32Array, sources: Int32Array, targets: Int32Array): ArrayLike<number> {
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => {
    const wa = weights[a] as number | null;
    const wb = weights[b] as number | null;
    if (wa !== wb) {
      if (wa === null) return 1;
      if (wb === null) return -1;
      return wb - wa;
    }
    return rank[sources[a]!]! - rank[sources[b]!]! || rank[targets[a]!]! - rank[targets[b]!]!;
  });
  return order;
}

/**
 * The same order for the store's flows, by one numeric sort: flows are in (source, target) order
 * of the place index, so when place i has rank i, "weight descending, then source, target" is
 * "weight descending, then flow number", packed exactly into one double per flow when the
 * weights are whole numbers small enough. The comparator is a total order, so any correct sort
 * gives this order (a counting sort when the weights are few enough). Null when the weights or ranks do not allow it.
 */
function storeOrder(moves: Float64Array, rank: Int32Array): Uint32Array | null {
  for (let i = 0; i < rank.length; i++) if (rank[i] !== i) return null;
  const n = moves.length;
  let max = 0;
  for (let f = 0; f < n; f++) {
    const w = moves[f]!;
    if (!(w >= 0 && Number.isInteger(w))) return null;
    if (w > max) max = w;
  }
  // Weights in a range not much wider than the flows (moves usually are): a counting sort by
  // weight, largest first, flows in increasing order within a weight; the same order in one pass.
  if (max <= 4 * n + 1024) {
    const at = new Int32Array(max + 2);
    for (let f = 0; f < n; f++) at[max - moves[f]! + 1]!++;
    for (let k = 1; k <= max + 1; k++) at[k]! += at[k - 1]!;
    const order = new Uint32Array(n);
    for (let f = 0; f < n; f++) order[at[max - moves[f]!]!++] = f;
    return order;
  }
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  if ((max + 1) * scale > Number.MAX_SAFE_INTEGER) return null;
  const keys = new Float64Array(n);
  for (let f = 0; f < n; f++) keys[f] = (max - moves[f]!) * scale + f;
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k]! % scale;
  return order;
}

const numberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && !Number.isNaN(v));

/** A cell as tableToCsv writes it; numbers (the usual case) never need quotes; NaN is empty, as null. */
function cell(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : quoteField(formatCell(value));
}

/**
 * `flows.csv`: one row per edge A → B of the flow graph, the moves from A to B, with the per-flow
 * measures the analyses wrote onto the edge (`gravity.ts`: expected, excess;
 * `disparity-backbone.ts`: disparityAlpha, backbone), empty where absent.
 */
import type { FlowGraph } from '../graph/types.ts';
import { flowOfEachEdge, storeEdgesOf } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';
import { CHUNK_CHARS } from './chunks.ts';
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
  return writeFlowsCsv(graph, eol, flows);
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

function* writeFlowsCsv(graph: FlowGraph, eol: string, flows: FlowStore | null): Generator<string, void, undefined> {
  // Per place: its position in key order (for the sort) and its "key,label" cells.
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const rank = new Int32Array(keys.length);
  [...keys].sort(compareKeys).forEach((key, r) => (rank[index.get(key)!] = r));
  const cells = keys.map((key) => `${quoteField(formatCell(key))},${quoteField(formatCell(graph.getNodeAttribute(key, 'label') ?? null))}`);

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
  if (flows !== null && storeEdgesOf(graph) === flows) {
    // Edge e is flow e, node i place i (storeEdgesOf): every column but the measures is the store's.
    ({ source: sources, target: targets, moves: weights, researchers, firstYear: firstYears, lastYear: lastYears } = flows.flows);
    let e = 0;
    graph.forEachEdge((_edge, attributes) => measures(e++, attributes));
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

  // flowsTable's order and comparator, on edge numbers: the same comparisons in the same
  // sequence (a key's rank compares as compareKeys compares the key), so the same order.
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

  let out = FLOWS_COLUMNS.map(quoteField).join(',') + eol;
  for (const i of order) {
    const first = firstYears[i]!;
    const last = lastYears[i]!;
    out += `${cells[sources[i]!]},${cells[targets[i]!]},${cell(weights[i])},${cell(researchers[i])},${!Number.isNaN(first) ? formatNumber(first) : ''},${!Number.isNaN(last) ? formatNumber(last) : ''},${(irregular.size ? irregular.get(i) : undefined) ?? `${formatNumber(expected[i]!)},${formatNumber(excess[i]!)},${formatNumber(alpha[i]!)},${backbone[i]! < 0 ? '' : backbone[i] ? 'true' : 'false'}`}${eol}`;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  yield out;
}

const numberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && !Number.isNaN(v));

/** A cell as tableToCsv writes it; numbers (the usual case) never need quotes; NaN is empty, as null. */
function cell(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : quoteField(formatCell(value));
}

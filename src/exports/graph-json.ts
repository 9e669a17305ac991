/**
 * `graph.json`: the flow graph in graphology's serialisation format, with every node, edge and
 * graph attribute (breakdowns by year and discipline included). The viewer and the notebooks
 * load it with {@link graphFromJson}.
 *
 * Edge keys are left out: the flow graph is simple (at most one edge A → B), so source and
 * target identify an edge, and graphology's generated keys (`geid_7_0`) depend on how many
 * graphs the process created before, which would make the file differ from run to run.
 *
 * The text is produced element by element ({@link graphJsonChunks}): a graph of millions of
 * flows gives a file of gigabytes, beyond what one JavaScript string can hold.
 */
import { DirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { InputError, TalentFlowError } from '../errors.ts';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes } from '../graph/types.ts';
import { asciiJson } from './ascii-json.ts';
import { CHUNK_CHARS, chunksToString } from './chunks.ts';
import { asText, BYTE_CHUNK, ByteChunks, utf8 } from './byte-chunks.ts';
import { deferredEdges, type EdgeColumn } from '../flows/lazy-edges.ts';
import type { FlowStore } from '../flows/store.ts';

/** JSON.stringify with non-ASCII characters escaped (ascii-json.ts): graph.json is pure ASCII. */
const json = (value: unknown): string => asciiJson(JSON.stringify(value));

/** The content of `graph.json`. */
export type SerializedFlowGraph = SerializedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>;

/**
 * The graph as a plain, JSON-safe object: graphology's `graph.export()` without edge keys.
 * Throws `TalentFlowError` when an attribute holds NaN or ±Infinity, which JSON cannot carry
 * (it would silently become null): measures mark "does not apply" with null instead.
 *
 * @example graphToObject(graph).nodes[0] // { key: 'Boston', attributes: { label: 'Boston', … } }
 */
export function graphToObject(graph: FlowGraph): SerializedFlowGraph {
  const data = graph.export();
  for (const edge of data.edges) delete edge.key;
  assertFinite(data.attributes, 'graph attributes');
  for (const node of data.nodes) assertFinite(node.attributes, `node ${JSON.stringify(node.key)}`);
  for (const edge of data.edges) assertFinite(edge.attributes, `edge ${JSON.stringify(edge.source)} → ${JSON.stringify(edge.target)}`);
  return data;
}

/**
 * `graph.json` text: {@link graphToObject} as JSON, one line, ending with a newline, pure ASCII
 * (other characters written as `\uXXXX` escapes: browsers decode the file several times faster;
 * ascii-json.ts). Numbers
 * are written with the shortest digits that read back as the same double, so a round trip
 * through {@link graphFromJson} gives identical values. For graphs whose file would not fit in
 * one string (above roughly a million flows with breakdowns) write {@link graphJsonChunks}.
 *
 * @example writeOutputs('out', { 'graph.json': graphToJson(graph) });
 */
export function graphToJson(graph: FlowGraph): string {
  return chunksToString(graphJsonChunks(graph));
}

/**
 * `graph.json` as text chunks of about 64 K characters whose concatenation is exactly
 * {@link graphToJson}'s text: `JSON.stringify` of {@link graphToObject} (non-ASCII escaped), produced one node and
 * one edge at a time, so the file is never held whole (neither as a string nor as the
 * `graph.export()` copy). Nothing is read before the first chunk is asked for; the graph must
 * not change while the chunks are consumed. Throws `TalentFlowError` (from the iterator) on the
 * first NaN or ±Infinity attribute, in the same order as {@link graphToObject}: graph attributes,
 * nodes, edges. A caller that has just run {@link assertJsonSafe} on the unchanged graph passes
 * `{ checked: true }` so that the same walk is not made twice (it is a third of the writing time on
 * a million flows).
 *
 * @example await writeFileAtomic('out/graph.json', graphJsonChunks(graph));
 */
export function graphJsonChunks(graph: FlowGraph, options: { checked?: boolean } = {}): Generator<string, void, undefined> {
  return asText(graphJsonBytes(graph, options, CHUNK_CHARS));
}

/**
 * {@link graphJsonChunks}'s file as UTF-8 byte chunks of about 1 MiB (`limit` bytes), what the
 * writers of an analysis folder use. A flow graph whose edges are still deferred
 * (`lazy-edges.ts`) has its edges written from the flow store's columns and the per-flow
 * measure columns, with the same text as the edges would give, without adding them.
 */
export function* graphJsonBytes(
  graph: FlowGraph,
  options: { checked?: boolean } = {},
  limit: number = BYTE_CHUNK,
): Generator<Uint8Array, void, undefined> {
  const check = options.checked === true ? () => {} : checkFinite;
  const attributes = graph.getAttributes();
  check(attributes, () => 'graph attributes');
  const graphOptions = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  const out = new ByteChunks(limit);
  out.text(`{"options":${json(graphOptions)},"attributes":${json(attributes)},"nodes":[`);
  let first = true;
  // Each node key's JSON, written once per node rather than twice per edge.
  const keyJson = new Map<string, Uint8Array & { chars: number }>();
  const keys: (Uint8Array & { chars: number })[] = [];
  // graph.export()'s shape: { key, attributes? } per node, attributes left out when empty.
  for (const { node, attributes: a } of graph.nodeEntries()) {
    check(a, () => `node ${JSON.stringify(node)}`);
    const key = utf8(json(node));
    keyJson.set(node, key);
    keys.push(key);
    out.ascii(first ? '{"key":' : ',{"key":');
    out.bytes(key, key.chars);
    if (!isEmpty(a)) {
      out.ascii(',"attributes":');
      out.text(json(a));
    }
    out.byte(CLOSE_BRACE);
    first = false;
    if (out.full) yield out.take();
  }
  out.ascii('],"edges":[');
  const deferred = deferredEdges(graph);
  if (deferred && (options.checked === true || columnsFinite(deferred.store, deferred.columns))) {
    yield* storeEdgesJson(out, keys, deferred.store, deferred.columns);
  } else {
    first = true;
    const mixed = graph.type === 'mixed';
    // { source, target, attributes?, undirected? } per edge: graph.export() less the edge key.
    for (const { attributes: a, source, target, undirected } of graph.edgeEntries()) {
      check(a, () => `edge ${JSON.stringify(source)} → ${JSON.stringify(target)}`);
      out.ascii(first ? '{"source":' : ',{"source":');
      const s = keyJson.get(source) ?? utf8(json(source));
      const t = keyJson.get(target) ?? utf8(json(target));
      out.bytes(s, s.chars);
      out.ascii(',"target":');
      out.bytes(t, t.chars);
      if (!isEmpty(a)) {
        out.ascii(',"attributes":');
        out.text(json(a));
      }
      out.ascii(mixed && undirected ? ',"undirected":true}' : '}');
      first = false;
      if (out.full) yield out.take();
    }
  }
  out.ascii(']}\n');
  yield out.rest();
}

const CLOSE_BRACE = 125;

/**
 * The edges of a deferred flow graph from columns: edge k is flow k, its attributes weight,
 * researchers (null when unknown), then the measure columns in the order they were written: the
 * text `JSON.stringify` gives the edges' attribute objects (a finite number's JSON is `String(n)`).
 */
function* storeEdgesJson(
  out: ByteChunks,
  keys: readonly (Uint8Array & { chars: number })[],
  store: FlowStore,
  columns: readonly EdgeColumn[],
): Generator<Uint8Array, void, undefined> {
  const { source, target, moves, researchers } = store.flows;
  const names = columns.map((c) => `,${json(c.name)}:`);
  for (let f = 0; f < moves.length; f++) {
    out.ascii(f === 0 ? '{"source":' : ',{"source":');
    out.bytes(keys[source[f]!]!, keys[source[f]!]!.chars);
    out.ascii(',"target":');
    out.bytes(keys[target[f]!]!, keys[target[f]!]!.chars);
    out.ascii(',"attributes":{"weight":');
    jsonNumber(out, moves[f]!);
    out.ascii(',"researchers":');
    jsonNumber(out, researchers[f]!);
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      out.ascii(names[c]!);
      const v = column.values[f]!;
      if (column.kind === 'boolean') out.ascii(v === 1 ? 'true' : 'false');
      else jsonNumber(out, v);
    }
    out.ascii('}}');
    if (out.full) yield out.take();
  }
}

/** `JSON.stringify` of a number (null for NaN and ±Infinity), or of the null a NaN column value stands for. */
function jsonNumber(out: ByteChunks, v: number): void {
  if (v - v === 0) out.number(v);
  else out.ascii('null');
}

/** Whether every value the deferred edges would hold is JSON-safe (else the edges are built and checked one by one). */
function columnsFinite(store: FlowStore, columns: readonly EdgeColumn[]): boolean {
  const { moves, researchers } = store.flows;
  for (let f = 0; f < moves.length; f++) {
    const w = moves[f]!;
    const r = researchers[f]!;
    if (w - w !== 0 || (r - r !== 0 && !Number.isNaN(r))) return false;
  }
  for (const column of columns) {
    if (column.kind !== 'number') continue;
    const values = column.values;
    for (let f = 0; f < values.length; f++) {
      const v = values[f]!;
      if (v - v !== 0 && !(column.nanIsNull && Number.isNaN(v))) return false;
    }
  }
  return true;
}

/**
 * Throws the `TalentFlowError` {@link graphJsonChunks} would throw part way through when an
 * attribute holds NaN or ±Infinity; returns quietly otherwise. One quick walk over every
 * attribute (about 1 s per million flows): checking first lets a caller fail before writing any file.
 *
 * @example assertJsonSafe(graph); await writeOutputs(dir, files);
 */
export function assertJsonSafe(graph: FlowGraph): void {
  checkFinite(graph.getAttributes(), () => 'graph attributes');
  graph.forEachNode((node, a) => checkFinite(a, () => `node ${JSON.stringify(node)}`));
  // Deferred edges (`lazy-edges.ts`) are checked in their columns; built only to name a bad value.
  const deferred = deferredEdges(graph);
  if (deferred && columnsFinite(deferred.store, deferred.columns)) return;
  graph.forEachEdge((_e, a, source, target) => checkFinite(a, () => `edge ${JSON.stringify(source)} → ${JSON.stringify(target)}`));
}

/** graphology's own emptiness test for attributes (any enumerable key, inherited ones too). */
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * {@link assertFinite} with a fast path: a walk that builds no attribute paths decides, and the
 * slow walk that names the attribute runs only when a value is not finite.
 */
function checkFinite(value: unknown, where: () => string): void {
  if (!allFinite(value)) assertFinite(value, where());
}

/** Whether every number in `value` (walked as {@link assertFinite} walks it) is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return value - value === 0;
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (i in value && !allFinite(value[i])) return false;
    return true;
  }
  // Object.keys: the keys Object.entries lists, without allocating the entries.
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const v = (value as Record<string, unknown>)[keys[i]!];
    if (typeof v === 'number' ? v - v !== 0 : v !== null && typeof v === 'object' && !allFinite(v)) return false;
  }
  return true;
}

/**
 * Rebuilds a flow graph from `graph.json` (its text or the parsed object). The result is a
 * graphology `DirectedGraph` with the file's nodes, edges and attributes.
 * Throws `InputError` (with `file` = `source`, default `"graph.json"`) when the text is not
 * JSON, is not a serialised graph, or is a multigraph or undirected graph.
 *
 * @example
 * const graph = graphFromJson(await (await fetch('out/graph.json')).text());
 * graph.getNodeAttribute('Boston', 'pagerank'); // 0.0123
 */
export function graphFromJson(json: string | SerializedFlowGraph, source = 'graph.json'): FlowGraph {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (cause) {
      throw new InputError(source, 'is not valid JSON', { cause });
    }
  }
  if (data === null || typeof data !== 'object' || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new InputError(source, 'is not a serialised graph: expected an object with a "nodes" array');
  }
  const serialised = data as Partial<SerializedFlowGraph>;
  const options = serialised.options ?? {};
  if ((options.type !== undefined && options.type !== 'directed') || options.multi === true) {
    throw new InputError(
      source,
      `holds a ${options.multi ? 'multi' : ''}${options.type ?? 'directed'} graph; a flow graph is a simple directed graph`,
    );
  }
  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({
    allowSelfLoops: options.allowSelfLoops ?? true,
  });
  try {
    graph.import({
      attributes: serialised.attributes,
      nodes: serialised.nodes,
      edges: serialised.edges ?? [],
    } as Partial<SerializedFlowGraph>);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new InputError(source, `cannot be loaded as a graph: ${detail}`, { cause });
  }
  return graph;
}

function assertFinite(value: unknown, where: string, path = ''): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TalentFlowError(
        `${where}: attribute ${path || '(value)'} is ${value}, which JSON cannot hold; use null for "does not apply"`,
      );
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, where, `${path}[${i}]`));
    return;
  }
  for (const [k, v] of Object.entries(value)) assertFinite(v, where, path ? `${path}.${k}` : k);
}

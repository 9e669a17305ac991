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
import { CHUNK_CHARS, chunksToString } from './chunks.ts';

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
 * `graph.json` text: {@link graphToObject} as JSON, one line, ending with a newline. Numbers
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
 * {@link graphToJson}'s text: `JSON.stringify` of {@link graphToObject}, produced one node and
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
export function* graphJsonChunks(graph: FlowGraph, options: { checked?: boolean } = {}): Generator<string, void, undefined> {
  const check = options.checked === true ? () => {} : checkFinite;
  const attributes = graph.getAttributes();
  check(attributes, () => 'graph attributes');
  const graphOptions = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  let out = `{"options":${JSON.stringify(graphOptions)},"attributes":${JSON.stringify(attributes)},"nodes":[`;
  let first = true;
  // Each node key's JSON, written once per node rather than twice per edge.
  const keyJson = new Map<string, string>();
  // graph.export()'s shape: { key, attributes? } per node, attributes left out when empty.
  for (const { node, attributes: a } of graph.nodeEntries()) {
    check(a, () => `node ${JSON.stringify(node)}`);
    const key = JSON.stringify(node);
    keyJson.set(node, key);
    out += `${first ? '' : ','}{"key":${key}${isEmpty(a) ? '' : `,"attributes":${JSON.stringify(a)}`}}`;
    first = false;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  out += '],"edges":[';
  first = true;
  const mixed = graph.type === 'mixed';
  // { source, target, attributes?, undirected? } per edge: graph.export() less the edge key.
  for (const { attributes: a, source, target, undirected } of graph.edgeEntries()) {
    check(a, () => `edge ${JSON.stringify(source)} → ${JSON.stringify(target)}`);
    out += `${first ? '' : ','}{"source":${keyJson.get(source) ?? JSON.stringify(source)},"target":${keyJson.get(target) ?? JSON.stringify(target)}`;
    if (!isEmpty(a)) out += `,"attributes":${JSON.stringify(a)}`;
    out += mixed && undirected ? ',"undirected":true}' : '}';
    first = false;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  yield out + ']}\n';
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

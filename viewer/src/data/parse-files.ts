/**
 * Reading an analysis in two steps, so that the page can run the first in a worker:
 *
 *   parseAnalysisFiles   text and bytes → plain data and typed arrays (JSON, CSV and Arrow
 *                        parsing; no graph object, nothing a worker cannot post back)
 *   buildAnalysis        → the flow graph and the {@link Analysis} the viewer holds
 *
 * graph.json's edges travel as columns (node indices and each attribute): 50,000 flows cross
 * from the worker as a few typed arrays instead of 50,000 objects to clone.
 */
import { DirectedGraph } from 'graphology';
import { attachFlowStore, flowStoreFromArrow, formatCell, InputError, placesTable } from 'talentflow';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, FlowStore, PlaceAttributes } from 'talentflow';
import {
  type Analysis,
  type AnalysisFiles,
  type CommunityRow,
  type Comparison,
  communitiesOfNodes,
  flowDimensions,
  readComparison,
  readCommunities,
  readIntervals,
  type TextRow,
} from './analysis.ts';
import { tableFields } from './csv.ts';
import { type RaiColumns, raiTable, raiTransferables, readRaiColumns } from './rai-table.ts';

/** One edge attribute as a column: numbers (NaN: null) or booleans (1, 0; NaN: null). */
export interface EdgeColumn {
  name: string;
  kind: 'number' | 'boolean';
  values: Float64Array;
}

/** graph.json without its graph object: nodes as written, edges as columns. */
export interface GraphParts {
  attributes: Record<string, unknown>;
  allowSelfLoops: boolean;
  nodes: { key: string; attributes: Record<string, unknown> }[];
  /** Node index of each edge's source and target. */
  source: Int32Array;
  target: Int32Array;
  /**
   * The edge attributes as columns, in the order of the first edge's: those of every edge with
   * exactly these attributes, numbers, booleans or null (what talentflow writes: weight,
   * researchers, disparityAlpha, backbone, expected, excess).
   */
  columns: EdgeColumn[];
  /** Edge keys as written; null when no edge has one. */
  keys: (string | undefined)[] | null;
  /** Edges whose attributes do not fit the columns: their attributes as written. */
  other: Map<number, Record<string, unknown>>;
}

/** What {@link parseAnalysisFiles} returns: everything of an analysis but the graph object. */
export interface ParsedAnalysis {
  graph: GraphParts;
  flows: FlowStore | null;
  /** places.csv column by column (`values[c][r]`): 32 arrays cross from a worker far faster than 5,000 row objects. */
  places: { columns: string[]; values: string[][] } | null;
  /** rai.csv as columns (the page makes its table: raiTable). */
  rai: RaiColumns | null;
  intervals: Map<string, Map<string, TextRow>> | null;
  comparison: Comparison | null;
  communities: CommunityRow[] | null;
  manifest: Record<string, unknown> | null;
  warnings: string[];
}

/** The typed arrays of a parsed analysis (or either half), to transfer rather than copy out of a worker. */
export function transferables(parsed: Partial<ParsedAnalysis>): ArrayBuffer[] {
  const g = parsed.graph;
  const arrays: ArrayBufferView[] = g ? [g.source, g.target, ...g.columns.map((c) => c.values)] : [];
  return [
    ...new Set([
      ...arrays.map((a) => a.buffer as ArrayBuffer),
      ...flowTransferables(parsed.flows ?? null),
      ...raiTransferables(parsed.rai ?? null),
    ]),
  ];
}

/**
 * graph.json's text into {@link GraphParts}, with graphFromJson's checks and errors.
 *
 * @throws InputError when the text is not JSON, not a serialised simple directed graph, or an edge names a missing node.
 * @example graphParts('{"nodes":[{"key":"A"},{"key":"B"}],"edges":[{"source":"A","target":"B","attributes":{"weight":3,"researchers":2}}]}').columns[0] // { name: 'weight', kind: 'number', values: Float64Array [3] }
 */
export function graphParts(text: string, file = 'graph.json'): GraphParts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new InputError(file, 'is not valid JSON', { cause });
  }
  if (data === null || typeof data !== 'object' || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new InputError(file, 'is not a serialised graph: expected an object with a "nodes" array');
  }
  const json = data as {
    options?: { type?: string; multi?: boolean; allowSelfLoops?: boolean };
    attributes?: Record<string, unknown>;
    nodes: { key?: unknown; attributes?: Record<string, unknown> }[];
    edges?: { key?: unknown; source?: unknown; target?: unknown; attributes?: Record<string, unknown>; undirected?: boolean }[];
  };
  const options = json.options ?? {};
  if ((options.type !== undefined && options.type !== 'directed') || options.multi === true) {
    throw new InputError(
      file,
      `holds a ${options.multi ? 'multi' : ''}${options.type ?? 'directed'} graph; a flow graph is a simple directed graph`,
    );
  }
  const index = new Map<string, number>();
  const nodes = json.nodes.map((n, i) => {
    const key = String(n.key);
    if (index.has(key)) throw new InputError(file, `cannot be loaded as a graph: node "${key}" appears twice`);
    index.set(key, i);
    return { key, attributes: n.attributes ?? {} };
  });
  const edges = json.edges ?? [];
  const m = edges.length;
  // The columns follow the first edge's attributes when they are all numbers, booleans or null.
  const first = edges[0]?.attributes ?? {};
  const names = Object.keys(first).every((k) => columnKind(first[k]) !== undefined) ? Object.keys(first) : [];
  const kinds: (EdgeColumn['kind'] | null)[] = names.map((k) => columnKind(first[k]) ?? null);
  const values = names.map(() => new Float64Array(m));
  const parts: GraphParts = {
    attributes: json.attributes ?? {},
    allowSelfLoops: options.allowSelfLoops ?? true,
    nodes,
    source: new Int32Array(m),
    target: new Int32Array(m),
    columns: [],
    keys: null,
    other: new Map(),
  };
  for (let e = 0; e < m; e++) {
    const edge = edges[e]!;
    const s = index.get(String(edge.source));
    const t = index.get(String(edge.target));
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? edge.source : edge.target;
      throw new InputError(
        file,
        `cannot be loaded as a graph: edge ${e + 1} names node ${JSON.stringify(missing)}, which is not among the nodes`,
      );
    }
    if (edge.undirected === true) throw new InputError(file, `cannot be loaded as a graph: edge ${e + 1} is undirected`);
    parts.source[e] = s;
    parts.target[e] = t;
    if (edge.key !== undefined) (parts.keys ??= new Array<string | undefined>(m))[e] = String(edge.key);
    const a = edge.attributes ?? {};
    if (!fitsColumns(a, names, kinds)) {
      parts.other.set(e, a);
      continue;
    }
    for (let c = 0; c < names.length; c++) {
      const v = a[names[c]!];
      values[c]![e] = v === null ? NaN : Number(v);
    }
  }
  parts.columns = names.map((name, c) => ({ name, kind: kinds[c] ?? 'number', values: values[c]! }));
  return parts;
}

/** How a value is held in a column, or undefined when it is not. */
function columnKind(value: unknown): EdgeColumn['kind'] | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return undefined;
}

/** Whether an edge's attributes are exactly the columns' (same names, same order), fixing the kind of a column seen null so far. */
function fitsColumns(a: Record<string, unknown>, names: string[], kinds: (EdgeColumn['kind'] | null)[]): boolean {
  const keys = Object.keys(a);
  if (keys.length !== names.length) return false;
  for (let c = 0; c < names.length; c++) {
    if (keys[c] !== names[c]) return false;
    const kind = columnKind(a[names[c]!]);
    if (kind === undefined || (kind !== null && kinds[c] !== null && kinds[c] !== kind)) return false;
  }
  for (let c = 0; c < names.length; c++) kinds[c] ??= columnKind(a[names[c]!]) ?? null;
  return true;
}

/** The flow graph of {@link GraphParts} (the same nodes, edges, keys and attributes as graphFromJson's). */
export function graphFromParts(parts: GraphParts, file = 'graph.json'): FlowGraph {
  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({
    allowSelfLoops: parts.allowSelfLoops,
  });
  try {
    graph.replaceAttributes(parts.attributes as FlowGraphAttributes);
    const ids = parts.nodes.map((n) => n.key);
    for (const n of parts.nodes) graph.addNode(n.key, n.attributes as PlaceAttributes);
    const { source, target, columns, keys, other } = parts;
    for (let e = 0; e < source.length; e++) {
      let attributes = other.get(e) as FlowAttributes | undefined;
      if (attributes === undefined) {
        const a: Record<string, unknown> = {};
        for (const { name, kind, values } of columns) {
          const v = values[e]!;
          a[name] = Number.isNaN(v) ? null : kind === 'boolean' ? v === 1 : v;
        }
        attributes = a as FlowAttributes;
      }
      const key = keys?.[e];
      if (key === undefined) graph.addDirectedEdge(ids[source[e]!]!, ids[target[e]!]!, attributes);
      else graph.addDirectedEdgeWithKey(key, ids[source[e]!]!, ids[target[e]!]!, attributes);
    }
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new InputError(file, `cannot be loaded as a graph: ${detail}`, { cause });
  }
  return graph;
}

/** An analysis's files as bytes, by name (what a worker is handed). */
export type FileBytes = Partial<Record<keyof AnalysisFiles, ArrayBuffer>>;

/** The files' bytes as {@link parseAnalysisFiles} reads them: text, flows.arrow as bytes. */
export function decodeFiles(bytes: FileBytes): AnalysisFiles {
  const decoder = new TextDecoder();
  const files = { 'graph.json': '' } as AnalysisFiles;
  for (const [name, buffer] of Object.entries(bytes) as [keyof AnalysisFiles, ArrayBuffer][])
    (files as unknown as Record<string, unknown>)[name] = name === 'flows.arrow' ? new Uint8Array(buffer) : decoder.decode(buffer);
  return files;
}

/** The files {@link parseGraphFiles} reads; the others are tables ({@link parseTableFiles}). */
export const GRAPH_FILES: readonly (keyof AnalysisFiles)[] = ['graph.json', 'manifest.json', 'flows.arrow'];

/** graph.json, manifest.json and flows.arrow parsed: what the map needs first. */
export type ParsedGraphFiles = Pick<ParsedAnalysis, 'graph' | 'flows' | 'manifest' | 'warnings'>;
/** The CSV tables parsed: places, RAI, intervals, comparison and communities. */
export type ParsedTableFiles = Omit<ParsedAnalysis, 'graph' | 'flows' | 'manifest'>;

/**
 * Step 1, first half: graph.json, manifest.json and (unless `flowsLater`: it is still
 * downloading and comes through {@link parseFlowStore} and {@link addFlowStore}) flows.arrow.
 *
 * @throws InputError when graph.json or flows.arrow cannot be read.
 */
export function parseGraphFiles(files: AnalysisFiles, options: { flowsLater?: boolean } = {}): ParsedGraphFiles {
  const warnings: string[] = [];
  const graph = graphParts(files['graph.json']);
  let manifest: Record<string, unknown> | null = null;
  if (files['manifest.json'] !== undefined) {
    try {
      manifest = JSON.parse(files['manifest.json']) as Record<string, unknown>;
    } catch {
      warnings.push('manifest.json is not valid JSON; ignored');
    }
  }
  const { flows, warnings: flowWarnings } = options.flowsLater
    ? { flows: null, warnings: [] }
    : parseFlowStore(
        files['flows.arrow'],
        graph.nodes.map((n) => n.key),
      );
  warnings.push(...flowWarnings);
  return { graph, flows, manifest, warnings };
}

/**
 * Step 1, second half: the CSV tables (a worker of their own reads them beside graph.json).
 *
 * @throws InputError when a CSV cannot be read.
 */
export function parseTableFiles(files: Partial<AnalysisFiles>): ParsedTableFiles {
  const warnings: string[] = [];
  const placesText = files['places.csv'];
  return {
    places: placesText !== undefined ? tableColumns(placesText, 'places.csv') : null,
    rai: files['rai.csv'] !== undefined ? readRaiColumns(files['rai.csv'], warnings) : null,
    intervals: files['intervals.csv'] !== undefined ? readIntervals(files['intervals.csv']) : null,
    comparison: files['compare.csv'] !== undefined ? readComparison(files['compare.csv']) : null,
    communities: files['communities.csv'] !== undefined ? readCommunities(files['communities.csv']) : null,
    warnings,
  };
}

/** The two halves of step 1 as one parsed analysis (graph.json's warnings first). */
export function joinParsed(graph: ParsedGraphFiles, tables: ParsedTableFiles): ParsedAnalysis {
  return { ...tables, ...graph, warnings: [...graph.warnings, ...tables.warnings] };
}

/**
 * Step 1: the files' text and bytes parsed, without building the graph (both halves at once).
 *
 * @throws InputError when graph.json, flows.arrow or a CSV cannot be read.
 */
export function parseAnalysisFiles(files: AnalysisFiles, options: { flowsLater?: boolean } = {}): ParsedAnalysis {
  return joinParsed(parseGraphFiles(files, options), parseTableFiles(files));
}

/** What flows.arrow brought: the store (null without the file, or when it does not fit graph.json) and why not. */
export interface FlowsArrival {
  flows: FlowStore | null;
  warnings: string[];
}

/**
 * flows.arrow's bytes read into a flow store, checked against graph.json's places.
 *
 * @throws InputError when flows.arrow cannot be read.
 * @example parseFlowStore(undefined, ['A']).warnings // ['no flows.arrow: the year and discipline filters are off']
 */
export function parseFlowStore(arrow: Uint8Array | undefined, places: readonly string[]): FlowsArrival {
  if (arrow === undefined) return { flows: null, warnings: ['no flows.arrow: the year and discipline filters are off'] };
  const flows = flowStoreFromArrow(arrow);
  const nodes = new Set(places);
  const missing = flows.places.filter((p) => !nodes.has(p)).length;
  if (missing > 0)
    return { flows: null, warnings: [`flows.arrow names ${missing} place(s) not in graph.json; the year and discipline filters are off`] };
  return { flows, warnings: [] };
}

/** The typed arrays of a flow store, to transfer rather than copy out of a worker. */
export function flowTransferables(flows: FlowStore | null): ArrayBuffer[] {
  if (!flows) return [];
  const arrays: ArrayBufferView[] = [...Object.values(flows.flows), ...Object.values(flows.cells), flows.cellStarts];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * Adds a flow store that arrived after the analysis was built (the map was drawn from graph.json
 * meanwhile): the graph's per-year readers, the years and the disciplines follow it.
 */
export function addFlowStore(analysis: Analysis, arrival: FlowsArrival): void {
  analysis.warnings.push(...arrival.warnings);
  if (!arrival.flows) return;
  attachFlowStore(analysis.graph, arrival.flows);
  const { years, disciplines } = flowDimensions(arrival.flows);
  analysis.flows = arrival.flows;
  analysis.years = years;
  analysis.disciplines = disciplines;
}

/** CSV text column by column (`values[c][r]`; a row's missing fields empty), read straight from its fields. */
function tableColumns(text: string, file: string): { columns: string[]; values: string[][] } {
  const fields = tableFields(text, file);
  const columns = fields[0] ?? [];
  const values = columns.map((_name, c) => {
    const column = new Array<string>(fields.length - 1);
    for (let r = 1; r < fields.length; r++) column[r - 1] = fields[r]![c] ?? '';
    return column;
  });
  return { columns, values };
}

/** The rows of a table held column by column. */
function tableRows({ columns, values }: { columns: string[]; values: string[][] }): TextRow[] {
  const n = values[0]?.length ?? 0;
  const rows: TextRow[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row: TextRow = {};
    for (let c = 0; c < columns.length; c++) row[columns[c]!] = values[c]![r]!;
    rows[r] = row;
  }
  return rows;
}

/** Step 2: the flow graph (unless built already from `parsed.graph`), and what is derived from it, on the page. */
export function buildAnalysis(parsed: ParsedAnalysis, name: string, graph: FlowGraph = graphFromParts(parsed.graph)): Analysis {
  const warnings = [...parsed.warnings];
  let places = new Map<string, TextRow>();
  let placeColumns: string[];
  if (parsed.places !== null) {
    placeColumns = parsed.places.columns;
    for (const row of tableRows(parsed.places)) places.set(row['place'] ?? '', row);
    const missing = graph.filterNodes((n) => !places.has(n)).length;
    if (missing > 0) warnings.unshift(`places.csv lacks ${missing} place(s) of graph.json; their cards show graph.json values`);
  } else {
    const t = placesTable(graph);
    placeColumns = t.columns;
    places = new Map(t.rows.map((r) => [String(r['place']), Object.fromEntries(Object.entries(r).map(([k, v]) => [k, formatCell(v)]))]));
    warnings.unshift('no places.csv: place figures come from graph.json');
  }
  // Per-year readers given the graph (the card's yearly series) find the breakdowns through it.
  if (parsed.flows) attachFlowStore(graph, parsed.flows);
  const { years, disciplines } = flowDimensions(parsed.flows);
  return {
    name,
    graph,
    flows: parsed.flows,
    places,
    placeColumns,
    placesFromCsv: parsed.places !== null,
    rai: parsed.rai && raiTable(parsed.rai),
    intervals: parsed.intervals,
    comparison: parsed.comparison,
    communities: parsed.communities ?? communitiesOfNodes(graph),
    manifest: parsed.manifest,
    years,
    disciplines,
    warnings,
  };
}

/**
 * Both steps at once (tests, and pages without workers).
 *
 * @throws InputError when graph.json (or a CSV) cannot be read.
 * @example assembleAnalysis({ 'graph.json': text }, 'calibrated').graph.order
 */
export function assembleAnalysis(files: AnalysisFiles, name: string): Analysis {
  return buildAnalysis(parseAnalysisFiles(files), name);
}

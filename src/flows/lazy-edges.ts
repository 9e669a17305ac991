/**
 * Edges added on demand: a graph built by `graphFromFlows` holds its nodes at once and its flows
 * (one graphology edge each) only when something first asks for an edge. The measures read the
 * flows from the store's columns (`storeEdgesOf`), per-flow measures are kept as columns
 * ({@link writeEdgeColumns}) and the writers of `flows.csv` and `graph.json` read the columns too,
 * so a command-line run on a million flows never builds the edges: inserting them into graphology
 * (an object entry per end of every edge) cost seconds and most of the run's garbage.
 *
 * A caller sees the same `DirectedGraph`: every graphology method that could observe or change an
 * edge, the degree of a node or the listeners is wrapped on the instance (non-enumerable own
 * properties) so that it first adds every edge, with the same keys, order and attributes as an
 * eager build, then removes the wrappers and runs the prototype's method. Methods that only read
 * or write nodes and graph attributes run as they are.
 */
import type { FlowStore } from './store.ts';

/**
 * One per-flow attribute held as a column until the edges exist: `number` values with NaN kept
 * (or written as null when `nanIsNull`), or `boolean` flags (0 false, 1 true).
 */
export type EdgeColumn =
  | { name: string; kind: 'number'; values: Float64Array; nanIsNull: boolean }
  | { name: string; kind: 'boolean'; values: Uint8Array };

/** The value a column gives flow `f`'s edge attribute. */
export function columnValue(column: EdgeColumn, f: number): number | boolean | null {
  const v = column.values[f]!;
  if (column.kind === 'boolean') return v === 1;
  return column.nanIsNull && Number.isNaN(v) ? null : v;
}

interface Pending {
  store: FlowStore;
  /** Columns in the order their attributes were first written (the order of the edges' keys). */
  columns: EdgeColumn[];
  /** Adds every edge (the caller's `graphFromFlows` step); called once. */
  build: (columns: readonly EdgeColumn[]) => void;
  saved: Map<string | symbol, PropertyDescriptor | undefined>;
}

const pending = new WeakMap<object, Pending>();

/** Methods and properties that never read or change an edge, a degree or a listener. */
const NODE_ONLY = new Set<string | symbol>([
  'constructor',
  'hasNode',
  'getAttribute',
  'getAttributes',
  'hasAttribute',
  'setAttribute',
  'updateAttribute',
  'removeAttribute',
  'replaceAttributes',
  'mergeAttributes',
  'updateAttributes',
  'updateEachNodeAttributes',
  'nodes',
  'forEachNode',
  'findNode',
  'mapNodes',
  'someNode',
  'everyNode',
  'filterNodes',
  'reduceNodes',
  'nodeEntries',
  'getNodeAttribute',
  'getNodeAttributes',
  'hasNodeAttribute',
  'setNodeAttribute',
  'updateNodeAttribute',
  'removeNodeAttribute',
  'replaceNodeAttributes',
  'mergeNodeAttributes',
  'updateNodeAttributes',
  // Called by the methods above; without listeners (adding one adds the edges first) it does nothing.
  'emit',
  'getMaxListeners',
  'setMaxListeners',
]);

/** Own accessors of a graphology instance that count edges. */
const COUNTS = ['size', 'directedSize', 'undirectedSize', 'selfLoopCount', 'directedSelfLoopCount', 'undirectedSelfLoopCount'];

const methodNames = new WeakMap<object, (string | symbol)[]>();

/** Every method name on the prototype chain of `graph` that is not node-only. */
function edgeMethods(graph: object): (string | symbol)[] {
  const proto = Object.getPrototypeOf(graph) as object;
  let names = methodNames.get(proto);
  if (names) return names;
  const found = new Set<string | symbol>();
  for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const key of Reflect.ownKeys(p)) {
      const d = Object.getOwnPropertyDescriptor(p, key)!;
      if (typeof d.value === 'function' && !NODE_ONLY.has(key)) found.add(key);
    }
  }
  names = [...found];
  methodNames.set(proto, names);
  return names;
}

/**
 * Defers `build` (which adds every flow of `store` as an edge) until an edge is first needed.
 * `size` and `directedSize` answer from the store meanwhile (the graph is directed, without
 * self-loops: the caller checks).
 */
export function deferEdges(graph: object, store: FlowStore, build: (columns: readonly EdgeColumn[]) => void): void {
  const saved = new Map<string | symbol, PropertyDescriptor | undefined>();
  const target = graph as Record<string | symbol, unknown>;
  const flows = store.flows.source.length;
  for (const name of edgeMethods(graph)) {
    saved.set(name, Object.getOwnPropertyDescriptor(graph, name));
    Object.defineProperty(graph, name, {
      configurable: true,
      enumerable: false,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        materializeEdges(graph);
        return (target[name] as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  }
  for (const name of COUNTS) {
    const own = Object.getOwnPropertyDescriptor(graph, name);
    if (!own) continue;
    saved.set(name, own);
    const count = name === 'size' || name === 'directedSize' ? flows : null;
    Object.defineProperty(graph, name, {
      configurable: true,
      enumerable: own.enumerable ?? true,
      get: () => {
        if (count !== null) return count;
        materializeEdges(graph);
        return target[name];
      },
    });
  }
  pending.set(graph, { store, columns: [], build, saved });
}

/** Adds the deferred edges of `graph` now (nothing when they exist already). */
export function materializeEdges(graph: object): void {
  const p = pending.get(graph);
  if (!p) return;
  pending.delete(graph);
  // Redefining an own property keeps its place among the instance's keys: the same key order as an eager build.
  for (const [name, descriptor] of p.saved) {
    if (descriptor) Object.defineProperty(graph, name, descriptor);
    else delete (graph as Record<string | symbol, unknown>)[name];
  }
  p.build(p.columns);
}

/**
 * The store and the per-flow columns of a graph whose edges are still deferred (edge k is flow k
 * of the store, with weight, researchers, then the columns' attributes), or null once the edges
 * exist: what the writers read instead of the edges.
 */
export function deferredEdges(graph: object): { store: FlowStore; columns: readonly EdgeColumn[] } | null {
  const p = pending.get(graph);
  return p ? { store: p.store, columns: p.columns } : null;
}

/**
 * Writes per-flow attributes onto every edge of `graph`, `columns[i].values[k]` onto the k-th
 * edge in `forEachEdge` order: kept as columns while the edges are deferred, else written with
 * `updateEachEdgeAttributes` (hinting the attributes, so that the flow store stays attached).
 */
export function writeEdgeColumns(
  graph: { updateEachEdgeAttributes: (u: (e: string, a: Record<string, unknown>) => Record<string, unknown>, h: object) => void },
  columns: readonly EdgeColumn[],
): void {
  const p = pending.get(graph);
  if (p && columns.some((c) => c.name === 'weight' || c.name === 'researchers')) materializeEdges(graph);
  else if (p) {
    for (const column of columns) {
      const at = p.columns.findIndex((c) => c.name === column.name);
      if (at < 0) p.columns.push(column);
      else p.columns[at] = column;
    }
    return;
  }
  let k = 0;
  graph.updateEachEdgeAttributes(
    (_e, attr) => {
      for (const column of columns) attr[column.name] = columnValue(column, k);
      k++;
      return attr;
    },
    { attributes: columns.map((c) => c.name) },
  );
}

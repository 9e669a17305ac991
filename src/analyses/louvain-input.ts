/**
 * The weighted graph Louvain runs on, held in typed arrays.
 *
 * Communities are found on A_ij = w(i→j) + w(j→i) (the flow exchanged both ways; `communities.ts`),
 * or on the directed flows. graphology-communities-louvain reads its input through a handful of
 * graph methods (`order`, `size`, `selfLoopCount`, `forEachNode`, `forEachEdge`, the degrees
 * without self-loops) to build its own typed-array index; graphology-metrics' modularity reads
 * `forEachUndirectedEdge` / `forEachDirectedEdge`. Building a real graphology graph for it (one
 * `updateEdge` per flow) took about 16 s of the 17 s of a Louvain run on 1.5 M flows; this read-only
 * view answers those methods from arrays instead, so the library runs its own algorithm, unchanged,
 * on the very same pairs, weights and order: the same communities and modularity for a seed.
 *
 * Nodes are presented to the libraries by position (0 … order − 1), not by key: the library indexes
 * them in a plain object, where integer keys are array elements, several times faster to look up
 * per pair than strings. `runLouvain` maps positions back to keys.
 *
 * The pairs are those of the graphology copy it replaces (`weightedCopy` with `undirected`): one per
 * unordered pair {A, B} (ordered pair A→B when directed), in the order of the first flow between
 * them, its weight the sum of their flows in `forEachEdge` order; self-loops (not flows) and
 * zero weights (no flow) left out.
 */
import type { EdgeArrays } from './flow-arrays.ts';

const NO_ATTRIBUTES: Readonly<Record<string, never>> = Object.freeze({});

type EdgeCallback = (
  edge: number,
  attributes: Readonly<Record<string, never>>,
  source: number,
  target: number,
  sourceAttributes: Readonly<Record<string, never>>,
  targetAttributes: Readonly<Record<string, never>>,
  undirected: boolean,
) => void;

/**
 * A read-only weighted graph of places and summed flows with the part of graphology's API that
 * graphology-communities-louvain and graphology-metrics' modularity read. Pass `weightOf` as their
 * `getEdgeWeight` (edges are numbered 0 … size − 1). Mutators throw.
 */
export class LouvainInput {
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly type: 'undirected' | 'directed';
  /** Node keys in the source graph's order: node i of this view is nodeKeys[i]. */
  readonly nodeKeys: string[];
  /** Pair p joins nodes source[p] and target[p] with weight[p]. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly weight: Float64Array;
  /** getEdgeWeight for the libraries: the summed weight of pair `edge`. */
  readonly weightOf: (edge: number) => number;
  private readonly outDegrees: Int32Array;
  private readonly inDegrees: Int32Array;

  /**
   * @param edges - the graph's edges (`edgeArrays(graph, getEdgeWeight)`).
   * @param directed - keep A→B and B→A apart instead of summing them.
   */
  constructor(edges: EdgeArrays, directed: boolean) {
    this.type = directed ? 'directed' : 'undirected';
    this.nodeKeys = edges.nodes;
    const pairs = sumPairs(edges, directed);
    this.source = pairs.source;
    this.target = pairs.target;
    this.weight = pairs.weight;
    const n = edges.nodes.length;
    this.outDegrees = new Int32Array(n);
    this.inDegrees = new Int32Array(n);
    for (let q = 0; q < this.source.length; q++) {
      this.outDegrees[this.source[q]!]!++;
      this.inDegrees[this.target[q]!]!++;
    }
    const weights = this.weight;
    this.weightOf = (edge: number) => weights[edge]!;
  }

  get order(): number {
    return this.nodeKeys.length;
  }

  get size(): number {
    return this.weight.length;
  }

  get directedSize(): number {
    return this.type === 'directed' ? this.size : 0;
  }

  get undirectedSize(): number {
    return this.type === 'undirected' ? this.size : 0;
  }

  forEachNode(callback: (node: number, attributes: Readonly<Record<string, never>>) => void): void {
    for (let i = 0; i < this.nodeKeys.length; i++) callback(i, NO_ATTRIBUTES);
  }

  forEachEdge(callback: EdgeCallback): void {
    const { source, target } = this;
    const undirected = this.type === 'undirected';
    for (let p = 0; p < source.length; p++) {
      callback(p, NO_ATTRIBUTES, source[p]!, target[p]!, NO_ATTRIBUTES, NO_ATTRIBUTES, undirected);
    }
  }

  forEachUndirectedEdge(callback: EdgeCallback): void {
    if (this.type === 'undirected') this.forEachEdge(callback);
  }

  forEachDirectedEdge(callback: EdgeCallback): void {
    if (this.type === 'directed') this.forEachEdge(callback);
  }

  undirectedDegreeWithoutSelfLoops(node: number): number {
    const i = this.at(node);
    return this.type === 'undirected' ? this.outDegrees[i]! + this.inDegrees[i]! : 0;
  }

  outDegreeWithoutSelfLoops(node: number): number {
    return this.type === 'directed' ? this.outDegrees[this.at(node)]! : 0;
  }

  inDegreeWithoutSelfLoops(node: number): number {
    return this.type === 'directed' ? this.inDegrees[this.at(node)]! : 0;
  }

  addUndirectedEdgeWithKey(): never {
    throw new TypeError('LouvainInput is read-only');
  }

  dropNode(): never {
    throw new TypeError('LouvainInput is read-only');
  }

  setNodeAttribute(): never {
    throw new TypeError('LouvainInput is read-only');
  }

  private at(node: number): number {
    if (!(Number.isInteger(node) && node >= 0 && node < this.nodeKeys.length)) throw new RangeError(`unknown node ${node}`);
    return node;
  }
}

/**
 * One entry per pair, in the order of the pair's first edge, weights summed in edge order, without
 * a hash map: edges are bucketed by their first endpoint (the smaller index when undirected), a
 * bucket's duplicates found with a per-node stamp, and pairs put back in first-edge order.
 */
function sumPairs(edges: EdgeArrays, directed: boolean): { source: Int32Array; target: Int32Array; weight: Float64Array } {
  const { source, target, weight } = edges;
  const n = edges.nodes.length;
  const m = weight.length;
  const low = (k: number) => (directed || source[k]! < target[k]! ? source[k]! : target[k]!);
  const high = (k: number) => (directed || source[k]! < target[k]! ? target[k]! : source[k]!);
  const starts = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) if (source[k] !== target[k] && weight[k] !== 0) starts[low(k) + 1]!++;
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const bucket = new Int32Array(starts[n]!);
  const next = starts.slice(0, n);
  for (let k = 0; k < m; k++) if (source[k] !== target[k] && weight[k] !== 0) bucket[next[low(k)]!++] = k;

  // A pair is kept at the position of its first edge, its sum too.
  const isFirst = new Uint8Array(m);
  const sum = new Float64Array(m);
  const stamp = new Int32Array(n).fill(-1);
  const firstEdgeByHigh = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = starts[a]!; b < starts[a + 1]!; b++) {
      const k = bucket[b]!;
      const h = high(k);
      if (stamp[h] !== a) {
        stamp[h] = a;
        firstEdgeByHigh[h] = k;
        isFirst[k] = 1;
        sum[k] = weight[k]!;
      } else sum[firstEdgeByHigh[h]!]! += weight[k]!;
    }
  }
  let p = 0;
  for (let k = 0; k < m; k++) if (isFirst[k]) p++;
  const out = { source: new Int32Array(p), target: new Int32Array(p), weight: new Float64Array(p) };
  p = 0;
  for (let k = 0; k < m; k++) {
    if (!isFirst[k]) continue;
    out.source[p] = source[k]!;
    out.target[p] = target[k]!;
    out.weight[p++] = sum[k]!;
  }
  return out;
}

/**
 * Brandes' betweenness sums (Brandes 2001, Dijkstra variant) on compressed out-adjacency rows:
 * graphology-metrics' `centrality/betweenness` (with graphology-shortest-path's
 * `createDijkstraIndexedBrandes`) operation for operation, on typed arrays.
 *
 * Why: the library allocates a predecessor array per node and a heap entry array per relaxed edge
 * for every source, so on thousands of places its time goes to allocation and garbage collection
 * (about a second at 4,500 places, against a tenth of that here). Same operations in the same
 * order give the same floating-point sums: the heap pops by (distance, push count) as the
 * library's comparator does (the count is unique, so any correct heap pops the same sequence),
 * `sigma` is a Uint32Array as there (path counts wrap alike), and the dependencies are
 * accumulated over the same stack.
 */
import type { OutboundCsr } from './flow-arrays.ts';

/**
 * Unnormalised betweenness of every node of `csr` (edge lengths = `csr.weights`, all > 0), in
 * node order: Σ over sources s of the dependency δ_s(v), v ≠ s.
 *
 * @example brandesSums(outboundCsr(graph, 'weight', (w) => 1 / w)); // raw sums, node order
 */
export function brandesSums(csr: OutboundCsr): Float64Array {
  const { starts, targets, weights } = csr;
  const n = csr.nodes.length;
  const m = targets.length;
  const sigma = new Uint32Array(n);
  const distance = new Float64Array(n);
  const seen = new Float64Array(n);
  const stack = new Int32Array(n);
  const delta = new Float64Array(n);
  const centralities = new Float64Array(n);
  // Predecessor lists as linked entries of a pool (at most one entry per relaxed edge).
  const head = new Int32Array(n);
  const tail = new Int32Array(n);
  const entryNode = new Int32Array(m + 1);
  const entryNext = new Int32Array(m + 1);
  // Heap items by push count: cost, predecessor, node. The heap holds counts and, beside each,
  // its cost, so that a comparison reads the heap's own arrays rather than the items'.
  const itemCost = new Float64Array(m + 1);
  const itemPred = new Int32Array(m + 1);
  const itemNode = new Int32Array(m + 1);
  const heap = new Int32Array(m + 1);
  const heapCost = new Float64Array(m + 1);
  let size = 0;
  const push = (item: number, cost: number) => {
    let at = size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const pc = heapCost[parent]!;
      if (!(cost < pc || (cost === pc && item < heap[parent]!))) break;
      heap[at] = heap[parent]!;
      heapCost[at] = pc;
      at = parent;
    }
    heap[at] = item;
    heapCost[at] = cost;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    const lastCost = heapCost[size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      let cc = heapCost[child]!;
      if (child + 1 < size) {
        const rc = heapCost[child + 1]!;
        if (rc < cc || (rc === cc && heap[child + 1]! < heap[child]!)) {
          child++;
          cc = rc;
        }
      }
      if (!(cc < lastCost || (cc === lastCost && heap[child]! < last))) break;
      heap[at] = heap[child]!;
      heapCost[at] = cc;
      at = child;
    }
    if (size > 0) {
      heap[at] = last;
      heapCost[at] = lastCost;
    }
    return top;
  };

  sigma.fill(0);
  distance.fill(-1);
  seen.fill(-1);
  head.fill(-1);
  for (let source = 0; source < n; source++) {
    let depth = 0;
    let entries = 0;
    let count = 0;
    sigma[source] = 1;
    seen[source] = 0;
    itemCost[count] = 0;
    itemPred[count] = source;
    itemNode[count] = source;
    push(count++, 0);
    while (size !== 0) {
      const item = pop();
      const dist = itemCost[item]!;
      const v = itemNode[item]!;
      if (distance[v] !== -1) continue;
      stack[depth++] = v;
      distance[v] = dist;
      sigma[v]! += sigma[itemPred[item]!]!;
      for (let j = starts[v]!, stop = starts[v + 1]!; j < stop; j++) {
        const w = targets[j]!;
        const cost = dist + weights[j]!;
        if (distance[w] === -1 && (seen[w] === -1 || cost < seen[w]!)) {
          seen[w] = cost;
          itemCost[count] = cost;
          itemPred[count] = v;
          itemNode[count] = w;
          push(count++, cost);
          sigma[w] = 0;
          entryNode[entries] = v;
          entryNext[entries] = -1;
          head[w] = tail[w] = entries++;
        } else if (cost === seen[w]) {
          sigma[w]! += sigma[v]!;
          entryNode[entries] = v;
          entryNext[entries] = -1;
          if (head[w] === -1) head[w] = entries;
          else entryNext[tail[w]!] = entries;
          tail[w] = entries++;
        }
      }
    }
    for (let k = 0; k < depth; k++) delta[stack[k]!] = 0;
    while (depth !== 0) {
      const w = stack[--depth]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (let e = head[w]!; e !== -1; e = entryNext[e]!) {
        const v = entryNode[e]!;
        delta[v]! += sigma[v]! * coefficient;
      }
      if (w !== source) centralities[w]! += delta[w]!;
      // Every node this source touched was reached, so is on the stack: resetting these alone
      // leaves the arrays as fresh for the next source (on a sparse graph most sources reach few
      // places, and filling four arrays of every place per source was most of the work).
      sigma[w] = 0;
      distance[w] = -1;
      seen[w] = -1;
      head[w] = -1;
    }
  }
  return centralities;
}

/**
 * Louvain on the flow exchanged both ways, on typed arrays: graphology-communities-louvain 2.0.2's
 * undirected algorithm (fast local moves, random walk) and graphology-indices 0.17's
 * `UndirectedLouvainIndex`, ported operation for operation (both MIT, Guillaume Plique and
 * contributors), so that a seed gives the same communities and the same modularity, to the last bit.
 *
 * Why a port: the library builds its index through a graph interface, one callback and two keyed
 * lookups per flow, which cost more than the algorithm itself on a million flows; here the index is
 * filled from the pair arrays of `LouvainInput` directly. What must match the library exactly, and
 * does: the order of every floating-point sum; the integer types of its index arrays (mnemonist's
 * `getPointerArray`: 8, 16 or 32 bits by size, whose wrap-around at exactly 256 or 65,536 entries the
 * library inherits); its queue and sparse map; its tie-breaking within 1e-10; the ascending order in
 * which it lists an induced community's neighbours (it keeps them as integer keys of an object).
 * `tests/analyses/reference-equivalence.test.ts` compares the two on random graphs.
 *
 * Method (Blondel et al. 2008): move each place to the neighbouring community with the largest
 * modularity gain until no move helps, merge each community into one node, repeat.
 */
import type { LouvainInput } from './louvain-input.ts';
import { pointerArray, SparseMap, SparseQueueSet } from './sparse-sets.ts';

const EPSILON = 1e-10;

/**
 * One seeded Louvain run on undirected summed pairs: each node's community (ids 0 … count − 1 as
 * the library numbers them) and the partition's modularity.
 *
 * @param input - undirected pairs (`new LouvainInput(edges, false)`), at least one.
 * @param resolution - γ > 0.
 * @param rng - uniform [0, 1) generator (seeded `createRng`).
 */
export function undirectedLouvain(
  input: LouvainInput,
  resolution: number,
  rng: () => number,
): { communities: ArrayLike<number>; modularity: number } {
  const order = input.order;
  const pairs = input.size;
  const size = pairs * 2;
  const Neighborhood = pointerArray(size);
  const Nodes = pointerArray(order + 1);

  // UndirectedLouvainIndex(graph, { getEdgeWeight, keepDendrogram: true, resolution })
  let C = order;
  let M = 0;
  let E = size;
  let U = 0;
  let level = 0;
  const neighborhood = new Nodes(size);
  const weights = new Float64Array(size);
  const loops = new Float64Array(order);
  const starts = new Neighborhood(order + 1);
  const belongings = new Nodes(order);
  const counts = new Nodes(order);
  const unused = new Nodes(order);
  const totalWeights = new Float64Array(order);
  const degrees = new Int32Array(order);
  for (let p = 0; p < pairs; p++) {
    degrees[input.source[p]!]!++;
    degrees[input.target[p]!]!++;
  }
  let n = 0;
  for (let i = 0; i < order; i++) {
    n += degrees[i]!;
    starts[i] = n;
    belongings[i] = i;
    counts[i] = 1;
  }
  for (let p = 0; p < pairs; p++) {
    const weight = input.weight[p]!;
    const source = input.source[p]!;
    const target = input.target[p]!;
    M += weight;
    // No self-loops: LouvainInput leaves them out.
    totalWeights[source]! += weight;
    totalWeights[target]! += weight;
    const startSource = --starts[source]!;
    const startTarget = --starts[target]!;
    neighborhood[startSource] = target;
    neighborhood[startTarget] = source;
    weights[startSource] = weight;
    weights[startTarget] = weight;
  }
  starts[order] = E;
  const dendrogram: ArrayLike<number>[] = [belongings.slice()];

  const fastDelta = (i: number, degree: number, targetDegree: number, target: number) => {
    const d = degree + loops[i]!;
    return targetDegree - (d * totalWeights[target]! * resolution) / (2 * M);
  };
  const fastDeltaWithOwnCommunity = (i: number, degree: number, targetDegree: number, target: number) => {
    const d = degree + loops[i]!;
    return targetDegree - (d * (totalWeights[target]! - d) * resolution) / (2 * M);
  };
  const isolate = (i: number, degree: number): number => {
    const current = belongings[i]!;
    if (counts[current] === 1) return current;
    const fresh = unused[--U]!;
    const l = loops[i]!;
    totalWeights[current]! -= degree + l;
    totalWeights[fresh]! += degree + l;
    belongings[i] = fresh;
    counts[current]!--;
    counts[fresh]!++;
    return fresh;
  };
  const move = (i: number, degree: number, target: number) => {
    const current = belongings[i]!;
    const l = loops[i]!;
    totalWeights[current]! -= degree + l;
    totalWeights[target]! += degree + l;
    belongings[i] = target;
    const nowEmpty = counts[current]!-- === 1;
    counts[target]!++;
    if (nowEmpty) unused[U++] = current;
  };

  const zoomOut = () => {
    // Renumber communities by first appearance.
    const label = new Int32Array(C).fill(-1);
    const total: number[] = [];
    let next = 0;
    for (let i = 0; i < C; i++) {
      const ci = belongings[i]!;
      if (label[ci] === -1) {
        label[ci] = next++;
        total.push(totalWeights[ci]!);
      }
      belongings[i] = label[ci]!;
    }
    const currentLevel = dendrogram[level]!;
    const nextLevel = new (pointerArray(next))(order);
    for (let i = 0; i < order; i++) nextLevel[i] = belongings[currentLevel[i]!]!;
    dendrogram.push(nextLevel);

    // Members of each new community in node order (the order the library adds their weights in).
    const first = new Int32Array(next + 1);
    for (let i = 0; i < C; i++) first[belongings[i]! + 1]!++;
    for (let c = 0; c < next; c++) first[c + 1]! += first[c]!;
    const members = new Int32Array(C);
    const fill = first.slice(0, next);
    for (let i = 0; i < C; i++) members[fill[belongings[i]!]!++] = i;

    const internal = new Float64Array(next);
    const acc = new Float64Array(next);
    const seenBy = new Int32Array(next).fill(-1);
    const outNeighbors: number[] = [];
    const outWeights: number[] = [];
    const outStarts = new Int32Array(next + 1);
    const touched: number[] = [];
    for (let ci = 0; ci < next; ci++) {
      touched.length = 0;
      for (let k = first[ci]!; k < first[ci + 1]!; k++) {
        const i = members[k]!;
        internal[ci]! += loops[i]!;
        for (let j = starts[i]!, m = starts[i + 1]!; j < m; j++) {
          const cj = belongings[neighborhood[j]!]!;
          if (ci === cj) {
            internal[ci]! += weights[j]!;
            continue;
          }
          if (seenBy[cj] !== ci) {
            seenBy[cj] = ci;
            acc[cj] = 0;
            touched.push(cj);
          }
          acc[cj]! += weights[j]!;
        }
      }
      // An object's integer keys come out in ascending order.
      touched.sort((a, b) => a - b);
      for (const cj of touched) {
        outNeighbors.push(cj);
        outWeights.push(acc[cj]!);
      }
      outStarts[ci + 1] = outNeighbors.length;
    }

    C = next;
    for (let ci = 0; ci < C; ci++) {
      totalWeights[ci] = total[ci]!;
      loops[ci] = internal[ci]!;
      counts[ci] = 1;
      starts[ci] = outStarts[ci]!;
      belongings[ci] = ci;
    }
    for (let e = 0; e < outNeighbors.length; e++) {
      neighborhood[e] = outNeighbors[e]!;
      weights[e] = outWeights[e]!;
    }
    E = outNeighbors.length;
    starts[C] = E;
    U = 0;
    level++;
  };

  // undirectedLouvain(detailed, graph, { fastLocalMoves: true, randomWalk: true, resolution, rng })
  const communities = new SparseMap(C);
  const queue = new SparseQueueSet(C);
  let moveWasMade = true;
  while (moveWasMade) {
    const l = C;
    moveWasMade = false;
    let ri = Math.floor(rng() * l);
    for (let s = 0; s < l; s++, ri++) queue.enqueue(ri % l);
    while (queue.size !== 0) {
      const i = queue.dequeue();
      let degree = 0;
      communities.size = 0;
      const currentCommunity = belongings[i]!;
      const end = starts[i + 1]!;
      for (let start = starts[i]!; start < end; start++) {
        const weight = weights[start]!;
        degree += weight;
        communities.add(belongings[neighborhood[start]!]!, weight);
      }
      let bestDelta = fastDeltaWithOwnCommunity(i, degree, communities.get(currentCommunity) || 0, currentCommunity);
      let bestCommunity = currentCommunity;
      for (let ci = 0; ci < communities.size; ci++) {
        const targetCommunity = communities.dense[ci]!;
        if (targetCommunity === currentCommunity) continue;
        const delta = fastDelta(i, degree, communities.vals[ci]!, targetCommunity);
        const better =
          Math.abs(delta - bestDelta) < EPSILON ? bestCommunity !== currentCommunity && targetCommunity > bestCommunity : delta > bestDelta;
        if (better) {
          bestDelta = delta;
          bestCommunity = targetCommunity;
        }
      }
      if (bestDelta < 0) {
        bestCommunity = isolate(i, degree);
        if (bestCommunity === currentCommunity) continue;
      } else if (bestCommunity === currentCommunity) continue;
      else move(i, degree, bestCommunity);
      moveWasMade = true;
      for (let start = starts[i]!; start < end; start++) {
        const j = neighborhood[start]!;
        if (belongings[j] !== bestCommunity) queue.enqueue(j);
      }
    }
    if (moveWasMade) zoomOut();
  }

  // UndirectedLouvainIndex.prototype.modularity
  let Q = 0;
  const M2 = M * 2;
  const internalWeights = new Float64Array(C);
  for (let i = 0; i < C; i++) {
    const ci = belongings[i]!;
    internalWeights[ci]! += loops[i]!;
    for (let j = starts[i]!, m = starts[i + 1]!; j < m; j++) {
      if (ci !== belongings[neighborhood[j]!]) continue;
      internalWeights[ci]! += weights[j]!;
    }
  }
  for (let i = 0; i < C; i++) Q += internalWeights[i]! / M2 - (totalWeights[i]! / M2) ** 2 * resolution;
  return { communities: dendrogram[level]!, modularity: Q };
}

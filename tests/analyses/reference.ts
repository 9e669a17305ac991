/**
 * Straightforward reference versions of measures whose library code runs on typed arrays: one
 * record or Map per place, filled edge by edge through graphology's own per-node iteration (the
 * implementations the typed-array ones replaced). The equivalence tests compare them exactly.
 */
import { edgeWeightReader } from '../../src/analyses/graph-input.ts';
import type { AnyGraph, EdgeWeightGetter } from '../../src/analyses/graph-input.ts';
import type { RaiCell, RaiResult, TopFlows } from '../../src/analyses/types.ts';
import { compareKeys } from '../../src/compare-keys.ts';

/** inflow / outflow: Σ of weights per endpoint in forEachEdge order, self-loops skipped, undirected edges both ways. */
export function referenceStrengths(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter) {
  const read = edgeWeightReader(graph, getEdgeWeight);
  const inflow: Record<string, number> = {};
  const outflow: Record<string, number> = {};
  graph.forEachNode((node) => {
    inflow[node] = 0;
    outflow[node] = 0;
  });
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const w = read(edge, attributes);
    if (source === target) return;
    outflow[source]! += w;
    inflow[target]! += w;
    if (undirected) {
      outflow[target]! += w;
      inflow[source]! += w;
    }
  });
  return { inflow, outflow };
}

/** Top flows: per place, sum the flows by other end, filter, sort by (value desc, key), keep k. */
export function referenceTop(
  graph: AnyGraph,
  direction: 'in' | 'out',
  { k, minWeight, rankBy = 'weight' }: { k: number; minWeight: number; rankBy?: 'weight' | 'researchers' },
): TopFlows {
  const readWeight = edgeWeightReader(graph, 'weight');
  const readResearchers = edgeWeightReader(graph, 'researchers', 'rankBy');
  const out: TopFlows = {};
  graph.forEachNode((node) => {
    const byPlace = new Map<string, { weight: number; researchers: number | null }>();
    const visit = (edge: string, attributes: Record<string, unknown>, source: string, target: string) => {
      if (source === target) return;
      const other = direction === 'in' ? source : target;
      const weight = readWeight(edge, attributes);
      const researchers =
        rankBy === 'researchers' || (attributes.researchers !== null && attributes.researchers !== undefined)
          ? readResearchers(edge, attributes)
          : null;
      const acc = byPlace.get(other);
      if (acc) {
        acc.weight += weight;
        acc.researchers = acc.researchers === null || researchers === null ? null : acc.researchers + researchers;
      } else byPlace.set(other, { weight, researchers });
    };
    if (direction === 'in') graph.forEachInEdge(node, visit);
    else graph.forEachOutEdge(node, visit);
    const value = (a: { weight: number; researchers: number | null }) => (rankBy === 'weight' ? a.weight : (a.researchers ?? 0));
    out[node] = [...byPlace.entries()]
      .filter(([, a]) => value(a) > 0 && value(a) >= minWeight)
      .sort(([pa, a], [pb, b]) => value(b) - value(a) || compareKeys(pa, pb))
      .slice(0, k)
      .map(([place, a], i) => ({ place, weight: a.weight, researchers: a.researchers, rank: i + 1 }));
  });
  return out;
}

/** RAI with a Map of counts per place, the graph as the world. */
export function referenceRai(graph: AnyGraph, basis: 'stock' | 'inflow'): RaiResult {
  const places = graph.nodes();
  const counts = new Map<string, Map<string, number>>();
  const add = (into: Map<string, number>, by: unknown) => {
    if (by === undefined || by === null) return;
    for (const [d, v] of Object.entries(by as Record<string, number>)) into.set(d, (into.get(d) ?? 0) + v);
  };
  for (const x of places) {
    const m = new Map<string, number>();
    if (basis === 'stock') add(m, graph.getNodeAttribute(x, 'byDiscipline'));
    else graph.forEachInEdge(x, (_e, attr, s, t) => s !== t && add(m, attr.byDiscipline));
    counts.set(x, m);
  }
  const world = new Map<string, number>();
  for (const m of counts.values()) for (const [d, v] of m) world.set(d, (world.get(d) ?? 0) + v);
  const N = [...world.values()].reduce((a, b) => a + b, 0);
  const shares = new Map([...world].map(([d, v]) => [d, N > 0 ? v / N : 0]));
  const disciplines = [...world.keys()].sort((a, b) => shares.get(b)! - shares.get(a)! || compareKeys(a, b));
  const cells: RaiCell[] = [];
  for (const place of places) {
    const m = counts.get(place)!;
    const nx = [...m.values()].reduce((a, b) => a + b, 0);
    for (const discipline of disciplines) {
      const n = m.get(discipline) ?? 0;
      const share = shares.get(discipline)!;
      cells.push({ place, discipline, researchers: n, rai: nx > 0 && share > 0 ? n / nx / share : null });
    }
  }
  const worldShares: Record<string, number> = {};
  for (const d of disciplines) worldShares[d] = shares.get(d)!;
  return { basis, places, disciplines, cells, worldShares };
}

/**
 * Independent reference computations for the centrality tests: plain dense power iterations
 * written from the textbook definitions, sharing no code with graphology-metrics.
 */
import type { FlowGraph } from '../../src/graph/types.ts';

export function denseWeights(g: FlowGraph): { keys: string[]; W: number[][] } {
  const keys = g.nodes();
  const idx = new Map(keys.map((k, i) => [k, i]));
  const W = keys.map(() => keys.map(() => 0));
  g.forEachEdge((_e, a, s, t) => {
    W[idx.get(s)!]![idx.get(t)!]! += a.weight;
  });
  return { keys, W };
}

const byKey = (keys: string[], x: number[]) => Object.fromEntries(keys.map((k, i) => [k, x[i]!]));

/** PageRank by power iteration on the Google matrix, dangling mass spread uniformly. */
export function referencePagerank(g: FlowGraph, alpha = 0.85): Record<string, number> {
  const { keys, W } = denseWeights(g);
  const n = keys.length;
  const out = W.map((row) => row.reduce((a, b) => a + b, 0));
  let x = keys.map(() => 1 / n);
  for (let it = 0; it < 10_000; it++) {
    const dangling = x.reduce((s, xi, i) => (out[i] === 0 ? s + xi : s), 0);
    const next = keys.map((_, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) if (out[i]! > 0) s += (x[i]! * W[i]![j]!) / out[i]!;
      return (1 - alpha) / n + alpha * (s + dangling / n);
    });
    const diff = next.reduce((s, v, i) => s + Math.abs(v - x[i]!), 0);
    x = next;
    if (diff < 1e-15) break;
  }
  return byKey(keys, x);
}

/** HITS: authority = Wᵀ hub, hub = W authority, each scaled to sum 1. */
export function referenceHits(g: FlowGraph): { hubs: Record<string, number>; authorities: Record<string, number> } {
  const { keys, W } = denseWeights(g);
  const n = keys.length;
  const norm = (v: number[]) => {
    const s = v.reduce((a, b) => a + b, 0);
    return v.map((x) => x / s);
  };
  let h = norm(keys.map(() => 1));
  let a = h;
  for (let it = 0; it < 10_000; it++) {
    a = norm(keys.map((_, j) => h.reduce((s, hi, i) => s + hi * W[i]![j]!, 0)));
    const nh = norm(keys.map((_, i) => a.reduce((s, aj, j) => s + W[i]![j]! * aj, 0)));
    const diff = nh.reduce((s, v, i) => s + Math.abs(v - h[i]!), 0);
    h = nh;
    if (diff < 1e-15) break;
  }
  void n;
  return { hubs: byKey(keys, h), authorities: byKey(keys, a) };
}

/** Leading eigenvector of Wᵀ (x_j = Σ_i W_ij x_i), unit L2 norm, by plain power iteration. */
export function referenceEigenvector(g: FlowGraph): Record<string, number> {
  const { keys, W } = denseWeights(g);
  const n = keys.length;
  let x = keys.map(() => 1);
  for (let it = 0; it < 100_000; it++) {
    // shift by the identity so that periodic graphs converge too
    const y = keys.map((_, j) => x[j]! + x.reduce((s, xi, i) => s + xi * W[i]![j]!, 0));
    const len = Math.hypot(...y);
    const next = y.map((v) => v / len);
    const diff = next.reduce((s, v, i) => s + Math.abs(v - x[i]!), 0);
    x = next;
    if (diff < 1e-15) break;
  }
  void n;
  return byKey(keys, x);
}

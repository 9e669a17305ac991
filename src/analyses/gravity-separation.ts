/**
 * When the gravity model's distance elasticity has no estimate: the observed flows are
 * "separated" along distance. The Poisson likelihood then rises without bound as β goes to ±∞
 * (Santos Silva & Tenreyro 2010, "On the existence of the maximum likelihood estimates in
 * Poisson regression", Economics Letters 107:310; Correia, Guimarães & Zylkin 2021, "Verifying
 * the existence of maximum likelihood estimates for generalized linear models",
 * arXiv:1903.01633): there are place effects o, d and a γ ≠ 0 with
 *
 *   z_ij = o_i + d_j + γ ln dist_ij = 0   on every pair with a flow, and
 *   z_ij ≥ 0                            on every pair without one (some > 0),
 *
 * so moving the fit along −z leaves the flows' fitted values and lowers the zeros' toward 0.
 * The typical case is a handful of moves where each place sends to one partner only (two
 * moves between four places: each origin's one destination is nearer, or farther, than the
 * other's). The fit would chase β for hundreds of thousands of balancing sweeps and then give
 * up; this says so at once.
 *
 * Decided exactly only where it is cheap and safe: the flows between places that send and places
 * that receive form a forest (no cycle; then the equalities hold for any γ and fix each
 * connected part's effects up to one constant), and the inequalities, with a margin, are
 * difference constraints between those constants (Bellman–Ford). Anything else, or a case
 * within the margin, is "not shown" and the fit runs as before.
 */

/**
 * True when the flows `y` (n × n, row-major, diagonal unused) are shown to be separated along
 * `logDistance` (see the file's header); false when they are not or it was not decided.
 *
 * @example separatedByDistance(4, y, logDistance) // two moves E → L, R → B: true
 */
export function separatedByDistance(n: number, y: Float64Array, logDistance: Float64Array): boolean {
  // Nodes: origin i is i, destination j is n + j; only places that send (receive) are nodes.
  const sends = new Uint8Array(n);
  const receives = new Uint8Array(n);
  let edges = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || !(y[i * n + j]! > 0)) continue;
      sends[i] = 1;
      receives[j] = 1;
      edges++;
    }
  }
  for (let p = 0; p < n * n; p++) scale = Math.max(scale, Math.abs(logDistance[p]!));
  const parent = Int32Array.from({ length: 2 * n }, (_, v) => v);
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  let nodes = 0;
  let parts = 0;
  for (let v = 0; v < n; v++) nodes += sends[v]! + receives[v]!;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || !(y[i * n + j]! > 0)) continue;
      const a = find(i);
      const b = find(n + j);
      if (a !== b) parent[a] = b;
    }
  }
  for (let v = 0; v < 2 * n; v++) if ((v < n ? sends[v] : receives[v - n]) && find(v) === v) parts++;
  if (edges === 0 || edges !== nodes - parts) return false;

  // Rounding in the sums below is far under this; a constraint within it leaves the case undecided.
  const margin = 1e-9 * (1 + scale) * nodes;
  const part = new Int32Array(2 * n).fill(-1);
  const roots: number[] = [];
  for (let v = 0; v < 2 * n; v++) {
    if (!(v < n ? sends[v] : receives[v - n])) continue;
    const r = find(v);
    if (part[r] === -1) part[r] = roots.push(r) - 1;
    part[v] = part[r]!;
  }
  for (const gamma of [1, -1]) {
    // Effects from o_i + d_j = −γ ln d_ij along each part's tree, its first node at 0.
    const effect = new Float64Array(2 * n);
    const known = new Uint8Array(2 * n);
    for (let v = 0; v < 2 * n; v++) {
      if (part[v] === -1 || known[v]) continue;
      known[v] = 1;
      const queue = [v];
      while (queue.length > 0) {
        const u = queue.pop()!;
        for (let w = 0; w < n; w++) {
          const [i, j] = u < n ? [u, w] : [w, u - n];
          const other = u < n ? n + w : w;
          if (i === j || !(y[i * n + j]! > 0) || known[other]) continue;
          effect[other] = -gamma * logDistance[i * n + j]! - effect[u]!;
          known[other] = 1;
          queue.push(other);
        }
      }
    }
    // Pairs without a flow: z = w + c[part of i] − c[part of j] ≥ margin, with w = o_i + d_j + γ ln d_ij.
    const from: number[] = [];
    const to: number[] = [];
    const weight: number[] = [];
    let feasible = true;
    let zeros = 0;
    for (let i = 0; i < n && feasible; i++) {
      if (!sends[i]) continue;
      for (let j = 0; j < n; j++) {
        if (i === j || !receives[j] || y[i * n + j]! > 0) continue;
        zeros++;
        const w = effect[i]! + effect[n + j]! + gamma * logDistance[i * n + j]!;
        if (part[i] === part[n + j]) {
          if (w < margin) feasible = false;
        } else {
          // c[part j] ≤ c[part i] + (w − margin)
          from.push(part[i]!);
          to.push(part[n + j]!);
          weight.push(w - margin);
        }
      }
    }
    if (!feasible || zeros === 0) continue;
    const c = new Float64Array(roots.length);
    let changed = true;
    for (let round = 0; round <= roots.length && changed; round++) {
      changed = false;
      for (let e = 0; e < weight.length; e++) {
        const next = c[from[e]!]! + weight[e]!;
        if (next < c[to[e]!]!) {
          c[to[e]!] = next;
          changed = true;
        }
      }
    }
    // Still relaxing after as many rounds as parts: a negative cycle, no such constants.
    if (!changed) return true;
  }
  return false;
}

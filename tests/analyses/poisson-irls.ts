/**
 * An independent Poisson GLM fit for the gravity tests: textbook IRLS (Newton–Raphson with the
 * canonical log link) on the full dummy-variable design — origin dummies, destination dummies
 * less the first, ln distance — solved by Gaussian elimination with partial pivoting. Shares no
 * code with src/analyses/gravity.ts (which balances fixed effects instead of estimating them).
 */

/** Solves A x = b in place (A square, dense). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < n; k++) A[r]![k]! -= f * A[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= A[r]![k]! * x[k]!;
    x[r] = s / A[r]![r]!;
  }
  return x;
}

/**
 * Poisson regression of y on [origin dummies, destination dummies 2..n, ln d] over the ordered
 * pairs i ≠ j; every place must send and receive something (otherwise its effect is −∞).
 * Returns β (the ln d coefficient) and the fitted means by pair.
 */
export function poissonIrls(y: number[][], lnd: number[][]): { beta: number; mu: number[][]; iterations: number } {
  const n = y.length;
  const rows: { x: number[]; y: number; i: number; j: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const x = new Array<number>(2 * n).fill(0);
      x[i] = 1;
      if (j > 0) x[n + j - 1] = 1;
      x[2 * n - 1] = lnd[i]![j]!;
      rows.push({ x, y: y[i]![j]!, i, j });
    }
  }
  const p = 2 * n;
  const mean = rows.reduce((s, r) => s + r.y, 0) / rows.length;
  // Start from the constant-mean fit: η = ln ȳ on the origin dummies.
  let theta = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) theta[i] = Math.log(mean);
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    const XtWX = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const XtWz = new Array<number>(p).fill(0);
    for (const r of rows) {
      const eta = r.x.reduce((s, v, k) => s + v * theta[k]!, 0);
      const mu = Math.exp(eta);
      const z = eta + (r.y - mu) / mu;
      for (let a = 0; a < p; a++) {
        if (r.x[a] === 0) continue;
        XtWz[a]! += r.x[a]! * mu * z;
        for (let b = 0; b < p; b++) XtWX[a]![b]! += r.x[a]! * mu * r.x[b]!;
      }
    }
    const next = solve(XtWX, XtWz);
    const change = Math.max(...next.map((v, k) => Math.abs(v - theta[k]!)));
    theta = next;
    if (change < 1e-13) break;
  }
  const mu = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const r of rows) mu[r.i]![r.j] = Math.exp(r.x.reduce((s, v, k) => s + v * theta[k]!, 0));
  return { beta: theta[p - 1]!, mu, iterations };
}

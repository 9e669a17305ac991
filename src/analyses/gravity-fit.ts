/**
 * The PPML fit of the gravity model (`gravity.ts` states the model and why): for a given distance
 * elasticity β the fixed effects are solved exactly by balancing rows and columns, and β by
 * Newton steps on its score equation with the exact profile derivative. Kept apart from the
 * measure because it works on plain arrays of every ordered pair, with no graph.
 */
import { ConvergenceError } from '../errors.ts';
import { separatedByDistance } from './gravity-separation.ts';
/** The observations of a fit: flows y and log distances of every ordered pair, row-major, diagonal unused. */
export interface GravityData {
  n: number;
  y: Float64Array;
  logDistance: Float64Array;
}

/** The PPML fit of {@link GravityData}: β, the expected flows μ (row-major), iterations, deviances. */
export interface GravityFit {
  beta: number;
  mu: Float64Array;
  iterations: number;
  deviance: number;
  nullDeviance: number;
}

/**
 * Fits μ_ij = A_i B_j exp(β ln d_ij) by Poisson PML on every ordered pair i ≠ j (see the file's
 * header); null when β is not identified (ln d lies in the span of the fixed effects, e.g. two
 * places, or every distance equal).
 *
 * @throws ConvergenceError (measure 'gravity') when balancing or the Newton steps do not converge, or when the
 *   flows are separated along distance (no estimate exists: ./gravity-separation.ts).
 */
export function fitGravity(data: GravityData, maxIterations: number, tolerance: number): GravityFit | null {
  const { n, y, logDistance } = data;
  const rowTotal = new Float64Array(n);
  const colTotal = new Float64Array(n);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = y[i * n + j]!;
      rowTotal[i]! += v;
      colTotal[j]! += v;
      total += v;
      pairs++;
    }
  }
  if (!(total > 0) || n < 2) return null;
  const a = new Float64Array(n);
  const b = new Float64Array(n).fill(1);
  const k = new Float64Array(n * n);
  const mu = new Float64Array(n * n);

  // Places that send (receive) nothing have A (B) = 0 and μ = 0 in their row (column): the sweeps
  // run over the other places only. While k and μ are finite the skipped terms are exact zeros,
  // so sums and sweep counts are bit for bit those of the full loops; a small input with a
  // separated fit (β without bound) can take hundreds of thousands of sweeps before it gives up.
  const rows = Int32Array.from({ length: n }, (_, i) => i).filter((i) => rowTotal[i]! > 0);
  const cols = Int32Array.from({ length: n }, (_, j) => j).filter((j) => colTotal[j]! > 0);
  const allFinite = (values: Float64Array): boolean => {
    for (let p = 0; p < values.length; p++) if (!Number.isFinite(values[p]!)) return false;
    return true;
  };

  // μ for β, balanced so that every place's fitted totals equal its observed ones. The diagonal
  // of k is 0 (no pair i → i), and column sums are accumulated row by row (memory order).
  const colSum = new Float64Array(n);
  let unsentB = true;
  const balance = (beta: number): void => {
    for (let p = 0; p < n * n; p++) k[p] = Math.exp(beta * logDistance[p]!);
    for (let i = 0; i < n; i++) k[i * n + i] = 0;
    const compact = allFinite(k);
    for (let i = 0; i < n; i++) if (rowTotal[i] === 0) a[i] = 0;
    for (let sweep = 0; sweep < 100_000; sweep++) {
      // Rows: the error of the previous sweep's A (columns matched exactly after it), then the new A.
      // B of a column that receives nothing is 1 before the first column step, 0 after.
      const activeCols = compact && !unsentB;
      let worst = 0;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        let s = 0;
        const row = i * n;
        if (activeCols) for (let c = 0; c < cols.length; c++) s += b[cols[c]!]! * k[row + cols[c]!]!;
        else for (let j = 0; j < n; j++) s += b[j]! * k[row + j]!;
        if (sweep > 0) worst = Math.max(worst, Math.abs(a[i]! * s - rowTotal[i]!) / rowTotal[i]!);
        a[i] = rowTotal[i]! / s;
      }
      if (sweep > 0 && worst < tolerance) {
        for (let i = 0; i < n; i++) {
          const row = i * n;
          for (let j = 0; j < n; j++) mu[row + j] = a[i]! * b[j]! * k[row + j]!;
        }
        return;
      }
      colSum.fill(0);
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        const ai = a[i]!;
        if (ai === 0) continue;
        const row = i * n;
        if (compact) for (let c = 0; c < cols.length; c++) colSum[cols[c]!]! += ai * k[row + cols[c]!]!;
        else for (let j = 0; j < n; j++) colSum[j]! += ai * k[row + j]!;
      }
      for (let j = 0; j < n; j++) b[j] = colTotal[j] === 0 ? 0 : colTotal[j]! / colSum[j]!;
      unsentB = false;
    }
    throw new ConvergenceError('gravity');
  };
  const logLikelihood = (): number => {
    let l = 0;
    for (let p = 0; p < n * n; p++) if (y[p]! > 0) l += y[p]! * Math.log(mu[p]!);
    return l;
  };
  // Σ (y − μ) ln d, and Σ μ r² with r = ln d less its μ-weighted projection on the fixed effects.
  const score = (): number => {
    let g = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) g += (y[i * n + j]! - mu[i * n + j]!) * logDistance[i * n + j]!;
    return g;
  };
  const curvature = (): number => {
    const r = Float64Array.from(logDistance);
    const colMean = new Float64Array(n);
    // As in `balance`: with μ finite, rows and columns of places that send or receive nothing hold
    // μ = 0 and add exact zeros, and what r holds there is never read through a non-zero μ.
    const compact = allFinite(mu);
    const sweepRows = compact ? rows : Int32Array.from({ length: n }, (_, i) => i).filter((i) => rowTotal[i]! > 0);
    const sweepCols = compact ? cols : Int32Array.from({ length: n }, (_, j) => j);
    const allRows = compact ? rows : Int32Array.from({ length: n }, (_, i) => i);
    let previous = Infinity;
    for (let sweep = 0; sweep < 10_000; sweep++) {
      for (let q = 0; q < sweepRows.length; q++) {
        const i = sweepRows[q]!;
        const row = i * n;
        let s = 0;
        for (let c = 0; c < sweepCols.length; c++) s += mu[row + sweepCols[c]!]! * r[row + sweepCols[c]!]!;
        const mean = s / rowTotal[i]!;
        for (let c = 0; c < sweepCols.length; c++) r[row + sweepCols[c]!]! -= mean;
      }
      colMean.fill(0);
      for (let q = 0; q < allRows.length; q++) {
        const row = allRows[q]! * n;
        for (let c = 0; c < sweepCols.length; c++) colMean[sweepCols[c]!]! += mu[row + sweepCols[c]!]! * r[row + sweepCols[c]!]!;
      }
      let moved = 0;
      for (let j = 0; j < n; j++) {
        moved += Math.abs(colMean[j]!);
        colMean[j] = colTotal[j] === 0 ? 0 : colMean[j]! / colTotal[j]!;
      }
      let c = 0;
      for (let q = 0; q < allRows.length; q++) {
        const row = allRows[q]! * n;
        for (let t = 0; t < sweepCols.length; t++) {
          const j = sweepCols[t]!;
          const v = (r[row + j]! -= colMean[j]!);
          c += mu[row + j]! * v * v;
        }
      }
      // μ is 0 on the diagonal, so what r holds there does not count.
      if (moved <= tolerance * total || Math.abs(previous - c) <= 1e-14 * c) return c;
      previous = c;
    }
    let c = 0;
    for (let p = 0; p < n * n; p++) c += mu[p]! * r[p]! * r[p]!;
    return c;
  };

  let beta = 0;
  balance(beta);
  let l = logLikelihood();
  // Scale of ln d, to tell "no curvature" (β not identified) from a small one.
  let spread = 0;
  for (let p = 0; p < n * n; p++) spread += mu[p]! * logDistance[p]! ** 2;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const g = score();
    const s = curvature();
    if (!(s > 1e-12 * Math.max(spread, 1e-300))) return null;
    // β identified but without an estimate: the steps below would only chase it to the limit.
    if (iteration === 1 && separatedByDistance(n, y, logDistance)) throw new ConvergenceError('gravity');
    let step = g / s;
    // Poisson likelihood is concave in β: halve a step that lowers it (rare; far from the optimum).
    for (let halving = 0; ; halving++) {
      balance(beta + step);
      const next = logLikelihood();
      if (next >= l - 1e-12 * Math.abs(l) || halving >= 40) {
        l = next;
        break;
      }
      step /= 2;
    }
    beta += step;
    // An elasticity this large means the likelihood rises without bound (flows only between the
    // nearest or the farthest places): the estimate does not exist.
    if (Math.abs(beta) > 50) throw new ConvergenceError('gravity');
    if (Math.abs(step) <= tolerance * (1 + Math.abs(beta))) {
      return { beta, mu: Float64Array.from(mu), iterations: iteration, ...deviances(y, mu, n, total / pairs) };
    }
  }
  throw new ConvergenceError('gravity');
}

function deviances(y: Float64Array, mu: Float64Array, n: number, mean: number): { deviance: number; nullDeviance: number } {
  let deviance = 0;
  let nullDeviance = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = y[i * n + j]!;
      const m = mu[i * n + j]!;
      deviance += (v > 0 ? v * Math.log(v / m) : 0) - (v - m);
      nullDeviance += (v > 0 ? v * Math.log(v / mean) : 0) - (v - mean);
    }
  }
  return { deviance: Math.max(0, 2 * deviance), nullDeviance: 2 * nullDeviance };
}

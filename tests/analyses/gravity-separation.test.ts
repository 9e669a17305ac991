import { describe, expect, it } from 'vitest';
import { fitGravity } from '../../src/analyses/gravity-fit.ts';
import { separatedByDistance } from '../../src/analyses/gravity-separation.ts';
import { ConvergenceError } from '../../src/errors.ts';

// Four places on a line at 0, 1, 10 and 12 km: ln d between them, row-major.
const AT = [0, 1, 10, 12];
const n = 4;
const logDistance = new Float64Array(n * n);
for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) logDistance[i * n + j] = Math.log(Math.abs(AT[i]! - AT[j]!));
const flows = (...pairs: [number, number, number][]) => {
  const y = new Float64Array(n * n);
  for (const [i, j, v] of pairs) y[i * n + j] = v;
  return y;
};

describe('separatedByDistance', () => {
  it('two moves to the nearer partner (0 → 1, 10 → 12): separated, and the fit says it does not converge at once', () => {
    // The zero pairs 0 → 12 and 10 → 1 are farther (ln 12 + ln 9 > ln 1 + ln 2): β → −∞ fits
    // both moves exactly, so the likelihood has no maximum.
    const y = flows([0, 1, 1], [2, 3, 1]);
    expect(separatedByDistance(n, y, logDistance)).toBe(true);
    expect(() => fitGravity({ n, y, logDistance }, 50, 1e-10)).toThrow(ConvergenceError);
  });

  it('moves that also cross (a cycle of flows with unequal distances) are not separated and the fit exists', () => {
    const y = flows([0, 1, 3], [2, 3, 2], [0, 3, 1], [2, 1, 1]);
    expect(separatedByDistance(n, y, logDistance)).toBe(false);
    const fit = fitGravity({ n, y, logDistance }, 50, 1e-10)!;
    expect(Number.isFinite(fit.beta)).toBe(true);
    // Balanced: each sender's fitted total is its observed total.
    expect(fit.mu[0 * n + 1]! + fit.mu[0 * n + 3]!).toBeCloseTo(4, 9);
    expect(fit.mu[2 * n + 1]! + fit.mu[2 * n + 3]!).toBeCloseTo(3, 9);
  });

  it('a forest of flows that is not separated (0 → 12, 1 → 10, 10 → 1): the fit converges to a finite β', () => {
    // Three parts {0 → 12}, {1 → 10}, {10 → 1}: the cycles through the zero pairs have sums of
    // both signs for either γ; the fit reaching a finite maximum is the independent check.
    const y = flows([0, 3, 1], [1, 2, 1], [2, 1, 1]);
    expect(separatedByDistance(n, y, logDistance)).toBe(false);
    const fit = fitGravity({ n, y, logDistance }, 50, 1e-10)!;
    expect(fit.beta).toBeGreaterThan(2);
    expect(fit.beta).toBeLessThan(4);
  });

  it('no flows, or every pair with a flow: nothing to separate', () => {
    expect(separatedByDistance(n, new Float64Array(n * n), logDistance)).toBe(false);
    const all = new Float64Array(n * n).fill(1);
    expect(separatedByDistance(n, all, logDistance)).toBe(false);
  });
});

describe('fitGravity with places that send or receive nothing', () => {
  it('a place with no flow at all changes nothing: the same β and fitted flows to rounding, and zero flows to and from it', () => {
    const y = flows([0, 3, 1], [1, 2, 1], [2, 1, 1]);
    const fit = fitGravity({ n, y, logDistance }, 50, 1e-10)!;
    // The same four places and a fifth at 5 km that neither sends nor receives.
    const m = 5;
    const at = [...AT, 5];
    const y5 = new Float64Array(m * m);
    const ld5 = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i !== j) ld5[i * m + j] = Math.log(Math.abs(at[i]! - at[j]!));
        if (i < n && j < n) y5[i * m + j] = y[i * n + j]!;
      }
    }
    const fit5 = fitGravity({ n: m, y: y5, logDistance: ld5 }, 50, 1e-10)!;
    // Not bit for bit: its column counts once, in the first balancing sweep, before its B is 0.
    expect(Math.abs(fit5.beta - fit.beta)).toBeLessThan(1e-12 * Math.abs(fit.beta));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(fit5.mu[i * m + j]).toBeCloseTo(fit.mu[i * n + j]!, 12);
    for (let p = 0; p < m; p++) expect(fit5.mu[4 * m + p]! + fit5.mu[p * m + 4]!).toBe(0);
  });
});

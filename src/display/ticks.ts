/** Axis ticks at "nice" round numbers (1, 2, 5 × 10^k), as d3's `ticks`. */

/**
 * Up to about `count` round tick values covering [lo, hi].
 *
 * @example
 * niceTicks(0, 9300, 5); // [0, 2000, 4000, 6000, 8000]
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  // d3's thresholds: the step nearest to raw on a log scale among 1, 2, 5, 10
  const step = (unit >= Math.sqrt(50) ? 10 : unit >= Math.sqrt(10) ? 5 : unit >= Math.SQRT2 ? 2 : 1) * power;
  const out: number[] = [];
  const start = Math.ceil(lo / step);
  const end = Math.floor(hi / step);
  for (let i = start; i <= end; i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

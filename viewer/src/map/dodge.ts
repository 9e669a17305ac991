/**
 * Pushes apart discs whose centres sit inside each other, just enough that every place can be
 * seen and clicked at the current zoom.
 *
 * At world zoom Shenzhen, Guangzhou and Hong Kong are drawn within 2 px of each other with
 * radii of 15 px: one disc hides the others, and no pointer can choose between them. Like the
 * displacement of crowded symbols on printed maps, each disc is moved the least needed for its
 * centre to lie outside every other disc (distance ≥ the larger radius + `gap`); a disc that is
 * not crowded keeps its place, and zooming in, where the places stand apart, gives back the true
 * positions. Deterministic: no randomness, the same input gives the same output.
 */

/** A disc in viewport pixels. */
export interface DodgeDisc {
  x: number;
  y: number;
  radius: number;
}

export interface DodgeOptions {
  /** Pixels between a disc's centre and the edge of any other disc. */
  gap: number;
  /** Relaxation passes at most. */
  iterations: number;
}

export const DODGE_DEFAULTS: Readonly<DodgeOptions> = Object.freeze({ gap: 2, iterations: 80 });

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions (same order as `discs`) such that for every pair the distance between centres is at
 * least max(radius) + gap, within 0.5 px, found by relaxation: each crowded pair is pushed apart
 * along the line of its centres, the smaller disc moving more (a hub stays where it is; the
 * places around it make room). Coincident centres part along a direction fixed by their indices.
 *
 * @example
 * dodge([{ x: 0, y: 0, radius: 10 }, { x: 1, y: 0, radius: 10 }]) // [{x: -5.5, y: 0}, {x: 6.5, y: 0}] (12 px apart)
 */
export function dodge(discs: readonly DodgeDisc[], options: Partial<DodgeOptions> = {}): { x: number; y: number }[] {
  const { gap, iterations } = { ...DODGE_DEFAULTS, ...options };
  const n = discs.length;
  const xs = Float64Array.from(discs, (d) => d.x);
  const ys = Float64Array.from(discs, (d) => d.y);
  const rs = Float64Array.from(discs, (d) => Math.max(0, d.radius));
  let reach = 0;
  for (let i = 0; i < n; i++) reach = Math.max(reach, rs[i]!);
  reach += gap;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let pass = 0; pass < iterations; pass++) {
    // A sweep along x: only pairs closer than the largest radius + gap in x can be crowded.
    order.sort((a, b) => xs[a]! - xs[b]! || a - b);
    let worst = 0;
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi]!;
      for (let oj = oi + 1; oj < n; oj++) {
        const j = order[oj]!;
        if (xs[j]! - xs[i]! >= reach) break;
        const need = Math.max(rs[i]!, rs[j]!) + gap;
        let dx = xs[j]! - xs[i]!;
        let dy = ys[j]! - ys[i]!;
        let d = Math.hypot(dx, dy);
        if (d >= need - 0.5) continue;
        if (d < 1e-9) {
          const angle = GOLDEN_ANGLE * (Math.min(i, j) + 1) + Math.max(i, j);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 0;
        } else {
          dx /= d;
          dy /= d;
        }
        const short = need - d;
        worst = Math.max(worst, short);
        // The smaller disc moves more: areas as weights.
        const ai = rs[i]! ** 2 + 1e-9;
        const aj = rs[j]! ** 2 + 1e-9;
        const shareI = aj / (ai + aj);
        const shareJ = ai / (ai + aj);
        xs[i] = xs[i]! - dx * short * shareI;
        ys[i] = ys[i]! - dy * short * shareI;
        xs[j] = xs[j]! + dx * short * shareJ;
        ys[j] = ys[j]! + dy * short * shareJ;
      }
    }
    if (worst < 0.5) break;
  }
  return Array.from({ length: n }, (_, i) => ({ x: xs[i]!, y: ys[i]! }));
}

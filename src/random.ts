/**
 * Seeded randomness. Everything random in the toolkit (Louvain, layouts, the calibrated
 * sample) draws from one of these so that a seed reproduces a run exactly.
 */

/** The seed used when none is given; written into every output's manifest. */
export const DEFAULT_SEED = 42;

/** mulberry32: a small, fast 32-bit generator, good enough for shuffles and tie-breaking. Returns floats in [0, 1). */
export function createRng(seed: number = DEFAULT_SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

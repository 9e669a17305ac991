import { describe, expect, it } from 'vitest';
import { dodge, type DodgeDisc } from '../../viewer/src/map/dodge.ts';

/** Smallest (distance − (larger radius + gap)) over all pairs. */
function slack(discs: DodgeDisc[], at: { x: number; y: number }[], gap: number): number {
  let min = Infinity;
  for (let i = 0; i < discs.length; i++) {
    for (let j = i + 1; j < discs.length; j++) {
      min = Math.min(min, Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y) - (Math.max(discs[i]!.radius, discs[j]!.radius) + gap));
    }
  }
  return min;
}

describe('dodge', () => {
  it('dodge parts two equal discs symmetrically to the larger radius + gap', () => {
    const at = dodge(
      [
        { x: 0, y: 0, radius: 10 },
        { x: 1, y: 0, radius: 10 },
      ],
      { gap: 2 },
    );
    // 11 px short, half each: -5.5 and 6.5.
    expect(at[0]!.x).toBeCloseTo(-5.5, 9);
    expect(at[1]!.x).toBeCloseTo(6.5, 9);
    expect(at[0]!.y).toBe(0);
    expect(at[1]!.y).toBe(0);
  });

  it('dodge moves the small disc, by the share of the big disc’s area', () => {
    // radii 20 and 10, 5 apart, gap 2: 17 short; the small one moves 17·400/500 = 13.6, the big one 3.4.
    const at = dodge(
      [
        { x: 0, y: 0, radius: 20 },
        { x: 5, y: 0, radius: 10 },
      ],
      { gap: 2 },
    );
    expect(at[0]!.x).toBeCloseTo(-3.4, 9);
    expect(at[1]!.x).toBeCloseTo(18.6, 9);
  });

  it('dodge leaves discs that are not crowded where they are', () => {
    const discs = [
      { x: 0, y: 0, radius: 5 },
      { x: 30, y: 0, radius: 5 },
      { x: 0, y: 40, radius: 20 },
    ];
    expect(dodge(discs)).toEqual(discs.map(({ x, y }) => ({ x, y })));
  });

  it('dodge separates coincident centres, the same way every time', () => {
    const discs = [
      { x: 5, y: 5, radius: 8 },
      { x: 5, y: 5, radius: 8 },
      { x: 5, y: 5, radius: 8 },
    ];
    const a = dodge(discs, { gap: 2 });
    expect(slack(discs, a, 2)).toBeGreaterThan(-0.5);
    expect(dodge(discs, { gap: 2 })).toEqual(a);
  });

  it('dodge: on crowded random clusters every centre ends outside every other disc (within 0.5 px)', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 10; trial++) {
      const discs: DodgeDisc[] = Array.from({ length: 150 }, () => ({
        x: 300 + rand() * 120,
        y: 200 + rand() * 80,
        radius: 2 + rand() * 18,
      }));
      const at = dodge(discs, { gap: 2, iterations: 400 });
      expect(slack(discs, at, 2)).toBeGreaterThan(-0.5);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { type Curve, curveDistance, MIN_FLOW_HIT, MIN_HIT_RADIUS, pickCurve, pickDisc, type Disc } from '../../viewer/src/map/picking.ts';

describe('pickDisc', () => {
  const beijing: Disc = { id: 'Beijing', x: 100, y: 100, radius: 20 };
  // Drawn above Beijing, its disc covers Beijing's centre.
  const tianjin: Disc = { id: 'Tianjin', x: 104, y: 103, radius: 6 };

  it('pickDisc returns the hub when the pointer is on its centre, though a smaller disc covers that point', () => {
    expect(pickDisc({ x: 100, y: 100 }, [tianjin, beijing])).toBe('Beijing');
    expect(pickDisc({ x: 100, y: 100 }, [beijing, tianjin])).toBe('Beijing');
  });

  it('pickDisc returns the small place when the pointer is nearer its centre', () => {
    // (104,103) is 0 from Tianjin's centre and 5 from Beijing's.
    expect(pickDisc({ x: 104, y: 103 }, [beijing, tianjin])).toBe('Tianjin');
    // (103,102): 1.41 from Tianjin, 3.61 from Beijing.
    expect(pickDisc({ x: 103, y: 102 }, [beijing, tianjin])).toBe('Tianjin');
  });

  it('pickDisc returns null off every disc, and hits tiny discs within MIN_HIT_RADIUS', () => {
    expect(pickDisc({ x: 130, y: 100 }, [beijing, tianjin])).toBeNull();
    const tiny: Disc = { id: 'Tiny', x: 0, y: 0, radius: 1 };
    expect(pickDisc({ x: MIN_HIT_RADIUS, y: 0 }, [tiny])).toBe('Tiny');
    expect(pickDisc({ x: MIN_HIT_RADIUS + 0.01, y: 0 }, [tiny])).toBeNull();
  });

  it('pickDisc prefers the larger disc at equal distance, whatever the order', () => {
    const a: Disc = { id: 'A', x: 0, y: 0, radius: 10 };
    const b: Disc = { id: 'B', x: 6, y: 0, radius: 8 };
    expect(pickDisc({ x: 3, y: 0 }, [a, b])).toBe('A');
    expect(pickDisc({ x: 3, y: 0 }, [b, a])).toBe('A');
  });

  it('pickDisc: every disc centre picks that disc when no two centres coincide (random layouts)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      const discs: Disc[] = Array.from({ length: 200 }, (_, i) => ({
        id: `p${i}`,
        x: rand() * 300,
        y: rand() * 200,
        radius: 1 + rand() * 25,
      }));
      for (const d of discs) expect(pickDisc(d, discs)).toBe(d.id);
    }
  });
});

describe('pickCurve (flows under the pointer, by geometry)', () => {
  // s (0,0) → t (100,0), control (50,-50): the curve's middle is (50,-25), its apex.
  const arc: Curve = { id: 'A->B', s: { x: 0, y: 0 }, c: { x: 50, y: -50 }, t: { x: 100, y: 0 }, thickness: 2, z: 1 };

  it('hits the curve, not its chord: the middle point (50,−25) and a point at t = 0.25, (25,−18.75)', () => {
    expect(pickCurve({ x: 50, y: -25 }, [arc])).toBe('A->B');
    // B(0.25) = 2·0.25·0.75·(50,−50) + 0.0625·(100,0) = (18.75 + 6.25, −18.75).
    expect(pickCurve({ x: 25, y: -18.75 }, [arc])).toBe('A->B');
    // The chord's middle lies 25 px from the curve.
    expect(pickCurve({ x: 50, y: 0 }, [arc])).toBeNull();
    expect(curveDistance({ x: 50, y: 0 }, arc)).toBeCloseTo(25, 1);
  });

  it('reach: max(thickness / 2, MIN_FLOW_HIT) from the centre line', () => {
    expect(pickCurve({ x: 50, y: -25 + MIN_FLOW_HIT - 0.01 }, [arc])).toBe('A->B');
    expect(pickCurve({ x: 50, y: -25 + MIN_FLOW_HIT + 0.05 }, [arc])).toBeNull();
    const thick = { ...arc, thickness: 20 };
    expect(pickCurve({ x: 50, y: -16 }, [thick])).toBe('A->B');
    expect(pickCurve({ x: 50, y: -14 }, [thick])).toBeNull();
  });

  it('where two flows cross, the one drawn on top wins; at equal order the nearer', () => {
    // B → A bends to the other side: it crosses A → B only at the ends; a straight flow through (50,−25) crosses it.
    const across: Curve = { id: 'C->D', s: { x: 50, y: -80 }, c: { x: 50, y: -25 }, t: { x: 50, y: 30 }, thickness: 2, z: 5 };
    expect(pickCurve({ x: 50, y: -25 }, [arc, across])).toBe('C->D');
    expect(pickCurve({ x: 50, y: -25 }, [{ ...across, z: 0 }, arc])).toBe('A->B');
    const same = { ...across, z: 1 };
    expect(pickCurve({ x: 51.5, y: -25 }, [arc, same])).toBe('A->B');
    expect(pickCurve({ x: 50, y: -23 }, [arc, same])).toBe('C->D');
  });
});

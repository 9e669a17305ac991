import { describe, expect, it } from 'vitest';
import { MIN_HIT_RADIUS, pickDisc, type Disc } from '../../viewer/src/map/picking.ts';

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

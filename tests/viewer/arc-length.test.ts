/**
 * The one arc-length estimate every flow layer uses to put an arrowhead on the target's rim
 * (viewer/src/map/strong-flows.ts), against the curve's length summed over 10,000 short chords.
 */
import { describe, expect, it } from 'vitest';
import { arcLength, bezier, flowCurve } from '../../viewer/src/map/strong-flows.ts';
import { curveControl } from '../../viewer/src/map/focus-overlay.ts';

const summed = (s: { x: number; y: number }, c: { x: number; y: number }, t: { x: number; y: number }) => {
  let length = 0;
  let p = s;
  for (let i = 1; i <= 10_000; i++) {
    const q = bezier(s, c, t, i / 10_000);
    length += Math.hypot(q.x - p.x, q.y - p.y);
    p = q;
  }
  return length;
};

describe('arcLength', () => {
  it('is (2 × chord + control polygon) ÷ 3: 103.93 for a 100-px chord bent by 0.25', () => {
    expect(arcLength({ x: 0, y: 0 }, { x: 50, y: -25 }, { x: 100, y: 0 })).toBeCloseTo((200 + 2 * Math.hypot(50, 25)) / 3, 12);
    expect(arcLength({ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 0 })).toBe(100);
  });

  it('is within 1% of the summed length for the curvatures the map draws, in any direction', () => {
    for (const curvature of [0, 0.1, 0.25, 0.4]) {
      for (const [s, t] of [
        [
          { x: 10, y: 20 },
          { x: 310, y: 20 },
        ],
        [
          { x: 400, y: 300 },
          { x: 120, y: 80 },
        ],
        [
          { x: 0, y: 0 },
          { x: 3, y: 4 },
        ],
      ] as const) {
        const c = curveControl(s, t, curvature);
        const exact = summed(s, c, t);
        expect(Math.abs(arcLength(s, c, t) - exact) / exact).toBeLessThan(0.01);
      }
    }
  });

  it('places the strongest flows’ head where the focus overlay’s curve and estimate put it (same control point, same length)', () => {
    const s = { x: 100, y: 100 };
    const t = { x: 400, y: 220 };
    const curve = flowCurve(s, t, 6, 9, 0.25, 2);
    expect(curve.loop).toBe(false);
    expect(curve.c.x).toBeCloseTo(curveControl(s, t, 0.25).x, 9);
    expect(curve.c.y).toBeCloseTo(curveControl(s, t, 0.25).y, 9);
    expect(curve.tTip).toBeCloseTo(1 - 9 / arcLength(s, curve.c, t), 12);
  });
});

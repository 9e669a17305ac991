import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { hubClass } from '../../src/analyses/hub-class.ts';
import { quantile } from '../../src/analyses/quantile.ts';
import { flowGraph } from './helpers.ts';

// Strengths (in / out / total):
//   H1  in 40+5+20 = 65,  out 50+30+5 = 85,  total 150
//   H2  in 50+20+10 = 80, out 40+30+10 = 80, total 160
//   M   in 30+30+1 = 61,  out 5+1 = 6,       total 67, b = 55/67 = 0.82
//   E   in 5,             out 20+20 = 40,    total 45, b = −35/45 = −0.78
//   Bal in 10+1 = 11,     out 10+1 = 11,     total 22, b = 0
//   P1  in 1, out 1 (total 2, b = 0); P2 in 0, out 1; P3 in 1, out 0
// N = 8 → k = max(2, ⌈0.8⌉) = 2: top in = H2 80, H1 65; top out = H1 85, H2 80 → both hubs.
// Totals sorted 1, 1, 2, 22, 45, 67, 150, 160; type-7 quantile 0.25: h = 7·0.25 = 1.75
//   → 1 + 0.75·(2 − 1) = 1.75 → P2 and P3 (total 1) are peripheral, P1 (2) is balanced.
const crafted = () =>
  flowGraph(['H1', 'H2', 'M', 'E', 'Bal', 'P1', 'P2', 'P3'], [
    ['H1', 'H2', 50],
    ['H2', 'H1', 40],
    ['H1', 'M', 30],
    ['H2', 'M', 30],
    ['M', 'H1', 5],
    ['E', 'H1', 20],
    ['E', 'H2', 20],
    ['H1', 'E', 5],
    ['Bal', 'H2', 10],
    ['H2', 'Bal', 10],
    ['P1', 'Bal', 1],
    ['Bal', 'P1', 1],
    ['P2', 'M', 1],
    ['M', 'P3', 1],
  ]);

describe('hubClass', () => {
  it('hubClass classifies a crafted graph by hand', () => {
    const r = hubClass(crafted());
    expect(r.classes).toEqual({
      H1: 'hub',
      H2: 'hub',
      M: 'magnet',
      E: 'exporter',
      Bal: 'balanced',
      P1: 'balanced',
      P2: 'peripheral',
      P3: 'peripheral',
    });
    expect(r.balance.M).toBeCloseTo(55 / 67, 12);
    expect(r.thresholds).toEqual({
      hubCount: 2,
      inflowCutoff: 65,
      outflowCutoff: 80,
      peripheralCutoff: 1.75,
      balanceThreshold: 0.2,
    });
  });

  it('hubClass thresholds are options', () => {
    // hubShare 0.5 → k = 4: top in H2, H1, M, Bal (11); top out H1, H2, E, Bal (11) → Bal is a hub too
    expect(hubClass(crafted(), { hubShare: 0.5 }).classes.Bal).toBe('hub');
    // peripheralQuantile 0 → cut-off = min total = 1: nobody is strictly below → P2 exporter, P3 magnet
    const c = hubClass(crafted(), { peripheralQuantile: 0 }).classes;
    expect([c.P2, c.P3]).toEqual(['exporter', 'magnet']);
    // balanceThreshold 0.9: M (0.82) and E (−0.78) become balanced
    const d = hubClass(crafted(), { balanceThreshold: 0.9 }).classes;
    expect([d.M, d.E]).toEqual(['balanced', 'balanced']);
  });

  it('hubClass: a big one-sided place is not a hub; b = threshold is a magnet', () => {
    // A→X 10, B→X 10, A→B 6, B→A 4: A in 4 out 16; B in 6 out 14; X in 20 out 0.
    // k = 2: top in X 20, B 6; top out A 16, B 14 → only B is in both. X receives the most
    // but sends nothing: a magnet, not a hub; A (b = −12/20) an exporter.
    const g = flowGraph(['A', 'B', 'X'], [['A', 'X', 10], ['B', 'X', 10], ['A', 'B', 6], ['B', 'A', 4]]);
    const r = hubClass(g, { peripheralQuantile: 0 });
    expect(r.classes).toEqual({ A: 'exporter', B: 'hub', X: 'magnet' });
    // b exactly 0.2: (6 − 4)/(6 + 4)
    const t = flowGraph(['A', 'B', 'C'], [['A', 'B', 6], ['B', 'A', 4]]);
    expect(hubClass(t, { peripheralQuantile: 0, minHubs: 1, hubShare: 0.01 }).classes.B).toBe('magnet');
  });

  it('hubClass gives peripheral to places without flow; assign writes hubClass', () => {
    const g = flowGraph(['A', 'B', 'Z'], [['A', 'B', 3], ['B', 'A', 3]]);
    hubClass.assign(g);
    expect(g.getNodeAttribute('Z', 'hubClass')).toBe('peripheral');
    expect(g.getNodeAttribute('A', 'hubClass')).toBe('hub');
    expect(hubClass(flowGraph([], [])).classes).toEqual({});
  });

  it('hubClass validates its thresholds', () => {
    for (const bad of [{ hubShare: 0 }, { hubShare: 1.5 }, { minHubs: 0 }, { peripheralQuantile: 1 }, { balanceThreshold: 0 }]) {
      expect(() => hubClass(crafted(), bad)).toThrow(OptionError);
    }
  });
});

describe('quantile', () => {
  it('quantile interpolates linearly (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.25)).toBe(2.5); // sorted 0 5 10, h = 0.5
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { hubClass } from '../../src/analyses/hub-class.ts';
import { balanceClass } from '../../src/analyses/balance-class.ts';
import { quantile } from '../../src/analyses/quantile.ts';
import { flowGraph } from './helpers.ts';

// Strengths (in / out / total):
//   H1  in 40+5+20 = 65,  out 50+30+5 = 85,  total 150, b = −20/150 = −0.13
//   H2  in 50+20+10 = 80, out 40+30+10 = 80, total 160, b = 0
//   M   in 30+30+1 = 61,  out 5+1 = 6,       total 67, b = 55/67 = 0.82
//   E   in 5,             out 20+20 = 40,    total 45, b = −35/45 = −0.78
//   Bal in 10+1 = 11,     out 10+1 = 11,     total 22, b = 0
//   P1  in 1, out 1 (total 2, b = 0); P2 in 0, out 1 (b = −1); P3 in 1, out 0 (b = 1)
// N = 8 → k = max(2, ⌈0.8⌉) = 2: top in = H2 80, H1 65; top out = H1 85, H2 80 → both hubs.
// Totals sorted 1, 1, 2, 22, 45, 67, 150, 160; type-7 quantiles:
//   0.25: h = 7·0.25 = 1.75 → 1 + 0.75·(2 − 1) = 1.75 → P2 and P3 (total 1) are peripheral;
//   0.75: h = 5.25 → 67 + 0.25·(150 − 67) = 87.75 → only H1 and H2 reach it, and they are hubs:
//   M, E, Bal and P1 are medium.
const crafted = () =>
  flowGraph(
    ['H1', 'H2', 'M', 'E', 'Bal', 'P1', 'P2', 'P3'],
    [
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
    ],
  );

describe('hubClass', () => {
  it('hubClass classifies a crafted graph by size, by hand', () => {
    const r = hubClass(crafted());
    expect(r.classes).toEqual({
      H1: 'hub',
      H2: 'hub',
      M: 'medium',
      E: 'medium',
      Bal: 'medium',
      P1: 'medium',
      P2: 'peripheral',
      P3: 'peripheral',
    });
    expect(r.thresholds).toEqual({
      hubCount: 2,
      inflowCutoff: 65,
      outflowCutoff: 80,
      largeCutoff: 87.75,
      peripheralCutoff: 1.75,
    });
  });

  it('hubClass thresholds are options', () => {
    // hubShare 0.5 → k = 4: top in H2, H1, M, Bal (11); top out H1, H2, E, Bal (11) → Bal is a hub too
    expect(hubClass(crafted(), { hubShare: 0.5 }).classes.Bal).toBe('hub');
    // peripheralQuantile 0 → cut-off = min total = 1: nobody is strictly below → P2, P3 medium
    const c = hubClass(crafted(), { peripheralQuantile: 0 }).classes;
    expect([c.P2, c.P3]).toEqual(['medium', 'medium']);
    // largeQuantile 0.6: h = 4.2 → 45 + 0.2·(67 − 45) = 49.4 → M (67) is large, E (45) stays medium
    const d = hubClass(crafted(), { largeQuantile: 0.6 });
    expect([d.classes.M, d.classes.E]).toEqual(['large', 'medium']);
    expect(d.thresholds.largeCutoff).toBeCloseTo(49.4, 12);
  });

  it('hubClass: a big one-sided place is large, not a hub', () => {
    // A→X 10, B→X 10, A→B 6, B→A 4: A in 4 out 16; B in 6 out 14; X in 20 out 0.
    // k = 2: top in X 20, B 6; top out A 16, B 14 → only B is in both. Totals 20, 20, 20 → all
    // reach the 0.75 quantile (20): X and A are large.
    const g = flowGraph(
      ['A', 'B', 'X'],
      [
        ['A', 'X', 10],
        ['B', 'X', 10],
        ['A', 'B', 6],
        ['B', 'A', 4],
      ],
    );
    expect(hubClass(g).classes).toEqual({ A: 'large', B: 'hub', X: 'large' });
  });

  it('hubClass gives peripheral to places without flow; assign writes hubClass', () => {
    const g = flowGraph(
      ['A', 'B', 'Z'],
      [
        ['A', 'B', 3],
        ['B', 'A', 3],
      ],
    );
    hubClass.assign(g);
    expect(g.getNodeAttribute('Z', 'hubClass')).toBe('peripheral');
    expect(g.getNodeAttribute('A', 'hubClass')).toBe('hub');
    expect(hubClass(flowGraph([], [])).classes).toEqual({});
  });

  it('hubClass validates its thresholds', () => {
    for (const bad of [
      { hubShare: 0 },
      { hubShare: 1.5 },
      { minHubs: 0 },
      { peripheralQuantile: 1 },
      { largeQuantile: 0 },
      { largeQuantile: 0.2 },
    ]) {
      expect(() => hubClass(crafted(), bad)).toThrow(OptionError);
    }
  });
});

describe('balanceClass', () => {
  it('balanceClass classifies the crafted graph by net inflow over turnover, by hand', () => {
    const r = balanceClass(crafted());
    expect(r.classes).toEqual({
      H1: 'balanced',
      H2: 'balanced',
      M: 'magnet',
      E: 'exporter',
      Bal: 'balanced',
      P1: 'balanced',
      P2: 'exporter',
      P3: 'magnet',
    });
    expect(r.balance.M).toBeCloseTo(55 / 67, 12);
    expect(r.balance.H1).toBeCloseTo(-20 / 150, 12);
    expect(r.balanceThreshold).toBe(0.2);
  });

  it('balanceClass is independent of size: a hub can be an exporter; b = threshold is a magnet', () => {
    // B is the hub of the graph above (in 6, out 14): b = −8/20 = −0.4 → exporter; X (20 in) a magnet.
    const g = flowGraph(
      ['A', 'B', 'X'],
      [
        ['A', 'X', 10],
        ['B', 'X', 10],
        ['A', 'B', 6],
        ['B', 'A', 4],
      ],
    );
    expect(hubClass(g).classes.B).toBe('hub');
    expect(balanceClass(g).classes).toEqual({ A: 'exporter', B: 'exporter', X: 'magnet' });
    // b exactly 0.2: (6 − 4)/(6 + 4)
    const t = flowGraph(
      ['A', 'B'],
      [
        ['A', 'B', 6],
        ['B', 'A', 4],
      ],
    );
    expect(balanceClass(t).classes).toEqual({ A: 'exporter', B: 'magnet' });
    // threshold 0.9: M (0.82) and E (−0.78) become balanced
    const d = balanceClass(crafted(), { balanceThreshold: 0.9 }).classes;
    expect([d.M, d.E]).toEqual(['balanced', 'balanced']);
  });

  it('balanceClass leaves a place without flow unclassed; assign writes balance and balanceClass', () => {
    const g = flowGraph(
      ['A', 'B', 'Z'],
      [
        ['A', 'B', 3],
        ['B', 'A', 1],
      ],
    );
    balanceClass.assign(g);
    expect(g.getNodeAttributes('A')).toMatchObject({ balance: -0.5, balanceClass: 'exporter' });
    expect(g.getNodeAttributes('Z')).toMatchObject({ balance: null, balanceClass: null });
    for (const bad of [{ balanceThreshold: 0 }, { balanceThreshold: 1.5 }]) expect(() => balanceClass(g, bad)).toThrow(OptionError);
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

import { describe, expect, it } from 'vitest';
import { TalentFlowError } from '../../src/errors.ts';
import { youngGrowth, youngShare } from '../../src/analyses/young.ts';
import { flowGraph } from './helpers.ts';

const years = (y2019: number, y2023: number) => ({ '2019': y2019, '2020': 0, '2021': 0, '2022': 0, '2023': y2023 });

describe('youngShare', () => {
  it('youngShare is young / stock, null without stock', () => {
    const g = flowGraph([{ key: 'Guangzhou', stock: 1000, young: 447 }, { key: 'Zero', stock: 0, young: 0 }, 'Moves'], []);
    expect(youngShare(g)).toEqual({ Guangzhou: 0.447, Zero: null, Moves: null });
    youngShare.assign(g);
    expect(g.getNodeAttribute('Guangzhou', 'youngShare')).toBe(0.447);
  });
});

describe('youngGrowth', () => {
  it('youngGrowth is the CAGR over the window, by hand', () => {
    // 100 → 146.41 over 4 years: 1.4641^(1/4) = 1.1 → +10 % a year
    // 200 → 50: 0.25^(1/4) = 0.7071 → −29.3 % a year
    const g = flowGraph(
      [
        { key: 'Up', youngByYear: years(100, 146.41) },
        { key: 'Down', youngByYear: years(200, 50) },
        { key: 'FromNothing', youngByYear: years(0, 30) },
        'Moves',
      ],
      [],
    );
    g.setAttribute('window', [2019, 2023]);
    const r = youngGrowth(g);
    expect(r.Up).toBeCloseTo(0.1, 12);
    expect(r.Down).toBeCloseTo(Math.SQRT1_2 - 1, 12);
    expect(r.FromNothing).toBeNull();
    expect(r.Moves).toBeNull();
    youngGrowth.assign(g);
    expect(g.getNodeAttribute('Up', 'youngGrowth')).toBeCloseTo(0.1, 12);
  });

  it('youngGrowth falls back on the years present without a window; rejects bad counts', () => {
    // 2020: 50 → 2022: 72 → (1.44)^(1/2) − 1 = 0.2
    const g = flowGraph([{ key: 'A', youngByYear: { '2020': 50, '2021': 60, '2022': 72 } }], []);
    expect(youngGrowth(g).A).toBeCloseTo(0.2, 12);
    const bad = flowGraph([{ key: 'A', youngByYear: { '2019': -1, '2023': 3 } }], []);
    bad.setAttribute('window', [2019, 2023]);
    expect(() => youngGrowth(bad)).toThrow(TalentFlowError);
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { measureChartSvg, pickEntries } from '../../src/display/bar-chart.ts';
import { findAll, parseXml } from './xml.ts';

const bars = (svg: string) =>
  findAll(parseXml(svg), (e) => e.attrs.class === 'bar').map((b) => ({
    place: b.attrs['data-place']!,
    value: Number(b.attrs['data-value']),
    x: Number(b.attrs.x),
    width: Number(b.attrs.width),
    fill: b.attrs.fill!,
  }));

describe('measureChartSvg', () => {
  it('measureChartSvg draws bars whose widths are proportional to the values', () => {
    const svg = measureChartSvg({ Beijing: 0.12, Boston: 0.06, Shenzhen: 0.03 }, { plotWidth: 300 });
    const b = bars(svg);
    expect(b.map((x) => x.place)).toEqual(['Beijing', 'Boston', 'Shenzhen']);
    // domain [0, 0.12] over 300 px → 2500 px per unit: 300, 150, 75
    expect(b.map((x) => x.width)).toEqual([300, 150, 75]);
    expect(new Set(b.map((x) => x.x)).size).toBe(1);
  });

  it('measureChartSvg draws negative values to the left of the zero line in another colour', () => {
    const b = bars(measureChartSvg({ Shenzhen: 300, Beijing: -100 }, { plotWidth: 400 }));
    // domain [−100, 300] → 1 px per unit; zero line at x(Beijing) + 100
    const shenzhen = b.find((x) => x.place === 'Shenzhen')!;
    const beijing = b.find((x) => x.place === 'Beijing')!;
    expect(shenzhen.width).toBe(300);
    expect(beijing.width).toBe(100);
    expect(beijing.x + beijing.width).toBeCloseTo(shenzhen.x, 6);
    expect(beijing.fill).not.toBe(shenzhen.fill);
  });

  it('measureChartSvg leaves out nulls, says how many, and lollipops keep the proportions', () => {
    const svg = measureChartSvg({ a: 4, b: 2, c: null }, { style: 'lollipop', plotWidth: 200 });
    expect(svg).toContain('1 place without a value not shown');
    const stems = findAll(parseXml(svg), (e) => e.attrs.class === 'stem');
    const lengths = stems.map((s) => Number(s.attrs.x2) - Number(s.attrs.x1));
    expect(lengths).toEqual([200, 100]);
  });

  it('measureChartSvg widens the figure for a long title', () => {
    const title = 'A title much longer than the plot of a single short bar would ever need to be';
    const width = (svg: string) => Number(parseXml(svg).attrs.width);
    expect(width(measureChartSvg({ a: 1 }, { title, plotWidth: 100 }))).toBeGreaterThan(
      width(measureChartSvg({ a: 1 }, { title: 'a', plotWidth: 100 })) + 200,
    );
  });

  it('measureChartSvg rejects bad options', () => {
    expect(() => measureChartSvg({ a: 1 }, { limit: 0 })).toThrow(OptionError);
    expect(() => measureChartSvg({ a: 1 }, { style: 'pie' as never })).toThrow(OptionError);
  });
});

describe('pickEntries', () => {
  it('pickEntries takes the top, the bottom or both ends, largest first, ties by key', () => {
    const m = { a: 5, b: 4, c: 3, d: 2, e: 1, f: null, g: 3 };
    expect(pickEntries(m, 2, 'top')).toEqual([
      ['a', 5],
      ['b', 4],
    ]);
    expect(pickEntries(m, 2, 'bottom')).toEqual([
      ['d', 2],
      ['e', 1],
    ]);
    expect(pickEntries(m, 3, 'extremes')).toEqual([
      ['a', 5],
      ['b', 4],
      ['e', 1],
    ]);
    expect(pickEntries(m, 10, 'top').map(([k]) => k)).toEqual(['a', 'b', 'c', 'g', 'd', 'e']);
  });
});

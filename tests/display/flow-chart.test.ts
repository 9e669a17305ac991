import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { flowStrokeWidth, topSourcesSvg } from '../../src/display/flow-chart.ts';
import { TOP } from './fixtures.ts';
import { findAll, parseXml } from './xml.ts';

const flows = (svg: string) =>
  findAll(parseXml(svg), (e) => e.attrs.class === 'flow').map((f) => ({
    source: f.attrs['data-source'],
    target: f.attrs['data-target'],
    count: Number(f.attrs['data-count']),
    width: Number(f.attrs['stroke-width']),
  }));

describe('flowStrokeWidth', () => {
  it('flowStrokeWidth grows with ln(1 + count): 99 of max 9999 gets half the width', () => {
    // ln 100 / ln 10000 = 2/4
    expect(flowStrokeWidth(99, 9999, 16, 1)).toBeCloseTo(8, 12);
    expect(flowStrokeWidth(0, 9999, 16, 1)).toBe(1);
    expect(flowStrokeWidth(5, 0, 16, 1)).toBe(1);
  });
});

describe('topSourcesSvg', () => {
  it('topSourcesSvg draws each source into the destination with width ∝ ln(1 + researchers)', () => {
    const f = flows(topSourcesSvg(TOP, 'Shenzhen', { maxStroke: 16, minStroke: 0 }));
    expect(f.map((x) => [x.source, x.target, x.count])).toEqual([
      ['Guangzhou', 'Shenzhen', 2999],
      ['Shanghai', 'Shenzhen', 99],
      ['Beijing', 'Shenzhen', 9],
    ]);
    // 16 · ln 3000/ln 3000 = 16; 16 · ln 100/ln 3000 ≈ 9.203; 16 · ln 10/ln 3000 ≈ 4.601 (2 decimals in SVG)
    expect(f[0]!.width).toBe(16);
    expect(f[1]!.width).toBeCloseTo((16 * Math.log(100)) / Math.log(3000), 2);
    expect(f[2]!.width).toBeCloseTo((16 * Math.log(10)) / Math.log(3000), 2);
  });

  it('topSourcesSvg falls back to moves when a flow has no researcher count, and filters by minCount', () => {
    const both = flows(topSourcesSvg(TOP, ['Shenzhen', 'Hong Kong'], { minCount: 50 }));
    expect(both.map((x) => [x.source, x.count])).toEqual([
      ['Guangzhou', 3000],
      ['Shanghai', 100],
      ['Shenzhen', 50],
    ]);
    expect(topSourcesSvg(TOP, 'Boston')).toContain('no source listed');
    expect(topSourcesSvg(TOP, 'Boston', { minCount: 5 })).toContain('no source of at least 5 moves');
  });

  it('topSourcesSvg with direction out draws the place as the source of each listed flow, on the left', () => {
    const svg = topSourcesSvg(TOP, 'Shenzhen', { direction: 'out' });
    const f = flows(svg);
    expect(f.map((x) => [x.source, x.target])).toEqual([
      ['Shenzhen', 'Guangzhou'],
      ['Shenzhen', 'Shanghai'],
      ['Shenzhen', 'Beijing'],
    ]);
    // every curve starts at the same point (the place) and ends at a different one
    const paths = findAll(parseXml(svg), (e) => e.attrs.class === 'flow').map((p) => p.attrs.d!);
    expect(new Set(paths.map((d) => d.split(' ')[0])).size).toBe(1);
    expect(new Set(paths.map((d) => d.split(' ').at(-1))).size).toBe(3);
    expect(() => topSourcesSvg(TOP, 'Shenzhen', { direction: 'up' as never })).toThrow(OptionError);
  });

  it('topSourcesSvg writes well-formed SVG and rejects an unknown destination', () => {
    parseXml(topSourcesSvg(TOP, ['Shenzhen', 'Boston'], { labels: { Shenzhen: 'Shenzhen <SZ>' } }));
    expect(() => topSourcesSvg(TOP, 'Atlantis')).toThrow(OptionError);
    expect(() => topSourcesSvg(TOP, [])).toThrow(OptionError);
    expect(() => topSourcesSvg(TOP, 'Shenzhen', { value: 'people' as never })).toThrow(OptionError);
  });
});

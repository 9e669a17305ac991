import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { slopeChartSvg } from '../../src/display/slope-chart.ts';
import { SIGN_COLORS } from '../../src/display/colors.ts';

const lineOf = (svg: string, label: string) => {
  const g = new RegExp(`<g class="slope" data-label="${label}">(.*?)</g>`).exec(svg)![1]!;
  const m = /<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="([^"]+)"/.exec(g)!;
  return { y1: Number(m[2]), y2: Number(m[4]), stroke: m[5] };
};

describe('slopeChartSvg', () => {
  it('slopeChartSvg maps values linearly, colours rises red and falls blue, and draws zero when values straddle it', () => {
    // Range −1..1 over the default 360 px from y = 32 (no title): 1 → 32, 0 → 212, −1 → 392.
    const svg = slopeChartSvg(
      [
        { label: 'China', left: -1, right: 1 },
        { label: 'Iran', left: 1, right: -1 },
        { label: 'Flat', left: 0, right: 0 },
      ],
      { leftLabel: '1998–2004', rightLabel: '2012–2018' },
    );
    expect(lineOf(svg, 'China')).toEqual({ y1: 392, y2: 32, stroke: SIGN_COLORS.positive });
    expect(lineOf(svg, 'Iran')).toEqual({ y1: 32, y2: 392, stroke: SIGN_COLORS.negative });
    expect(lineOf(svg, 'Flat')).toEqual({ y1: 212, y2: 212, stroke: SIGN_COLORS.neutral });
    expect(svg).toMatch(/<line class="zero" x1="[\d.]+" x2="[\d.]+" y1="212" y2="212"/);
    expect(svg).toContain('<title>China: -1 → 1</title>');
    expect(svg).toContain('>1998–2004</text>');
  });

  it('slopeChartSvg keeps labels on one side at least a line apart', () => {
    const svg = slopeChartSvg([
      { label: 'A', left: 1, right: 0 },
      { label: 'B', left: 1.0001, right: 10 },
    ]);
    const ys = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end">[AB] /g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(14);
    expect(svg).not.toContain('class="zero"');
  });

  it('slopeChartSvg rejects an empty list or a non-finite value', () => {
    expect(() => slopeChartSvg([])).toThrow(OptionError);
    expect(() => slopeChartSvg([{ label: 'x', left: NaN, right: 1 }])).toThrow(OptionError);
  });
});

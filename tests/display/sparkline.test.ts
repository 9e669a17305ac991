import { describe, expect, it } from 'vitest';
import { sparklineSvg } from '../../src/display/sparkline.ts';
import { SIGN_COLORS } from '../../src/display/colors.ts';

const bars = (svg: string) =>
  [
    ...svg.matchAll(
      /<rect data-year="(\d+)" data-value="(-?\d+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"/g,
    ),
  ].map((m) => ({
    year: Number(m[1]),
    value: Number(m[2]),
    x: Number(m[3]),
    y: Number(m[4]),
    width: Number(m[5]),
    height: Number(m[6]),
    fill: m[7],
  }));

describe('sparklineSvg', () => {
  it('sparklineSvg draws one bar per year from a mid-height zero line when values have both signs, by hand', () => {
    // width 100, height 40, years 2019–2022 (4 slots of 25 px); max |v| 4 → 19 px per 4 (half-height 20 − 1).
    const svg = sparklineSvg(
      [
        { year: 2020, value: 4 },
        { year: 2019, value: -2 },
        { year: 2022, value: 0 },
      ],
      { width: 100, height: 40 },
    );
    expect(bars(svg)).toEqual([
      { year: 2019, value: -2, x: 2.5, y: 20, width: 20, height: 9.5, fill: SIGN_COLORS.negative },
      { year: 2020, value: 4, x: 27.5, y: 1, width: 20, height: 19, fill: SIGN_COLORS.positive },
      { year: 2022, value: 0, x: 77.5, y: 20, width: 20, height: 0.5, fill: SIGN_COLORS.neutral },
    ]);
    expect(svg).toContain('<line x1="0" x2="100" y1="20" y2="20"');
    expect(svg).toContain('<title>2020: 4</title>');
  });

  it('sparklineSvg puts the zero line at the bottom for gains only and is empty without points', () => {
    const svg = sparklineSvg([{ year: 2019, value: 2, title: 'two' }], { width: 10, height: 10 });
    expect(bars(svg)[0]).toMatchObject({ y: 1, height: 8 });
    expect(svg).toContain('<title>two</title>');
    expect(bars(sparklineSvg([]))).toEqual([]);
  });
});

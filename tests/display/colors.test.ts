import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { RAI_COLORS, categoryColor, mixColors, raiColor, raiPosition, textColorOn } from '../../src/display/colors.ts';
import { rgb } from './xml.ts';

describe('raiColor', () => {
  it('raiColor is grey at 1, red-ish at 2 and blue-ish at 0.5', () => {
    expect(raiColor(1)).toBe(RAI_COLORS.neutral);
    const [gr, gg, gb] = rgb(raiColor(1));
    expect(Math.max(gr, gg, gb) - Math.min(gr, gg, gb)).toBeLessThan(8);
    const [r2, g2, b2] = rgb(raiColor(2));
    expect(r2 - b2).toBeGreaterThan(60);
    expect(r2 - g2).toBeGreaterThan(60);
    const [r5, g5, b5] = rgb(raiColor(0.5));
    expect(b5 - r5).toBeGreaterThan(60);
    expect(b5 - g5).toBeGreaterThan(20);
  });

  it('raiColor saturates at saturateAt and its reciprocal, and is white without a value', () => {
    expect(raiColor(2.5)).toBe(RAI_COLORS.high);
    expect(raiColor(10)).toBe(RAI_COLORS.high);
    expect(raiColor(0.4)).toBe(RAI_COLORS.low);
    expect(raiColor(0)).toBe(RAI_COLORS.low);
    expect(raiColor(4, 4)).toBe(RAI_COLORS.high);
    expect(raiColor(null)).toBe(RAI_COLORS.missing);
    expect(raiColor(Number.NaN)).toBe(RAI_COLORS.missing);
  });

  it('raiPosition is symmetric in log(RAI): position(2) = −position(1/2) = ln 2 / ln 2.5', () => {
    expect(raiPosition(2)).toBeCloseTo(Math.log(2) / Math.log(2.5), 12);
    expect(raiPosition(0.5)).toBeCloseTo(-Math.log(2) / Math.log(2.5), 12);
    expect(raiPosition(1)).toBe(0);
  });

  it('raiPosition rejects a saturation point not above 1', () => {
    expect(() => raiPosition(2, 1)).toThrow(OptionError);
    try {
      raiColor(2, 0.5);
    } catch (e) {
      expect(e).toBeInstanceOf(OptionError);
      expect((e as OptionError).option).toBe('saturateAt');
    }
  });
});

describe('mixColors', () => {
  it('mixColors interpolates channels linearly: #000000→#ffffff at 0.5 is #808080', () => {
    // 255 · 0.5 = 127.5 → rounds to 128 = 0x80
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#102030', '#102030', 0.3)).toBe('#102030');
  });
});

describe('textColorOn', () => {
  it('textColorOn picks white on dark and near-black on light backgrounds', () => {
    expect(textColorOn(RAI_COLORS.high)).toBe('#ffffff');
    expect(textColorOn(RAI_COLORS.neutral)).toBe('#1a1a1a');
  });
});

describe('categoryColor', () => {
  it('categoryColor gives the first ten classes their own colour and the rest grey', () => {
    expect(new Set(Array.from({ length: 10 }, (_, i) => categoryColor(i))).size).toBe(10);
    expect(categoryColor(10)).toBe('#9e9e9e');
    expect(categoryColor(null)).toBe('#9e9e9e');
  });
});

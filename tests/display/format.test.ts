import { describe, expect, it } from 'vitest';
import { escapeXml, formatNumber, num, truncate } from '../../src/display/format.ts';
import { niceTicks } from '../../src/display/ticks.ts';

describe('formatNumber', () => {
  it('formatNumber groups thousands, fixes decimals and never prints −0', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-9300)).toBe('-9,300');
    expect(formatNumber(1234.5678, 2)).toBe('1,234.57');
    expect(formatNumber(2, 2, true)).toBe('2.00');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});

describe('escapeXml', () => {
  it('escapeXml escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('num', () => {
  it('num rounds to 2 decimals without -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(num(10)).toBe('10');
  });
});

describe('truncate', () => {
  it('truncate cuts with an ellipsis to the given length', () => {
    expect(truncate('Biochemistry', 5)).toBe('Bioc…');
    expect(truncate('Medicine', 8)).toBe('Medicine');
  });
});

describe('niceTicks', () => {
  it('niceTicks picks round steps of 1, 2 or 5 × 10^k inside the range', () => {
    expect(niceTicks(0, 9300, 5)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceTicks(-100, 300, 4)).toEqual([-100, 0, 100, 200, 300]);
    expect(niceTicks(0, 0.12, 4)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});

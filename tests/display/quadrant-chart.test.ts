import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { quadrants } from '../../src/analyses/quadrants.ts';
import { quadrantChartSvg, QUADRANT_COLORS } from '../../src/display/quadrant-chart.ts';
import { renderFigures } from '../../src/display/figures.ts';
import { flowGraph } from '../analyses/helpers.ts';
import { parseXml } from './xml.ts';

// in: A 8, B 10, C 4, D 0 → incumbent, leader, riser, laggard (tests/analyses/quadrants.test.ts)
const graph = () =>
  flowGraph(
    ['A', 'B', 'C', 'D'],
    [
      ['A', 'B', 10],
      ['B', 'C', 4],
      ['C', 'A', 2],
      ['D', 'A', 6],
    ],
  );

/** Attribute values of every element named `name` with the attribute, in document order. */
function dots(svg: string): { place: string; quadrant: string; fill: string; cx: number; cy: number }[] {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="4" fill="(#\w+)"[^>]*data-place="(\w+)" data-quadrant="(\w+)"/g)].map(
    (m) => ({
      cx: Number(m[1]),
      cy: Number(m[2]),
      fill: m[3]!,
      place: m[4]!,
      quadrant: m[5]!,
    }),
  );
}

describe('quadrantChartSvg', () => {
  it('quadrantChartSvg draws one dot per place in its quadrant colour, on the right side of both thresholds', () => {
    const result = quadrants(graph());
    const svg = quadrantChartSvg(result);
    expect(parseXml(svg).name).toBe('svg');
    const found = dots(svg);
    expect(found.map((d) => d.place).sort()).toEqual(['A', 'B', 'C', 'D']);
    for (const d of found) expect(d.fill).toBe(QUADRANT_COLORS[d.quadrant as keyof typeof QUADRANT_COLORS]);
    const at = Object.fromEntries(found.map((d) => [d.place, d]));
    // Larger size is further right (log scale), more momentum is higher (smaller y).
    expect(at['B']!.cx).toBeGreaterThan(at['A']!.cx);
    expect(at['A']!.cx).toBeGreaterThan(at['C']!.cx);
    expect(at['C']!.cx).toBeGreaterThan(at['D']!.cx);
    expect(at['B']!.cy).toBeLessThan(at['C']!.cy); // 3/7 > 1/3
    expect(at['C']!.cy).toBeLessThan(at['A']!.cy);
    expect(at['A']!.cy).toBeLessThan(at['D']!.cy);
    expect(svg.match(/class="threshold"/g)).toHaveLength(2);
    expect(svg).toContain('net rate (in − out) / (in + out)');
    expect(() => quadrantChartSvg(result, { labelCount: -1 })).toThrow(OptionError);
  });

  it('renderFigures adds quadrants.svg when the places carry a quadrant', () => {
    const g = graph();
    expect(renderFigures({ graph: g })['quadrants.svg']).toBeUndefined();
    quadrants.assign(g);
    expect(dots(renderFigures({ graph: g })['quadrants.svg']!)).toHaveLength(4);
  });
});

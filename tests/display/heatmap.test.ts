import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { raiHeatmapSvg } from '../../src/display/heatmap.ts';
import { RAI } from './fixtures.ts';
import { findAll, parseXml, rgb, textOf } from './xml.ts';

const cells = (svg: string) =>
  findAll(parseXml(svg), (e) => e.name === 'g' && e.attrs.class === 'cell').map((g) => ({
    place: g.attrs['data-place'],
    discipline: g.attrs['data-discipline'],
    fill: g.children.find((c) => c.name === 'rect')!.attrs.fill!,
    label: textOf(g.children.find((c) => c.name === 'text')!),
  }));

describe('raiHeatmapSvg', () => {
  it('raiHeatmapSvg writes well-formed SVG with one cell per place × discipline', () => {
    const svg = raiHeatmapSvg(RAI);
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(cells(svg)).toHaveLength(3 * 3);
  });

  it('raiHeatmapSvg colours RAI 2 red, 0.5 blue, 1 grey and a missing value white', () => {
    const byKey = new Map(cells(raiHeatmapSvg(RAI)).map((c) => [`${c.place}|${c.discipline}`, c]));
    const [r2, , b2] = rgb(byKey.get('Shenzhen|Computer Science')!.fill);
    expect(r2).toBeGreaterThan(b2 + 60);
    const [r5, , b5] = rgb(byKey.get('Shenzhen|Medicine')!.fill);
    expect(b5).toBeGreaterThan(r5 + 60);
    expect(byKey.get('Shenzhen|Neuroscience')!.fill).toBe('#d9d9d9');
    expect(byKey.get('A<B|Neuroscience')!.fill).toBe('#ffffff');
    expect(byKey.get('Shenzhen|Computer Science')!.label).toBe('2.00');
    expect(byKey.get('Hong Kong|Medicine')!.label).toBe('0.40');
    expect(byKey.get('A<B|Neuroscience')!.label).toBe('–');
  });

  it('raiHeatmapSvg escapes place names and keeps the chosen order and subset', () => {
    const svg = raiHeatmapSvg(RAI, { places: ['A<B', 'Shenzhen'], disciplines: ['Neuroscience'] });
    expect(svg).toContain('A&lt;B');
    expect(svg).not.toContain('>A<B<');
    expect(cells(svg).map((c) => c.place)).toEqual(['A<B', 'Shenzhen']);
  });

  it('raiHeatmapSvg rejects unknown places, disciplines and options', () => {
    expect(() => raiHeatmapSvg(RAI, { places: ['Atlantis'] })).toThrow(OptionError);
    expect(() => raiHeatmapSvg(RAI, { disciplines: ['Alchemy'] })).toThrow(OptionError);
    expect(() => raiHeatmapSvg(RAI, { cellWidth: 0 })).toThrow(OptionError);
    try {
      raiHeatmapSvg(RAI, { colour: 'red' } as never);
      expect.unreachable();
    } catch (e) {
      expect((e as OptionError).option).toBe('colour');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { flowMapSvg, flowWidth, placeRadius } from '../../src/display/map.ts';
import { flowMapHtml } from '../../src/display/map-html.ts';
import { mapGraph } from './fixtures.ts';
import { findAll, parseXml } from './xml.ts';

describe('flowMapSvg', () => {
  it('flowMapSvg draws located places and the flows between them, and counts the rest', () => {
    const svg = flowMapSvg(mapGraph());
    const root = parseXml(svg);
    const places = findAll(root, (e) => e.attrs.class === 'place').map((e) => e.attrs['data-place']);
    expect(places.sort()).toEqual(['Beijing', 'Boston', 'London', 'Shenzhen']);
    const flows = findAll(root, (e) => e.attrs.class === 'flow');
    // the flow from Nowhere has no coordinates at its source
    expect(flows).toHaveLength(4);
    expect(svg).toContain('1 place without coordinates');
    // no PageRank on the nodes: discs by in + out. Beijing 2700 + 900 + 500 = 4100 is the largest (22 px);
    // London 300: 2.5 + 19.5 · √(300/4100) ≈ 7.77
    const r = (key: string) => Number(findAll(root, (e) => e.attrs['data-place'] === key)[0]!.attrs.r);
    expect(r('Beijing')).toBe(22);
    expect(r('London')).toBeCloseTo(2.5 + 19.5 * Math.sqrt(300 / 4100), 2);
  });

  it('flowMapSvg sizes discs by PageRank when the nodes carry it', () => {
    const g = mapGraph();
    g.forEachNode((key) => g.setNodeAttribute(key, 'pagerank', key === 'London' ? 0.4 : 0.1));
    const root = parseXml(flowMapSvg(g));
    const r = (key: string) => Number(findAll(root, (e) => e.attrs['data-place'] === key)[0]!.attrs.r);
    // London has the largest PageRank: 22 px; the others 2.5 + 19.5 · √(0.1/0.4) = 12.25
    expect(r('London')).toBe(22);
    expect(r('Beijing')).toBe(12.25);
  });

  it('flowMapSvg keeps the largest flows up to maxEdges, drawn largest last (on top)', () => {
    const flows = findAll(parseXml(flowMapSvg(mapGraph(), { maxEdges: 2 })), (e) => e.attrs.class === 'flow');
    expect(flows.map((f) => Number(f.attrs['data-weight']))).toEqual([900, 2700]);
  });

  it('flowMapSvg is deterministic and rejects bad options', () => {
    expect(flowMapSvg(mapGraph())).toBe(flowMapSvg(mapGraph()));
    expect(() => flowMapSvg(mapGraph(), { extent: 'moon' as never })).toThrow(OptionError);
    expect(() => flowMapSvg(mapGraph(), { width: 10 })).toThrow(OptionError);
  });
});

describe('flowWidth', () => {
  it('flowWidth is 0.4 + 6.6 · ln(1 + w) / ln(1 + max): 99 of 9999 is 0.4 + 3.3', () => {
    // ln 100 / ln 10000 = 1/2
    expect(flowWidth(99, 9999)).toBeCloseTo(3.7, 12);
    expect(flowWidth(9999, 9999)).toBe(7);
    expect(flowWidth(0, 9999)).toBe(0.4);
  });
});

describe('placeRadius', () => {
  it('placeRadius makes area proportional to the value, 2.5 to 22 px', () => {
    expect(placeRadius(25, 100)).toBe(12.25);
    expect(placeRadius(0, 100)).toBe(2.5);
  });
});

describe('flowMapHtml', () => {
  it('flowMapHtml wraps the map with its own script under a content-derived id', () => {
    const html = flowMapHtml(mapGraph());
    const id = /id="(talentflow-map-[0-9a-f]{8})"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(`("${id}");</script>`);
    expect(html).toBe(flowMapHtml(mapGraph()));
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

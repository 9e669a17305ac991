import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { flowMapSvg } from '../../src/display/map.ts';
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
    // largest place disc: Beijing (2700 + 900 + 500 = 4100 in + out) has r = 2 + 12
    const beijing = findAll(root, (e) => e.attrs['data-place'] === 'Beijing')[0]!;
    expect(Number(beijing.attrs.r)).toBe(14);
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

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { sigmaMapData, sigmaMapHtml } from '../../src/display/map-sigma.ts';
import { mapGraph } from './fixtures.ts';

// A stand-in for the built script: sigmaMapHtml only embeds it.
const SCRIPT = 'var talentflowSigmaMap=function(){};/* "</script>" in a string */';

describe('sigmaMapData', () => {
  it('sigmaMapData keeps the drawn attributes and the largest flows', () => {
    const data = sigmaMapData(mapGraph(), 2) as {
      nodes: { key: string; attributes: Record<string, unknown> }[];
      edges: { source: string; target: string; attributes: { weight: number } }[];
    };
    expect(data.nodes).toHaveLength(5);
    expect(data.nodes[0]).toEqual({
      key: 'Beijing',
      attributes: { label: 'Beijing', lat: 39.9, lon: 116.4, community: 0, communityLabel: 'Beijing – Shenzhen' },
    });
    expect(data.edges.map((e) => [e.source, e.target, e.attributes.weight])).toEqual([
      ['Beijing', 'Shenzhen', 2700],
      ['Shenzhen', 'Beijing', 900],
    ]);
  });
});

describe('sigmaMapHtml', () => {
  it('sigmaMapHtml embeds the script, the data and the static fallback, with nothing that ends the script early', () => {
    const html = sigmaMapHtml(mapGraph(), { script: SCRIPT });
    expect(html).toContain('<div class="fallback"><svg');
    expect(html).toContain('talentflowSigmaMap(stage,{"options"');
    // one literal "</script>" per script element, none from the script's own text
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('"<\\/script>" in a string');
    expect(html).toBe(sigmaMapHtml(mapGraph(), { script: SCRIPT }));
  });

  it('sigmaMapHtml escapes "<" inside the embedded data', () => {
    const g = mapGraph();
    g.setNodeAttribute('London', 'label', '</script><b>London');
    const html = sigmaMapHtml(g, { script: SCRIPT });
    expect(html).toContain('\\u003c/script>\\u003cb>London');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('sigmaMapHtml needs the built script and checks its options', () => {
    expect(() => sigmaMapHtml(mapGraph())).toThrow(OptionError);
    expect(() => sigmaMapHtml(mapGraph(), { script: 'alert(1)' })).toThrow(OptionError);
    expect(() => sigmaMapHtml(mapGraph(), { script: SCRIPT, height: 10 })).toThrow(OptionError);
    expect(() => sigmaMapHtml(mapGraph(), { script: SCRIPT, width: 10 } as never)).toThrow(OptionError);
  });
});

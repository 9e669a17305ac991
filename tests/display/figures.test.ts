import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { largestDestinations, renderFigures } from '../../src/display/figures.ts';
import { RAI, TOP, mapGraph } from './fixtures.ts';
import { parseXml } from './xml.ts';

describe('renderFigures', () => {
  it('renderFigures writes one well-formed SVG per available input', () => {
    const files = renderFigures({
      graph: mapGraph(),
      netInflow: { Shenzhen: 10, Beijing: -10 },
      pagerank: { Shenzhen: 0.6, Beijing: 0.4 },
      topSources: TOP,
      rai: RAI,
    });
    expect(Object.keys(files).sort()).toEqual(['flow-map.svg', 'net-inflow.svg', 'pagerank.svg', 'rai-heatmap.svg', 'top-sources.svg']);
    for (const svg of Object.values(files)) expect(parseXml(svg).name).toBe('svg');
  });

  it('renderFigures skips missing inputs and rejects bad options', () => {
    expect(Object.keys(renderFigures({ netInflow: { a: 1 } }))).toEqual(['net-inflow.svg']);
    expect(renderFigures({})).toEqual({});
    expect(() => renderFigures({}, { destinations: 0 })).toThrow(OptionError);
  });
});

describe('largestDestinations', () => {
  it('largestDestinations ranks by the sum of listed sources and drops empty ones', () => {
    // Shenzhen 2999 + 99 + 9; Hong Kong 50 (moves, no researchers); Boston none
    expect(largestDestinations(TOP, 5)).toEqual(['Shenzhen', 'Hong Kong']);
    expect(largestDestinations(TOP, 5, 100)).toEqual(['Shenzhen']);
  });
});

describe('renderFigures on a pipeline run', () => {
  it('renderFigures reads net inflow and PageRank from node attributes and the rest from `analyses`', () => {
    const graph = mapGraph();
    graph.forEachNode((key) => graph.mergeNodeAttributes(key, { netInflow: key === 'Shenzhen' ? 1800 : -100, pagerank: 0.2 }));
    const files = renderFigures({ graph, analyses: { topSources: TOP, rai: RAI } });
    expect(Object.keys(files).sort()).toEqual(['flow-map.svg', 'net-inflow.svg', 'pagerank.svg', 'rai-heatmap.svg', 'top-sources.svg']);
    expect(files['net-inflow.svg']).toContain('data-value="1800"');
  });
});

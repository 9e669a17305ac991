import { DirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { toGexf } from '../../src/exports/gexf.ts';
import { buildFixtureGraph } from './fixture-graph.ts';

describe('toGexf', () => {
  it('toGexf parses back with graphology-gexf keeping labels, weights and scalar attributes', () => {
    const xml = toGexf(buildFixtureGraph());
    const back = parse(DirectedGraph, xml);
    expect(back.order).toBe(4);
    expect(back.size).toBe(4);
    expect(back.getNodeAttribute('Cambridge, GB', 'label')).toBe('Cambridge');
    expect(back.getNodeAttribute('Boston', 'label')).toBe('Boston');
    expect(back.getEdgeAttribute(back.edge('Boston', 'Shenzhen')!, 'weight')).toBe(5);
    expect(back.getEdgeAttribute(back.edge('Shenzhen', 'Boston')!, 'weight')).toBe(2);
    expect(back.getEdgeAttribute(back.edge('Boston', 'Cambridge, GB')!, 'researchers')).toBe(3);
    expect(back.getEdgeAttribute(back.edge('Boston', 'Cambridge, GB')!, 'firstYear')).toBe(2019);
    expect(back.getEdgeAttribute(back.edge('Boston', 'Cambridge, GB')!, 'lastYear')).toBe(2021);
    const shenzhen = back.getNodeAttributes('Shenzhen');
    expect(shenzhen['pagerank']).toBe(0.2);
    expect(shenzhen['betweenness']).toBe(1e-7);
    expect(shenzhen['stock']).toBe(100);
    expect(shenzhen['hubClass']).toBe('magnet');
    expect(shenzhen['community']).toBe(1);
    expect(shenzhen['lat']).toBe(22.5431);
  });

  it('toGexf places nodes at lon, lat times the scale and gives none to places without coordinates', () => {
    const back = parse(DirectedGraph, toGexf(buildFixtureGraph(), { positionScale: 2 }));
    // Boston lon -71.0589 × 2 = -142.1178, lat 42.3601 × 2 = 84.7202
    expect(back.getNodeAttribute('Boston', 'x')).toBeCloseTo(-142.1178, 10);
    expect(back.getNodeAttribute('Boston', 'y')).toBeCloseTo(84.7202, 10);
    expect(back.getNodeAttribute('Oslo, NO', 'x')).toBeUndefined();
    expect(back.getNodeAttributes('Oslo, NO')).not.toHaveProperty('pagerank');
  });

  it('toGexf types measures as double, ids and years as integer, and omits object attributes', () => {
    const xml = toGexf(buildFixtureGraph());
    expect(xml).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    // Values like 5 and 0 would be inferred as integer; measures must keep one type.
    expect(xml).toContain('<attribute id="inflow" title="inflow" type="double"/>');
    expect(xml).toContain('<attribute id="netInflow" title="netInflow" type="double"/>');
    expect(xml).toContain('<attribute id="lon" title="lon" type="double"/>');
    expect(xml).toContain('<attribute id="researchers" title="researchers" type="double"/>');
    expect(xml).toContain('<attribute id="community" title="community" type="integer"/>');
    expect(xml).toContain('<attribute id="firstYear" title="firstYear" type="integer"/>');
    for (const name of ['byYear', 'byDiscipline', 'byYearDiscipline', 'youngByYear']) expect(xml).not.toContain(`"${name}"`);
    expect(xml).not.toContain('[object Object]');
    expect(xml).toMatch(/<description>Researcher flows between places; edge weight = moves \(level=metro, kind=moves, years=2019-2021, movesWithinPlace=4\)<\/description>/);
  });

  it('toGexf gives the same bytes for two builds of the same graph', () => {
    expect(toGexf(buildFixtureGraph())).toBe(toGexf(buildFixtureGraph()));
    expect(toGexf(buildFixtureGraph())).toContain('<edge id="0" source="Boston" target="Cambridge, GB" weight="3">');
  });

  it('toGexf rejects a non-positive scale with OptionError', () => {
    try {
      toGexf(buildFixtureGraph(), { positionScale: 0 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OptionError);
      expect((e as OptionError).option).toBe('positionScale');
    }
  });
});

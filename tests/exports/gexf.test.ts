import { DirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { CHUNK_CHARS } from '../../src/exports/chunks.ts';
import { gexfChunks, toGexf } from '../../src/exports/gexf.ts';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes } from '../../src/graph/types.ts';
import { buildFixtureGraph } from './fixture-graph.ts';
import { referenceGexf } from './gexf-reference.ts';
import { buildRandomGraph } from './random-graph.ts';

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
    expect(shenzhen['hubClass']).toBe('large');
    expect(shenzhen['balanceClass']).toBe('magnet');
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
    expect(xml).toMatch(
      /<description>Researcher flows between places; edge weight = moves \(level=metro, kind=moves, years=2019-2021, movesWithinPlace=4\)<\/description>/,
    );
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

describe('gexfChunks', () => {
  /** Graphs in the shapes the writer branches on. */
  function shapes(): [string, FlowGraph][] {
    const empty: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>();
    const bare: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>();
    // Nodes with a label only and edges with a weight only: no <attributes> blocks, self-closing elements.
    bare.mergeNode('a', { label: 'A' } as PlaceAttributes);
    bare.mergeNode('b', {} as PlaceAttributes);
    bare.addEdge('a', 'b', { weight: 2 } as FlowAttributes);
    bare.addEdge('b', 'a', {} as FlowAttributes);
    const nodesOnly: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>();
    nodesOnly.addNode('x', { label: 'X', lat: 1.5, lon: -2 } as unknown as PlaceAttributes);
    nodesOnly.addNode('y', { label: 'Y', lat: 0, lon: 0, share: '' } as unknown as PlaceAttributes);
    const shapes: [string, FlowGraph][] = [
      ['fixture', buildFixtureGraph()],
      ['empty', empty],
      ['bare', bare],
      ['nodes only', nodesOnly],
    ];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      shapes.push([`random ${seed}`, buildRandomGraph({ seed, places: 50, flowsPerPlace: 6, nonFinite: seed % 2 === 0 })]);
    }
    return shapes;
  }

  it('gexfChunks joined is byte-identical to the graphology-gexf writer on every shape, pretty or not, at any scale', () => {
    for (const [name, graph] of shapes()) {
      for (const options of [{}, { pretty: false }, { positionScale: 2.5 }, { pretty: false, positionScale: 1e300 }]) {
        expect([...gexfChunks(graph, options)].join(''), `${name} ${JSON.stringify(options)}`).toBe(referenceGexf(graph, options));
        expect(toGexf(graph, options)).toBe(referenceGexf(graph, options));
      }
    }
  });

  it('gexfChunks escapes keys, labels and values as XML attributes and the description as XML text', () => {
    const graph = buildFixtureGraph();
    graph.setAttribute('level', 'a<&>b' as FlowGraphAttributes['level']);
    graph.addNode('Q "&" <A>', { label: 'tab\there\nnew', note: "it's > 1\r" } as unknown as PlaceAttributes);
    const xml = toGexf(graph, { pretty: false });
    expect(xml).toBe(referenceGexf(graph, { pretty: false }));
    expect(xml).toContain(
      '<description>Researcher flows between places; edge weight = moves (level=a&lt;&amp;&gt;b, kind=moves, years=2019-2021, movesWithinPlace=4)</description>',
    );
    expect(xml).toContain(
      '<node id="Q &quot;&amp;&quot; &lt;A>" label="tab&#x9;here&#xA;new"><attvalues><attvalue for="note" value="it\'s > 1&#xD;"/></attvalues></node>',
    );
  });

  it('gexfChunks cuts a large graph into chunks of about CHUNK_CHARS characters and checks options before reading the graph', () => {
    const graph = buildRandomGraph({ seed: 11, places: 300, flowsPerPlace: 40 });
    const chunks = [...gexfChunks(graph)];
    expect(chunks.join('')).toBe(referenceGexf(graph));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_CHARS + 4096);
    expect(() => gexfChunks(graph, { pretty: 'yes' as unknown as boolean })).toThrow(OptionError);
    expect(() => gexfChunks(graph, { positionScale: Infinity })).toThrow(OptionError);
  });
});

import { DirectedGraph, MultiDirectedGraph, MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { InputError, TalentFlowError } from '../../src/errors.ts';
import { CHUNK_CHARS } from '../../src/exports/chunks.ts';
import { graphFromJson, graphJsonChunks, graphToJson, graphToObject } from '../../src/exports/graph-json.ts';
import type { FlowGraph } from '../../src/graph/types.ts';
import { buildFixtureGraph } from './fixture-graph.ts';
import { buildRandomGraph } from './random-graph.ts';

/** The reference text: graphology's export without edge keys, stringified in one piece, each UTF-16 unit past ASCII escaped. */
function referenceJson(graph: FlowGraph): string {
  const text = JSON.stringify(graphToObject(graph));
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += unit < 0x80 ? text[i] : `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}\n`;
}

function snapshot(graph: FlowGraph) {
  return {
    attributes: graph.getAttributes(),
    nodes: graph.mapNodes((key, attributes) => ({ key, attributes })),
    edges: graph.mapEdges((_e, attributes, source, target) => ({ source, target, attributes })),
  };
}

describe('graphFromJson', () => {
  it('graphFromJson(graphToJson(g)) gives the same nodes, edges and attributes, byYear included', () => {
    const graph = buildFixtureGraph();
    const back = graphFromJson(graphToJson(graph));
    expect(back.type).toBe('directed');
    expect(back.multi).toBe(false);
    expect(snapshot(back)).toEqual(snapshot(graph));
    expect(back.getEdgeAttribute('Boston', 'Cambridge, GB', 'byYear')).toEqual({ '2019': 1, '2021': 2 });
    expect(back.getNodeAttribute('Shenzhen', 'betweenness')).toBe(1e-7);
    expect(back.getNodeAttribute('Oslo, NO', 'lat')).toBeNull();
  });

  it('graphToJson is pure ASCII, names past ASCII escaped, and reads back to the same names (Zürich, São Paulo, 北京, 🎓)', () => {
    const graph = new DirectedGraph() as unknown as FlowGraph;
    const names = ['Zürich, CH', 'São Paulo, BR', '北京', 'Lab 🎓'];
    for (const n of names) graph.addNode(n, { label: n, lat: 1, lon: 2 } as never);
    graph.addDirectedEdge(names[0]!, names[2]!, { weight: 3, researchers: 2 } as never);
    const text = graphToJson(graph);
    expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(text).toContain('"Z\\u00fcrich, CH"');
    // The emoji: its two UTF-16 units, each escaped, as JSON writes characters past the BMP.
    expect(text).toContain('Lab \\ud83c\\udf93');
    const back = graphFromJson(text);
    expect(back.nodes()).toEqual(names);
    expect(back.getNodeAttribute('São Paulo, BR', 'label')).toBe('São Paulo, BR');
    expect(back.hasEdge('Zürich, CH', '北京')).toBe(true);
  });

  it('graphFromJson keeps every double bit for bit through JSON text', () => {
    const graph = buildFixtureGraph();
    const values = [0.1 + 0.2, 1 / 3, Math.PI * 1e-12, 2 ** 53 - 1, -1.7976931348623157e308, 5e-324];
    values.forEach((v, i) => graph.setNodeAttribute('Boston', `x${i}`, v));
    const back = graphFromJson(JSON.parse(JSON.stringify(graphToObject(graph))));
    values.forEach((v, i) => expect(Object.is(back.getNodeAttribute('Boston', `x${i}`), v)).toBe(true));
  });

  it('graphFromJson rejects text that is not a simple directed graph with InputError', () => {
    const cases: [string, string][] = [
      ['{not json', 'bad.json'],
      ['[1,2]', 'bad.json'],
      [JSON.stringify({ options: { type: 'undirected' }, nodes: [] }), 'bad.json'],
      [JSON.stringify({ options: { type: 'directed', multi: true }, nodes: [] }), 'bad.json'],
      [JSON.stringify({ nodes: [{ key: 'A' }], edges: [{ source: 'A', target: 'B' }] }), 'bad.json'],
    ];
    for (const [text, file] of cases) {
      try {
        graphFromJson(text, file);
        expect.unreachable(text);
      } catch (e) {
        expect(e, text).toBeInstanceOf(InputError);
        expect((e as InputError).file).toBe('bad.json');
      }
    }
  });
});

describe('graphToJson', () => {
  it('graphToJson drops generated edge keys so that two builds give the same bytes', () => {
    const a = graphToJson(buildFixtureGraph());
    const b = graphToJson(buildFixtureGraph());
    expect(a).toBe(b);
    expect(a).not.toContain('geid_');
    expect(a.endsWith('}\n')).toBe(true);
    expect(JSON.parse(a).edges[0]).toEqual({
      source: 'Boston',
      target: 'Cambridge, GB',
      attributes: {
        weight: 3,
        researchers: 3,
        byYear: { '2019': 1, '2021': 2 },
        byDiscipline: { Medicine: 3 },
        byYearDiscipline: { '2019': { Medicine: 1 }, '2021': { Medicine: 2 } },
      },
    });
  });

  it('graphToJson refuses NaN and Infinity, which JSON would turn into null', () => {
    const graph = buildFixtureGraph();
    graph.setNodeAttribute('Shenzhen', 'inflowRatio', Infinity);
    expect(() => graphToJson(graph)).toThrow(TalentFlowError);
    const other = buildFixtureGraph();
    other.setEdgeAttribute('Boston', 'Shenzhen', 'byYear', { '2020': NaN });
    expect(() => graphToJson(other)).toThrow(/byYear\.2020/);
  });

  it('graphToJson does not change the graph it serialises', () => {
    const graph = buildFixtureGraph();
    const before = snapshot(graph);
    graphToJson(graph);
    expect(snapshot(graph)).toEqual(before);
    expect(graph.edges().every((e) => e.startsWith('geid_'))).toBe(true);
  });
});

describe('graphJsonChunks', () => {
  it('graphJsonChunks joined is byte-identical to JSON.stringify(graphToObject(graph)) on the fixture and random graphs', () => {
    const graphs: FlowGraph[] = [buildFixtureGraph(), new DirectedGraph() as FlowGraph];
    for (const seed of [1, 2, 3]) graphs.push(buildRandomGraph({ seed, places: 60, flowsPerPlace: 8 }));
    for (const graph of graphs) {
      const chunks = [...graphJsonChunks(graph)];
      expect(chunks.join('')).toBe(referenceJson(graph));
      expect(graphToJson(graph)).toBe(referenceJson(graph));
      // { checked: true } (after assertJsonSafe) skips only the walk, not a byte.
      expect([...graphJsonChunks(graph, { checked: true })].join('')).toBe(referenceJson(graph));
    }
  });

  it('graphJsonChunks writes nodes and edges without attributes, multigraphs and undirected edges as graph.export() does', () => {
    const multi = new MultiDirectedGraph({ allowSelfLoops: true });
    multi.addNode('a');
    multi.addNode('b', { label: 'B' });
    multi.addEdge('a', 'b');
    multi.addEdge('a', 'b', { weight: 2 });
    multi.addEdge('b', 'b', {});
    const mixed = new MultiGraph();
    mixed.mergeUndirectedEdge('x', 'y', { weight: 1 });
    mixed.mergeDirectedEdge('y', 'x');
    for (const graph of [multi, mixed] as unknown as FlowGraph[]) {
      expect([...graphJsonChunks(graph)].join('')).toBe(referenceJson(graph));
    }
    // graph.export() leaves "attributes" out when empty and marks undirected edges of mixed graphs only.
    expect([...graphJsonChunks(mixed as unknown as FlowGraph)].join('')).toBe(
      '{"options":{"type":"mixed","multi":true,"allowSelfLoops":true},"attributes":{},' +
        '"nodes":[{"key":"x"},{"key":"y"}],' +
        '"edges":[{"source":"x","target":"y","attributes":{"weight":1},"undirected":true},{"source":"y","target":"x"}]}\n',
    );
  });

  it('graphJsonChunks cuts a large graph into chunks of about CHUNK_CHARS characters, produced only when asked for', () => {
    const graph = buildRandomGraph({ seed: 9, places: 400, flowsPerPlace: 30 });
    const reference = referenceJson(graph);
    expect(reference.length).toBeGreaterThan(10 * CHUNK_CHARS);
    const chunks = [...graphJsonChunks(graph)];
    expect(chunks.join('')).toBe(reference);
    expect(chunks.length).toBeGreaterThan(10);
    // Each chunk stops at the first element that takes it past CHUNK_CHARS: no element here is 4 K long.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(CHUNK_CHARS);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_CHARS + 4096);
    // Lazy: creating the generator reads nothing, so a graph changed before the first chunk is written as changed.
    const lazy = graphJsonChunks(graph);
    graph.setAttribute('note', 'changed');
    expect([...lazy].join('')).toContain('"note":"changed"');
  });

  it('graphJsonChunks throws the TalentFlowError graphToObject throws, at the first NaN or Infinity in graph, node, edge order', () => {
    const cases: ((g: FlowGraph) => void)[] = [
      (g) => g.setAttribute('movesWithinPlace', NaN),
      (g) => g.setNodeAttribute('Shenzhen', 'inflowRatio', Infinity),
      (g) => g.setNodeAttribute('Boston', 'scores', { '2019': [1, -Infinity] }),
      (g) => g.setEdgeAttribute('Boston', 'Shenzhen', 'byYearDiscipline', { '2020': { Medicine: NaN } }),
      (g) => {
        g.setEdgeAttribute('Shenzhen', 'Boston', 'weight', NaN);
        g.setNodeAttribute('Oslo, NO', 'pagerank', -Infinity); // the node comes first
      },
    ];
    for (const spoil of cases) {
      const graph = buildFixtureGraph();
      spoil(graph);
      let expected: unknown;
      try {
        graphToObject(graph);
      } catch (e) {
        expected = e;
      }
      expect(expected).toBeInstanceOf(TalentFlowError);
      expect(() => [...graphJsonChunks(graph)]).toThrow(TalentFlowError);
      expect(() => [...graphJsonChunks(graph)]).toThrow((expected as Error).message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { InputError, TalentFlowError } from '../../src/errors.ts';
import { graphFromJson, graphToJson, graphToObject } from '../../src/exports/graph-json.ts';
import type { FlowGraph } from '../../src/graph/types.ts';
import { buildFixtureGraph } from './fixture-graph.ts';

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
      source: 'Boston', target: 'Cambridge, GB',
      attributes: { weight: 3, researchers: 3, byYear: { '2019': 1, '2021': 2 }, byDiscipline: { Medicine: 3 }, byYearDiscipline: { '2019': { Medicine: 1 }, '2021': { Medicine: 2 } } },
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

import { describe, expect, it } from 'vitest';
import { graphFromJson, InputError, parseCsvRows } from '../../src/index.ts';
import { csvFields } from '../../viewer/src/data/csv.ts';
import { parseTable } from '../../viewer/src/data/analysis.ts';
import {
  addFlowStore,
  assembleAnalysis,
  buildAnalysis,
  graphFromParts,
  graphParts,
  parseAnalysisFiles,
  parseFlowStore,
  transferables,
} from '../../viewer/src/data/parse-files.ts';
import { syntheticAnalysis } from './fixtures/synthetic-analysis.ts';

const libraryFields = (text: string) => parseCsvRows(text).map((r) => r.fields);

describe('csvFields', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM, empty fields and blank lines as written', () => {
    const text = '\ufeffplace,label,note\r\nA,"Boston, MA","say ""hi"""\r\n\r\nB,,\n"multi\nline",x,"" \n';
    // Malformed: text after a closing quote (`"" ` in the last row) is left to the library.
    expect(csvFields(text)).toBeNull();
    const good = '\ufeffplace,label,note\r\nA,"Boston, MA","say ""hi"""\r\n\r\nB,,\n"multi\nline",x,""\nlast';
    expect(csvFields(good)).toEqual([
      ['place', 'label', 'note'],
      ['A', 'Boston, MA', 'say "hi"'],
      ['B', '', ''],
      ['multi\nline', 'x', ''],
      ['last'],
    ]);
    expect(csvFields(good)).toEqual(libraryFields(good));
  });

  it('declines an unclosed quote, and parseTable then reports the library error with its line', () => {
    expect(csvFields('a,b\n1,"open\n')).toBeNull();
    expect(() => parseTable('a,b\n1,2\n3,"open\n', 'rai.csv')).toThrow('rai.csv: line 3 is not valid CSV (unclosed-quote)');
  });

  it('gives the library parser’s fields on every table of a synthetic analysis', () => {
    const { files } = syntheticAnalysis({ places: 300, flows: 2000, seed: 7 });
    for (const name of ['places.csv', 'rai.csv', 'flows.csv', 'communities.csv'] as const) {
      const text = files[name] as string;
      expect(csvFields(text), name).toEqual(libraryFields(text));
    }
  });
});

describe('graphParts and graphFromParts', () => {
  it('rebuild the graph graphFromJson builds: nodes, edges, keys, attributes and graph attributes', () => {
    const { files } = syntheticAnalysis({ places: 200, flows: 1500, seed: 3 });
    const text = files['graph.json'] as string;
    const expected = graphFromJson(text).export();
    const parts = graphParts(text);
    expect(parts.source.length).toBe(expected.edges!.length);
    expect(parts.other.size).toBe(0);
    expect(graphFromParts(parts).export()).toEqual(expected);
  });

  it('hold what talentflow analyze writes on each flow as columns, booleans and nulls included, and give it back in order', () => {
    const attributes = (weight: number, backbone: boolean, expected: number | null) => ({
      weight,
      researchers: weight - 1,
      disparityAlpha: 0.25,
      backbone,
      expected,
      excess: expected === null ? null : weight / expected,
    });
    const text = JSON.stringify({
      nodes: [{ key: 'A' }, { key: 'B' }, { key: 'C' }],
      edges: [
        { source: 'A', target: 'B', attributes: attributes(10, true, null) },
        { source: 'B', target: 'C', attributes: attributes(4, false, 2) },
        { source: 'C', target: 'A', attributes: attributes(7, true, 3.5) },
      ],
    });
    const parts = graphParts(text);
    expect(parts.other.size).toBe(0);
    expect(parts.columns.map((c) => [c.name, c.kind])).toEqual([
      ['weight', 'number'],
      ['researchers', 'number'],
      ['disparityAlpha', 'number'],
      ['backbone', 'boolean'],
      ['expected', 'number'],
      ['excess', 'number'],
    ]);
    expect([...parts.columns[3]!.values]).toEqual([1, 0, 1]);
    const graph = graphFromParts(structuredClone(parts));
    // Edges without keys get fresh ones per graph: compared by ends and attributes.
    const flows = (g: ReturnType<typeof graphFromJson>) => g.mapEdges((_e, a, s, t) => [s, t, a]);
    expect(flows(graph)).toEqual(flows(graphFromJson(text)));
    expect(Object.keys(graph.getEdgeAttributes(graph.edge('B', 'C')!))).toEqual(Object.keys(attributes(4, false, 2)));
    expect(graph.getEdgeAttributes(graph.edge('A', 'B')!)).toEqual(attributes(10, true, null));
  });

  it('keep edges whose attributes differ from the first edge’s as written, edges without keys, and null researchers', () => {
    const text = JSON.stringify({
      attributes: { level: 'metro' },
      nodes: [{ key: 'A', attributes: { label: 'A' } }, { key: 'B' }],
      edges: [
        { source: 'A', target: 'B', attributes: { weight: 3, researchers: null } },
        { key: 'k', source: 'B', target: 'A', attributes: { weight: 2, researchers: 2, backbone: true } },
        { source: 'A', target: 'A', attributes: { weight: 1 } },
      ],
    });
    const parts = graphParts(text);
    expect(parts.columns.map((c) => c.name)).toEqual(['weight', 'researchers']);
    expect([...parts.columns[0]!.values]).toEqual([3, 0, 0]);
    expect(Number.isNaN(parts.columns[1]!.values[0]!)).toBe(true);
    expect([...parts.other.keys()]).toEqual([1, 2]);
    const graph = graphFromParts(parts);
    expect(graph.getAttribute('level')).toBe('metro');
    expect(graph.getEdgeAttributes(graph.edge('A', 'B')!)).toEqual({ weight: 3, researchers: null });
    expect(graph.getEdgeAttributes('k')).toEqual({ weight: 2, researchers: 2, backbone: true });
    expect(graph.getEdgeAttributes(graph.edge('A', 'A')!)).toEqual({ weight: 1 });
  });

  it('throw InputError naming graph.json for bad JSON, a multigraph and an edge to a missing node', () => {
    expect(() => graphParts('{"nodes": [')).toThrow(InputError);
    expect(() => graphParts('{"nodes": [')).toThrow('graph.json: is not valid JSON');
    expect(() => graphParts('{"options":{"multi":true},"nodes":[]}')).toThrow('simple directed graph');
    expect(() => graphParts('{"nodes":[{"key":"A"}],"edges":[{"source":"A","target":"Z"}]}')).toThrow(
      'graph.json: cannot be loaded as a graph: edge 1 names node "Z", which is not among the nodes',
    );
  });
});

describe('parseAnalysisFiles', () => {
  it('hands over typed arrays only once each, and assembles the same analysis as the two steps', () => {
    const { files, graph } = syntheticAnalysis({ places: 120, flows: 800, seed: 5 });
    const parsed = parseAnalysisFiles(files as never);
    const buffers = transferables(parsed);
    expect(new Set(buffers).size).toBe(buffers.length);
    // graph columns (4) + flow columns (6) + cells (4) + cell starts + rai.csv's columns (5)
    expect(buffers.length).toBe(20);
    const analysis = assembleAnalysis(files as never, 'synthetic');
    expect(analysis.graph.size).toBe(graph.size);
    expect(analysis.places.size).toBe(graph.order);
    // places.csv crosses column by column and comes back as the same rows.
    for (const row of parseTable(files['places.csv'] as string, 'places.csv').rows) expect(analysis.places.get(row['place']!)).toEqual(row);
    expect(analysis.flows?.flows.moves.length).toBe(graph.size);
  });

  it('flows.arrow added after the rest gives the analysis read at once: store, years, disciplines, yearly readers', () => {
    const { files } = syntheticAnalysis({ places: 120, flows: 800, seed: 5 });
    const whole = assembleAnalysis(files as never, 'synthetic');
    const later = buildAnalysis(parseAnalysisFiles(files as never, { flowsLater: true }), 'synthetic');
    expect(later.flows).toBeNull();
    expect(later.years).toBeNull();
    expect(later.disciplines).toEqual([]);
    // Nothing said about a missing flows.arrow while it is on its way.
    expect(later.warnings.some((w) => w.includes('flows.arrow'))).toBe(false);
    const arrival = parseFlowStore(files['flows.arrow'] as Uint8Array, later.graph.nodes());
    expect(arrival.warnings).toEqual([]);
    addFlowStore(later, arrival);
    expect(later.years).toEqual(whole.years);
    expect(later.years).not.toBeNull();
    expect(later.disciplines).toEqual(whole.disciplines);
    expect(later.disciplines.length).toBeGreaterThan(0);
    expect(later.flows!.flows.moves).toEqual(whole.flows!.flows.moves);
    expect(later.warnings).toEqual(whole.warnings);
  });

  it('parseFlowStore says why the filters are off: no file, or places graph.json lacks', () => {
    const { files, graph } = syntheticAnalysis({ places: 40, flows: 200, seed: 3 });
    expect(parseFlowStore(undefined, graph.nodes())).toEqual({
      flows: null,
      warnings: ['no flows.arrow: the year and discipline filters are off'],
    });
    const fewer = parseFlowStore(files['flows.arrow'] as Uint8Array, graph.nodes().slice(1));
    expect(fewer.flows).toBeNull();
    // The synthetic places all have flows: the store names the one left out.
    expect(graph.degree(graph.nodes()[0]!)).toBeGreaterThan(0);
    expect(fewer.warnings).toEqual(['flows.arrow names 1 place(s) not in graph.json; the year and discipline filters are off']);
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { CHUNK_CHARS } from '../../src/exports/chunks.ts';
import { tableToCsv } from '../../src/exports/csv.ts';
import { flowsCsvChunks, flowsTable, yearSpan } from '../../src/exports/flows-table.ts';
import { buildFixtureGraph } from './fixture-graph.ts';
import { buildRandomGraph } from './random-graph.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { storeEdgesOf } from '../../src/flows/graph.ts';
import { analyzeGraph } from '../../src/analyses/run-all.ts';
import { place, randomMoves } from '../graph/helpers.ts';

describe('flowsTable', () => {
  it('flowsTable sorts by weight descending, then source, then target', () => {
    const { rows } = flowsTable(buildFixtureGraph());
    // weights 5, 3, 3, 2; the two 3s order by source: "Boston" < "Cambridge, GB".
    expect(rows.map((r) => [r['source'], r['target'], r['weight']])).toEqual([
      ['Boston', 'Shenzhen', 5],
      ['Boston', 'Cambridge, GB', 3],
      ['Cambridge, GB', 'Boston', 3],
      ['Shenzhen', 'Boston', 2],
    ]);
  });

  it('flowsTable writes labels, researchers, year span, and empty cells where unknown', () => {
    const csv = tableToCsv(flowsTable(buildFixtureGraph()));
    expect(csv).toBe(
      [
        'source,source_label,target,target_label,weight,researchers,first_year,last_year,expected,excess,disparity_alpha,backbone',
        'Boston,Boston,Shenzhen,Shenzhen,5,4,2020,2021,,,,',
        'Boston,Boston,"Cambridge, GB",Cambridge,3,3,2019,2021,,,,',
        '"Cambridge, GB",Cambridge,Boston,Boston,3,2,2020,2020,,,,',
        'Shenzhen,Shenzhen,Boston,Boston,2,,,,,,,',
        '',
      ].join('\n'),
    );
  });

  it('flowsTable breaks ties on target when weight and source are equal', () => {
    const graph = buildFixtureGraph();
    graph.addNode('Austin', {
      label: 'Austin',
      level: 'metro',
      country: 'US',
      countryName: null,
      region: null,
      subregion: null,
      lat: null,
      lon: null,
    });
    graph.addEdge('Boston', 'Austin', { weight: 3, researchers: 1, byYear: {}, byDiscipline: {}, byYearDiscipline: {} });
    const targets = flowsTable(graph)
      .rows.filter((r) => r['weight'] === 3)
      .map((r) => `${r['source']}→${r['target']}`);
    expect(targets).toEqual(['Boston→Austin', 'Boston→Cambridge, GB', 'Cambridge, GB→Boston']);
  });
});

describe('yearSpan', () => {
  it('yearSpan ignores zero counts and non-year keys', () => {
    expect(yearSpan({ '2019': 2, '2021': 1, '2023': 0 })).toEqual([2019, 2021]);
    expect(yearSpan({ x: 3 })).toEqual([null, null]);
    expect(yearSpan(undefined)).toEqual([null, null]);
  });
});

describe('flowsCsvChunks', () => {
  it('flowsCsvChunks joined is byte-identical to tableToCsv(flowsTable(graph)), CRLF too', () => {
    const graphs = [buildFixtureGraph()];
    // Random graphs: many ties in weight, keys with commas, quotes and non-ASCII, weights that are
    // missing, text, NaN or infinite (flowsTable's comparator is kept as it is for those too).
    for (const seed of [1, 2, 3, 4]) graphs.push(buildRandomGraph({ seed, places: 80, flowsPerPlace: 10, nonFinite: seed > 2 }));
    // The per-flow measures: numbers, booleans and absent values, and values of other types.
    const measured = buildRandomGraph({ seed: 5, places: 40, flowsPerPlace: 6 });
    let k = 0;
    measured.updateEachEdgeAttributes((_e, a) => {
      k++;
      if (k % 5 === 0) return a;
      if (k % 7 === 0) return { ...a, expected: 'n/a', backbone: 'yes' };
      return { ...a, expected: k * 0.37, excess: k % 3 ? 1 / k : null, disparityAlpha: 1e-9 * k, backbone: k % 2 === 0 };
    });
    graphs.push(measured);
    for (const graph of graphs) {
      expect([...flowsCsvChunks(graph)].join('')).toBe(tableToCsv(flowsTable(graph)));
      expect([...flowsCsvChunks(graph, { lineEnding: '\r\n' })].join('')).toBe(tableToCsv(flowsTable(graph), { lineEnding: '\r\n' }));
    }
  });

  it('flowsCsvChunks reads a graph still matching its flow store from the store’s columns: the same bytes as from the edges', () => {
    const ids = 'ABCDEFGHIJ'.split('');
    const { graph, flows } = buildFlows({
      moves: randomMoves(7, ids, 600),
      places: ids.map((id) => place(id)),
      kind: 'moves',
      level: 'metro',
    });
    analyzeGraph(graph, { flows, stabilityRuns: 0 });
    expect(storeEdgesOf(graph)).toBe(flows);
    const fromStore = [...flowsCsvChunks(graph, {}, flows)].join('');
    expect(fromStore).toBe([...flowsCsvChunks(graph.copy(), {}, flows)].join(''));
    expect(fromStore).toBe(tableToCsv(flowsTable(graph, flows)));
    // Aggregated moves leave some researcher counts unknown (empty cells); the measures are written.
    expect(fromStore).toMatch(/^[A-J],[A-J],[A-J],[A-J],\d+,,\d{4},\d{4},/m);
    expect(fromStore).toMatch(/,(true|false)\n/);
  });

  it('flowsCsvChunks from the store orders rows as flowsTable does, with few distinct weights and with weights far apart', () => {
    const ids = 'ABCDEFGHIJKL'.split('');
    // Counts 1–3 (many ties: the order within a weight decides) and counts up to 10^9 (the packed-key sort).
    for (const big of [false, true]) {
      const moves = randomMoves(big ? 11 : 12, ids, 400).map((m, i) => ({
        ...m,
        count: big ? 1 + ((i * 7919) % 1000) * 1_000_003 : 1 + (i % 3),
      }));
      const { graph, flows } = buildFlows({ moves, places: ids.map((id) => place(id)), kind: 'moves', level: 'metro' });
      expect(storeEdgesOf(graph)).toBe(flows);
      const csv = [...flowsCsvChunks(graph, {}, flows)].join('');
      expect(csv).toBe(tableToCsv(flowsTable(graph, flows)));
      const weights = csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => Number(line.split(',')[4]));
      expect(weights.length).toBeGreaterThan(50);
      expect(new Set(weights).size).toBeGreaterThan(big ? 50 : 2);
    }
  });

  it('flowsCsvChunks yields whole lines in chunks of about CHUNK_CHARS and checks the line ending at once', () => {
    const graph = buildRandomGraph({ seed: 5, places: 300, flowsPerPlace: 40 });
    const chunks = [...flowsCsvChunks(graph)];
    expect(chunks.join('')).toBe(tableToCsv(flowsTable(graph)));
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(CHUNK_CHARS + 1024);
    }
    expect(() => flowsCsvChunks(graph, { lineEnding: '\r' as '\n' })).toThrow(OptionError);
  });
});

describe('yearSpan on unusual objects', () => {
  it('yearSpan reads the own enumerable keys only, as Object.entries lists them', () => {
    const inherited = Object.create({ '1990': 5 }) as Record<string, number>;
    inherited['2001'] = 1;
    Object.defineProperty(inherited, '2030', { value: 4, enumerable: false });
    expect(yearSpan(inherited)).toEqual([2001, 2001]);
    // Keys that are not whole years and counts that are not positive numbers do not count.
    expect(yearSpan({ '2019.5': 1, ' 2018': 2, '-5': 1, x: 3, '2020': 0, '2021': '2', '2022': -1 })).toEqual([-5, 2018]);
    expect(yearSpan({ '2020': 0 })).toEqual([null, null]);
    expect(yearSpan(null)).toEqual([null, null]);
  });
});

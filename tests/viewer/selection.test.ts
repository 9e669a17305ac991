import { describe, expect, it } from 'vitest';
import { readComparison } from '../../viewer/src/data/analysis.ts';
import { filterFlows } from '../../src/flows/filter.ts';
import { graphWithFlows } from '../../src/flows/graph.ts';
import type { FilterOptions } from '../../src/flows/filter.ts';
import { topSources } from '../../src/analyses/top-sources.ts';
import { flowGraph } from '../analyses/helpers.ts';
import { emptyNote, selectFlows, filterNote } from '../../viewer/src/selection.ts';
import { syntheticAnalysis } from './fixtures/synthetic-analysis.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { mv, place } from '../graph/helpers.ts';

const edges = (g: { mapEdges: (f: (e: string, a: { weight: number }, s: string, t: string) => string) => string[] }) =>
  g.mapEdges((_e, a, s, t) => `${s}>${t}:${a.weight}`).sort();

const base = { years: null, discipline: null, minWeight: 1, topSources: false, k: 5, topMinWeight: 100 };

describe('selectFlows', () => {
  const { graph, flows } = syntheticAnalysis({ places: 40, flows: 300, seed: 7 });
  const filtered = (options?: FilterOptions) => graphWithFlows(graph, filterFlows(flows, options));

  it('selectFlows with the default filters draws every flow of the analysis', () => {
    const { drawn } = selectFlows(graph, base, flows);
    expect(drawn.size).toBe(graph.size);
    expect(edges(drawn)).toEqual(edges(filtered()));
  });

  it('selectFlows equals filterFlows for years, discipline and minimum flow', () => {
    const f = { ...base, years: [2020, 2021] as [number, number], discipline: 'Computer Science', minWeight: 3 };
    const { drawn, base: b } = selectFlows(graph, f, flows);
    expect(edges(drawn)).toEqual(edges(filtered({ years: [2020, 2021], disciplines: ['Computer Science'], minWeight: 3 })));
    // the card's base keeps the small flows of the same years and discipline
    expect(edges(b)).toEqual(edges(filtered({ years: [2020, 2021], disciplines: ['Computer Science'] })));
    expect(drawn.size).toBeLessThan(b.size);
    expect(b.getAttribute('years')).toEqual([2020, 2021]);
  });

  it('selectFlows without a flow store (graph.json alone) cannot filter years or disciplines and draws every flow', () => {
    const { drawn } = selectFlows(graph, { ...base, discipline: 'Medicine' }, null);
    expect(edges(drawn)).toEqual(edges(graph));
  });

  it('selectFlows in top-k mode keeps exactly each destination’s topSources', () => {
    const f = { ...base, topSources: true, k: 2, topMinWeight: 20 };
    const { drawn } = selectFlows(graph, f, flows);
    const expected: string[] = [];
    for (const [target, flows] of Object.entries(topSources(graph, { k: 2, minWeight: 20 }))) {
      for (const s of flows) expected.push(`${s.place}>${target}:${s.weight}`);
    }
    expect(edges(drawn)).toEqual(expected.sort());
    drawn.forEachNode((n) => expect(drawn.inDegree(n)).toBeLessThanOrEqual(2));
  });

  it('selectFlows applies the minimum flow before ranking top sources', () => {
    // C → T 50 and B → T 30 and A → T 10: with min 20 and k 3 only B and C remain
    const g = flowGraph(
      ['A', 'B', 'C', 'T'],
      [
        ['A', 'T', 10],
        ['B', 'T', 30],
        ['C', 'T', 50],
      ],
    );
    const { drawn } = selectFlows(g, { ...base, minWeight: 20, topSources: true, k: 3, topMinWeight: 0 });
    expect(edges(drawn)).toEqual(['B>T:30', 'C>T:50']);
  });

  it('selectFlows backbone only keeps the flows the analysis marked backbone, after the other filters', () => {
    // A → T 50 is backbone, B → T 30 is not, C → T 5 is backbone but below the minimum flow.
    const g = flowGraph(
      ['A', 'B', 'C', 'T'],
      [
        ['A', 'T', 50, { backbone: true }],
        ['B', 'T', 30, { backbone: false }],
        ['C', 'T', 5, { backbone: true }],
      ],
    );
    expect(edges(selectFlows(g, { ...base, backboneOnly: true }).drawn)).toEqual(['A>T:50', 'C>T:5']);
    expect(edges(selectFlows(g, { ...base, backboneOnly: true, minWeight: 10 }).drawn)).toEqual(['A>T:50']);
    // Filtered by discipline, the flows are rebuilt; the flag is still read from the analysis.
    const d = buildFlows({
      moves: [
        mv('A', 'T', 2020, 'Medicine', 3),
        mv('A', 'T', 2020, null, 1),
        mv('B', 'T', 2020, 'Medicine', 2),
        mv('B', 'T', 2020, 'Physics', 2),
      ],
      places: ['A', 'B', 'T'].map((id) => place(id)),
      kind: 'moves',
      level: 'metro',
    });
    d.graph.setEdgeAttribute('A', 'T', 'backbone', true);
    d.graph.setEdgeAttribute('B', 'T', 'backbone', false);
    expect(edges(selectFlows(d.graph, { ...base, discipline: 'Medicine', backboneOnly: true }, d.flows).drawn)).toEqual(['A>T:3']);
    expect(filterNote({ ...base, backboneOnly: true })).toBe('backbone only');
  });

  it('selectFlows never changes the analysis graph', () => {
    const before = edges(graph);
    selectFlows(graph, { ...base, discipline: 'Medicine', minWeight: 50, topSources: true }, flows);
    expect(edges(graph)).toEqual(before);
  });
});

describe('filterNote', () => {
  it('filterNote describes years and discipline, or is null', () => {
    expect(filterNote(base)).toBeNull();
    expect(filterNote({ ...base, years: [2019, 2019], discipline: 'Medicine' })).toBe('arrivals in 2019, Medicine');
    expect(filterNote({ ...base, years: [2019, 2021] })).toBe('arrivals 2019–2021');
  });
});

describe('emptyNote', () => {
  it('emptyNote names each filter that is set and how to loosen it', () => {
    expect(emptyNote(base)).toBe('This analysis has no flows between two places on the map.');
    expect(emptyNote({ ...base, years: [2030, 2031] })).toBe('No flows with arrivals 2030–2031. Widen the years.');
    expect(emptyNote({ ...base, years: [2030, 2030], discipline: 'Dentistry', minWeight: 50 })).toBe(
      'No flows with arrivals in 2030, in Dentistry, of at least 50 moves. Widen the years, or choose all disciplines, or lower the minimum flow.',
    );
    expect(emptyNote({ ...base, topSources: true, k: 3, topMinWeight: 500 })).toBe(
      'No flows among each destination\'s top 3 sources of at least 500 moves. Lower "of at least 500".',
    );
  });
});

describe('readComparison', () => {
  it('readComparison reads the periods and each place’s change in net inflow, empty cells as null', () => {
    const text =
      'place,period_1,period_2,net_inflow_1,net_inflow_2,net_inflow_change\nCHN,1998-2004,2012-2018,-2213,4856,7069\nTWN,1998-2004,2012-2018,,12,\n';
    const c = readComparison(text);
    expect(c.periods).toEqual(['1998-2004', '2012-2018']);
    expect(c.netChange.get('CHN')).toBe(7069);
    expect(c.netChange.get('TWN')).toBeNull();
    expect(() => readComparison('place,net_inflow\nA,1\n')).toThrow(/period_1/);
  });
});

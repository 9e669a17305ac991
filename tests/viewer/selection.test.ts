import { describe, expect, it } from 'vitest';
import { filterFlows } from '../../src/graph/filter.ts';
import { topSources } from '../../src/analyses/top-sources.ts';
import { flowGraph } from '../analyses/helpers.ts';
import { emptyNote, selectFlows, filterNote } from '../../viewer/src/selection.ts';
import { syntheticAnalysis } from './fixtures/synthetic-analysis.ts';

const edges = (g: { mapEdges: (f: (e: string, a: { weight: number }, s: string, t: string) => string) => string[] }) =>
  g.mapEdges((_e, a, s, t) => `${s}>${t}:${a.weight}`).sort();

const base = { years: null, discipline: null, minWeight: 1, topSources: false, k: 5, topMinWeight: 100 };

describe('selectFlows', () => {
  const { graph } = syntheticAnalysis({ places: 40, flows: 300, seed: 7 });

  it('selectFlows with the default filters draws every flow of the analysis', () => {
    const { drawn } = selectFlows(graph, base);
    expect(drawn.size).toBe(graph.size);
    expect(edges(drawn)).toEqual(edges(filterFlows(graph)));
  });

  it('selectFlows equals filterFlows for years, discipline and minimum flow', () => {
    const f = { ...base, years: [2020, 2021] as [number, number], discipline: 'Computer Science', minWeight: 3 };
    const { drawn, base: b } = selectFlows(graph, f);
    expect(edges(drawn)).toEqual(edges(filterFlows(graph, { years: [2020, 2021], disciplines: ['Computer Science'], minWeight: 3 })));
    // the card's base keeps the small flows of the same years and discipline
    expect(edges(b)).toEqual(edges(filterFlows(graph, { years: [2020, 2021], disciplines: ['Computer Science'] })));
    expect(drawn.size).toBeLessThan(b.size);
  });

  it('selectFlows in top-k mode keeps exactly each destination’s topSources', () => {
    const f = { ...base, topSources: true, k: 2, topMinWeight: 20 };
    const { drawn } = selectFlows(graph, f);
    const expected: string[] = [];
    for (const [target, flows] of Object.entries(topSources(graph, { k: 2, minWeight: 20 }))) {
      for (const s of flows) expected.push(`${s.place}>${target}:${s.weight}`);
    }
    expect(edges(drawn)).toEqual(expected.sort());
    drawn.forEachNode((n) => expect(drawn.inDegree(n)).toBeLessThanOrEqual(2));
  });

  it('selectFlows applies the minimum flow before ranking top sources', () => {
    // C → T 50 and B → T 30 and A → T 10: with min 20 and k 3 only B and C remain
    const g = flowGraph(['A', 'B', 'C', 'T'], [['A', 'T', 10], ['B', 'T', 30], ['C', 'T', 50]]);
    const { drawn } = selectFlows(g, { ...base, minWeight: 20, topSources: true, k: 3, topMinWeight: 0 });
    expect(edges(drawn)).toEqual(['B>T:30', 'C>T:50']);
  });

  it('selectFlows backbone only keeps the flows the analysis marked backbone, after the other filters', () => {
    // A → T 50 is backbone, B → T 30 is not, C → T 5 is backbone but below the minimum flow.
    const g = flowGraph(['A', 'B', 'C', 'T'], [
      ['A', 'T', 50, { backbone: true }],
      ['B', 'T', 30, { backbone: false }],
      ['C', 'T', 5, { backbone: true }],
    ]);
    expect(edges(selectFlows(g, { ...base, backboneOnly: true }).drawn)).toEqual(['A>T:50', 'C>T:5']);
    expect(edges(selectFlows(g, { ...base, backboneOnly: true, minWeight: 10 }).drawn)).toEqual(['A>T:50']);
    // Filtered by discipline, the flows are rebuilt; the flag is still read from the analysis.
    const d = flowGraph(['A', 'B', 'T'], [
      ['A', 'T', 4, { backbone: true, byDiscipline: { Medicine: 3 }, byYear: { '2020': 4 }, byYearDiscipline: { '2020': { Medicine: 3 } } }],
      ['B', 'T', 4, { backbone: false, byDiscipline: { Medicine: 2 }, byYear: { '2020': 4 }, byYearDiscipline: { '2020': { Medicine: 2 } } }],
    ]);
    expect(edges(selectFlows(d, { ...base, discipline: 'Medicine', backboneOnly: true }).drawn)).toEqual(['A>T:3']);
    expect(filterNote({ ...base, backboneOnly: true })).toBe('backbone only');
  });

  it('selectFlows never changes the analysis graph', () => {
    const before = edges(graph);
    selectFlows(graph, { ...base, discipline: 'Medicine', minWeight: 50, topSources: true });
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
      "No flows among each destination's top 3 sources of at least 500 moves. Lower \"of at least 500\".",
    );
  });
});

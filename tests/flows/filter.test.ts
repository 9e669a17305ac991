import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { DEFAULTS, filterFlows, type FilterOptions } from '../../src/flows/filter.ts';
import { graphWithFlows } from '../../src/flows/graph.ts';
import { storeYears, type FlowStore } from '../../src/flows/store.ts';
import { createRng } from '../../src/random.ts';
import { mv, place, randomMoves } from '../graph/helpers.ts';
import { allBreakdowns, breakdownsOf } from './breakdowns.ts';

const PLACES = ['A', 'B', 'C', 'D'].map((id) => place(id));

// A→B: 2019 CS ×2 (r1, r2), 2020 Medicine ×1 (r1), 2021 no discipline ×1 (r3)  → weight 4, 3 researchers
// B→C: 2020 CS ×3 (aggregated)                                                → weight 3, researchers null
// C→A: 2022 Physics ×1 (r4)                                                   → weight 1
const BUILT = buildFlows({
  moves: [
    mv('A', 'B', 2019, 'CS', 1, 'r1'),
    mv('A', 'B', 2019, 'CS', 1, 'r2'),
    mv('A', 'B', 2020, 'Medicine', 1, 'r1'),
    mv('A', 'B', 2021, null, 1, 'r3'),
    mv('B', 'C', 2020, 'CS', 3, null),
    mv('C', 'A', 2022, 'Physics', 1, 'r4'),
  ],
  places: PLACES,
  kind: 'moves',
  level: 'metro',
});
const HAND = BUILT.flows;

const weights = (s: FlowStore) => Object.fromEntries(Object.entries(allBreakdowns(s)).map(([k, b]) => [k.replace('→', '->'), b.weight]));

describe('filterFlows', () => {
  it('filterFlows by years recomputes weights from the breakdown cells, by hand', () => {
    const g = filterFlows(HAND, { years: [2020, 2021] });
    // A→B: 2020 (1) + 2021 (1) = 2; B→C: 3; C→A: 2022 is out → 0 → dropped.
    expect(weights(g)).toEqual({ 'A->B': 2, 'B->C': 3 });
    expect(breakdownsOf(g, 'A', 'B')).toEqual({
      weight: 2,
      researchers: null, // part of the edge was filtered out
      byYear: { '2020': 1, '2021': 1 },
      byDiscipline: { Medicine: 1 },
      byYearDiscipline: { '2020': { Medicine: 1 } },
    });
    // B→C lost nothing: its (null) researchers stay as they were.
    expect(breakdownsOf(g, 'B', 'C')!.researchers).toBeNull();
    expect(g.places).toEqual(['A', 'B', 'C', 'D']);
    expect(storeYears(g)).toEqual([2020, 2021]);
    expect([g.flows.firstYear[0], g.flows.lastYear[0]]).toEqual([2020, 2021]);
  });

  it('filterFlows by disciplines keeps those cells only, leaving out moves without a discipline', () => {
    const g = filterFlows(HAND, { disciplines: ['CS'] });
    // A→B: CS 2019 ×2 = 2 (Medicine and the discipline-less 2021 move are out); B→C: 3.
    expect(weights(g)).toEqual({ 'A->B': 2, 'B->C': 3 });
    expect(breakdownsOf(g, 'A', 'B')).toMatchObject({ byYear: { '2019': 2 }, byDiscipline: { CS: 2 }, researchers: null });
    expect(storeYears(g)).toEqual([2019, 2020]);
  });

  it('filterFlows combines years and disciplines, then drops edges below minWeight', () => {
    expect(weights(filterFlows(HAND, { years: [2019, 2020], disciplines: ['CS', 'Medicine'] }))).toEqual({ 'A->B': 3, 'B->C': 3 });
    expect(weights(filterFlows(HAND, { years: [2019, 2020], disciplines: ['CS', 'Medicine'], minWeight: 3.5 }))).toEqual({});
    expect(weights(filterFlows(HAND, { minWeight: 2 }))).toEqual({ 'A->B': 4, 'B->C': 3 });
    // minWeight 0 keeps the edges a filter emptied, with weight 0.
    const emptied = filterFlows(HAND, { disciplines: ['Physics'], minWeight: 0 });
    expect(weights(emptied)).toEqual({ 'A->B': 0, 'B->C': 0, 'C->A': 1 });
    // An emptied flow has no year span.
    expect([emptied.flows.firstYear[0], emptied.flows.lastYear[0]]).toEqual([NaN, NaN]);
  });

  it('filterFlows gives graphWithFlows a graph of the selected flows, the nodes and their attributes kept', () => {
    const g = graphWithFlows(BUILT.graph, filterFlows(HAND, { years: [2020, 2021] }));
    expect(g.nodes()).toEqual(BUILT.graph.nodes());
    expect(g.mapEdges((e, a) => [e, a])).toEqual([
      ['A->B', { weight: 2, researchers: null }],
      ['B->C', { weight: 3, researchers: null }],
    ]);
    expect(g.getAttribute('years')).toEqual([2020, 2021]);
    expect(g.getAttribute('level')).toBe('metro');
  });

  it('filterFlows without filters copies the store, keeping distinct researcher counts, and never changes its input', () => {
    const before = allBreakdowns(HAND);
    const g = filterFlows(HAND);
    expect(g).not.toBe(HAND);
    expect(g).toEqual(HAND);
    expect(breakdownsOf(g, 'A', 'B')!.researchers).toBe(3);
    filterFlows(HAND, { years: [2019, 2019], disciplines: ['CS'] }).cells.moves[0] = 99;
    g.flows.moves[0] = 99;
    expect(allBreakdowns(HAND)).toEqual(before);
  });

  it('filterFlows equals building the graph from the filtered moves (seeded random moves and filters)', () => {
    const ids = ['Beijing', 'Boston', 'Hong Kong', 'Shenzhen', 'Tokyo', 'Paris', 'London'];
    const places = ids.map((id) => place(id));
    const all = ['Medicine', 'Physics', 'Computer Science'];
    let edgesChecked = 0;
    let researchersKept = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed * 7919);
      const moves = randomMoves(seed, ids, 400);
      const a = 2015 + Math.floor(rng() * 10);
      const years: [number, number] | null = rng() < 0.3 ? null : [a, a + Math.floor(rng() * 4)];
      const disciplines = rng() < 0.3 ? null : all.filter(() => rng() < 0.5);
      const minWeight = 1 + Math.floor(rng() * 6);
      const options: FilterOptions = { years, disciplines, minWeight };

      const full = buildFlows({ moves, places, kind: 'moves', level: 'metro' }).flows;
      const filtered = filterFlows(full, options);
      const kept = moves.filter(
        (m) =>
          (years === null || (m.year >= years[0] && m.year <= years[1])) &&
          (disciplines === null || (m.discipline !== null && disciplines.includes(m.discipline))),
      );
      const expected = filterFlows(buildFlows({ moves: kept, places, kind: 'moves', level: 'metro' }).flows, { minWeight });
      const wanted = allBreakdowns(expected);
      const before = allBreakdowns(full);

      expect(filtered.places).toEqual(full.places);
      expect(Object.keys(allBreakdowns(filtered))).toEqual(Object.keys(wanted));
      expect([...filtered.flows.firstYear]).toEqual([...expected.flows.firstYear]);
      expect([...filtered.flows.lastYear]).toEqual([...expected.flows.lastYear]);
      for (const [e, got] of Object.entries(allBreakdowns(filtered))) {
        const want = wanted[e]!;
        expect([e, got.weight, got.byYear, got.byDiscipline, got.byYearDiscipline]).toEqual([
          e,
          want.weight,
          want.byYear,
          want.byDiscipline,
          want.byYearDiscipline,
        ]);
        // Distinct researchers survive only where the filter kept all of the flow's moves.
        expect(got.researchers).toBe(got.weight === before[e]!.weight ? before[e]!.researchers : null);
        // ... and where they survive they are the distinct count of the filtered moves.
        if (got.researchers !== null) {
          expect(got.researchers).toBe(want.researchers);
          researchersKept++;
        }
        edgesChecked++;
      }
    }
    expect(edgesChecked).toBeGreaterThan(200);
    expect(researchersKept).toBeGreaterThan(10);
  });

  it('filterFlows rejects unknown options, bad years, disciplines and minWeight with OptionError', () => {
    const bad: Array<[unknown, string]> = [
      [{ year: [2019, 2020] }, 'year'],
      [{ years: [2020, 2019] }, 'years'],
      [{ years: [2019] }, 'years'],
      [{ disciplines: 'CS' }, 'disciplines'],
      [{ disciplines: [1] }, 'disciplines'],
      [{ minWeight: -1 }, 'minWeight'],
      [{ minWeight: Number.NaN }, 'minWeight'],
    ];
    for (const [options, option] of bad) {
      try {
        filterFlows(HAND, options as FilterOptions);
        throw new Error(`accepted ${JSON.stringify(options)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(OptionError);
        expect((error as OptionError).option).toBe(option);
      }
    }
    expect(DEFAULTS).toEqual({ years: null, disciplines: null, minWeight: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { buildFlowGraph, buildFlows } from '../../src/graph/build.ts';
import { breakdownsOf } from '../flows/breakdowns.ts';
import type { PlaceStock } from '../../src/graph/types.ts';
import { mv, place } from './helpers.ts';

const PLACES = [place('Beijing', 'CN'), place('Shenzhen', 'CN'), place('Hong Kong', 'HK'), place('Boston', 'US')];

describe('buildFlowGraph', () => {
  it('buildFlowGraph sums weights and breakdowns per ordered pair, by hand', () => {
    const moves = [
      mv('Beijing', 'Shenzhen', 2019, 'CS', 1, 'a'),
      mv('Beijing', 'Shenzhen', 2019, 'CS', 1, 'b'),
      mv('Beijing', 'Shenzhen', 2020, 'Medicine', 1, 'a'), // a again: 3 moves, 2 researchers
      mv('Beijing', 'Shenzhen', 2020, null, 1, 'c'), // no discipline: in weight and byYear only
      mv('Shenzhen', 'Beijing', 2021, 'CS', 1, 'd'),
      mv('Hong Kong', 'Shenzhen', 2020, 'CS', 5, null), // aggregated
      mv('Hong Kong', 'Shenzhen', 2021, 'CS', 2, 'e'),
    ];
    const { graph: g, flows } = buildFlows({ moves, places: PLACES, kind: 'moves', level: 'metro', movesWithinPlace: 3 });
    expect(g.order).toBe(4); // Boston has no flow but is a node
    expect(g.nodes()).toEqual(['Beijing', 'Boston', 'Hong Kong', 'Shenzhen']);
    expect(g.edges()).toEqual(['Beijing->Shenzhen', 'Hong Kong->Shenzhen', 'Shenzhen->Beijing']);
    // The edge carries weight and researchers; the breakdowns are in the flow store.
    expect(g.getEdgeAttributes('Beijing', 'Shenzhen')).toEqual({ weight: 4, researchers: 3 });
    expect(breakdownsOf(flows, 'Beijing', 'Shenzhen')).toEqual({
      weight: 4,
      researchers: 3, // a, b, c
      byYear: { '2019': 2, '2020': 2 },
      byDiscipline: { CS: 2, Medicine: 1 },
      byYearDiscipline: { '2019': { CS: 2 }, '2020': { Medicine: 1 } },
    });
    // 5 aggregated + 2 by e: distinct researchers unknown.
    expect(breakdownsOf(flows, 'Hong Kong', 'Shenzhen')).toMatchObject({ weight: 7, researchers: null, byYear: { '2020': 5, '2021': 2 } });
    expect(g.getEdgeAttributes('Hong Kong', 'Shenzhen')).toEqual({ weight: 7, researchers: null });
    // The store's columns, by hand: places and disciplines in code-unit order, flows by (source, target), cells by (flow, year, discipline).
    expect(flows.places).toEqual(['Beijing', 'Boston', 'Hong Kong', 'Shenzhen']);
    expect(flows.disciplines).toEqual(['CS', 'Medicine']);
    expect([...flows.flows.source, ...flows.flows.target]).toEqual([0, 2, 3, 3, 3, 0]);
    expect([...flows.flows.moves]).toEqual([4, 7, 1]);
    expect([...flows.flows.researchers]).toEqual([3, NaN, 1]);
    expect([...flows.flows.firstYear, ...flows.flows.lastYear]).toEqual([2019, 2020, 2021, 2020, 2021, 2021]);
    expect([...flows.cells.flow]).toEqual([0, 0, 0, 1, 1, 2]);
    expect([...flows.cells.year]).toEqual([2019, 2020, 2020, 2020, 2021, 2021]);
    expect([...flows.cells.discipline]).toEqual([0, -1, 1, 0, 0, 0]);
    expect([...flows.cells.moves]).toEqual([2, 1, 1, 5, 2, 1]);
    expect([...flows.cellStarts]).toEqual([0, 3, 5, 6]);
    expect(g.getEdgeAttribute('Shenzhen', 'Beijing', 'weight')).toBe(1);
    expect(g.getAttributes()).toEqual({ level: 'metro', years: [2019, 2021], window: null, kind: 'moves', movesWithinPlace: 3 });
    expect(g.getNodeAttributes('Boston')).toEqual({
      label: 'Boston',
      level: 'metro',
      country: 'US',
      countryName: null,
      region: null,
      subregion: null,
      lat: 1,
      lon: 2,
    });
  });

  it('buildFlowGraph keeps moves in the years option only (inclusive) and every node', () => {
    const moves = [
      mv('Beijing', 'Shenzhen', 2018),
      mv('Beijing', 'Shenzhen', 2019, null, 2),
      mv('Shenzhen', 'Boston', 2023),
      mv('Boston', 'Beijing', 2024),
    ];
    const g = buildFlowGraph(
      { moves, places: new Map(PLACES.map((p) => [p.id, p])), kind: 'moves', level: 'metro' },
      { years: [2019, 2023] },
    );
    expect(g.edges()).toEqual(['Beijing->Shenzhen', 'Shenzhen->Boston']);
    expect(g.getEdgeAttribute('Beijing', 'Shenzhen', 'weight')).toBe(2);
    expect(g.getAttribute('years')).toEqual([2019, 2023]);
    expect(g.order).toBe(4);
    expect(
      buildFlowGraph({ moves, places: PLACES, kind: 'moves', level: 'metro' }, { years: [2030, 2031] }).getAttribute('years'),
    ).toBeNull();
  });

  it('buildFlowGraph counts a move within one place in movesWithinPlace, never as a self-loop', () => {
    const g = buildFlowGraph({
      moves: [mv('Boston', 'Boston', 2020, null, 4)],
      places: PLACES,
      kind: 'moves',
      level: 'metro',
      movesWithinPlace: 1,
    });
    expect(g.size).toBe(0);
    expect(g.getAttribute('movesWithinPlace')).toBe(5);
  });

  it('buildFlowGraph writes stock on every node, zeros where a place has none', () => {
    const stock = new Map<string, PlaceStock>([
      [
        'Shenzhen',
        { stock: 10, young: 4, inflowSet: 3, leftSet: 1, presentBefore: 5, youngByYear: { '2022': 3, '2023': 4 }, byDiscipline: { CS: 6 } },
      ],
    ]);
    const g = buildFlowGraph({ moves: [], places: PLACES, stock, kind: 'timelines', level: 'metro', window: [2022, 2023] });
    expect(g.getNodeAttributes('Shenzhen')).toMatchObject({
      stock: 10,
      young: 4,
      inflowSet: 3,
      leftSet: 1,
      presentBefore: 5,
      byDiscipline: { CS: 6 },
    });
    expect(g.getNodeAttributes('Boston')).toMatchObject({
      stock: 0,
      young: 0,
      inflowSet: 0,
      leftSet: 0,
      presentBefore: 0,
      youngByYear: { '2022': 0, '2023': 0 },
      byDiscipline: {},
    });
    expect(g.getAttribute('window')).toEqual([2022, 2023]);
    // The node holds a copy: changing the input afterwards does not change the graph.
    stock.get('Shenzhen')!.byDiscipline.CS = 99;
    expect(g.getNodeAttribute('Shenzhen', 'byDiscipline')).toEqual({ CS: 6 });
  });

  it('buildFlowGraph rejects bad moves, unknown places, stock without a window and bad years', () => {
    const base = { places: PLACES, kind: 'moves' as const, level: 'metro' as const };
    const option = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(OptionError);
        return (error as OptionError).option;
      }
      throw new Error('expected an OptionError');
    };
    expect(option(() => buildFlowGraph({ ...base, moves: [mv('Beijing', 'Atlantis', 2020)] }))).toBe('places');
    expect(option(() => buildFlowGraph({ ...base, moves: [mv('Beijing', 'Boston', 2020, null, 0)] }))).toBe('moves');
    expect(option(() => buildFlowGraph({ ...base, moves: [mv('Beijing', 'Boston', 2020, null, 1.5)] }))).toBe('moves');
    expect(option(() => buildFlowGraph({ ...base, moves: [mv('Beijing', 'Boston', 2020.5)] }))).toBe('moves');
    expect(option(() => buildFlowGraph({ ...base, moves: [], stock: new Map() }))).toBe('window');
    expect(option(() => buildFlowGraph({ ...base, moves: [] }, { years: [2023, 2019] }))).toBe('years');
    expect(option(() => buildFlowGraph({ ...base, moves: [], places: [place('A'), place('A')] }))).toBe('places');
    const stock = new Map([
      ['Atlantis', { stock: 1, young: 0, inflowSet: 0, leftSet: 0, presentBefore: 0, youngByYear: {}, byDiscipline: {} }],
    ]);
    expect(option(() => buildFlowGraph({ ...base, moves: [], stock, window: [2019, 2023] }))).toBe('stock');
  });
});

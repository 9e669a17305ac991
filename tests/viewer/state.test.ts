import { describe, expect, it } from 'vitest';
import { DEFAULTS as FILTER_DEFAULTS } from '../../src/flows/filter.ts';
import { DEFAULTS as TOP_DEFAULTS } from '../../src/analyses/top-sources.ts';
import { defaultState, queryToState, stateToQuery, type ViewState } from '../../viewer/src/state.ts';

describe('defaultState', () => {
  it("defaultState takes every filter default from the library's DEFAULTS", () => {
    const s = defaultState();
    expect(s.minWeight).toBe(FILTER_DEFAULTS.minWeight);
    expect(s.k).toBe(TOP_DEFAULTS.k);
    expect(s.topMinWeight).toBe(TOP_DEFAULTS.minWeight);
    expect(s.years).toBe(FILTER_DEFAULTS.years);
    expect(s.discipline).toBeNull();
  });
});

describe('stateToQuery / queryToState', () => {
  it('stateToQuery writes nothing for the default view', () => {
    expect(stateToQuery(defaultState())).toBe('');
  });

  it('queryToState reads back every field stateToQuery writes', () => {
    const state: ViewState = {
      layout: 'network',
      years: [2019, 2021],
      discipline: 'Biochemistry, Genetics and Molecular Biology',
      minWeight: 25,
      topSources: true,
      k: 3,
      topMinWeight: 50,
      backboneOnly: true,
      sizeBy: 'absNetInflow',
      nodeColor: 'quadrant',
      edgeColor: 'source',
      selected: 'Cambridge, GB',
      direction: 'out',
      placeFilter: { by: 'region', keys: ['Asia', 'Latin America, the Caribbean'] },
      tableSort: { column: 'researchers', descending: false },
      heatmapSort: { by: 'discipline', discipline: 'Computer Science' },
      camera: { x: 0.41234, y: 0.6, ratio: 0.125 },
      data: 'other/folder/',
      mapStyle: { cluster: 'on', opacity: 0.5, width: 1.5, labels: 'few', flows: 'taper', top: 20, countries: false, most: 500 },
    };
    const query = stateToQuery(state);
    const { state: back, problems } = queryToState(`?${query}`);
    expect(problems).toEqual([]);
    expect(back).toEqual(state);
    expect(new URLSearchParams(query).get('style')).toBe(
      'cluster:on,opacity:0.5,width:1.5,labels:few,flows:taper,top:20,countries:off,most:500',
    );
  });

  it('queryToState keeps the map style defaults for unreadable style parts and names each one', () => {
    const { state, problems } = queryToState('style=opacity:9,flows:taper,shape:round');
    expect(state.mapStyle.opacity).toBe(1);
    expect(state.mapStyle.flows).toBe('taper');
    expect(problems.map((p) => p.value)).toEqual([
      'opacity:9 (expected a number from 0.1 to 2)',
      'shape:round (expected cluster, opacity, width, labels, flows, top, countries or most)',
    ]);
  });

  it('queryToState keeps defaults for unreadable parameters and names each one', () => {
    const { state, problems } = queryToState('min=-3&layout=globe&years=2023-2019&camera=1,2&size=pagerank&bogus=1');
    expect(state.minWeight).toBe(defaultState().minWeight);
    expect(state.layout).toBe('map');
    expect(state.years).toBeNull();
    expect(state.camera).toBeNull();
    expect(state.sizeBy).toBe('pagerank');
    expect(problems.map((p) => p.param).sort()).toEqual(['bogus', 'camera', 'layout', 'min', 'years']);
  });

  it('queryToState refuses an unknown direction, grouping or table column and names each one', () => {
    const { state, problems } = queryToState('dir=sideways&only=city:Paris&table=moves,up');
    expect(state.direction).toBe('both');
    expect(state.placeFilter).toBeNull();
    expect(state.tableSort).toEqual({ column: 'moves', descending: true });
    expect(problems.map((p) => p.param).sort()).toEqual(['dir', 'only', 'table']);
  });

  it('queryToState reads the legend filter as written by stateToQuery (community ids)', () => {
    const query = stateToQuery({ ...defaultState(), placeFilter: { by: 'community', keys: ['0', '3'] } });
    expect(query).toBe('only=community%3A0%7C3');
    expect(queryToState(query).state.placeFilter).toEqual({ by: 'community', keys: ['0', '3'] });
  });

  it('queryToState reads a single year as a one-year range and sort=place', () => {
    const { state } = queryToState('years=2020&sort=place');
    expect(state.years).toEqual([2020, 2020]);
    expect(state.heatmapSort).toEqual({ by: 'place' });
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { timeSeries } from '../../src/analyses/time-series.ts';
import { timeSeriesTable } from '../../src/exports/timeseries-table.ts';
import { tableToCsv } from '../../src/exports/csv.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { place, randomMoves } from '../graph/helpers.ts';

// A → B: 2 in 2019, 3 in 2020; B → A: 1 in 2020; B → C: 4 in 2019. Moves span 2019–2020.
//   A 2019: in 0, out 2;  A 2020: in 1, out 3;  B 2019: in 2, out 4;  B 2020: in 3, out 1;  C 2019: in 4, out 0.
const small = () => {
  const g = flowGraph(
    ['A', 'B', 'C'],
    [
      ['A', 'B', 5, { byYear: { '2019': 2, '2020': 3 } }],
      ['B', 'A', 1, { byYear: { '2020': 1 } }],
      ['B', 'C', 4, { byYear: { '2019': 4 } }],
    ],
  );
  g.setAttribute('years', [2019, 2020]);
  return g;
};

const pop = (entries: Record<string, Record<number, number>>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, new Map(Object.entries(v).map(([y, n]) => [Number(y), n]))]));

describe('timeSeries', () => {
  it('timeSeries divides yearly moves by the given population, by hand', () => {
    // D has a population but no flow; A's 2021 is outside the moves' years; B's 2019 population is 0.
    const r = timeSeries(small(), { population: pop({ A: { 2019: 10, 2020: 20, 2021: 5 }, B: { 2019: 0 }, D: { 2020: 8 } }) });
    expect(r.populationSource).toBe('given');
    expect(r.years).toEqual([2019, 2020]);
    expect(r.populationOutside).toEqual({ count: 1, years: [2021, 2021] });
    expect(r.rows).toEqual([
      { place: 'A', year: 2019, inflow: 0, outflow: 2, netInflow: -2, population: 10, inflowRate: 0, outflowRate: 0.2, netRate: -0.2 },
      { place: 'A', year: 2020, inflow: 1, outflow: 3, netInflow: -2, population: 20, inflowRate: 0.05, outflowRate: 0.15, netRate: -0.1 },
      { place: 'B', year: 2019, inflow: 2, outflow: 4, netInflow: -2, population: 0, inflowRate: null, outflowRate: null, netRate: null },
      { place: 'B', year: 2020, inflow: 3, outflow: 1, netInflow: 2, population: null, inflowRate: null, outflowRate: null, netRate: null },
      { place: 'C', year: 2019, inflow: 4, outflow: 0, netInflow: 4, population: null, inflowRate: null, outflowRate: null, netRate: null },
      { place: 'D', year: 2020, inflow: 0, outflow: 0, netInflow: 0, population: 8, inflowRate: 0, outflowRate: 0, netRate: 0 },
    ]);
  });

  it('timeSeries leaves every rate empty without a population', () => {
    const r = timeSeries(small());
    expect(r.populationSource).toBeNull();
    expect(r.rows.map((x) => [x.place, x.year, x.netInflow])).toEqual([
      ['A', 2019, -2],
      ['A', 2020, -2],
      ['B', 2019, -2],
      ['B', 2020, 2],
      ['C', 2019, 4],
    ]);
    for (const x of r.rows) expect([x.population, x.inflowRate, x.outflowRate, x.netRate]).toEqual([null, null, null, null]);
  });

  it('timeSeries takes the population of timelines from the nodes (researchersByYear)', () => {
    const g = small();
    g.setNodeAttribute('A', 'researchersByYear', { '2019': 4, '2020': 5 });
    g.setNodeAttribute('B', 'researchersByYear', {});
    const r = timeSeries(g);
    expect(r.populationSource).toBe('timelines');
    expect(r.rows.filter((x) => x.place === 'A').map((x) => [x.year, x.population, x.outflowRate])).toEqual([
      [2019, 4, 0.5],
      [2020, 5, 0.6],
    ]);
    expect(r.rows.find((x) => x.place === 'B')!.inflowRate).toBeNull();
  });

  it('timeSeries keeps only the years asked for', () => {
    const r = timeSeries(small(), { years: [2020, 2020] });
    expect(r.rows.map((x) => [x.place, x.year, x.inflow, x.outflow])).toEqual([
      ['A', 2020, 1, 3],
      ['B', 2020, 3, 1],
    ]);
  });

  it('timeSeries sums a flow store into place × year arrays as it sums the flow-years one by one', () => {
    const ids = 'ABCDEFGHIJKL'.split('');
    const { graph } = buildFlows({ moves: randomMoves(3, ids, 800), places: ids.map((id) => place(id)), kind: 'moves', level: 'metro' });
    const [first, last] = graph.getAttribute('years')!;
    const population = pop({ A: { [first]: 10, [first - 3]: 5 }, C: { [last]: 40 }, L: { [first + 1]: 0 } });
    for (const years of [null, [first + 1, last - 1] as [number, number], [first - 5, last + 5] as [number, number]]) {
      const dense = timeSeries(graph, { population, years });
      // A span too long for arrays: the same rows through movesByFlowYear.
      const sparse = timeSeries(graph, { population, years: [-10_000_000, 10_000_000] });
      const range = dense.years!;
      expect(dense.rows.length).toBeGreaterThan(ids.length);
      expect(dense.rows).toEqual(sparse.rows.filter((r) => r.year >= range[0] && r.year <= range[1]));
    }
  });

  it('timeSeries nets to zero in every year and adds up to the strengths on a random graph', () => {
    const g = randomFlowGraph(7, 30);
    const years = [2015, 2016, 2017, 2018];
    g.forEachEdge((e, a) => {
      // Split each weight over the years deterministically.
      const byYear: Record<string, number> = {};
      let left = a.weight;
      years.forEach((y, i) => {
        const n = i === years.length - 1 ? left : Math.floor(left / 2);
        if (n > 0) byYear[String(y)] = n;
        left -= n;
      });
      g.setEdgeAttribute(e, 'byYear', byYear);
    });
    g.setAttribute('years', [2015, 2018]);
    const rows = timeSeries(g).rows;
    for (const y of years) expect(rows.filter((r) => r.year === y).reduce((s, r) => s + r.netInflow, 0)).toBe(0);
    g.forEachNode((n) => {
      const mine = rows.filter((r) => r.place === n);
      expect(mine.reduce((s, r) => s + r.inflow, 0)).toBe(
        g.inDegree(n) ? g.inEdges(n).reduce((s, e) => s + g.getEdgeAttribute(e, 'weight'), 0) : 0,
      );
    });
  });

  it('timeSeries rejects a malformed population or year range with OptionError', () => {
    expect(() => timeSeries(small(), { population: { A: 1 } as never })).toThrow(OptionError);
    expect(() => timeSeries(small(), { population: pop({ A: { 2019: -1 } }) })).toThrow(OptionError);
    expect(() => timeSeries(small(), { years: [2020, 2019] })).toThrow(OptionError);
  });
});

describe('timeSeriesTable', () => {
  it('timeSeriesTable writes the documented columns with empty rates where the population is unknown', () => {
    const csv = tableToCsv(timeSeriesTable(timeSeries(small(), { population: pop({ A: { 2019: 10 } }) })));
    expect(csv.split('\n').slice(0, 3)).toEqual([
      'place,year,inflow,outflow,net_inflow,population,inflow_rate,outflow_rate,net_rate',
      'A,2019,0,2,-2,10,0,0.2,-0.2',
      'A,2020,1,3,-2,,,,',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkPopulation, populationWarnings } from '../../src/analyses/population-check.ts';
import { flowGraph } from './helpers.ts';

// A → B: 2 in 2019, 3 in 2020; B → A: 1 in 2020. Moves span 2019–2020.
const graph = () => {
  const g = flowGraph(
    ['A', 'B'],
    [
      ['A', 'B', 5, { byYear: { '2019': 2, '2020': 3 } }],
      ['B', 'A', 1, { byYear: { '2020': 1 } }],
    ],
  );
  g.setAttribute('years', [2019, 2020]);
  return g;
};
const table = <T>(entries: Record<string, Record<number, T>>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, new Map(Object.entries(v).map(([y, n]) => [Number(y), n]))]));

describe('checkPopulation', () => {
  it('checkPopulation finds places without flows and place-years whose counts differ, by hand', () => {
    const population = table({ A: { 2019: 10, 2020: 10 }, B: { 2019: 5 }, Z: { 2019: 3 } });
    const reference = table({
      A: { 2019: { inflow: 0, outflow: 2 }, 2020: { inflow: 4, outflow: 3 }, 2021: { inflow: 9, outflow: 9 } },
      B: { 2019: { inflow: 2, outflow: null } },
      Z: { 2019: { inflow: 1, outflow: 0 } },
    });
    const c = checkPopulation(graph(), population, reference);
    expect(c.placesWithoutFlows).toEqual(['Z']);
    // Compared: A 2019, A 2020, B 2019, Z 2019 (A 2021 is outside the moves' years).
    expect(c.compared).toBe(4);
    expect(c.mismatches).toEqual([
      { place: 'A', year: 2020, inflow: 1, outflow: 3, referenceInflow: 4, referenceOutflow: 3 },
      { place: 'Z', year: 2019, inflow: 0, outflow: 0, referenceInflow: 1, referenceOutflow: 0 },
    ]);
    const warnings = populationWarnings(c, 'pop.csv');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe('pop.csv names 1 place without any flow in the input: Z');
    expect(warnings[1]).toContain('2 of 4 place-years (4 in-moves and 0 out-moves more in the table)');
    expect(warnings[1]).toContain('A 2020: in 1 vs 4, out 3 vs 3');
  });

  it('checkPopulation says nothing when the table agrees with the flows', () => {
    const c = checkPopulation(graph(), table({ A: { 2019: 1 }, B: { 2019: 1 } }), table({ A: { 2019: { inflow: 0, outflow: 2 } } }));
    expect(c).toEqual({ placesWithoutFlows: [], compared: 1, mismatches: [] });
    expect(populationWarnings(c, 'pop.csv')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/exports/csv.ts';
import { flowsTable, yearSpan } from '../../src/exports/flows-table.ts';
import { buildFixtureGraph } from './fixture-graph.ts';

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
        'source,source_label,target,target_label,weight,researchers,first_year,last_year',
        'Boston,Boston,Shenzhen,Shenzhen,5,4,2020,2021',
        'Boston,Boston,"Cambridge, GB",Cambridge,3,3,2019,2021',
        '"Cambridge, GB",Cambridge,Boston,Boston,3,2,2020,2020',
        'Shenzhen,Shenzhen,Boston,Boston,2,,,',
        '',
      ].join('\n'),
    );
  });

  it('flowsTable breaks ties on target when weight and source are equal', () => {
    const graph = buildFixtureGraph();
    graph.addNode('Austin', { label: 'Austin', level: 'metro', country: 'US', countryName: null, region: null, subregion: null, lat: null, lon: null });
    graph.addEdge('Boston', 'Austin', { weight: 3, researchers: 1, byYear: {}, byDiscipline: {}, byYearDiscipline: {} });
    const targets = flowsTable(graph).rows.filter((r) => r['weight'] === 3).map((r) => `${r['source']}→${r['target']}`);
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

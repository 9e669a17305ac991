import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/exports/csv.ts';
import { PLACES_COLUMNS, placesTable } from '../../src/exports/places-table.ts';
import { buildFixtureGraph } from './fixture-graph.ts';

describe('placesTable', () => {
  // A measure added to the registry after these were written is a null cell here (the fixture graph does not carry it).
  const row = (cells: Record<string, unknown>) => Object.fromEntries(PLACES_COLUMNS.map((c) => [c.column, cells[c.column] ?? null]));

  it('placesTable writes one row per node, pagerank descending then key, nulls where a measure is absent', () => {
    const { columns, rows } = placesTable(buildFixtureGraph());
    expect(columns).toEqual(PLACES_COLUMNS.map((c) => c.column));
    // Boston and Cambridge, GB tie at 0.4: key order puts "Boston" first; Oslo has no pagerank: last.
    expect(rows.map((r) => r['place'])).toEqual(['Boston', 'Cambridge, GB', 'Shenzhen', 'Oslo, NO']);
    expect(rows[0]).toEqual(
      row({
        place: 'Boston',
        label: 'Boston',
        level: 'metro',
        country: 'US',
        country_name: 'United States',
        region: 'Americas',
        subregion: 'Northern America',
        lat: 42.3601,
        lon: -71.0589,
        stock: null,
        young: null,
        inflow_set: null,
        present_before: null,
        left_set: null,
        inflow: 5,
        outflow: 8,
        net_inflow: -3,
        inflow_ratio: null,
        outflow_ratio: null,
        retention: null,
        pagerank: 0.4,
        hub_score: 0.5,
        authority_score: 0.25,
        betweenness: 0.5,
        eigenvector: 0.7,
        hub_class: 'hub',
        balance: 0,
        balance_class: 'balanced',
        community: 0,
        community_label: 'Boston – Cambridge',
        quadrant: null,
      }),
    );
    expect(rows[2]).toEqual(
      row({
        place: 'Shenzhen',
        label: 'Shenzhen',
        level: 'metro',
        country: 'CN',
        country_name: 'China',
        region: 'Asia',
        subregion: 'Eastern Asia',
        lat: 22.5431,
        lon: 114.0579,
        stock: 100,
        young: 38,
        inflow_set: 24,
        present_before: 50,
        left_set: 10,
        inflow: 5,
        outflow: 2,
        net_inflow: 3,
        inflow_ratio: 0.24,
        outflow_ratio: 0.2,
        retention: 0.8,
        pagerank: 0.2,
        hub_score: 0.25,
        authority_score: 0.25,
        betweenness: 1e-7,
        eigenvector: 0.1,
        hub_class: 'large',
        balance: 0.5,
        balance_class: 'magnet',
        community: 1,
        community_label: 'Shenzhen',
        quadrant: null,
      }),
    );
    // Oslo: description only, every measure cell null (never a made-up 0).
    const oslo = rows[3]!;
    for (const c of columns.slice(7)) expect(oslo[c], c).toBeNull();
  });

  it('placesTable as CSV matches the expected text byte for byte', () => {
    // The columns of this fixture: the description and the measures there were when it was written.
    const columns = PLACES_COLUMNS.map((c) => c.column).slice(0, 31);
    expect(columns.at(-1)).toBe('quadrant');
    const csv = tableToCsv({ columns, rows: placesTable(buildFixtureGraph()).rows });
    expect(csv).toBe(
      [
        'place,label,level,country,country_name,region,subregion,lat,lon,stock,young,inflow_set,present_before,left_set,inflow,outflow,net_inflow,inflow_ratio,outflow_ratio,retention,pagerank,hub_score,authority_score,betweenness,eigenvector,hub_class,balance,balance_class,community,community_label,quadrant',
        'Boston,Boston,metro,US,United States,Americas,Northern America,42.3601,-71.0589,,,,,,5,8,-3,,,,0.4,0.5,0.25,0.5,0.7,hub,0,balanced,0,Boston – Cambridge,',
        '"Cambridge, GB",Cambridge,city,GB,United Kingdom,Europe,Northern Europe,52.2053,0.1218,,,,,,3,3,0,,,,0.4,0.25,0.5,0,0.5,medium,-0.1,balanced,0,Boston – Cambridge,',
        'Shenzhen,Shenzhen,metro,CN,China,Asia,Eastern Asia,22.5431,114.0579,100,38,24,50,10,5,2,3,0.24,0.2,0.8,0.2,0.25,0.25,0.0000001,0.1,large,0.5,magnet,1,Shenzhen,',
        '"Oslo, NO",Oslo,city,NO,Norway,Europe,Northern Europe,,,,,,,,,,,,,,,,,,,,,,,,',
        '',
      ].join('\n'),
    );
  });

  it('placesTable on a graph without nodes has the header only', () => {
    const graph = buildFixtureGraph();
    graph.clear();
    expect(placesTable(graph).rows).toEqual([]);
  });
});

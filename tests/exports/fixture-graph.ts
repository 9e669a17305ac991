/**
 * A small flow graph built by hand for the export tests: four places at mixed levels, with
 * measures present on some nodes and absent or null on others, and edges with ties in weight.
 */
import { DirectedGraph } from 'graphology';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes } from '../../src/graph/types.ts';

export function buildFixtureGraph(): FlowGraph {
  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>();
  graph.replaceAttributes({ level: 'metro', years: [2019, 2021], window: null, kind: 'moves', movesWithinPlace: 4 });
  graph.addNode('Boston', {
    label: 'Boston',
    level: 'metro',
    country: 'US',
    countryName: 'United States',
    region: 'Americas',
    subregion: 'Northern America',
    lat: 42.3601,
    lon: -71.0589,
    inflow: 5,
    outflow: 8,
    netInflow: -3,
    pagerank: 0.4,
    hubScore: 0.5,
    authorityScore: 0.25,
    betweenness: 0.5,
    eigenvector: 0.7,
    hubClass: 'hub',
    balance: 0,
    balanceClass: 'balanced',
    community: 0,
    communityLabel: 'Boston – Cambridge',
    inflowRatio: null,
    outflowRatio: null,
    retention: null,
  });
  graph.addNode('Cambridge, GB', {
    label: 'Cambridge',
    level: 'city',
    country: 'GB',
    countryName: 'United Kingdom',
    region: 'Europe',
    subregion: 'Northern Europe',
    lat: 52.2053,
    lon: 0.1218,
    inflow: 3,
    outflow: 3,
    netInflow: 0,
    pagerank: 0.4,
    hubScore: 0.25,
    authorityScore: 0.5,
    betweenness: 0,
    eigenvector: 0.5,
    hubClass: 'medium',
    balance: -0.1,
    balanceClass: 'balanced',
    community: 0,
    communityLabel: 'Boston – Cambridge',
  });
  graph.addNode('Shenzhen', {
    label: 'Shenzhen',
    level: 'metro',
    country: 'CN',
    countryName: 'China',
    region: 'Asia',
    subregion: 'Eastern Asia',
    lat: 22.5431,
    lon: 114.0579,
    stock: 100,
    young: 38,
    inflowSet: 24,
    presentBefore: 50,
    leftSet: 10,
    youngByYear: { '2019': 30, '2020': 38 },
    byDiscipline: { 'Computer Science': 60, Medicine: 40 },
    inflow: 5,
    outflow: 2,
    netInflow: 3,
    inflowRatio: 0.24,
    outflowRatio: 0.2,
    retention: 0.8,
    pagerank: 0.2,
    hubScore: 0.25,
    authorityScore: 0.25,
    betweenness: 1e-7,
    eigenvector: 0.1,
    hubClass: 'large',
    balance: 0.5,
    balanceClass: 'magnet',
    community: 1,
    communityLabel: 'Shenzhen',
  });
  graph.addNode('Oslo, NO', {
    label: 'Oslo',
    level: 'city',
    country: 'NO',
    countryName: 'Norway',
    region: 'Europe',
    subregion: 'Northern Europe',
    lat: null,
    lon: null,
  });
  graph.addEdge('Boston', 'Cambridge, GB', {
    weight: 3,
    researchers: 3,
    byYear: { '2019': 1, '2021': 2 },
    byDiscipline: { Medicine: 3 },
    byYearDiscipline: { '2019': { Medicine: 1 }, '2021': { Medicine: 2 } },
  });
  graph.addEdge('Cambridge, GB', 'Boston', {
    weight: 3,
    researchers: 2,
    byYear: { '2020': 3 },
    byDiscipline: {},
    byYearDiscipline: {},
  });
  graph.addEdge('Shenzhen', 'Boston', {
    weight: 2,
    researchers: null,
    byYear: {},
    byDiscipline: {},
    byYearDiscipline: {},
  });
  graph.addEdge('Boston', 'Shenzhen', {
    weight: 5,
    researchers: 4,
    byYear: { '2021': 4, '2020': 1 },
    byDiscipline: { 'Computer Science': 5 },
    byYearDiscipline: { '2020': { 'Computer Science': 1 }, '2021': { 'Computer Science': 4 } },
  });
  return graph;
}

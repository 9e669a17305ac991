/** Small hand-made results shared by the display tests (values chosen for easy arithmetic). */
import Graph from 'graphology';
import type { CommunitiesResult, RaiResult, TopFlows } from '../../src/analyses/types.ts';

export const RAI: RaiResult = {
  basis: 'stock',
  places: ['Shenzhen', 'Hong Kong', 'A<B'],
  disciplines: ['Computer Science', 'Medicine', 'Neuroscience'],
  cells: [
    { place: 'Shenzhen', discipline: 'Computer Science', researchers: 40, rai: 2 },
    { place: 'Shenzhen', discipline: 'Medicine', researchers: 10, rai: 0.5 },
    { place: 'Shenzhen', discipline: 'Neuroscience', researchers: 20, rai: 1 },
    { place: 'Hong Kong', discipline: 'Computer Science', researchers: 30, rai: 2.5 },
    { place: 'Hong Kong', discipline: 'Medicine', researchers: 5, rai: 0.4 },
    { place: 'A<B', discipline: 'Neuroscience', researchers: 3, rai: null },
  ],
};

export const TOP: TopFlows = {
  Shenzhen: [
    { place: 'Guangzhou', weight: 3000, researchers: 2999, rank: 1 },
    { place: 'Shanghai', weight: 100, researchers: 99, rank: 2 },
    { place: 'Beijing', weight: 10, researchers: 9, rank: 3 },
  ],
  'Hong Kong': [{ place: 'Shenzhen', weight: 50, researchers: null, rank: 1 }],
  Boston: [],
};

export const COMMUNITIES: CommunitiesResult = {
  assignment: { Shenzhen: 0, 'Hong Kong': 0, Boston: 1 },
  communities: [
    {
      id: 0,
      label: 'Shenzhen – Hong Kong',
      size: 2,
      members: ['Shenzhen', 'Hong Kong'],
      dominantCountry: 'CN',
      dominantCountryShare: 0.75,
      dominantRegion: 'Asia',
    },
    { id: 1, label: 'Boston', size: 1, members: ['Boston'], dominantCountry: 'US', dominantCountryShare: 1, dominantRegion: 'Americas' },
  ],
  modularity: 0.31,
  resolution: 1,
  seed: 42,
};

/** Four located places and one without coordinates; five flows. */
export function mapGraph(): Graph {
  const g = new Graph({ type: 'directed' });
  g.addNode('Beijing', { label: 'Beijing', lat: 39.9, lon: 116.4, community: 0, communityLabel: 'Beijing – Shenzhen' });
  g.addNode('Shenzhen', { label: 'Shenzhen', lat: 22.5, lon: 114.1, community: 0, communityLabel: 'Beijing – Shenzhen' });
  g.addNode('Boston', { label: 'Boston', lat: 42.36, lon: -71.06, community: 1, communityLabel: 'Boston' });
  g.addNode('London', { label: 'London', lat: 51.5, lon: -0.12, community: 2, communityLabel: 'London' });
  g.addNode('Nowhere', { label: 'Nowhere', lat: null, lon: null });
  g.addEdge('Beijing', 'Shenzhen', { weight: 2700 });
  g.addEdge('Shenzhen', 'Beijing', { weight: 900 });
  g.addEdge('Boston', 'London', { weight: 300 });
  g.addEdge('Beijing', 'Boston', { weight: 500 });
  g.addEdge('Nowhere', 'Boston', { weight: 5 });
  return g;
}

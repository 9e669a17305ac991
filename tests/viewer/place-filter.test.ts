import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random.ts';
import type { FlowGraph } from '../../src/graph/types.ts';
import {
  legendClick,
  legendToggle,
  placeEmptyNote,
  placeGroups,
  placeNote,
  placePredicate,
  restrictToPlaces,
} from '../../viewer/src/filters/place-filter.ts';
import type { FlowDirection, PlaceFilter } from '../../viewer/src/state.ts';

/** A (community 0, CN, Asia), B (1, US, Americas), C (0, CN, Asia), D (nothing known). */
function graph(): FlowGraph {
  const g = new DirectedGraph() as unknown as FlowGraph;
  g.addNode('A', { label: 'A', community: 0, country: 'CN', countryName: 'China', region: 'Asia' } as never);
  g.addNode('B', { label: 'B', community: 1, country: 'US', countryName: 'United States', region: 'Americas' } as never);
  g.addNode('C', { label: 'C', community: 0, country: 'CN', countryName: 'China', region: 'Asia' } as never);
  g.addNode('D', { label: 'D' } as never);
  for (const [s, t, w] of [
    ['A', 'B', 5],
    ['B', 'A', 1],
    ['B', 'C', 4],
    ['C', 'A', 5],
    ['A', 'D', 2],
  ] as const)
    g.addDirectedEdge(s, t, { weight: w, researchers: w } as never);
  return g;
}
const edges = (g: FlowGraph) => g.mapEdges((_e, _a, s, t) => `${s}→${t}`).sort();

describe('restrictToPlaces', () => {
  it('restrictToPlaces keeps the legend’s places and only the flows between them', () => {
    const g = graph();
    const r = restrictToPlaces(g, { filter: { by: 'community', keys: ['0'] }, selected: null, direction: 'both' });
    expect(r.nodes().sort()).toEqual(['A', 'C']);
    expect(edges(r)).toEqual(['C→A']);
    // Attributes are shared, not copied.
    expect(r.getEdgeAttributes(r.edge('C', 'A')!)).toBe(g.getEdgeAttributes(g.edge('C', 'A')!));
    expect(edges(restrictToPlaces(g, { filter: { by: 'country', keys: ['CN', 'US'] }, selected: null, direction: 'both' }))).toEqual([
      'A→B',
      'B→A',
      'B→C',
      'C→A',
    ]);
  });

  it('restrictToPlaces keeps the selected place’s flows in, out or both, and every place', () => {
    const g = graph();
    const of = (direction: FlowDirection) => restrictToPlaces(g, { filter: null, selected: 'A', direction });
    expect(edges(of('in'))).toEqual(['B→A', 'C→A']);
    expect(edges(of('out'))).toEqual(['A→B', 'A→D']);
    expect(edges(of('both'))).toEqual(['A→B', 'A→D', 'B→A', 'C→A']);
    expect(of('in').order).toBe(4);
    expect(edges(restrictToPlaces(g, { filter: { by: 'region', keys: ['Asia'] }, selected: 'A', direction: 'both' }))).toEqual(['C→A']);
    // A selected place outside the legend's places: no flow.
    expect(restrictToPlaces(g, { filter: { by: 'region', keys: ['Americas'] }, selected: 'A', direction: 'both' }).size).toBe(0);
  });

  it('restrictToPlaces returns the graph itself when nothing is restricted', () => {
    const g = graph();
    expect(restrictToPlaces(g, { filter: null, selected: null, direction: 'in' })).toBe(g);
  });

  it('placePredicate accepts exactly the flows restrictToPlaces keeps (random graphs, every restriction)', () => {
    const rng = createRng(7);
    const g = new DirectedGraph() as unknown as FlowGraph;
    const regions = ['Asia', 'Europe', 'Americas'];
    for (let i = 0; i < 40; i++)
      g.addNode(`P${i}`, {
        community: Math.floor(rng() * 4),
        region: regions[Math.floor(rng() * 3)],
        country: `C${Math.floor(rng() * 6)}`,
      } as never);
    for (let k = 0; k < 300; k++) {
      const s = `P${Math.floor(rng() * 40)}`;
      const t = `P${Math.floor(rng() * 40)}`;
      if (s !== t && !g.hasEdge(s, t)) g.addDirectedEdge(s, t, { weight: 1 + Math.floor(rng() * 50) } as never);
    }
    const filters: (PlaceFilter | null)[] = [
      null,
      { by: 'community', keys: ['1', '3'] },
      { by: 'region', keys: ['Europe'] },
      { by: 'country', keys: ['C0', 'C2', 'C5'] },
    ];
    let checked = 0;
    for (const filter of filters) {
      for (const selected of [null, 'P3', 'P17']) {
        for (const direction of ['in', 'out', 'both'] as const) {
          const r = { filter, selected, direction };
          const keep = placePredicate(g, r) ?? (() => true);
          expect(edges(restrictToPlaces(g, r))).toEqual(
            g
              .filterEdges((_e, _a, s, t) => keep(s, t))
              .map((e) => `${g.source(e)}→${g.target(e)}`)
              .sort(),
          );
          checked++;
        }
      }
    }
    expect(checked).toBe(36);
  });
});

describe('placeGroups', () => {
  it('placeGroups lists communities by id with their labels, countries by size, and counts places without one', () => {
    const g = graph();
    expect(
      placeGroups(g, 'community', [
        { id: 0, label: 'A – C', size: 2 },
        { id: 1, label: 'B', size: 1 },
      ]),
    ).toEqual({
      groups: [
        { key: '0', label: 'A – C', places: 2 },
        { key: '1', label: 'B', places: 1 },
      ],
      missing: 1,
    });
    expect(placeGroups(g, 'country').groups).toEqual([
      { key: 'CN', label: 'China', places: 2 },
      { key: 'US', label: 'United States', places: 1 },
    ]);
  });
});

describe('legendClick / legendToggle', () => {
  it('legendClick shows only the entry, and every place when it already was the only one', () => {
    expect(legendClick(null, 'region', 'Asia')).toEqual({ by: 'region', keys: ['Asia'] });
    expect(legendClick({ by: 'region', keys: ['Asia'] }, 'region', 'Asia')).toBeNull();
    expect(legendClick({ by: 'region', keys: ['Asia', 'Europe'] }, 'region', 'Asia')).toEqual({ by: 'region', keys: ['Asia'] });
    expect(legendClick({ by: 'country', keys: ['CN'] }, 'region', 'Asia')).toEqual({ by: 'region', keys: ['Asia'] });
  });

  it('legendToggle removes an entry from every place shown, adds one back, and all or none shown is no filter', () => {
    const all = ['Asia', 'Europe', 'Americas'];
    expect(legendToggle(null, 'region', 'Asia', all)).toEqual({ by: 'region', keys: ['Europe', 'Americas'] });
    expect(legendToggle({ by: 'region', keys: ['Europe'] }, 'region', 'Asia', all)).toEqual({ by: 'region', keys: ['Europe', 'Asia'] });
    expect(legendToggle({ by: 'region', keys: ['Europe', 'Americas'] }, 'region', 'Asia', all)).toBeNull();
    expect(legendToggle({ by: 'region', keys: ['Europe'] }, 'region', 'Europe', all)).toBeNull();
  });
});

describe('placeEmptyNote', () => {
  it('placeEmptyNote names the place, the direction and the legend filter', () => {
    expect(placeEmptyNote({ placeFilter: null, selected: 'A', direction: 'in' }, graph())).toBe(
      'No flows into A pass the filters. Switch to both directions.',
    );
    expect(placeEmptyNote({ placeFilter: { by: 'country', keys: ['US'] }, selected: null, direction: 'both' }, graph())).toBe(
      'No flows between the countries shown pass the filters. Show more places in the legend.',
    );
  });
});

describe('placeNote', () => {
  it('placeNote says which place and direction, and which groups, in words', () => {
    expect(placeNote({ placeFilter: { by: 'country', keys: ['CN'] }, selected: 'B', direction: 'out' }, graph())).toBe(
      'flows out of B · only China',
    );
    expect(placeNote({ placeFilter: null, selected: null, direction: 'in' }, graph())).toBeNull();
  });
});

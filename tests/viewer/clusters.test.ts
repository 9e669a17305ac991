/**
 * Clustering by zoom and flow aggregation (viewer/src/map/clusters.ts) on small inputs worked
 * out by hand, and a property check on a seeded random one.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  clusteredGraph,
  clusterZoom,
  largestFlows,
  PlaceClusters,
  CLUSTER_MAX_ZOOM,
  CLUSTER_PREFIX,
  type ClusterPlace,
} from '../../viewer/src/map/clusters.ts';
import type { RenderGraph, RenderMap, RenderNodeAttributes } from '../../viewer/src/render-graph.ts';
import { renderMapOf } from './fixtures/render-map.ts';
import { createRng } from '../../src/random.ts';

const node = (x: number, y: number, value: number, label: string): RenderNodeAttributes => ({
  x,
  y,
  size: 5,
  color: '#4e79a7',
  label,
  zIndex: 0,
  value,
  inflow: 0,
  outflow: 0,
  community: 0,
  quadrant: null,
  hub: false,
  forceLabel: false,
});

function renderGraph(places: [string, number, number, number][], flows: [string, string, number][]): RenderMap {
  const g: RenderGraph = new Graph({ type: 'directed' });
  // y = latitude is close enough to Mercator y near the equator for these tests' clusters.
  for (const [id, lon, lat, value] of places) g.addNode(id, node(lon, lat, value, id));
  for (const [s, t, w] of flows) {
    g.addDirectedEdgeWithKey(`${s}>${t}`, s, t, { size: 1, color: '#4e79a7cc', type: 'curvedFlow', curvature: 0.25, weight: w, zIndex: w });
    g.updateNodeAttribute(s, 'outflow', (v) => (v ?? 0) + w);
    g.updateNodeAttribute(t, 'inflow', (v) => (v ?? 0) + w);
  }
  return renderMapOf(g);
}

describe('clusterZoom', () => {
  it('keeps the on-screen cluster radius between half and all of the radius', () => {
    expect(clusterZoom(630)).toBe(1);
    expect(clusterZoom(1024)).toBe(2);
    expect(clusterZoom(1023)).toBe(1);
    expect(clusterZoom(2100)).toBe(3);
    expect(clusterZoom(0)).toBe(0);
  });
});

describe('PlaceClusters zooms', () => {
  it('two places 1 km apart are one marker at the deepest clustered zoom, two markers past it', () => {
    // 0.009° of longitude at the equator ≈ 1.0 km; the radius at zoom 10 is 20 × 360 / (512 × 2^10) ≈ 0.0137°.
    const pc = new PlaceClusters([
      { id: 'A', lon: 10, lat: 0, value: 2 },
      { id: 'B', lon: 10.009, lat: 0, value: 1 },
    ]);
    expect(pc.level(CLUSTER_MAX_ZOOM).markers.map((m) => m.members)).toEqual([['A', 'B']]);
    expect(
      pc
        .level(CLUSTER_MAX_ZOOM + 1)
        .markers.map((m) => m.members)
        .sort(),
    ).toEqual([['A'], ['B']]);
  });
});

describe('clusteredGraph', () => {
  // A and B 0.5° apart (one cluster at world zoom), C far away.
  const places: [string, number, number, number][] = [
    ['A', 100, 10, 3],
    ['B', 100.5, 10, 1],
    ['C', -60, -20, 2],
  ];
  const graph = renderGraph(places, [
    ['A', 'B', 50],
    ['A', 'C', 7],
    ['B', 'C', 5],
    ['C', 'B', 4],
  ]);
  const clusters = new PlaceClusters(places.map(([id, lon, lat, value]) => ({ id, lon, lat, value })));

  it('at world zoom: A and B one cluster named after A, at A, with summed totals; the flow inside it is not drawn', () => {
    const level = clusters.level(1);
    const ab = level.markerOf.get('A')!;
    expect(ab.startsWith(CLUSTER_PREFIX)).toBe(true);
    expect(level.markerOf.get('B')).toBe(ab);
    expect(level.markerOf.get('C')).toBe('C');
    const { graph: g, hiddenFlows } = clusteredGraph(graph, level);
    expect(hiddenFlows).toBe(0);
    expect(g.order).toBe(2);
    const a = g.getNodeAttributes(ab);
    expect([a.label, a.x, a.y, a.value, a.inflow, a.outflow]).toEqual(['A +1', 100, 10, 4, 50 + 4, 50 + 7 + 5]);
    // A→C (7) + B→C (5) = 12; C→B (4) = 4; A→B (50) inside the cluster.
    expect(g.mapEdges((_e, e, s, t) => `${s === ab ? 'AB' : s}>${t === ab ? 'AB' : t}:${e.weight}`).sort()).toEqual(['AB>C:12', 'C>AB:4']);
  });

  it('zoomed in, every place is its own marker and the flows are the place flows', () => {
    const level = clusters.level(12);
    expect(level.markers.map((m) => m.id).sort()).toEqual(['A', 'B', 'C']);
    const { graph: g } = clusteredGraph(graph, level);
    expect(g.mapEdges((_e, e, s, t) => `${s}>${t}:${e.weight}`).sort()).toEqual(['A>B:50', 'A>C:7', 'B>C:5', 'C>B:4']);
  });

  it('keeps the largest flows up to the limit and counts the others', () => {
    const { graph: g, hiddenFlows } = clusteredGraph(graph, clusters.level(12), 2);
    expect(hiddenFlows).toBe(2);
    expect(g.mapEdges((_e, e) => e.weight).sort((x, y) => y - x)).toEqual([50, 7]);
  });

  it('on 2,000 random places: every place in exactly one marker, at least three places per marker at world zoom, sums preserved', () => {
    const rng = createRng(5);
    const list: [string, number, number, number][] = Array.from({ length: 2000 }, (_, i) => [
      `P${i}`,
      rng() * 300 - 150,
      rng() * 120 - 60,
      Math.floor(rng() * 100),
    ]);
    const flows: [string, string, number][] = Array.from(
      { length: 6000 },
      () => [`P${Math.floor(rng() * 2000)}`, `P${Math.floor(rng() * 2000)}`, 1 + Math.floor(rng() * 50)] as [string, string, number],
    ).filter(([s, t]) => s !== t);
    const seen = new Set<string>();
    const unique = flows.filter(([s, t]) => (seen.has(`${s}>${t}`) ? false : (seen.add(`${s}>${t}`), true)));
    const g = renderGraph(list, unique);
    const pc = new PlaceClusters(list.map(([id, lon, lat, value]): ClusterPlace => ({ id, lon, lat, value })));
    let previous = Infinity;
    for (const z of [1, 3, 5]) {
      const level = pc.level(z);
      expect(level.markers.flatMap((m) => m.members).sort()).toEqual(list.map(([id]) => id).sort());
      const { graph: cg } = clusteredGraph(g, level);
      const totalValue = cg.reduceNodes((sum, _n, a) => sum + (a.value ?? 0), 0);
      expect(totalValue).toBe(list.reduce((sum, p) => sum + p[3], 0));
      // Flows between markers plus flows inside them = every flow.
      const inside = unique.filter(([s, t]) => level.markerOf.get(s) === level.markerOf.get(t)).reduce((sum, f) => sum + f[2], 0);
      expect(cg.reduceEdges((sum, _e, a) => sum + a.weight, 0) + inside).toBe(unique.reduce((sum, f) => sum + f[2], 0));
      // Zooming in splits clusters, never merges them.
      if (previous !== Infinity) expect(level.markers.length).toBeGreaterThanOrEqual(previous);
      previous = level.markers.length;
    }
    // At world zoom (a 630-px world) at least three places per marker on average.
    expect(pc.level(clusterZoom(630)).markers.length).toBeLessThan(2000 / 3);
  });

  it('past the limit keeps the same flows, in the same order, as sorting every summed flow by weight then key', () => {
    const rng = createRng(11);
    const list: [string, number, number, number][] = Array.from({ length: 400 }, (_, i) => [
      `P${i}`,
      rng() * 300 - 150,
      rng() * 120 - 60,
      Math.floor(rng() * 100),
    ]);
    const seen = new Set<string>();
    // Weights 1–3: most summed flows tie at the cut-off.
    const flows = Array.from(
      { length: 3000 },
      () => [`P${Math.floor(rng() * 400)}`, `P${Math.floor(rng() * 400)}`, 1 + Math.floor(rng() * 3)] as [string, string, number],
    ).filter(([s, t]) => s !== t && !seen.has(`${s}>${t}`) && (seen.add(`${s}>${t}`), true));
    const g = renderGraph(list, flows);
    const level = new PlaceClusters(list.map(([id, lon, lat, value]): ClusterPlace => ({ id, lon, lat, value }))).level(4);
    const all = clusteredGraph(g, level).graph.mapEdges((e, a) => [e, a.weight] as [string, number]);
    const expected = all.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 150);
    expect(expected[149]![1]).toBe(expected[150 - 40]![1]);
    const { graph: top, hiddenFlows } = clusteredGraph(g, level, 150);
    expect(hiddenFlows).toBe(all.length - 150);
    expect(top.mapEdges((e, a) => [e, a.weight])).toEqual(expected);
  });
});

describe('largestFlows', () => {
  it('keeps every place and the largest flows, ties by key, and counts the rest', () => {
    const g = renderGraph(
      [
        ['A', 0, 0, 1],
        ['B', 1, 1, 1],
        ['C', 2, 2, 1],
      ],
      [
        ['A', 'B', 5],
        ['B', 'C', 9],
        ['C', 'A', 5],
        ['A', 'C', 1],
      ],
    );
    const { graph, hiddenFlows } = largestFlows(g, 2);
    expect(hiddenFlows).toBe(2);
    expect(graph.order).toBe(3);
    // 9, then the tie of 5s broken by key: "A>B" before "C>A".
    expect(graph.edges()).toEqual(['B>C', 'A>B']);
    expect(graph.getEdgeAttribute('B>C', 'weight')).toBe(9);
    // Place attribute objects are shared (dodging moves the places drawn).
    expect(graph.getNodeAttributes('A')).toBe(g.places.getNodeAttributes('A'));
    const all = largestFlows(g, 4);
    expect(all.hiddenFlows).toBe(0);
    expect(all.graph.edges()).toEqual(['A>B', 'B>C', 'C>A', 'A>C']);
  });
});

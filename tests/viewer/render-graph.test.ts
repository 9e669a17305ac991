import { describe, expect, it } from 'vitest';
import { flowGraph } from '../analyses/helpers.ts';
import { mapPositions, toRenderGraph, type Appearance } from '../../viewer/src/render-graph.ts';
import { edgeWidth, netInflowColor, nodeRadius, communityColor, EDGE_WIDTH, NODE_RADIUS, OTHER_COLOR } from '../../viewer/src/scales.ts';
import { mapFrame, project, WORLD_BBOX } from '../../viewer/src/map/projection.ts';
import { CATEGORY_COLORS, QUADRANT_COLORS, SIGN_COLORS } from '../../src/display/colors.ts';
import { quadrantColor, NO_QUADRANT_COLOR } from '../../viewer/src/scales.ts';

// A ⇄ B, A → C; sizes by pagerank attribute; C has no coordinates.
function small() {
  return flowGraph(
    [
      { key: 'A', lat: 0, lon: 0, pagerank: 0.5, community: 0, hubClass: 'hub' },
      { key: 'B', lat: 10, lon: 20, pagerank: 0.125, community: 1 },
      { key: 'C', pagerank: 0.375, community: 0 },
    ],
    [
      ['A', 'B', 100],
      ['B', 'A', 1],
      ['A', 'C', 9],
    ],
  );
}

const appearance = (graph: ReturnType<typeof small>, over: Partial<Appearance> = {}): Appearance => ({
  positions: mapPositions(graph, project),
  sizeBy: 'pagerank',
  nodeColor: 'community',
  edgeColor: 'sourceCommunity',
  ...over,
});

describe('toRenderGraph', () => {
  it('toRenderGraph places nodes by projection and leaves out places without coordinates', () => {
    const g = small();
    const { places: graph, flows, unplaced } = toRenderGraph(g, appearance(g));
    expect(graph.nodes().sort()).toEqual(['A', 'B']);
    expect(unplaced).toEqual(['C']);
    // Mercator with 1 unit = 1 degree: lon 20 → x 20; lat 10 → y = ln(tan(45° + 5°)) × 180/π ≈ 10.0655
    expect(graph.getNodeAttribute('B', 'x')).toBeCloseTo(20, 9);
    expect(graph.getNodeAttribute('B', 'y')).toBeCloseTo((Math.log(Math.tan(Math.PI / 4 + (10 * Math.PI) / 360)) * 180) / Math.PI, 9);
    // A → C is not drawn (C has no position); places carry no edges, flows are columns.
    expect(flows.length).toBe(2);
    expect(graph.size).toBe(0);
    expect([flows.find('A', 'B'), flows.find('B', 'A'), flows.find('A', 'C')].map((i) => (i < 0 ? null : flows.keys[i]))).toEqual([
      g.edge('A', 'B'),
      g.edge('B', 'A'),
      null,
    ]);
    expect(flows.indexOf(g.edge('B', 'A')!)).toBe(flows.find('B', 'A'));
    expect(Array.from(flows.weight)).toEqual([100, 1]);
    // The whole graph, for a renderer that wants one: both flows, the places' attribute objects shared.
    const whole = flows.graph(graph);
    expect(whole.edges()).toEqual(flows.keys);
    expect(whole.getNodeAttributes('A')).toBe(graph.getNodeAttributes('A'));
  });

  it('toRenderGraph sizes places by area ∝ measure and colours them by community', () => {
    const g = small();
    const { places: graph, scales } = toRenderGraph(g, appearance(g));
    // max pagerank over the selection = 0.5 (A); B: 2.5 + 19.5 × √(0.125/0.5) = 12.25
    expect(scales.sizeMax).toBe(0.5);
    expect(graph.getNodeAttribute('A', 'size')).toBe(NODE_RADIUS.max);
    expect(graph.getNodeAttribute('B', 'size')).toBeCloseTo(2.5 + 19.5 * 0.5, 12);
    expect(graph.getNodeAttribute('A', 'color')).toBe(CATEGORY_COLORS[0]);
    expect(graph.getNodeAttribute('B', 'color')).toBe(CATEGORY_COLORS[1]);
    expect(graph.getNodeAttribute('A', 'hub')).toBe(true);
    expect(graph.getNodeAttribute('B', 'hub')).toBe(false);
  });

  it('toRenderGraph sizes by in-flow of the selection, not by a stale attribute', () => {
    const g = small();
    const { places: graph } = toRenderGraph(g, appearance(g, { sizeBy: 'inflow' }));
    // inflow: A = 1 (from B), B = 100 (from A)
    expect(graph.getNodeAttribute('A', 'value')).toBe(1);
    expect(graph.getNodeAttribute('B', 'value')).toBe(100);
    const net = toRenderGraph(g, appearance(g, { sizeBy: 'absNetInflow' })).places;
    // A: in 1 − out 109 = −108; B: 100 − 1 = 99
    expect(net.getNodeAttribute('A', 'value')).toBe(108);
    expect(net.getNodeAttribute('B', 'value')).toBe(99);
  });

  it('toRenderGraph measures in- and out-flow on measureFlows when given, while drawing only the selection', () => {
    const g = small();
    // Draw only A → B; measure on all three flows.
    const drawnOnly = g.copy();
    drawnOnly.dropEdge(drawnOnly.edge('B', 'A')!);
    const { places: graph, flows } = toRenderGraph(drawnOnly, appearance(g, { sizeBy: 'inflow', measureFlows: g }));
    expect(flows.length).toBe(1);
    // A's in-flow is B → A = 1 although that flow is not drawn; A's out-flow 100 + 9 = 109.
    expect(graph.getNodeAttribute('A', 'inflow')).toBe(1);
    expect(graph.getNodeAttribute('A', 'outflow')).toBe(109);
    const own = toRenderGraph(drawnOnly, appearance(g, { sizeBy: 'inflow' })).places;
    expect(own.getNodeAttribute('A', 'inflow')).toBe(0);
  });

  it('toRenderGraph draws A→B and B→A as two arrows with the same curvature (so they bend to opposite sides) and log widths', () => {
    const g = small();
    const { flows, scales } = toRenderGraph(g, appearance(g));
    const ab = flows.attributes(flows.find('A', 'B'));
    const ba = flows.attributes(flows.find('B', 'A'));
    expect(ab.curvature).toBe(ba.curvature);
    expect(ab.curvature).toBeGreaterThan(0);
    // widths: weightMax = 100 (A → C, 9, is in the selection too but C is unplaced; max is over the selection)
    expect(scales.weightMax).toBe(100);
    expect(ab.size).toBeCloseTo(EDGE_WIDTH.max, 12);
    // weight 1: 0.4 + 5.6 × ln 2 / ln 101
    expect(ba.size).toBeCloseTo(EDGE_WIDTH.min + (EDGE_WIDTH.max - EDGE_WIDTH.min) * (Math.log(2) / Math.log(101)), 12);
    // colour by source community: A → B has A's community colour
    expect(ab.color.slice(0, 7)).toBe(CATEGORY_COLORS[0]);
    expect(ba.color.slice(0, 7)).toBe(CATEGORY_COLORS[1]);
    expect(ab.type).toBe('curvedArrow');
  });

  it('toRenderGraph colours flows by source with the largest sources first', () => {
    const g = small();
    const { flows, scales } = toRenderGraph(g, appearance(g, { edgeColor: 'source' }));
    expect(scales.sourceColors.map((s) => s.place)).toEqual(['A', 'B']);
    expect(flows.attributes(flows.find('A', 'B')).color.slice(0, 7)).toBe(CATEGORY_COLORS[0]);
    expect(flows.attributes(flows.find('B', 'A')).color.slice(0, 7)).toBe(CATEGORY_COLORS[1]);
  });

  it('toRenderGraph switches to the tessellated program above exactCurvesLimit', () => {
    const g = small();
    const { flows } = toRenderGraph(g, appearance(g, { exactCurvesLimit: 2 }));
    expect(flows.attributes(flows.find('A', 'B')).type).toBe('curvedFlow');
  });

  it('toRenderGraph colours places by net inflow: red for gains, blue for losses', () => {
    const g = small();
    const { places: graph } = toRenderGraph(g, appearance(g, { nodeColor: 'netInflow' }));
    // A net −108 is the largest |net|: full blue; B +99: √(99/108) of the way to red
    expect(graph.getNodeAttribute('A', 'color')).toBe(SIGN_COLORS.negative);
    expect(graph.getNodeAttribute('B', 'color')).toBe(netInflowColor(99, 108));
  });
});

describe('toRenderGraph by quadrant', () => {
  it('toRenderGraph colours places by their quadrant, grey-white without one', () => {
    const g = small();
    g.setNodeAttribute('A', 'quadrant', 'leader');
    g.setNodeAttribute('B', 'quadrant', 'riser');
    const { places: graph } = toRenderGraph(g, appearance(g, { nodeColor: 'quadrant' }));
    expect(graph.getNodeAttribute('A', 'color')).toBe(QUADRANT_COLORS.leader);
    expect(graph.getNodeAttribute('B', 'color')).toBe(QUADRANT_COLORS.riser);
    expect(graph.getNodeAttribute('B', 'quadrant')).toBe('riser');
    expect(quadrantColor(null)).toBe(NO_QUADRANT_COLOR);
    expect(quadrantColor('unknown')).toBe(NO_QUADRANT_COLOR);
  });
});

describe('scales', () => {
  it('nodeRadius gives the minimum for missing or non-positive values and the maximum at max', () => {
    expect(nodeRadius(null, 10)).toBe(NODE_RADIUS.min);
    expect(nodeRadius(-1, 10)).toBe(NODE_RADIUS.min);
    expect(nodeRadius(10, 10)).toBe(NODE_RADIUS.max);
    // 25/100 → √0.25 = 0.5 of the range
    expect(nodeRadius(25, 100)).toBeCloseTo((NODE_RADIUS.min + NODE_RADIUS.max) / 2, 12);
  });

  it('edgeWidth grows with log(1 + weight)', () => {
    // ln(101)/ln(10001) of the range: 0.4 + 5.6 × 0.50107 ≈ 3.206
    expect(edgeWidth(100, 10000)).toBeCloseTo(0.4 + 5.6 * (Math.log(101) / Math.log(10001)), 12);
    const ws = [1, 10, 100, 1000].map((w) => edgeWidth(w, 1000));
    for (let i = 1; i < ws.length; i++) expect(ws[i]!).toBeGreaterThan(ws[i - 1]!);
  });

  it('toRenderGraph colours by the change in net inflow between periods (compare.csv), grey where a place was not compared', () => {
    const g = small();
    // A fell by 40, B rose by 160: the scale ends at 160; C has no coordinates, so is not drawn.
    const netChange = new Map<string, number | null>([
      ['A', -40],
      ['B', 160],
      ['C', 999],
    ]);
    const r = toRenderGraph(g, appearance(g, { nodeColor: 'netChange', netChange }));
    expect(r.scales.changeMaxAbs).toBe(160);
    expect(r.places.getNodeAttribute('A', 'color')).toBe(netInflowColor(-40, 160));
    expect(r.places.getNodeAttribute('B', 'color')).toBe(netInflowColor(160, 160));
    const partial = toRenderGraph(g, appearance(g, { nodeColor: 'netChange', netChange: new Map([['B', 5]]) }));
    expect(partial.places.getNodeAttribute('A', 'color')).toBe(OTHER_COLOR);
    const none = toRenderGraph(g, appearance(g, { nodeColor: 'netChange', netChange: null }));
    expect(none.scales.changeMaxAbs).toBe(0);
    expect(none.places.getNodeAttribute('B', 'color')).toBe(OTHER_COLOR);
  });

  it('toRenderGraph colours by net rate: net inflow over the researcher-years of the selected years, grey without population', () => {
    // A: in 1, out 109 → net −108; B: in 100, out 1 → net +99.
    const g = small();
    g.setNodeAttribute('A', 'researchersByYear', { '2019': 600, '2020': 480 });
    g.setNodeAttribute('B', 'populationByYear', { '2019': 100, '2020': 10 });
    // All years: A −108 / 1080 = −0.1, B 99 / 110 = 0.9 → the scale ends at 0.9.
    const all = toRenderGraph(g, appearance(g, { nodeColor: 'netRate' }));
    expect(all.scales.rateMaxAbs).toBeCloseTo(0.9, 12);
    expect(all.places.getNodeAttribute('A', 'color')).toBe(netInflowColor(-0.1, 0.9));
    expect(all.places.getNodeAttribute('B', 'color')).toBe(netInflowColor(0.9, 0.9));
    // Only 2020's population: A −108 / 480 = −0.225, B 99 / 10 = 9.9.
    const y2020 = toRenderGraph(g, appearance(g, { nodeColor: 'netRate', years: [2020, 2020] }));
    expect(y2020.scales.rateMaxAbs).toBeCloseTo(9.9, 12);
    expect(y2020.places.getNodeAttribute('A', 'color')).toBe(netInflowColor(-108 / 480, 99 / 10));
    // No population at all: grey.
    const none = small();
    expect(toRenderGraph(none, appearance(none, { nodeColor: 'netRate' })).places.getNodeAttribute('A', 'color')).toBe(OTHER_COLOR);
  });

  it('netInflowColor is neutral at 0 and saturates at ±maxAbs', () => {
    expect(netInflowColor(0, 5)).toBe(netInflowColor(null, 5));
    expect(netInflowColor(5, 5)).toBe(SIGN_COLORS.positive);
    expect(netInflowColor(-7, 5)).toBe(SIGN_COLORS.negative);
  });

  it('communityColor gives the palette to the largest communities and grey to the rest', () => {
    expect(communityColor(0)).toBe(CATEGORY_COLORS[0]);
    expect(communityColor(CATEGORY_COLORS.length)).toBe(OTHER_COLOR);
    expect(communityColor(null)).toBe(OTHER_COLOR);
  });
});

describe('mapFrame', () => {
  it('mapFrame pads the extent by 10% a side within the world box', () => {
    expect(
      mapFrame([
        { x: 0, y: 0 },
        { x: 100, y: 50 },
      ]),
    ).toEqual({ x: [-10, 110], y: [-5, 55] });
    const world = mapFrame([
      { x: -180, y: 0 },
      { x: 180, y: 10 },
    ]);
    expect(world.x).toEqual(WORLD_BBOX.x);
  });

  it('mapFrame widens a tiny extent to 30 units and falls back to the world without points', () => {
    const f = mapFrame([
      { x: 114, y: 22 },
      { x: 114.2, y: 22.5 },
    ]);
    expect(f.x[1] - f.x[0]).toBeCloseTo(30, 9);
    expect(mapFrame([])).toEqual({ x: [...WORLD_BBOX.x], y: [...WORLD_BBOX.y] });
  });
});

describe('curveControl', () => {
  it('curveControl bends A→B and B→A to opposite sides of the chord by curvature × length', async () => {
    const { curveControl } = await import('../../viewer/src/map/focus-overlay.ts');
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    // chord along x, length 100, curvature 0.25: control point 25 px off the midpoint (50, 0)
    const ab = curveControl(a, b, 0.25);
    const ba = curveControl(b, a, 0.25);
    expect(ab).toEqual({ x: 50, y: -25 });
    expect(ba).toEqual({ x: 50, y: 25 });
  });
});

/**
 * The viewer's map for notebooks: one script, built by `build.mjs` into a single IIFE, that draws
 * a flow graph with sigma exactly as the viewer does (the viewer's own `toRenderGraph`, projection
 * and scales) over country outlines inlined from world-atlas, so it runs offline inside a
 * notebook cell. `src/display/map-sigma.ts` wraps it with the graph's data and a static fallback.
 *
 * Exposes `talentflowSigmaMap(container, data)` where `data` is graphology's serialisation of a
 * flow graph (nodes with label, lat, lon, community, pagerank; edges with weight).
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import Sigma from 'sigma';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { mapPositions, toRenderGraph } from '../../../viewer/src/render-graph.ts';
import type { FlowGraph } from '../../../src/graph/types.ts';
import { createProjection, project, WORLD_BBOX } from '../../../viewer/src/map/projection.ts';
import { placeUnder } from '../../../viewer/src/map/picking.ts';
import { MAP_STYLE } from '../../../src/display/map.ts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const FADED_NODE = '#d5d8dc';
const FADED_EDGE = '#9aa3ad18';

/** Country outlines (Antarctica left out) in the viewer's graph coordinates. */
function countriesPath(): Path2D {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const path2d = new Path2D();
  const path = geoPath(createProjection(), path2d as unknown as CanvasRenderingContext2D);
  for (const f of feature(topology, topology.objects.countries).features) if (String(f.id) !== '010') path(f);
  return path2d;
}

export default function talentflowSigmaMap(container: HTMLElement, data: SerializedGraph): Sigma {
  const flows = Graph.from(data) as unknown as FlowGraph;
  const render = toRenderGraph(flows, {
    positions: mapPositions(flows, project),
    sizeBy: 'pagerank',
    nodeColor: 'community',
    edgeColor: 'sourceCommunity',
  });
  const graph = render.flows.graph(render.places);
  let focus: string | null = null;
  let neighbours = new Set<string>();
  const sigma = new Sigma(graph, container, {
    defaultEdgeType: 'curvedArrow',
    edgeProgramClasses: { curvedArrow: EdgeCurvedArrowProgram },
    zIndex: true,
    labelFont: FONT,
    labelSize: 12,
    labelWeight: '600',
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    minCameraRatio: 0.01,
    maxCameraRatio: 2,
    stagePadding: 16,
    nodeReducer: (node, d) =>
      focus === null || node === focus || neighbours.has(node)
        ? { ...d, forceLabel: node === focus }
        : { ...d, color: FADED_NODE, label: '' },
    edgeReducer: (edge, d) => {
      if (focus === null) return d;
      return graph.hasExtremity(edge, focus) ? { ...d, zIndex: 1e9 } : { ...d, color: FADED_EDGE };
    },
  });
  sigma.setCustomBBox(WORLD_BBOX);
  // As in the viewer: the disc whose centre is nearest the pointer wins, not the smallest drawn on top.
  (sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition = (p) => placeUnder(sigma, p);

  const canvas = sigma.createCanvas('basemap', { beforeLayer: 'edges', style: { pointerEvents: 'none' } });
  const ctx = canvas.getContext('2d')!;
  const outlines = countriesPath();
  const draw = (): void => {
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = MAP_STYLE.ocean;
    ctx.fillRect(0, 0, width, height);
    // sigma's graph → viewport map is affine: measure it from three points
    const o = sigma.graphToViewport({ x: 0, y: 0 });
    const ex = sigma.graphToViewport({ x: 1, y: 0 });
    const ey = sigma.graphToViewport({ x: 0, y: 1 });
    const [a, b, c, d] = [ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y];
    ctx.setTransform(a * ratio, b * ratio, c * ratio, d * ratio, o.x * ratio, o.y * ratio);
    ctx.fillStyle = MAP_STYLE.land;
    ctx.fill(outlines);
    ctx.strokeStyle = MAP_STYLE.border;
    ctx.lineWidth = 0.8 / Math.hypot(a, b);
    ctx.stroke(outlines);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  };
  sigma.on('afterRender', draw);
  sigma.on('enterNode', ({ node }) => {
    focus = node;
    neighbours = new Set(graph.neighbors(node));
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('leaveNode', () => {
    focus = null;
    neighbours = new Set();
    sigma.refresh({ skipIndexation: true });
  });
  draw();
  return sigma;
}

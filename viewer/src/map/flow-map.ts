/**
 * The map: sigma (WebGL) drawing the render graph over the basemap, with curved arrows for
 * flows. Hover, selection and search emphasis go through sigma reducers, so changing them never
 * rebuilds the graph; the camera is reported back for the URL.
 *
 * When drawing every flow is slow (measured: see flow-snapshot.ts), flows follow the camera as a
 * snapshot while it moves, and emphasis redraws only the places, with the emphasised flows on
 * a 2D overlay (focus-overlay.ts) instead of a full redraw.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { EdgeProgramType, NodeProgramType } from 'sigma/rendering';
import { NodePointProgram } from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from '../render-graph.ts';
import { premultiply } from '../scales.ts';
import type { CameraView, Layout } from '../state.ts';
import { Basemap } from './basemap.ts';
import { EdgeCurvedFlowProgram, FLOW_SHAPE } from './edge-flow-program.ts';
import { type ClusterMode, LABEL_DENSITY, MAP_STYLE_DEFAULTS, type MapStyle } from './style.ts';
import { FlowSnapshot } from './flow-snapshot.ts';
import { FocusOverlay } from './focus-overlay.ts';
import { StrongFlows } from './strong-flows.ts';
import {
  CLUSTER_EXTENT,
  CLUSTER_PREFIX,
  clusteredGraph,
  clusterZoom,
  largestFlows,
  PlaceClusters,
  placesKey,
  type ClusterLevel,
} from './clusters.ts';
import { dodge } from './dodge.ts';
import { pickDisc, type Disc } from './picking.ts';
import { WORLD_BBOX } from './projection.ts';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const FADED_NODE = '#d5d8dc';
const FADED_EDGE = '#9aa3ad18';
/** Above this many flows, edge hover (a second picking pass every frame) is switched off. */
const EDGE_EVENTS_LIMIT = 8000;
/**
 * @sigma/edge-curve shades each flow's whole bounding box (length × curvature × length pixels,
 * growing with the square of the zoom) and solves the distance to the curve in every pixel. Its
 * exact curves are drawn while flows ÷ camera ratio stays under this budget; past it (many
 * flows, or zoomed in) the tessellated program, which shades only the stroke, draws the same curves.
 */
export const EXACT_CURVE_BUDGET = 500;
/**
 * Up to this many places, crowded discs are pushed apart at each zoom (dodge.ts). Beyond it the
 * relaxation and the redraw it needs after every zoom cost more than a frame.
 */
export const DODGE_PLACE_LIMIT = 1500;
/** ... and up to this many flows, since moving a place redraws every flow. */
export const DODGE_FLOW_LIMIT = 20000;
/**
 * Up to this many flows drawn (the report's top-5 figure draws 150), flows go above the discs:
 * the strongest flows are often short regional arcs (Guangzhou → Shenzhen) that discs would
 * hide. More flows above the discs would bury the places, so they stay beneath.
 */
export const FLOWS_ON_TOP_LIMIT = 400;

/**
 * Clustering by zoom (clusters.ts) when set to 'auto': above the dodging limits, where places
 * are too many to push apart one by one. Small analyses keep every place on the map.
 */
export type { ClusterMode } from './style.ts';
/**
 * Most flows drawn at a clustered zoom: the largest, as flowmap.gl's default top flows. Past a
 * few thousand, thin flows add a haze but cost a full software-WebGL redraw at every zoom step.
 */
export const CLUSTERED_FLOW_LIMIT = 1000;
/** Most flows drawn without clustering, by default (the map style's "Most flows drawn" changes both). */
export const PLAIN_FLOW_LIMIT = 3000;

/** Zoom levels either side of the current one whose cluster sums are computed ahead. */
const PRECOMPUTE_REACH = 2;

/** Runs `task` once the page is idle, at least `delay` ms from now; returns a timer id for clearTimeout. */
function whenIdle(task: () => void, delay: number): number {
  return window.setTimeout(
    () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : task()),
    delay,
  );
}

/** Latitude of a Web Mercator y in the map's degree-like units (projection.ts). */
const latitudeOf = (y: number) => ((2 * Math.atan(Math.exp((y * Math.PI) / 180)) - Math.PI / 2) * 180) / Math.PI;

type Frame = { x: [number, number]; y: [number, number] };

export interface FlowMapEvents {
  clickNode(node: string): void;
  clickStage(): void;
  hoverNode(node: string | null, viewport: { x: number; y: number } | null): void;
  hoverEdge(edge: string | null, viewport: { x: number; y: number } | null): void;
  camera(view: CameraView): void;
  /** What is drawn changed: markers (places or clusters) and flows, and flows left out at this zoom. */
  drawn?(info: { markers: number; flows: number; hiddenFlows: number; clustered: boolean }): void;
}

/** Label boxes drawn in the current frame (sigma draws the largest places' labels first). */
let labelBoxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
/**
 * The canvas those boxes are on. The PNG export draws the labels again with a renderer of its
 * own, on another canvas: with the map's boxes still in place every label there collided and
 * none was drawn.
 */
let labelContext: CanvasRenderingContext2D | null = null;

/**
 * Labels with a light halo so they read over land, sea and flows, skipped when they would
 * overlap a label already drawn (sigma's grid keeps one label per cell, but neighbouring cells'
 * labels can still collide, e.g. Boston and New York); hubs get a dark ring.
 */
function drawLabel(
  ctx: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
  settings: Settings<RenderNodeAttributes, RenderEdgeAttributes>,
): void {
  if ((data as { hub?: boolean }).hub) {
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 2.5, 0, Math.PI * 2);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#1f2328';
    ctx.stroke();
  }
  if (!data.label) return;
  if (ctx !== labelContext) {
    labelContext = ctx;
    labelBoxes = [];
  }
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = ctx.measureText(data.label).width;
  // Right of the disc, unless the label (and its 1.5-px halo) would run off the map's right edge: then left of it.
  const right = data.x + data.size + 3;
  const x = right + width + 4 > ctx.canvas.width / ctx.getTransform().a ? data.x - data.size - 3 - width : right;
  const y = data.y + size / 3;
  const box = { x1: x - 2, y1: y - size, x2: x + width + 2, y2: y + 3 };
  const forced = (data as { forceLabel?: boolean }).forceLabel === true;
  if (!forced && labelBoxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) return;
  labelBoxes.push(box);
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineJoin = 'round';
  ctx.strokeText(data.label, x, y);
  ctx.fillStyle = '#1f2328';
  ctx.fillText(data.label, x, y);
}

/** `#rrggbb[aa]` with its alpha multiplied by `k` (capped at opaque). */
function scaleAlpha(color: string, k: number): string {
  const a = color.length === 9 ? parseInt(color.slice(7, 9), 16) / 255 : 1;
  return `${color.slice(0, 7)}${Math.round(Math.min(1, a * k) * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

export class FlowMap {
  readonly sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>;
  readonly basemap: Basemap;
  readonly snapshot: FlowSnapshot;
  private readonly overlay: FocusOverlay;
  /** The largest flows again above the discs (strong-flows.ts). */
  readonly strong: StrongFlows;
  private focus: string | null = null;
  private focusNeighbors = new Set<string>();
  private selected: string | null = null;
  private hovered: string | null = null;
  private hoveredEdge: string | null = null;
  private exactCurves = true;
  /**
   * The place whose flows the flows layer was last drawn emphasising (null: none). Snapshots can
   * turn on while a place is emphasised (a slow frame); unemphasising then must redraw the flows,
   * or the old highlight stays (Reset from the network view left it).
   */
  private flowsEmphasis: string | null = null;
  /** Each drawn place's own graph position: the drawn one may be pushed aside at this zoom (dodge.ts). */
  private own = new Map<string, { x: number; y: number }>();
  private layout: Layout = 'map';
  /** Camera ratio the displacement was computed for (null: not yet, or no longer valid). */
  private dodgedRatio: number | null = null;
  /** The places' render graph; what sigma draws is this or its clusters at the current zoom. */
  private places: RenderGraph = new Graph({ type: 'directed' });
  private clusters: PlaceClusters | null = null;
  private clustersKey = '';
  private level: ClusterLevel | null = null;
  /**
   * Each visited zoom's clustered graph, as built (sigma gets a copy: dodging moves its markers).
   * Zooming back to a zoom seen before then costs a copy, not a new sum over every flow.
   */
  private levelGraphs = new Map<number, { graph: RenderGraph; hiddenFlows: number }>();
  private levelTimer = 0;
  private precomputeTimer = 0;
  clusterMode: ClusterMode = 'auto';
  private style: MapStyle = { ...MAP_STYLE_DEFAULTS };
  /** Flows of the current zoom not drawn (past CLUSTERED_FLOW_LIMIT). */
  hiddenFlows = 0;
  /** Milliseconds of the last clustering (supercluster's index) and the last aggregation of flows, for the benchmark. */
  readonly timings = { clusterMs: 0, aggregateMs: 0 };

  /** Creates the map empty; `setGraph` draws the first graph (one processing pass, not two). */
  constructor(
    container: HTMLElement,
    private readonly events: FlowMapEvents,
  ) {
    const empty: RenderGraph = new Graph({ type: 'directed' });
    this.sigma = new Sigma<RenderNodeAttributes, RenderEdgeAttributes>(empty, container, {
      defaultEdgeType: 'curvedArrow',
      edgeProgramClasses: {
        curvedArrow: EdgeCurvedArrowProgram as unknown as EdgeProgramType<RenderNodeAttributes, RenderEdgeAttributes>,
        curvedFlow: EdgeCurvedFlowProgram as unknown as EdgeProgramType<RenderNodeAttributes, RenderEdgeAttributes>,
      },
      // Discs as GL points (one vertex each) rather than sigma's default instanced quads: the
      // same picture, and far cheaper with software WebGL, where each instance has a fixed cost
      // (5,000 places: ~300 ms → ~20 ms a frame while panning, measured in bench/viewer).
      nodeProgramClasses: { circle: NodePointProgram as unknown as NodeProgramType<RenderNodeAttributes, RenderEdgeAttributes> },
      zIndex: true,
      renderEdgeLabels: false,
      // Sigma makes the flows' picking layer only when edge events are on at construction, and
      // never later: constructed off, flow hover never worked. Above EDGE_EVENTS_LIMIT flows the
      // picking pass is suspended instead (setEdgePicking).
      enableEdgeEvents: true,
      labelFont: FONT,
      labelSize: 12,
      labelWeight: '600',
      labelDensity: 0.5,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: 7,
      minEdgeThickness: 0.8,
      defaultDrawNodeLabel: drawLabel,
      // Places and flows keep their pixel size when zooming: zooming in separates neighbours.
      zoomToSizeRatioFunction: () => 1,
      minCameraRatio: 0.01,
      maxCameraRatio: 2,
      stagePadding: 16,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    const plain = this.sigma as unknown as Sigma;
    this.basemap = new Basemap(plain);
    this.snapshot = new FlowSnapshot(plain, () => this.isMoving());
    this.overlay = new FocusOverlay(this.sigma);
    this.strong = new StrongFlows(this.sigma);
    this.sigma.on('beforeRender', () => (labelBoxes = []));
    this.sigma.on('afterRender', () => {
      this.strong.draw(this.focus);
      if (this.snapshot.active && (this.focus !== null || this.hoveredEdge !== null)) this.overlay.draw(this.focus, this.hoveredEdge);
      else this.overlay.clear();
      this.dodgeIfZoomed();
      this.reclusterIfZoomed();
    });

    // Sigma's own picking returns the topmost disc, which is the smallest where discs overlap
    // (picking.ts): every hover and click goes through this geometric pick instead.
    (this.sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition = (p) => this.placeAt(p);
    this.sigma.on('clickNode', ({ node }) =>
      node.startsWith(CLUSTER_PREFIX) ? void this.expandCluster(node) : this.events.clickNode(node),
    );
    this.sigma.on('clickStage', () => this.events.clickStage());
    this.sigma.on('enterNode', ({ node }) => {
      // Passing over places while panning must not re-emphasise.
      if (this.sigma.getMouseCaptor().isMouseDown || this.isMoving()) return;
      this.hovered = node;
      this.updateFocus();
      this.events.hoverNode(node, this.nodeViewport(node));
    });
    this.sigma.on('leaveNode', () => {
      if (this.hovered === null) return;
      this.hovered = null;
      this.updateFocus();
      this.events.hoverNode(null, null);
    });
    this.sigma.on('enterEdge', ({ edge, event }) => {
      this.hoveredEdge = edge;
      this.repaintEdges([edge]);
      this.events.hoverEdge(edge, { x: event.x, y: event.y });
    });
    this.sigma.on('leaveEdge', ({ edge }) => {
      this.hoveredEdge = null;
      this.repaintEdges([edge]);
      this.events.hoverEdge(null, null);
    });
    this.sigma.getCamera().on('updated', (s) => {
      if (this.updateCurveProgram()) this.sigma.scheduleRefresh();
      this.events.camera({ x: s.x, y: s.y, ratio: s.ratio });
    });
  }

  /**
   * Sets what the camera frames: on the map `frame` (the places' extent; the world when null),
   * in the network view the layout's own extent; then moves the camera to `camera` (a link's
   * view) or to the whole frame.
   */
  reframe(layout: Layout, frame: Frame | null, camera: CameraView | null): void {
    this.layout = layout;
    this.dodgedRatio = null;
    this.sigma.setCustomBBox(layout === 'map' ? (frame ?? WORLD_BBOX) : null);
    this.sigma.getCamera().setState(camera ? { ...camera, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.basemap.setVisible(layout === 'map');
  }

  /**
   * Replaces the places' graph: drawn as it is, or clustered at the current zoom when the
   * cluster mode says so (hover and selection emphasis carry over when their place is still drawn).
   */
  setGraph(graph: RenderGraph): void {
    this.places = graph;
    this.levelGraphs = new Map();
    const on =
      this.layout === 'map' &&
      (this.clusterMode === 'on' || (this.clusterMode === 'auto' && (graph.order > DODGE_PLACE_LIMIT || graph.size > DODGE_FLOW_LIMIT)));
    if (on) {
      // The clustering is kept while the places and their sizes stay (a filter change keeps them).
      const places = graph.mapNodes((id, a) => ({ id, lon: a.x, lat: latitudeOf(a.y), value: a.value ?? 0 }));
      const key = placesKey(places);
      if (!this.clusters || this.clustersKey !== key) {
        const t0 = performance.now();
        this.clusters = new PlaceClusters(places);
        this.timings.clusterMs = performance.now() - t0;
      }
      this.clustersKey = key;
    } else this.clusters = null;
    this.level = null;
    this.show(this.drawable());
  }

  /** Applies the map style (style.ts): a redraw, and a new clustering only when its mode changes. */
  setStyle(style: MapStyle): void {
    this.strong.count = style.top;
    this.strong.width = style.width;
    this.strong.opacity = style.opacity;
    this.strong.taper = style.flows === 'taper';
    FLOW_SHAPE.taper = style.flows === 'taper';
    this.basemap.showLabels = style.countries;
    this.sigma.setSetting('renderLabels', style.labels !== 'none');
    this.sigma.setSetting('labelDensity', LABEL_DENSITY[style.labels]);
    const most = style.most !== this.style.most;
    this.style = style;
    if (style.cluster !== this.clusterMode || most) {
      this.clusterMode = style.cluster;
      this.setGraph(this.places);
    } else this.sigma.refresh({ skipIndexation: true });
    this.basemap.draw();
  }

  /** Whether places are clustered now, and the markers of the current zoom (null when not). */
  clusterLevel(): ClusterLevel | null {
    return this.clusters ? this.level : null;
  }

  /** The supercluster zoom of the current camera: from how wide the whole world is drawn. */
  private cameraClusterZoom(): number {
    const west = this.sigma.graphToViewport({ x: -180, y: 0 });
    const east = this.sigma.graphToViewport({ x: 180, y: 0 });
    return clusterZoom(Math.abs(east.x - west.x));
  }

  /** The graph sigma should draw for the current zoom. */
  private drawable(): RenderGraph {
    this.hiddenFlows = 0;
    const most = this.style.most < 0 ? Infinity : this.style.most;
    if (!this.clusters) {
      const { graph, hiddenFlows } = largestFlows(this.places, this.layout === 'map' ? most || PLAIN_FLOW_LIMIT : Infinity);
      this.hiddenFlows = hiddenFlows;
      return graph;
    }
    const t0 = performance.now();
    this.level = this.clusters.level(this.cameraClusterZoom());
    let built = this.levelGraphs.get(this.level.zoom);
    if (!built) {
      built = clusteredGraph(this.places, this.level, most || CLUSTERED_FLOW_LIMIT);
      this.levelGraphs.set(this.level.zoom, built);
    }
    this.hiddenFlows = built.hiddenFlows;
    const graph = built.graph.copy() as RenderGraph;
    this.timings.aggregateMs = performance.now() - t0;
    return graph;
  }

  /** Once the camera rests at another cluster zoom, draws that zoom's clusters (outside sigma's render). */
  private reclusterIfZoomed(): void {
    if (!this.clusters || this.isMoving() || this.level === null) return;
    if (this.cameraClusterZoom() === this.level.zoom) return;
    clearTimeout(this.levelTimer);
    this.levelTimer = window.setTimeout(() => {
      if (this.clusters && !this.isMoving() && this.level && this.cameraClusterZoom() !== this.level.zoom) this.show(this.drawable());
    }, 0);
  }

  /**
   * Sums the flows of the other zoom levels the camera can reach, one level per task while the
   * camera rests, nearest zoom first: a zoom then finds its clusters ready and only redraws.
   */
  private precomputeLevels(): void {
    clearTimeout(this.precomputeTimer);
    const clusters = this.clusters;
    const places = this.places;
    if (!clusters || this.level === null) return;
    const west = this.sigma.graphToViewport({ x: -180, y: 0 });
    const east = this.sigma.graphToViewport({ x: 180, y: 0 });
    const reach = Math.abs(east.x - west.x) * this.sigma.getCamera().ratio;
    const lowest = clusterZoom(reach / (this.sigma.getSetting('maxCameraRatio') ?? 1));
    const highest = clusterZoom(reach / (this.sigma.getSetting('minCameraRatio') ?? 1));
    const here = this.level.zoom;
    // The levels a wheel gesture reaches from here (two either way); farther ones when visited.
    const zooms: number[] = [];
    for (let z = Math.max(lowest, here - PRECOMPUTE_REACH); z <= Math.min(highest, here + PRECOMPUTE_REACH); z++) zooms.push(z);
    zooms.sort((a, b) => Math.abs(a - here) - Math.abs(b - here) || a - b);
    const most = this.style.most < 0 ? Infinity : this.style.most;
    const step = () => {
      if (this.clusters !== clusters || this.places !== places) return;
      if (this.isMoving()) {
        this.precomputeTimer = window.setTimeout(step, 200);
        return;
      }
      const zoom = zooms.find((z) => !this.levelGraphs.has(z));
      if (zoom === undefined) return;
      // Two tasks a level: the markers (supercluster), then the sums.
      if (!clusters.hasLevel(zoom)) clusters.level(zoom);
      else this.levelGraphs.set(zoom, clusteredGraph(places, clusters.level(zoom), most || CLUSTERED_FLOW_LIMIT));
      this.precomputeTimer = whenIdle(step, 16);
    };
    // Not before the new graph is drawn and the page has answered what changed it.
    this.precomputeTimer = whenIdle(step, 1000);
  }

  /** Zooms onto a cluster until it splits. */
  private async expandCluster(marker: string): Promise<void> {
    const clusterId = Number(marker.slice(marker.lastIndexOf(':') + 1));
    const d = this.sigma.getNodeDisplayData(marker);
    if (!this.clusters || !d) return;
    const zoom = this.clusters.expansionZoom(clusterId);
    const west = this.sigma.graphToViewport({ x: -180, y: 0 });
    const east = this.sigma.graphToViewport({ x: 180, y: 0 });
    const camera = this.sigma.getCamera();
    // The camera ratio scales the drawn world inversely: aim a little past the split zoom.
    const ratio = (camera.ratio * Math.abs(east.x - west.x)) / (CLUSTER_EXTENT * 2 ** zoom * 1.05);
    await camera.animate(
      { x: d.x, y: d.y, ratio: Math.max(this.sigma.getSetting('minCameraRatio') ?? 0, Math.min(camera.ratio, ratio)) },
      { duration: 400 },
    );
  }

  private show(graph: RenderGraph): void {
    const container = this.sigma.getContainer();
    container.dataset['drawnNodes'] = String(graph.order);
    container.dataset['drawnEdges'] = String(graph.size);
    container.dataset['clusterZoom'] = this.clusters && this.level ? String(this.level.zoom) : '';
    this.events.drawn?.({ markers: graph.order, flows: graph.size, hiddenFlows: this.hiddenFlows, clustered: this.clusters !== null });
    if (this.hovered && !graph.hasNode(this.hovered)) this.hovered = null;
    this.focus = this.hovered ?? (this.selected !== null && graph.hasNode(this.selected) ? this.selected : null);
    this.focusNeighbors = new Set(this.focus ? graph.neighbors(this.focus) : []);
    this.hoveredEdge = null;
    this.own = new Map();
    this.dodgedRatio = null;
    this.overlay.clear();
    this.setEdgePicking(graph.size <= EDGE_EVENTS_LIMIT);
    this.sigma.setSettings({ enableEdgeEvents: graph.size <= EDGE_EVENTS_LIMIT, ...this.snapshot.settingsFor(graph.size) });
    this.sigma.getContainer().classList.toggle('flows-on-top', graph.size <= FLOWS_ON_TOP_LIMIT);
    this.updateCurveProgram(graph);
    this.flowsEmphasis = this.snapshot.active ? null : this.focus;
    this.sigma.setGraph(graph);
    this.precomputeLevels();
  }

  /**
   * Turns the flows' picking pass on or off. Sigma draws every flow a second time into its
   * picking buffer at each frame whenever the buffer exists, whatever `enableEdgeEvents` says;
   * on tens of thousands of flows with software WebGL that doubles each redraw, so past the
   * limit each edge program's picking program is set aside (sigma skips the pass when it is null).
   */
  private setEdgePicking(on: boolean): void {
    const programs = (this.sigma as unknown as { edgePrograms: Record<string, { pickProgram: unknown; shelvedPickProgram?: unknown }> })
      .edgePrograms;
    for (const program of Object.values(programs)) {
      if (on && program.pickProgram === null && program.shelvedPickProgram) {
        program.pickProgram = program.shelvedPickProgram;
        program.shelvedPickProgram = undefined;
      } else if (!on && program.pickProgram) {
        program.shelvedPickProgram = program.pickProgram;
        program.pickProgram = null;
      }
    }
  }

  setSelected(node: string | null): void {
    this.selected = node;
    this.updateFocus();
  }

  /** True while sigma treats the camera as moving (the test its render uses for hideEdgesOnMove). */
  private isMoving(): boolean {
    const mouse = this.sigma.getMouseCaptor();
    return this.sigma.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
  }

  /** Chooses exact or tessellated curves for the flow count and zoom; true when the choice changed. */
  private updateCurveProgram(graph: RenderGraph = this.sigma.getGraph()): boolean {
    const exact = graph.size / this.sigma.getCamera().ratio <= EXACT_CURVE_BUDGET;
    if (exact === this.exactCurves) return false;
    this.exactCurves = exact;
    return true;
  }

  /**
   * Re-applies the reducers to some places and draws the places without drawing the flows again
   * (sigma skips flows while it believes the camera moves; the snapshot stands in for them).
   */
  private repaintPlacesOnly(nodes: string[]): void {
    const graph = this.sigma.getGraph();
    const mouse = this.sigma.getMouseCaptor();
    const was = mouse.isMoving;
    mouse.isMoving = true;
    try {
      this.sigma.refresh({ partialGraph: { nodes: nodes.filter((n) => graph.hasNode(n)) }, skipIndexation: true });
    } finally {
      mouse.isMoving = was;
    }
  }

  private repaintEdges(edges: string[]): void {
    if (this.snapshot.active) this.overlay.draw(this.focus, this.hoveredEdge);
    else this.sigma.refresh({ partialGraph: { edges }, skipIndexation: true });
  }

  private updateFocus(force = false): void {
    const graph = this.sigma.getGraph();
    const next = this.hovered ?? this.selected;
    const focus = next !== null && graph.hasNode(next) ? next : null;
    if (focus === this.focus && !force) return;
    const previous = this.focus;
    this.focus = focus;
    this.focusNeighbors = new Set(focus ? graph.neighbors(focus) : []);
    if (this.snapshot.active && this.flowsEmphasis !== null) {
      // The flows layer still shows an emphasis drawn before snapshots turned on: draw it plain.
      this.flowsEmphasis = null;
      this.sigma.refresh({ skipIndexation: true });
      if (focus === null && this.hoveredEdge === null) this.overlay.clear();
      else this.overlay.draw(focus, this.hoveredEdge);
    } else if (this.snapshot.active) {
      // Only the focused place changes look (ring and label); its flows go on the overlay.
      this.repaintPlacesOnly([previous, focus].filter((n): n is string => n !== null));
      if (focus === null && this.hoveredEdge === null) this.overlay.clear();
      else this.overlay.draw(focus, this.hoveredEdge);
    } else {
      this.overlay.clear();
      this.flowsEmphasis = focus;
      this.sigma.refresh({ skipIndexation: true });
    }
  }

  /**
   * Once the camera rests at a new zoom on the map, pushes crowded discs apart (dodge.ts) by
   * moving them in the drawn graph (sigma takes positions from the graph, not from reducers);
   * their own positions are kept to start from at the next zoom.
   */
  private dodgeIfZoomed(): void {
    const ratio = this.sigma.getCamera().ratio;
    if (this.dodgedRatio !== null && Math.abs(ratio / this.dodgedRatio - 1) < 0.01) return;
    if (this.isMoving()) return;
    const graph = this.sigma.getGraph();
    this.dodgedRatio = ratio;
    if (this.layout !== 'map' || graph.order > DODGE_PLACE_LIMIT || graph.size > DODGE_FLOW_LIMIT) return;
    const nodes: string[] = [];
    const discs: { x: number; y: number; radius: number }[] = [];
    graph.forEachNode((node, a) => {
      if (!this.own.has(node)) this.own.set(node, { x: a.x, y: a.y });
      nodes.push(node);
      discs.push({ ...this.sigma.graphToViewport(this.own.get(node)!), radius: this.sigma.scaleSize(a.size) });
    });
    const at = dodge(discs);
    nodes.forEach((node, i) => {
      const moved = Math.hypot(at[i]!.x - discs[i]!.x, at[i]!.y - discs[i]!.y) > 0.25;
      const target = moved ? this.sigma.viewportToGraph(at[i]!) : this.own.get(node)!;
      const a = graph.getNodeAttributes(node);
      if (a.x !== target.x || a.y !== target.y) graph.mergeNodeAttributes(node, { x: target.x, y: target.y });
    });
  }

  private reduceNode(node: string, data: RenderNodeAttributes): Partial<NodeDisplayData> {
    if (this.focus === null) return data;
    if (node === this.focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 1e9 };
    // With snapshots the other places keep their look: fading them would redraw thousands.
    if (this.snapshot.active) return data;
    if (this.focusNeighbors.has(node)) return { ...data, zIndex: 1e8 + data.zIndex };
    return { ...data, color: FADED_NODE, label: '', hub: false, forceLabel: false, zIndex: data.zIndex - 1e6 } as Partial<NodeDisplayData>;
  }

  private reduceEdge(edge: string, edgeData: RenderEdgeAttributes): Partial<RenderEdgeAttributes & { hidden: boolean }> {
    // With snapshots, emphasis is drawn on the overlay: the flows layer stays as it is.
    const data = this.snapshot.active ? { ...edgeData } : this.emphasise(edge, edgeData);
    // Tapered flows have only the tessellated program.
    if (!this.exactCurves || this.style.flows === 'taper') data.type = 'curvedFlow';
    if (this.style.width !== 1) data.size *= this.style.width;
    if (this.style.opacity !== 1) data.color = scaleAlpha(data.color, this.style.opacity);
    data.color = premultiply(data.color);
    return data;
  }

  private emphasise(edge: string, data: RenderEdgeAttributes): RenderEdgeAttributes {
    if (edge === this.hoveredEdge) return { ...data, color: data.color.slice(0, 7), zIndex: 1e12 };
    if (this.focus === null) return { ...data };
    const graph = this.sigma.getGraph();
    if (graph.source(edge) === this.focus || graph.target(edge) === this.focus) {
      return { ...data, color: `${data.color.slice(0, 7)}e6`, zIndex: 1e10 + data.zIndex };
    }
    return { ...data, color: FADED_EDGE };
  }

  /** The place whose drawn disc is under `point` (viewport px), the nearest centre winning (picking.ts). */
  placeAt(point: { x: number; y: number }): string | null {
    const discs: Disc[] = [];
    this.sigma.getGraph().forEachNode((node) => {
      const d = this.sigma.getNodeDisplayData(node);
      if (!d || d.hidden) return;
      const at = this.sigma.framedGraphToViewport(d);
      discs.push({ id: node, x: at.x, y: at.y, radius: this.sigma.scaleSize(d.size) });
    });
    return pickDisc(point, discs);
  }

  /** Viewport (CSS px in the container) of a drawn node, as of the last frame, or null. */
  nodeViewport(node: string): { x: number; y: number } | null {
    const d = this.sigma.getNodeDisplayData(node);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }

  setCamera(view: CameraView | null): void {
    this.sigma.getCamera().setState(view ? { ...view, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /** Animates the camera onto a place, zoomed in so it stands apart from its neighbours. */
  async zoomTo(node: string, ratio = 0.15): Promise<void> {
    const d = this.sigma.getNodeDisplayData(node);
    if (!d) return;
    // Aim at the place's own position: where it is drawn now may be pushed aside for this zoom (dodge.ts).
    const own = this.own.get(node);
    const at = own ? this.sigma.viewportToFramedGraph(this.sigma.graphToViewport(own)) : d;
    await this.sigma.getCamera().animate({ x: at.x, y: at.y, ratio: Math.min(ratio, this.sigma.getCamera().ratio) }, { duration: 500 });
  }

  /** Flows currently drawn: [source, target, weight] (for exports and tests). */
  drawnFlows(): [string, string, number][] {
    return this.sigma.getGraph().mapEdges((_e, a, s, t) => [s, t, a.weight] as [string, string, number]);
  }

  kill(): void {
    this.basemap.kill();
    this.sigma.kill();
  }
}

/**
 * The map: sigma (WebGL) drawing the render graph over the basemap, with curved arrows for
 * flows. Hover, selection and search emphasis go through sigma reducers, so changing them never
 * rebuilds the graph; the camera is reported back for the URL.
 *
 * When drawing every flow is slow (measured: see flow-snapshot.ts), flows follow the camera as a
 * snapshot while it moves, and emphasis redraws only the places, with the emphasised flows on
 * a 2D overlay (focus-overlay.ts) instead of a full redraw. What is drawn at each zoom (places or
 * their clusters, and the largest flows) comes from zoom-levels.ts; the renderer's set-up from map-sigma.ts.
 */
import type Sigma from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import { createNormalizationFunction } from 'sigma/utils';
import type { RenderEdgeAttributes, RenderGraph, RenderMap, RenderNodeAttributes } from '../render-graph.ts';
import { premultiply, scaleAlpha } from '../scales.ts';
import type { CameraView, Layout } from '../state.ts';
import { Basemap } from './basemap.ts';
import { FLOW_SHAPE } from './edge-flow-program.ts';
import { createMapSigma, type MapSigma, showLayers } from './map-sigma.ts';
import { type ClusterMode, LABEL_DENSITY, MAP_STYLE_DEFAULTS, type MapStyle } from './style.ts';
import { clearLabelBoxes } from './place-labels.ts';
import { DODGE_FLOW_LIMIT, DODGE_PLACE_LIMIT, EDGE_EVENTS_LIMIT, EXACT_CURVE_BUDGET, FLOWS_ON_TOP_LIMIT } from './draw-limits.ts';
import { ZoomLevels } from './zoom-levels.ts';
import { FlowSnapshot } from './flow-snapshot.ts';
import { curveControl, FocusOverlay } from './focus-overlay.ts';
import { StrongFlows } from './strong-flows.ts';
import { CLUSTER_PREFIX, type ClusterLevel } from './clusters.ts';
import { dodge } from './dodge.ts';
import { type Curve, pickCurve, placeUnder } from './picking.ts';
import { WORLD_BBOX } from './projection.ts';

const FADED_NODE = '#d5d8dc';
const FADED_EDGE = '#9aa3ad18';

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

export class FlowMap {
  readonly sigma: MapSigma;
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
  /** Clustering by zoom: the markers and summed flows of each zoom (zoom-levels.ts). */
  private readonly zoom: ZoomLevels;
  clusterMode: ClusterMode = 'auto';
  private style: MapStyle = { ...MAP_STYLE_DEFAULTS };
  /** Flows of the current zoom not drawn (past the most drawn). */
  get hiddenFlows(): number {
    return this.zoom.hiddenFlows;
  }

  /** Creates the map empty; `setGraph` draws the first graph (one processing pass, not two). */
  constructor(
    container: HTMLElement,
    private readonly events: FlowMapEvents,
  ) {
    this.sigma = createMapSigma(container, {
      node: (node, data) => this.reduceNode(node, data),
      edge: (edge, data) => this.reduceEdge(edge, data),
    });
    const plain = this.sigma as unknown as Sigma;
    this.basemap = new Basemap(plain);
    this.snapshot = new FlowSnapshot(plain, () => this.isMoving());
    this.overlay = new FocusOverlay(this.sigma);
    this.strong = new StrongFlows(this.sigma);
    this.zoom = new ZoomLevels({
      sigma: this.sigma,
      isMoving: () => this.isMoving(),
      show: (graph) => this.show(graph),
      drawing: () => ({ layout: this.layout, most: this.style.most }),
    });
    this.sigma.on('beforeRender', clearLabelBoxes);
    this.sigma.on('afterRender', () => {
      this.strong.draw(this.focus);
      if (this.snapshot.active && (this.focus !== null || this.hoveredEdge !== null)) this.overlay.draw(this.focus, this.hoveredEdge);
      else this.overlay.clear();
      this.dodgeIfZoomed();
      this.zoom.reclusterIfZoomed();
    });

    // Sigma's own picking returns the topmost disc, which is the smallest where discs overlap
    // (picking.ts): every hover and click goes through this geometric pick instead.
    (this.sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition = (p) => this.placeAt(p);
    // Flows too: sigma has no picking pass for them (map-sigma.ts).
    (this.sigma as unknown as { getEdgeAtPoint(x: number, y: number): string | null }).getEdgeAtPoint = (x, y) => this.flowAt({ x, y });
    this.sigma.on('clickNode', ({ node }) =>
      node.startsWith(CLUSTER_PREFIX) ? void this.zoom.expandCluster(node) : this.events.clickNode(node),
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
    const bbox = layout === 'map' ? (frame ?? WORLD_BBOX) : null;
    this.sigma.setCustomBBox(bbox);
    // Sigma maps graph to screen with the frame only from its next drawing on, but the zoom's
    // clusters are chosen from that mapping before it (zoom-levels.ts): with the old one the
    // first drawing showed another zoom's clusters and every flow was drawn a second time.
    if (bbox) (this.sigma as unknown as { normalizationFunction: unknown }).normalizationFunction = createNormalizationFunction(bbox);
    this.sigma.getCamera().setState(camera ? { ...camera, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.basemap.setVisible(layout === 'map');
  }

  /**
   * Replaces the places and flows: drawn as they are, or clustered at the current zoom when the
   * cluster mode says so (hover and selection emphasis carry over when their place is still drawn).
   */
  setGraph(render: RenderMap): void {
    // The zoom's clusters depend on the map's size: take it now, not at the drawing.
    this.sigma.resize();
    const clustered =
      this.layout === 'map' &&
      (this.clusterMode === 'on' ||
        (this.clusterMode === 'auto' && (render.places.order > DODGE_PLACE_LIMIT || render.flows.length > DODGE_FLOW_LIMIT)));
    this.zoom.setPlaces(render, clustered);
    this.show(this.zoom.drawable());
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
      if (this.zoom.render) this.setGraph(this.zoom.render);
    } else this.sigma.refresh({ skipIndexation: true });
    this.basemap.draw();
  }

  /** Whether places are clustered now, and the markers of the current zoom (null when not). */
  clusterLevel(): ClusterLevel | null {
    return this.zoom.clusterLevel();
  }

  private show(graph: RenderGraph): void {
    const container = this.sigma.getContainer();
    container.dataset['drawnNodes'] = String(graph.order);
    container.dataset['drawnEdges'] = String(graph.size);
    container.dataset['clusterZoom'] = String(this.zoom.clusterLevel()?.zoom ?? '');
    this.events.drawn?.({ markers: graph.order, flows: graph.size, hiddenFlows: this.hiddenFlows, clustered: this.zoom.clustered });
    if (this.hovered && !graph.hasNode(this.hovered)) this.hovered = null;
    this.focus = this.hovered ?? (this.selected !== null && graph.hasNode(this.selected) ? this.selected : null);
    this.focusNeighbors = new Set(this.focus ? graph.neighbors(this.focus) : []);
    this.showEmphasisLayers();
    this.hoveredEdge = null;
    this.own = new Map();
    this.dodgedRatio = null;
    this.overlay.clear();
    const settings = { enableEdgeEvents: graph.size <= EDGE_EVENTS_LIMIT, ...this.snapshot.settingsFor(graph.size) };
    // setSettings processes the graph sigma holds, the old one, again (22 ms at 1,000 flows):
    // only when a setting changes.
    if (Object.entries(settings).some(([key, value]) => this.sigma.getSetting(key as keyof typeof settings) !== value))
      this.sigma.setSettings(settings);
    this.sigma.getContainer().classList.toggle('flows-on-top', graph.size <= FLOWS_ON_TOP_LIMIT);
    this.updateCurveProgram(graph);
    this.flowsEmphasis = this.snapshot.active ? null : this.focus;
    // Crowded discs are pushed apart before the first drawing: after it, moving them drew every flow again.
    this.dodgeIfZoomed(graph);
    this.sigma.setGraph(graph);
    this.zoom.precompute();
  }

  setSelected(node: string | null): void {
    this.selected = node;
    this.updateFocus();
  }

  /**
   * Sigma's hover layers (the emphasised place's disc and label) are shown only while a place is
   * emphasised: sigma clears them at every frame, and without a GPU each layer a frame changed is
   * read back when the frame is shown (two layers: 40–70 ms of each first drawing, measured).
   */
  private showEmphasisLayers(): void {
    showLayers(this.sigma, ['hovers', 'hoverNodes'], this.focus !== null);
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
    this.showEmphasisLayers();
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
  private dodgeIfZoomed(graph: RenderGraph = this.sigma.getGraph()): void {
    const ratio = this.sigma.getCamera().ratio;
    if (this.dodgedRatio !== null && Math.abs(ratio / this.dodgedRatio - 1) < 0.01) return;
    if (this.isMoving()) return;
    this.dodgedRatio = ratio;
    if (this.layout !== 'map' || graph.order > DODGE_PLACE_LIMIT || graph.size > DODGE_FLOW_LIMIT) return;
    const nodes: string[] = [];
    const discs: { x: number; y: number; radius: number }[] = [];
    // The current camera and size, not sigma's last drawing's: a new graph is dodged before it is drawn.
    const now = {
      cameraState: this.sigma.getCamera().getState(),
      viewportDimensions: this.sigma.getDimensions(),
      graphDimensions: this.sigma.getGraphDimensions(),
    };
    graph.forEachNode((node, a) => {
      if (!this.own.has(node)) this.own.set(node, { x: a.x, y: a.y });
      nodes.push(node);
      discs.push({ ...this.sigma.graphToViewport(this.own.get(node)!, now), radius: this.sigma.scaleSize(a.size) });
    });
    const at = dodge(discs);
    nodes.forEach((node, i) => {
      const moved = Math.hypot(at[i]!.x - discs[i]!.x, at[i]!.y - discs[i]!.y) > 0.25;
      const target = moved ? this.sigma.viewportToGraph(at[i]!, now) : this.own.get(node)!;
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
    return placeUnder(this.sigma, point);
  }

  /**
   * The flow drawn under `point` (viewport px): the strongest flows' layer first (it is drawn
   * over everything), then the WebGL flows by their drawing order (picking.ts). Null when flow
   * hover is off (past EDGE_EVENTS_LIMIT flows).
   */
  flowAt(point: { x: number; y: number }): string | null {
    if (!this.sigma.getSetting('enableEdgeEvents')) return null;
    const graph = this.sigma.getGraph();
    const viewport = new Map<string, { x: number; y: number } | null>();
    const at = (node: string) => {
      let p = viewport.get(node);
      if (p === undefined) {
        const d = this.sigma.getNodeDisplayData(node);
        p = d && !d.hidden ? this.sigma.framedGraphToViewport(d) : null;
        viewport.set(node, p);
      }
      return p;
    };
    const minThickness = this.sigma.getSetting('minEdgeThickness');
    const curves: Curve[] = [];
    // What that layer draws now, above every WebGL flow and in its own drawing order.
    const onTop = this.strong.drawn(this.focus);
    onTop.forEach(({ edge, curve, thickness }, order) => curves.push({ id: edge, ...curve, thickness, z: 2e12 + order }));
    const shown = new Set(onTop.map((d) => d.edge));
    graph.forEachEdge((edge, a, source, target) => {
      if (shown.has(edge)) return;
      const d = this.sigma.getEdgeDisplayData(edge);
      const s = at(source);
      const t = at(target);
      if (!d || d.hidden || !s || !t) return;
      const thickness = Math.max(minThickness, this.sigma.scaleSize(d.size));
      curves.push({ id: edge, s, t, c: curveControl(s, t, a.curvature), thickness, z: d.zIndex ?? 0 });
    });
    return pickCurve(point, curves);
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

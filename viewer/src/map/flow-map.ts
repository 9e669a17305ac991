/**
 * The map: sigma (WebGL) drawing the render graph over the basemap, with curved arrows for
 * flows. Hover, selection and search emphasis go through sigma reducers, so changing them never
 * rebuilds the graph; the camera is reported back for the URL.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { EdgeProgramType } from 'sigma/rendering';
import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from '../render-graph.ts';
import type { CameraView, Layout } from '../state.ts';
import { Basemap, graphToViewportTransform } from './basemap.ts';
import { EdgeCurvedFlowProgram } from './edge-flow-program.ts';
import { WORLD_BBOX } from './projection.ts';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const FADED_NODE = '#d5d8dc';
const FADED_EDGE = '#9aa3ad18';
/** Above this many flows, edge hover (a second picking pass every frame) is switched off. */
const EDGE_EVENTS_LIMIT = 8000;
/**
 * Above this many flows, flows are not redrawn while the camera moves: a snapshot of the last
 * full drawing follows the camera instead (CSS transform), and the flows are redrawn once it
 * stops. Pan and zoom then cost the same at 50,000 flows as at 500.
 */
export const SNAPSHOT_EDGES = 4000;

export interface FlowMapEvents {
  clickNode(node: string): void;
  clickStage(): void;
  hoverNode(node: string | null, viewport: { x: number; y: number } | null): void;
  hoverEdge(edge: string | null, viewport: { x: number; y: number } | null): void;
  camera(view: CameraView): void;
}

/** Labels with a light halo so they read over land, sea and flows. */
function drawLabel(ctx: CanvasRenderingContext2D, data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>, settings: Settings<RenderNodeAttributes, RenderEdgeAttributes>): void {
  if (!data.label) return;
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineJoin = 'round';
  ctx.strokeText(data.label, x, y);
  ctx.fillStyle = '#1f2328';
  ctx.fillText(data.label, x, y);
}

export class FlowMap {
  readonly sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>;
  readonly basemap: Basemap;
  private focus: string | null = null;
  private focusNeighbors = new Set<string>();
  private selected: string | null = null;
  private hovered: string | null = null;
  private hoveredEdge: string | null = null;
  private layout: Layout | null = null;
  private readonly snapshot: HTMLCanvasElement;
  private snapshotTransform: [number, number, number, number, number, number] | null = null;

  /** Creates the map empty; `setGraph` draws the first graph (one processing pass, not two). */
  constructor(container: HTMLElement, private readonly events: FlowMapEvents) {
    const empty: RenderGraph = new Graph({ type: 'directed' });
    this.sigma = new Sigma<RenderNodeAttributes, RenderEdgeAttributes>(empty, container, {
      defaultEdgeType: 'curvedArrow',
      edgeProgramClasses: {
        curvedArrow: EdgeCurvedArrowProgram as unknown as EdgeProgramType<RenderNodeAttributes, RenderEdgeAttributes>,
        curvedFlow: EdgeCurvedFlowProgram as unknown as EdgeProgramType<RenderNodeAttributes, RenderEdgeAttributes>,
      },
      zIndex: true,
      renderEdgeLabels: false,
      enableEdgeEvents: false,
      labelFont: FONT,
      labelSize: 12,
      labelWeight: '600',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      defaultDrawNodeLabel: drawLabel,
      // Places and flows keep their pixel size when zooming: zooming in separates neighbours.
      zoomToSizeRatioFunction: () => 1,
      minCameraRatio: 0.01,
      maxCameraRatio: 2,
      stagePadding: 16,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigma.setCustomBBox(WORLD_BBOX);
    this.basemap = new Basemap(this.sigma as unknown as Sigma);
    this.snapshot = this.sigma.createCanvas('flowSnapshot', { afterLayer: 'edges', style: { pointerEvents: 'none', transformOrigin: '0 0', display: 'none' } });
    this.sigma.on('afterRender', () => this.afterRender());

    this.sigma.on('clickNode', ({ node }) => this.events.clickNode(node));
    this.sigma.on('clickStage', () => this.events.clickStage());
    this.sigma.on('enterNode', ({ node }) => {
      this.hovered = node;
      this.updateFocus();
      this.events.hoverNode(node, this.nodeViewport(node));
    });
    this.sigma.on('leaveNode', () => {
      this.hovered = null;
      this.updateFocus();
      this.events.hoverNode(null, null);
    });
    this.sigma.on('enterEdge', ({ edge, event }) => {
      this.hoveredEdge = edge;
      this.sigma.refresh({ partialGraph: { edges: [edge] }, skipIndexation: true });
      this.events.hoverEdge(edge, { x: event.x, y: event.y });
    });
    this.sigma.on('leaveEdge', ({ edge }) => {
      this.hoveredEdge = null;
      this.sigma.refresh({ partialGraph: { edges: [edge] }, skipIndexation: true });
      this.events.hoverEdge(null, null);
    });
    this.sigma.getCamera().on('updated', (s) => this.events.camera({ x: s.x, y: s.y, ratio: s.ratio }));
  }

  /**
   * Replaces the drawn graph. A layout change reframes: the world box on the map, the layout's
   * own extent in the network view (or `camera` when given, e.g. from a link).
   */
  setGraph(graph: RenderGraph, layout: Layout, camera: CameraView | null = null): void {
    const layoutChanged = layout !== this.layout;
    this.layout = layout;
    if (this.focus && !graph.hasNode(this.focus)) this.focus = null;
    if (this.hovered && !graph.hasNode(this.hovered)) this.hovered = null;
    this.focus = this.hovered ?? (this.selected !== null && graph.hasNode(this.selected) ? this.selected : null);
    this.focusNeighbors = new Set(this.focus ? graph.neighbors(this.focus) : []);
    this.hoveredEdge = null;
    this.sigma.setSettings({
      enableEdgeEvents: graph.size <= EDGE_EVENTS_LIMIT,
      hideEdgesOnMove: graph.size > SNAPSHOT_EDGES,
    });
    if (layoutChanged) {
      this.sigma.setCustomBBox(layout === 'map' ? WORLD_BBOX : null);
      this.sigma.getCamera().setState(camera ? { ...camera, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    this.snapshotTransform = null;
    this.sigma.setGraph(graph);
    this.basemap.setVisible(layout === 'map');
  }

  /** True while sigma treats the camera as moving (the test sigma's render uses for hideEdgesOnMove). */
  private isMoving(): boolean {
    const mouse = this.sigma.getMouseCaptor();
    return this.sigma.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
  }

  /** Keeps the flow snapshot: refreshed after each full drawing, moved with the camera while flows are hidden. */
  private afterRender(): void {
    const style = this.snapshot.style;
    if (!this.sigma.getSetting('hideEdgesOnMove')) {
      style.display = 'none';
      return;
    }
    if (!this.isMoving()) {
      const edges = this.sigma.getCanvases()['edges'];
      if (!edges) return;
      if (this.snapshot.width !== edges.width || this.snapshot.height !== edges.height) {
        this.snapshot.width = edges.width;
        this.snapshot.height = edges.height;
      }
      const ctx = this.snapshot.getContext('2d')!;
      ctx.clearRect(0, 0, this.snapshot.width, this.snapshot.height);
      // Same task as sigma's draw calls, so the WebGL drawing buffer is still readable.
      ctx.drawImage(edges, 0, 0);
      const { width, height } = this.sigma.getDimensions();
      style.width = `${width}px`;
      style.height = `${height}px`;
      this.snapshotTransform = graphToViewportTransform(this.sigma as unknown as Sigma);
      style.display = 'none';
      return;
    }
    if (!this.snapshotTransform) return;
    // Viewport now = T_now ∘ T_snapshot⁻¹ (viewport then): both are affine graph → viewport maps.
    const [a, b, c, d, e, f] = this.snapshotTransform;
    const [A, B, C, D, E, F] = graphToViewportTransform(this.sigma as unknown as Sigma);
    const det = a * d - b * c;
    const ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
    const ie = -(ia * e + ic * f), iff = -(ib * e + id * f);
    const m = [A * ia + C * ib, B * ia + D * ib, A * ic + C * id, B * ic + D * id, A * ie + C * iff + E, B * ie + D * iff + F];
    style.transform = `matrix(${m.map((x) => x.toFixed(6)).join(',')})`;
    style.display = '';
  }

  setSelected(node: string | null): void {
    this.selected = node;
    this.updateFocus();
  }

  private updateFocus(force = false): void {
    const graph = this.sigma.getGraph();
    const next = this.hovered ?? this.selected;
    const focus = next !== null && graph.hasNode(next) ? next : null;
    if (focus === this.focus && !force) return;
    this.focus = focus;
    this.focusNeighbors = new Set(focus ? graph.neighbors(focus) : []);
    this.sigma.refresh({ skipIndexation: true });
  }

  private reduceNode(node: string, data: RenderNodeAttributes): Partial<NodeDisplayData> {
    if (this.focus === null) return data;
    if (node === this.focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 1e9 };
    if (this.focusNeighbors.has(node)) return { ...data, forceLabel: data.size > 6, zIndex: 1e8 + data.zIndex };
    return { ...data, color: FADED_NODE, label: '', zIndex: data.zIndex - 1e6 };
  }

  private reduceEdge(edge: string, data: RenderEdgeAttributes): Partial<RenderEdgeAttributes & { hidden: boolean }> {
    if (edge === this.hoveredEdge) return { ...data, color: data.color.slice(0, 7), zIndex: 1e12 };
    if (this.focus === null) return data;
    const graph = this.sigma.getGraph();
    if (graph.source(edge) === this.focus || graph.target(edge) === this.focus) {
      return { ...data, color: `${data.color.slice(0, 7)}e6`, zIndex: 1e10 + data.zIndex };
    }
    return { ...data, color: FADED_EDGE };
  }

  /** Viewport (CSS px in the container) of a drawn node, or null. */
  nodeViewport(node: string): { x: number; y: number } | null {
    const d = this.sigma.getNodeDisplayData(node);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }

  setCamera(view: CameraView | null): void {
    const camera = this.sigma.getCamera();
    camera.setState(view ? { ...view, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /** Animates the camera onto a place, zoomed in so it stands apart from its neighbours. */
  async zoomTo(node: string, ratio = 0.15): Promise<void> {
    const d = this.sigma.getNodeDisplayData(node);
    if (!d) return;
    await this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(ratio, this.sigma.getCamera().ratio) }, { duration: 500 });
  }

  /** Flows currently drawn: [source, target, weight] (for exports and tests). */
  drawnFlows(): [string, string, number][] {
    const graph = this.sigma.getGraph();
    return graph.mapEdges((_e, a, s, t) => [s, t, a.weight] as [string, string, number]);
  }

  kill(): void {
    this.basemap.kill();
    this.sigma.kill();
  }
}

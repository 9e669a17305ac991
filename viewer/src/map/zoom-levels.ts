/**
 * Clustering by zoom on the map: which markers (places or clusters of places) and which summed
 * flows sigma draws at the camera's current zoom, each visited zoom's graph kept, and the zooms
 * around the current one summed ahead while the page is idle.
 */
import type Sigma from 'sigma';
import type { RenderEdgeAttributes, RenderGraph, RenderMap, RenderNodeAttributes } from '../render-graph.ts';
import type { Layout } from '../state.ts';
import { CLUSTER_EXTENT, clusteredGraph, clusterZoom, largestFlows, PlaceClusters, placesKey, type ClusterLevel } from './clusters.ts';
import { CLUSTERED_FLOW_LIMIT, PLAIN_FLOW_LIMIT, PRECOMPUTE_REACH } from './draw-limits.ts';

/** Runs `task` once the page is idle, at least `delay` ms from now; returns a timer id for clearTimeout. */
export function whenIdle(task: () => void, delay: number): number {
  return window.setTimeout(
    () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : task()),
    delay,
  );
}

/** Latitude of a Web Mercator y in the map's degree-like units (projection.ts). */
const latitudeOf = (y: number) => ((2 * Math.atan(Math.exp((y * Math.PI) / 180)) - Math.PI / 2) * 180) / Math.PI;

/** What the zoom levels need from the map. */
export interface ZoomHost {
  readonly sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>;
  /** True while the camera moves (nothing is summed or redrawn then). */
  isMoving(): boolean;
  /** Draws the graph of a new zoom. */
  show(graph: RenderGraph): void;
  /** The layout drawn and the map style's "most flows drawn" (0 automatic, −1 all). */
  drawing(): { layout: Layout; most: number };
}

export class ZoomLevels {
  /** The places and flows; what sigma draws is these (the largest flows) or their clusters at the current zoom. */
  render: RenderMap | null = null;
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
  /** Flows of the current zoom not drawn (past the most drawn). */
  hiddenFlows = 0;
  /** Milliseconds of the last clustering (supercluster's index) and the last aggregation of flows, for the benchmark. */
  readonly timings = { clusterMs: 0, aggregateMs: 0 };

  constructor(private readonly host: ZoomHost) {}

  /**
   * Replaces the places, clustered by zoom when `clustered`. The clustering is kept while the
   * places and their sizes stay (a filter change keeps them).
   */
  setPlaces(render: RenderMap, clustered: boolean): void {
    this.render = render;
    this.levelGraphs = new Map();
    if (clustered) {
      const places = render.places.mapNodes((id, a) => ({ id, lon: a.x, lat: latitudeOf(a.y), value: a.value ?? 0 }));
      const key = placesKey(places);
      if (!this.clusters || this.clustersKey !== key) {
        const t0 = performance.now();
        this.clusters = new PlaceClusters(places);
        this.timings.clusterMs = performance.now() - t0;
      }
      this.clustersKey = key;
    } else this.clusters = null;
    this.level = null;
  }

  /** True when places are clustered by zoom. */
  get clustered(): boolean {
    return this.clusters !== null;
  }

  /** The markers of the current zoom (null when places are not clustered). */
  clusterLevel(): ClusterLevel | null {
    return this.clusters ? this.level : null;
  }

  /** The supercluster zoom of the current camera: from how wide the whole world is drawn. */
  private cameraClusterZoom(): number {
    const sigma = this.host.sigma;
    // Sigma's own matrix is that of its last drawing: a new frame, size or camera since then
    // would pick another zoom's clusters, replaced right after the drawing.
    const now = {
      cameraState: sigma.getCamera().getState(),
      viewportDimensions: sigma.getDimensions(),
      graphDimensions: sigma.getGraphDimensions(),
    };
    const west = sigma.graphToViewport({ x: -180, y: 0 }, now);
    const east = sigma.graphToViewport({ x: 180, y: 0 }, now);
    return clusterZoom(Math.abs(east.x - west.x));
  }

  /** The "most flows drawn" of the map style as a number (Infinity: all; 0: the default of the mode). */
  private most(): number {
    const most = this.host.drawing().most;
    return most < 0 ? Infinity : most;
  }

  /** The graph sigma should draw for the current zoom. */
  drawable(): RenderGraph {
    const render = this.render;
    if (!render) throw new Error('ZoomLevels.drawable before setPlaces');
    this.hiddenFlows = 0;
    const most = this.most();
    if (!this.clusters) {
      const { graph, hiddenFlows } = largestFlows(render, this.host.drawing().layout === 'map' ? most || PLAIN_FLOW_LIMIT : Infinity);
      this.hiddenFlows = hiddenFlows;
      return graph;
    }
    const t0 = performance.now();
    this.level = this.clusters.level(this.cameraClusterZoom());
    let built = this.levelGraphs.get(this.level.zoom);
    if (!built) {
      built = clusteredGraph(render, this.level, most || CLUSTERED_FLOW_LIMIT);
      this.levelGraphs.set(this.level.zoom, built);
    }
    this.hiddenFlows = built.hiddenFlows;
    const graph = built.graph.copy() as RenderGraph;
    this.timings.aggregateMs = performance.now() - t0;
    return graph;
  }

  /** Once the camera rests at another cluster zoom, draws that zoom's clusters (outside sigma's render). */
  reclusterIfZoomed(): void {
    if (!this.clusters || this.host.isMoving() || this.level === null) return;
    if (this.cameraClusterZoom() === this.level.zoom) return;
    clearTimeout(this.levelTimer);
    this.levelTimer = window.setTimeout(() => {
      if (this.clusters && !this.host.isMoving() && this.level && this.cameraClusterZoom() !== this.level.zoom)
        this.host.show(this.drawable());
    }, 0);
  }

  /**
   * Sums the flows of the other zoom levels the camera can reach, one level per task while the
   * camera rests, nearest zoom first: a zoom then finds its clusters ready and only redraws.
   */
  precompute(): void {
    clearTimeout(this.precomputeTimer);
    const clusters = this.clusters;
    const render = this.render;
    if (!clusters || !render || this.level === null) return;
    const sigma = this.host.sigma;
    const west = sigma.graphToViewport({ x: -180, y: 0 });
    const east = sigma.graphToViewport({ x: 180, y: 0 });
    const reach = Math.abs(east.x - west.x) * sigma.getCamera().ratio;
    const lowest = clusterZoom(reach / (sigma.getSetting('maxCameraRatio') ?? 1));
    const highest = clusterZoom(reach / (sigma.getSetting('minCameraRatio') ?? 1));
    const here = this.level.zoom;
    // The levels a wheel gesture reaches from here (two either way); farther ones when visited.
    const zooms: number[] = [];
    for (let z = Math.max(lowest, here - PRECOMPUTE_REACH); z <= Math.min(highest, here + PRECOMPUTE_REACH); z++) zooms.push(z);
    zooms.sort((a, b) => Math.abs(a - here) - Math.abs(b - here) || a - b);
    const most = this.most();
    const step = () => {
      if (this.clusters !== clusters || this.render !== render) return;
      if (this.host.isMoving()) {
        this.precomputeTimer = window.setTimeout(step, 200);
        return;
      }
      const zoom = zooms.find((z) => !this.levelGraphs.has(z));
      if (zoom === undefined) return;
      // Two tasks a level: the markers (supercluster), then the sums.
      if (!clusters.hasLevel(zoom)) clusters.level(zoom);
      else this.levelGraphs.set(zoom, clusteredGraph(render, clusters.level(zoom), most || CLUSTERED_FLOW_LIMIT));
      this.precomputeTimer = whenIdle(step, 16);
    };
    // Not before the new graph is drawn and the page has answered what changed it.
    this.precomputeTimer = whenIdle(step, 1000);
  }

  /** Zooms onto a cluster until it splits. */
  async expandCluster(marker: string): Promise<void> {
    const sigma = this.host.sigma;
    const clusterId = Number(marker.slice(marker.lastIndexOf(':') + 1));
    const d = sigma.getNodeDisplayData(marker);
    if (!this.clusters || !d) return;
    const zoom = this.clusters.expansionZoom(clusterId);
    const west = sigma.graphToViewport({ x: -180, y: 0 });
    const east = sigma.graphToViewport({ x: 180, y: 0 });
    const camera = sigma.getCamera();
    // The camera ratio scales the drawn world inversely: aim a little past the split zoom.
    const ratio = (camera.ratio * Math.abs(east.x - west.x)) / (CLUSTER_EXTENT * 2 ** zoom * 1.05);
    await camera.animate(
      { x: d.x, y: d.y, ratio: Math.max(sigma.getSetting('minCameraRatio') ?? 0, Math.min(camera.ratio, ratio)) },
      { duration: 400 },
    );
  }
}

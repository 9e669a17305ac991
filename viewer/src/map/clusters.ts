/**
 * Places clustered by zoom and flows aggregated between the clusters, as flowmap.gl does, so that
 * a map of thousands of places stays readable at world zoom: each zoom level shows a bounded
 * number of markers, a cluster's size is the sum of its places', and the flows between two
 * clusters are summed into one (flows inside a cluster are not drawn at that zoom).
 *
 * The clustering is supercluster's (Mapbox; greedy clustering of a KD-tree per zoom level, in Web
 * Mercator, the map's own projection). Places enter largest first, so each cluster grows around
 * its largest place, which names it and marks its position: Beijing stays at Beijing.
 *
 * No DOM: the same code runs on the page and in tests.
 */
import Graph from 'graphology';
import Supercluster from 'supercluster';
import { APPEARANCE_DEFAULTS, type RenderGraph, type RenderMap, type RenderNodeAttributes } from '../render-graph.ts';
import { edgeWidth, EDGE_WIDTH, nodeRadius, withAlpha } from '../scales.ts';

/** Cluster radius in pixels of supercluster's 512-px tiles: 10–20 px on screen (see clusterZoom), about a large disc. */
export const CLUSTER_RADIUS = 20;
export const CLUSTER_EXTENT = 512;
/**
 * Deepest zoom with clusters; past it supercluster returns the places themselves. At zoom 10 the
 * cluster radius (20 px of a 512 × 2^10-px world) is 0.014°, 1.5 km at the equator: places
 * (metro areas, cities) closer than that are rare, and a world-framed map reaches cluster zoom 8
 * at its closest (sigma's minCameraRatio 0.01). Each zoom is a KD-tree built whenever the places
 * are clustered: 14 built four more, a third of that time.
 */
export const CLUSTER_MAX_ZOOM = 10;
/** Id prefix of cluster markers (never a place id: place ids do not start with a NUL). */
export const CLUSTER_PREFIX = '\u0000cluster:';

export interface ClusterPlace {
  id: string;
  lon: number;
  lat: number;
  /** Size-measure value: larger places seed clusters and name them. */
  value: number;
}

/** One marker of a zoom level: a place alone (id = the place) or a cluster of several. */
export interface Marker {
  id: string;
  /** Member places, largest first. */
  members: string[];
  /** supercluster's id, for the zoom at which the cluster splits (null for a lone place). */
  clusterId: number | null;
}

export interface ClusterLevel {
  zoom: number;
  markers: Marker[];
  /** Place → id of its marker at this zoom. */
  markerOf: Map<string, string>;
}

/**
 * The supercluster zoom for a map whose whole world (360° of longitude) spans `worldPx` CSS
 * pixels: the smallest whose world (512 × 2^zoom) is wider, so that the cluster radius on screen,
 * CLUSTER_RADIUS × worldPx / (512 × 2^zoom), stays between half and all of CLUSTER_RADIUS.
 *
 * @example clusterZoom(630) // 1 (the world in a 630-px panel: radius 12 px)
 * @example clusterZoom(2100) // 3
 */
export function clusterZoom(worldPx: number): number {
  if (!(worldPx > 0)) return 0;
  return Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, Math.floor(Math.log2(worldPx / CLUSTER_EXTENT)) + 1));
}

/** A key that changes when the places or their values do (to reuse a clustering across filter changes). */
export function placesKey(places: readonly ClusterPlace[]): string {
  let h = 0;
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    h = (h * 31 + p.value * 1e6 + p.lon * 7 + p.lat * 13 + p.id.length) % 1e12;
  }
  return `${places.length}:${h}`;
}

export class PlaceClusters {
  private readonly index: Supercluster<{ id: string }, { id: string }>;
  private readonly levels = new Map<number, ClusterLevel>();
  private readonly value = new Map<string, number>();

  constructor(places: readonly ClusterPlace[]) {
    const ordered = [...places].sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1));
    for (const p of ordered) this.value.set(p.id, p.value);
    this.index = new Supercluster<{ id: string }, { id: string }>({
      radius: CLUSTER_RADIUS,
      extent: CLUSTER_EXTENT,
      maxZoom: CLUSTER_MAX_ZOOM,
    });
    this.index.load(
      ordered.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })),
    );
  }

  /** Whether the markers at `zoom` are computed already. */
  hasLevel(zoom: number): boolean {
    return this.levels.has(Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, Math.round(zoom))));
  }

  /** Markers at `zoom` (computed once per zoom). */
  level(zoom: number): ClusterLevel {
    const z = Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, Math.round(zoom)));
    const cached = this.levels.get(z);
    if (cached) return cached;
    const markers: Marker[] = [];
    const markerOf = new Map<string, string>();
    const byValue = (a: string, b: string) => (this.value.get(b) ?? 0) - (this.value.get(a) ?? 0) || (a < b ? -1 : 1);
    for (const f of this.index.getClusters([-180, -90, 180, 90], z)) {
      const props = f.properties as { id?: string; cluster?: boolean; cluster_id?: number };
      if (props.cluster) {
        const members = this.index
          .getLeaves(props.cluster_id!, Infinity)
          .map((l) => l.properties.id)
          .sort(byValue);
        const id = `${CLUSTER_PREFIX}${z}:${props.cluster_id}`;
        markers.push({ id, members, clusterId: props.cluster_id! });
        for (const m of members) markerOf.set(m, id);
      } else {
        markers.push({ id: props.id!, members: [props.id!], clusterId: null });
        markerOf.set(props.id!, props.id!);
      }
    }
    const level = { zoom: z, markers, markerOf };
    this.levels.set(z, level);
    return level;
  }

  /** The zoom at which a cluster splits into smaller ones or its places. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}

/**
 * The `limit` slots of largest weight, ties by key, in that order. The weights are sorted as
 * numbers and keys are made only for the slots tied at the cut-off and those kept: sorting every
 * slot by (weight, key) built two strings per comparison, mostly ties among small flows.
 */
function largestSlots(weights: Float64Array, limit: number, keyOf: (slot: number) => string): number[] {
  const threshold = Float64Array.from(weights).sort()[weights.length - limit]!;
  const kept: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! > threshold) kept.push(i);
    else if (weights[i] === threshold) tied.push(i);
  }
  const keys = new Map<number, string>();
  const key = (i: number) => keys.get(i) ?? keys.set(i, keyOf(i)).get(i)!;
  tied.sort((x, y) => (key(x) < key(y) ? -1 : 1));
  kept.push(...tied.slice(0, limit - kept.length));
  return kept.sort((x, y) => weights[y]! - weights[x]! || (key(x) < key(y) ? -1 : 1));
}

/** Render attributes of a cluster marker: the place attributes plus its member count. */
export type MarkerAttributes = RenderNodeAttributes & { members: number };

/**
 * The render graph of one zoom level: a node per marker (a place alone keeps its attributes; a
 * cluster sits at its largest place, is named after it, "Beijing +4", and sums its places'
 * size-measure values, in- and out-flows), and an edge per pair of markers with flows between
 * them, summing their moves. At most `maxFlows` flows are kept, the largest (ties by key).
 */
export function clusteredGraph(render: RenderMap, level: ClusterLevel, maxFlows = Infinity): { graph: RenderGraph; hiddenFlows: number } {
  const { places, flows } = render;
  const graph: RenderGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  let valueMax = 0;
  const totals = new Map<string, { value: number; inflow: number; outflow: number }>();
  for (const marker of level.markers) {
    let value = 0;
    let inflow = 0;
    let outflow = 0;
    for (const m of marker.members) {
      if (!places.hasNode(m)) continue;
      const a = places.getNodeAttributes(m);
      value += a.value ?? 0;
      inflow += a.inflow;
      outflow += a.outflow;
    }
    totals.set(marker.id, { value, inflow, outflow });
    if (value > valueMax) valueMax = value;
  }
  for (const marker of level.markers) {
    const head = marker.members.find((m) => places.hasNode(m));
    if (head === undefined) continue;
    const a = places.getNodeAttributes(head);
    if (marker.members.length === 1) {
      graph.addNode(marker.id, { ...a, members: 1 } as MarkerAttributes);
      continue;
    }
    const t = totals.get(marker.id)!;
    const size = nodeRadius(t.value, valueMax);
    graph.addNode(marker.id, {
      ...a,
      label: `${a.label} +${marker.members.length - 1}`,
      size,
      zIndex: -size,
      value: t.value,
      inflow: t.inflow,
      outflow: t.outflow,
      hub: false,
      members: marker.members.length,
    } as MarkerAttributes);
  }
  // Lone places keep their radius from the whole-map scale; rescale them with the clusters.
  if (valueMax > 0) {
    graph.forEachNode((node, a) => {
      if ((a as MarkerAttributes).members === 1) {
        const size = nodeRadius(a.value, valueMax);
        graph.mergeNodeAttributes(node, { size, zIndex: -size });
      }
    });
  }

  // Sums over the flows' columns, keyed by marker numbers: at 50,000 flows a string key and a
  // record per flow made this the longest task after each zoom.
  const markerIds = graph.nodes();
  const markerNumber = new Map(markerIds.map((id, i) => [id, i]));
  const markerOfPlace = new Int32Array(flows.places.length);
  for (let p = 0; p < flows.places.length; p++) {
    const marker = level.markerOf.get(flows.places[p]!);
    markerOfPlace[p] = marker === undefined ? -1 : (markerNumber.get(marker) ?? -1);
  }
  const m = flows.source.length;
  const slotOf = new Map<number, number>();
  const slotSource = new Int32Array(m);
  const slotTarget = new Int32Array(m);
  const slotWeight = new Float64Array(m);
  const slotTop = new Float64Array(m);
  const slotEdge = new Int32Array(m);
  const markers = markerIds.length;
  let slots = 0;
  for (let e = 0; e < m; e++) {
    const ms = markerOfPlace[flows.source[e]!]!;
    const mt = markerOfPlace[flows.target[e]!]!;
    if (ms < 0 || mt < 0 || ms === mt) continue;
    const key = ms * markers + mt;
    const w = flows.weight[e]!;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = slots++;
      slotOf.set(key, slot);
      slotSource[slot] = ms;
      slotTarget[slot] = mt;
      slotWeight[slot] = w;
      slotTop[slot] = w;
      slotEdge[slot] = e;
      continue;
    }
    slotWeight[slot]! += w;
    // The largest contributing flow lends its colour (the flow colouring of the place map).
    if (w > slotTop[slot]!) {
      slotTop[slot] = w;
      slotEdge[slot] = e;
    }
  }
  const keyOf = (slot: number) => `${markerIds[slotSource[slot]!]}\u0001${markerIds[slotTarget[slot]!]}`;
  const hiddenFlows = Math.max(0, slots - maxFlows);
  const kept = hiddenFlows > 0 ? largestSlots(slotWeight.subarray(0, slots), maxFlows, keyOf) : Array.from({ length: slots }, (_, i) => i);
  let weightMax = 0;
  for (const slot of kept) weightMax = Math.max(weightMax, slotWeight[slot]!);
  for (const slot of kept) {
    const weight = slotWeight[slot]!;
    const edge = flows.attributes(slotEdge[slot]!);
    const size = edgeWidth(weight, weightMax);
    const tw = (size - EDGE_WIDTH.min) / (EDGE_WIDTH.max - EDGE_WIDTH.min);
    graph.addDirectedEdgeWithKey(keyOf(slot), markerIds[slotSource[slot]!]!, markerIds[slotTarget[slot]!]!, {
      ...edge,
      size,
      // Faint for thin flows, as on the place map (render-graph.ts).
      color: withAlpha(edge.color, APPEARANCE_DEFAULTS.edgeAlpha * (0.2 + 0.8 * tw)),
      weight,
      zIndex: weight,
    });
  }
  return { graph, hiddenFlows };
}

/**
 * The places with only their `limit` largest flows (ties by key), node attribute objects shared
 * with `render.places`. A default minimum for large analyses: past a few thousand flows the thin
 * ones only add a haze over the map.
 */
export function largestFlows(render: RenderMap, limit: number): { graph: RenderGraph; hiddenFlows: number } {
  const { places, flows } = render;
  if (flows.length <= limit) return { graph: flows.graph(places), hiddenFlows: 0 };
  const kept = largestSlots(flows.weight, limit, (i) => flows.keys[i]!);
  return { graph: flows.graph(places, kept), hiddenFlows: flows.length - limit };
}

/**
 * Data graph → render graph: what sigma draws, derived by one pure function (the house style,
 * after Gephi Lite's data → render chain). The input is the flow selection (the analysis graph
 * after the year, discipline, minimum-flow and top-k filters); the output carries positions,
 * radii, colours, widths and curvature and nothing else sigma does not need.
 *
 * Places come out as a graph (a node each), flows as columns (`RenderFlows`): the map draws at
 * most a few thousand of 50,000 flows (the largest, or their sums between clusters), so a
 * graphology edge, an attribute object and a colour string per flow were made for nothing, at
 * every filter change. A flow's attributes are made when it is drawn.
 *
 * Sizes by in-flow, out-flow and |net inflow| use the flows of `measureFlows` (so a discipline
 * filter resizes places by that discipline's moves); PageRank and stock are whole-analysis
 * node attributes. Hover and selection emphasis is not here: it is applied by sigma reducers.
 */
import Graph from 'graphology';
import type { FlowGraph } from 'talentflow';
import type { EdgeColoring, NodeColoring, SizeMeasure } from './state.ts';
import {
  communityColor,
  edgeWidth,
  EDGE_WIDTH,
  netInflowColor,
  nodeRadius,
  quadrantColor,
  rankColor,
  withAlpha,
  CATEGORY_LIMIT,
  OTHER_COLOR,
} from './scales.ts';

export interface Appearance {
  /** Graph position of each place (map projection or network layout); places without one are not drawn. */
  positions: ReadonlyMap<string, { x: number; y: number }>;
  sizeBy: SizeMeasure;
  nodeColor: NodeColoring;
  edgeColor: EdgeColoring;
  /** Curvature of flows relative to their length (A→B and B→A bend to opposite sides). */
  curvature?: number;
  /**
   * The flows that in-flow, out-flow and net inflow are measured on (default: the selection).
   * The viewer passes the flows of the selected years and discipline, so that a minimum flow or
   * the top-k mode, which only thin what is drawn, do not change a place's size or colour.
   */
  measureFlows?: FlowGraph;
  /** Years the net rate's population is summed over (the selected arrival years); null: every year. */
  years?: [number, number] | null;
  /** With nodeColor 'netChange': each place's change in net inflow between two periods (compare.csv). */
  netChange?: ReadonlyMap<string, number | null> | null;
  /** Opacity of the widest flows, 0..1 (the thinnest get 20% of it). */
  edgeAlpha?: number;
  /**
   * Above this many flows, edges get the type 'curvedFlow' (the tessellated program of
   * map/edge-flow-program.ts, which the renderer must register) instead of 'curvedArrow'
   * (@sigma/edge-curve). Default: never.
   */
  exactCurvesLimit?: number;
}

export interface RenderNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  zIndex: number;
  /** Value of the size measure (null when the place has none). */
  value: number | null;
  /** In- and out-flow (moves) of the measured flows. */
  inflow: number;
  outflow: number;
  community: number | null;
  /** Stock-against-momentum quadrant of the run (analyses/quadrants.ts), null without one. */
  quadrant: string | null;
  /** Hub class 'hub' (central to sending and receiving): drawn with a ring. */
  hub: boolean;
  forceLabel: boolean;
}

export interface RenderEdgeAttributes {
  size: number;
  color: string;
  /** Sigma program: @sigma/edge-curve's exact curves, or the tessellated ones for large selections. */
  type: 'curvedArrow' | 'curvedFlow';
  curvature: number;
  weight: number;
  zIndex: number;
}

export type RenderGraph = Graph<RenderNodeAttributes, RenderEdgeAttributes>;

/**
 * The flows of a render as columns, in the selection's edge order: source and target are
 * numbers of `places` (the render graph's nodes, in order).
 */
export class RenderFlows {
  private readonly made: (RenderEdgeAttributes | undefined)[];
  private byKey: Map<string, number> | null = null;
  private byPair: Map<number, number> | null = null;
  private placeNumber: Map<string, number> | null = null;

  constructor(
    readonly places: readonly string[],
    /** Each flow's edge key in the selection (the map's and the flows table's key for it). */
    readonly keys: readonly string[],
    readonly source: Int32Array,
    readonly target: Int32Array,
    readonly weight: Float64Array,
    private readonly make: (i: number) => RenderEdgeAttributes,
  ) {
    this.made = new Array(keys.length);
  }

  get length(): number {
    return this.keys.length;
  }

  /** Render attributes of flow i (made once, when first asked for). */
  attributes(i: number): RenderEdgeAttributes {
    return (this.made[i] ??= this.make(i));
  }

  /** Position of the flow with this edge key, or −1. */
  indexOf(key: string): number {
    this.byKey ??= new Map(this.keys.map((k, i) => [k, i]));
    return this.byKey.get(key) ?? -1;
  }

  /** Position of the flow source → target, or −1. */
  find(source: string, target: string): number {
    if (this.byPair === null || this.placeNumber === null) {
      this.placeNumber = new Map(this.places.map((p, i) => [p, i]));
      this.byPair = new Map();
      for (let i = 0; i < this.keys.length; i++) this.byPair.set(this.source[i]! * this.places.length + this.target[i]!, i);
    }
    const s = this.placeNumber.get(source);
    const t = this.placeNumber.get(target);
    return s === undefined || t === undefined ? -1 : (this.byPair.get(s * this.places.length + t) ?? -1);
  }

  /** A graph of `places`' nodes (attribute objects shared) and the flows at `indices` (default: every flow). */
  graph(places: RenderGraph, indices?: Iterable<number>): RenderGraph {
    const out: RenderGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
    places.forEachNode((node, a) => out.addNode(node, a));
    const add = (i: number) =>
      out.addDirectedEdgeWithKey(this.keys[i]!, this.places[this.source[i]!]!, this.places[this.target[i]!]!, this.attributes(i));
    if (indices) for (const i of indices) add(i);
    else for (let i = 0; i < this.keys.length; i++) add(i);
    return out;
  }
}

/** What the map draws from: the places (nodes without edges) and the flows between them. */
export interface RenderMap {
  places: RenderGraph;
  flows: RenderFlows;
}

/** What the legend needs to explain the encoding. */
export interface RenderScales {
  sizeBy: SizeMeasure;
  /** Largest size-measure value (the biggest circle). */
  sizeMax: number;
  /** Largest flow drawn (the widest line). */
  weightMax: number;
  /** Smallest flow drawn. */
  weightMin: number;
  /** Largest |net inflow| (the colour scale's ends). */
  netMaxAbs: number;
  /** Largest |net rate| (net inflow per researcher-year; the colour scale's ends with nodeColor 'netRate'). */
  rateMaxAbs: number;
  /** Largest |change in net inflow| between the compared periods (0 without compare.csv). */
  changeMaxAbs: number;
  /** With edgeColor 'source': the sources that got their own colour, largest outflow first. */
  sourceColors: { place: string; label: string; color: string }[];
}

export interface RenderResult extends RenderMap {
  scales: RenderScales;
  /** Places of the selection that have no position (no coordinates on the map). */
  unplaced: string[];
  /** Moves in the drawn flows. */
  moves: number;
}

export const APPEARANCE_DEFAULTS = Object.freeze({ curvature: 0.25, edgeAlpha: 0.8 });

/** The viewer's `exactCurvesLimit`: up to this many flows @sigma/edge-curve draws them exactly; above, tessellated curves (software WebGL cannot shade 50,000 exact curves interactively). */
export const EXACT_CURVES_LIMIT = 3000;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Builds what sigma draws from a flow selection: the places as a graph, the flows as columns.
 *
 * @example
 * const { places, flows } = toRenderGraph(selection, { positions, sizeBy: 'pagerank', nodeColor: 'community', edgeColor: 'sourceCommunity' });
 * flows.attributes(flows.find('Beijing', 'Shenzhen')).size; // width from log(moves)
 */
export function toRenderGraph(selection: FlowGraph, appearance: Appearance): RenderResult {
  const curvature = appearance.curvature ?? APPEARANCE_DEFAULTS.curvature;
  const alpha = appearance.edgeAlpha ?? APPEARANCE_DEFAULTS.edgeAlpha;
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  (appearance.measureFlows ?? selection).forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    outflow.set(s, (outflow.get(s) ?? 0) + a.weight);
    inflow.set(t, (inflow.get(t) ?? 0) + a.weight);
  });
  let weightMax = 0;
  let weightMin = Infinity;
  selection.forEachEdge((_e, a, s, t) => {
    if (s === t || !(a.weight > 0)) return;
    if (a.weight < weightMin) weightMin = a.weight;
    if (a.weight > weightMax) weightMax = a.weight;
  });

  const measure = (node: string, attrs: Record<string, unknown>): number | null => {
    switch (appearance.sizeBy) {
      case 'inflow':
        return inflow.get(node) ?? 0;
      case 'outflow':
        return outflow.get(node) ?? 0;
      case 'absNetInflow':
        return Math.abs((inflow.get(node) ?? 0) - (outflow.get(node) ?? 0));
      default:
        return num(attrs[appearance.sizeBy]);
    }
  };

  // Net rate: net inflow ÷ researcher-years of the place over the selected years, from the
  // population graph.json carries (`populationByYear` from --population, else `researchersByYear`
  // from timelines); null without a population.
  const rates = new Map<string, number | null>();
  let rateMaxAbs = 0;
  selection.forEachNode((node, attrs) => {
    const byYear = (attrs['populationByYear'] ?? attrs['researchersByYear']) as Record<string, number> | undefined;
    let population = 0;
    for (const [y, n] of Object.entries(byYear ?? {})) {
      if (!appearance.years || (Number(y) >= appearance.years[0] && Number(y) <= appearance.years[1])) population += n;
    }
    const rate = population > 0 ? ((inflow.get(node) ?? 0) - (outflow.get(node) ?? 0)) / population : null;
    rates.set(node, rate);
    if (rate !== null && Math.abs(rate) > rateMaxAbs) rateMaxAbs = Math.abs(rate);
  });

  let changeMaxAbs = 0;
  selection.forEachNode((node) => {
    // The scale spans the places drawn: a place off the map must not stretch it.
    if (!appearance.positions.has(node)) return;
    const change = appearance.netChange?.get(node);
    if (typeof change === 'number' && Math.abs(change) > changeMaxAbs) changeMaxAbs = Math.abs(change);
  });

  let sizeMax = 0;
  let netMaxAbs = 0;
  const unplaced: string[] = [];
  selection.forEachNode((node, attrs) => {
    const v = measure(node, attrs);
    if (v !== null && v > sizeMax) sizeMax = v;
    const net = Math.abs((inflow.get(node) ?? 0) - (outflow.get(node) ?? 0));
    if (net > netMaxAbs) netMaxAbs = net;
  });

  const graph: RenderGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  selection.forEachNode((node, attrs) => {
    const position = appearance.positions.get(node);
    if (!position) {
      unplaced.push(node);
      return;
    }
    const value = measure(node, attrs);
    const size = nodeRadius(value, sizeMax);
    const community = num(attrs['community']);
    const net = (inflow.get(node) ?? 0) - (outflow.get(node) ?? 0);
    graph.addNode(node, {
      x: position.x,
      y: position.y,
      size,
      color:
        appearance.nodeColor === 'community'
          ? communityColor(community)
          : appearance.nodeColor === 'quadrant'
            ? quadrantColor(attrs['quadrant'])
            : appearance.nodeColor === 'netRate'
              ? rates.get(node) === null
                ? OTHER_COLOR
                : netInflowColor(rates.get(node)!, rateMaxAbs)
              : appearance.nodeColor === 'netChange'
                ? changeColor(appearance.netChange?.get(node), changeMaxAbs)
                : netInflowColor(net, netMaxAbs),
      label: typeof attrs.label === 'string' && attrs.label ? attrs.label : node,
      // Small places above big ones so that none hides behind a hub.
      zIndex: -size,
      value,
      inflow: inflow.get(node) ?? 0,
      outflow: outflow.get(node) ?? 0,
      community,
      quadrant: typeof attrs['quadrant'] === 'string' ? attrs['quadrant'] : null,
      hub: attrs['hubClass'] === 'hub',
      // Labels go through sigma's label grid (largest first, no overlaps), hubs included.
      forceLabel: false,
    });
  });

  const sourceRank = new Map<string, number>();
  const sourceColors: RenderScales['sourceColors'] = [];
  if (appearance.edgeColor === 'source') {
    const ranked = [...outflow.entries()].filter(([n]) => graph.hasNode(n)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    ranked.slice(0, CATEGORY_LIMIT - 1).forEach(([place], i) => {
      sourceRank.set(place, i);
      sourceColors.push({ place, label: graph.getNodeAttribute(place, 'label'), color: rankColor(i) });
    });
  }

  // The flows as columns: places by number, skipping loops, unplaced ends and empty flows.
  const ids = graph.nodes();
  const number = new Map(ids.map((id, i) => [id, i]));
  const m = selection.size;
  const keys: string[] = [];
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  let moves = 0;
  selection.forEachEdge((edge, a, s, t) => {
    if (s === t || !(a.weight > 0)) return;
    const si = number.get(s);
    const ti = number.get(t);
    if (si === undefined || ti === undefined) return;
    source[keys.length] = si;
    target[keys.length] = ti;
    weight[keys.length] = a.weight;
    keys.push(edge);
    moves += a.weight;
  });
  const n = keys.length;
  const type = selection.size <= (appearance.exactCurvesLimit ?? Infinity) ? 'curvedArrow' : 'curvedFlow';
  const flows = new RenderFlows(ids, keys, source.subarray(0, n), target.subarray(0, n), weight.subarray(0, n), (i) => {
    const from = ids[source[i]!]!;
    const base =
      appearance.edgeColor === 'source'
        ? sourceRank.has(from)
          ? rankColor(sourceRank.get(from)!)
          : OTHER_COLOR
        : communityColor(graph.getNodeAttribute(from, 'community'));
    const size = edgeWidth(weight[i]!, weightMax);
    // Thin flows fainter, so that a few thousand small ones read as a haze under the big ones.
    const t = (size - EDGE_WIDTH.min) / (EDGE_WIDTH.max - EDGE_WIDTH.min);
    return { size, color: withAlpha(base, alpha * (0.2 + 0.8 * t)), type, curvature, weight: weight[i]!, zIndex: weight[i]! };
  });

  return {
    places: graph,
    flows,
    scales: {
      sizeBy: appearance.sizeBy,
      sizeMax,
      weightMax,
      weightMin: Number.isFinite(weightMin) ? weightMin : 0,
      netMaxAbs,
      rateMaxAbs,
      changeMaxAbs,
      sourceColors,
    },
    unplaced,
    moves,
  };
}

/** Map positions of every place with coordinates (see map/projection.ts). */
export function mapPositions(
  graph: FlowGraph,
  project: (lon: unknown, lat: unknown) => { x: number; y: number } | null,
): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, a) => {
    const p = project(a.lon, a.lat);
    if (p) positions.set(node, p);
  });
  return positions;
}

/** Diverging colour of a change in net inflow (red rising, blue falling), grey when unknown. */
function changeColor(change: number | null | undefined, maxAbs: number): string {
  return typeof change === 'number' && maxAbs > 0 ? netInflowColor(change, maxAbs) : OTHER_COLOR;
}

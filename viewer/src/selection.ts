/**
 * Which flows the map draws: the analysis graph through the library's own filters, in order
 *
 *   1. years and discipline   filterFlows on the flow store (flows.arrow: weights recomputed
 *                             from the breakdown cells), then the graph of those flows
 *   2. minimum flow           edges of at least minWeight (on the recomputed weights)
 *   3. top-k sources          topSources: each destination's k largest sources ≥ topMinWeight
 *   4. backbone only          flows the analysis marked `backbone` (disparity α < --backbone-alpha
 *                             on all the run's flows: the backbone of the whole run, not of the
 *                             years or discipline selected)
 *
 * Step 1 is skipped when it would change nothing (no year or discipline filter and no edge
 * below filterFlows' own minimum), and steps 2–3 build a subgraph that shares the attribute
 * objects of step 1, instead of copying every breakdown: at 50,000 flows a filter change then
 * costs milliseconds, not seconds. The drawn graph is read-only.
 */
import Graph from 'graphology';
import { filterFlows, FILTER_DEFAULTS } from 'talentflow';
import { graphWithFlows } from 'talentflow';
import type { FlowStore } from 'talentflow';
import { topSources } from 'talentflow';
import type { FlowAttributes, FlowGraph } from 'talentflow';
import type { ViewState } from './state.ts';

export type FlowFilterState = Pick<ViewState, 'years' | 'discipline' | 'minWeight' | 'topSources' | 'k' | 'topMinWeight'> & {
  backboneOnly?: boolean;
};

export interface FlowSelection {
  /** After step 1: the flows of the selected years and discipline (for place cards). */
  base: FlowGraph;
  /** After steps 2–3: the flows drawn. */
  drawn: FlowGraph;
}

const allAtLeast = new WeakMap<FlowGraph, boolean>();

/** The subgraph of `graph` with every node and the edges `keep` accepts, sharing attribute objects. */
export function edgeSubgraph(
  graph: FlowGraph,
  keep: (edge: string, attributes: FlowAttributes, source: string, target: string) => boolean,
): FlowGraph {
  const out: FlowGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false }) as FlowGraph;
  out.replaceAttributes(graph.getAttributes());
  graph.forEachNode((node, attributes) => out.addNode(node, attributes));
  graph.forEachEdge((edge, attributes, source, target) => {
    if (keep(edge, attributes, source, target)) out.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return out;
}

/**
 * Applies the view's flow filters to the analysis graph and its flow store. Without a store (a
 * graph.json opened alone) there are no breakdowns: the year and discipline filters do not apply.
 *
 * @example selectFlows(graph, { years: null, discipline: 'Medicine', minWeight: 10, topSources: false, k: 5, topMinWeight: 100 }, flows).drawn.size
 */
export function selectFlows(graph: FlowGraph, f: FlowFilterState, flows: FlowStore | null = null): FlowSelection {
  if (!allAtLeast.has(graph))
    allAtLeast.set(
      graph,
      graph.everyEdge((_e, a) => a.weight >= FILTER_DEFAULTS.minWeight),
    );
  const filtering = flows !== null && (f.years !== null || f.discipline !== null);
  const base = filtering
    ? graphWithFlows(
        graph,
        filterFlows(flows, {
          years: f.years,
          disciplines: f.discipline === null ? null : [f.discipline],
          minWeight: FILTER_DEFAULTS.minWeight,
        }),
      )
    : allAtLeast.get(graph)!
      ? graph
      : edgeSubgraph(graph, (_e, a) => a.weight >= FILTER_DEFAULTS.minWeight);
  const backbone = f.backboneOnly === true;
  if (f.minWeight <= FILTER_DEFAULTS.minWeight && !f.topSources && !backbone) return { base, drawn: base };
  // The backbone flag lives on the analysis graph's edges (a filtered graph has new ones).
  const inBackbone = (s: string, t: string) => {
    const edge = graph.edge(s, t);
    return edge !== undefined && graph.getEdgeAttribute(edge, 'backbone') === true;
  };
  let keepTop: Set<string> | null = null;
  if (f.topSources) {
    const candidates = f.minWeight <= FILTER_DEFAULTS.minWeight ? base : edgeSubgraph(base, (_e, a) => a.weight >= f.minWeight);
    const top = topSources(candidates, { k: f.k, minWeight: f.topMinWeight });
    keepTop = new Set();
    for (const [target, flows] of Object.entries(top)) for (const s of flows) keepTop.add(`${s.place}\u0000${target}`);
  }
  const drawn = edgeSubgraph(
    base,
    (_e, a, s, t) => a.weight >= f.minWeight && (keepTop === null || keepTop.has(`${s}\u0000${t}`)) && (!backbone || inBackbone(s, t)),
  );
  return { base, drawn };
}

/** A short description of the year and discipline filters, or null when there are none. */
export function filterNote(f: FlowFilterState): string | null {
  const parts: string[] = [];
  if (f.years) parts.push(f.years[0] === f.years[1] ? `arrivals in ${f.years[0]}` : `arrivals ${f.years[0]}–${f.years[1]}`);
  if (f.discipline) parts.push(f.discipline);
  if (f.backboneOnly) parts.push('backbone only');
  return parts.length ? parts.join(', ') : null;
}

/**
 * What the map says when no flow passes the filters: which filters are set and how to loosen
 * them (a blank map reads as a broken page).
 *
 * @example emptyNote({ years: [2030, 2031], discipline: null, minWeight: 1, topSources: false, k: 5, topMinWeight: 100 })
 * // 'No flows with arrivals 2030–2031. Widen the years.'
 */
export function emptyNote(f: FlowFilterState): string {
  const set: string[] = [];
  const advice: string[] = [];
  if (f.years) {
    set.push(f.years[0] === f.years[1] ? `with arrivals in ${f.years[0]}` : `with arrivals ${f.years[0]}–${f.years[1]}`);
    advice.push('widen the years');
  }
  if (f.discipline) {
    set.push(`in ${f.discipline}`);
    advice.push('choose all disciplines');
  }
  if (f.minWeight > FILTER_DEFAULTS.minWeight) {
    set.push(`of at least ${f.minWeight} moves`);
    advice.push('lower the minimum flow');
  }
  if (f.topSources) {
    set.push(`among each destination's top ${f.k} sources of at least ${f.topMinWeight} moves`);
    advice.push(`lower "of at least ${f.topMinWeight}"`);
  }
  if (set.length === 0) return 'This analysis has no flows between two places on the map.';
  const sentence = advice.join(', or ');
  return `No flows ${set.join(', ')}. ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

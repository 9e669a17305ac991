/**
 * The place filters that come after the flow filters (selection.ts): the clickable legend's
 * groups (only the places of some communities, countries or regions, and the flows between
 * them) and the selected place's flows in one direction (into it, out of it, or both), as
 * flowmap.blue shows a selected location's flows.
 *
 * Both build a subgraph that shares the attribute objects of its input, and the selected place's
 * step walks only that place's edges: selecting a place among 50,000 flows costs its degree,
 * not a pass over every flow.
 */
import Graph from 'graphology';
import type { FlowAttributes, FlowGraph, PlaceAttributes } from 'talentflow';
import type { CommunityRow } from '../data/analysis.ts';
import type { FlowDirection, PlaceFilter, PlaceGroupBy } from '../state.ts';

/** The group key of a place (community id as text, ISO country code, region name), or null when it has none. */
export function placeGroupKey(attributes: PlaceAttributes, by: PlaceGroupBy): string | null {
  const value = (attributes as Record<string, unknown>)[by];
  if (by === 'community') return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** One entry of the place legend. */
export interface PlaceGroup {
  key: string;
  label: string;
  /** Places of the analysis in the group. */
  places: number;
}

/**
 * The groups of the analysis's places: communities by id (labels from communities.csv),
 * countries and regions by number of places, largest first. `missing` counts places without one.
 *
 * @example placeGroups(graph, 'region').groups[0] // { key: 'Asia', label: 'Asia', places: 31 }
 */
export function placeGroups(
  graph: FlowGraph,
  by: PlaceGroupBy,
  communities: CommunityRow[] = [],
): { groups: PlaceGroup[]; missing: number } {
  const byKey = new Map<string, PlaceGroup>();
  let missing = 0;
  graph.forEachNode((_node, a) => {
    const key = placeGroupKey(a, by);
    if (key === null) return void missing++;
    const group = byKey.get(key) ?? { key, label: key, places: 0 };
    if (group.places === 0) {
      if (by === 'country' && typeof a['countryName'] === 'string') group.label = a['countryName'];
      if (by === 'community')
        group.label =
          communities.find((c) => String(c.id) === key)?.label ||
          (typeof a['communityLabel'] === 'string' ? a['communityLabel'] : `Community ${key}`);
    }
    group.places++;
    byKey.set(key, group);
  });
  const groups = [...byKey.values()];
  if (by === 'community') groups.sort((a, b) => Number(a.key) - Number(b.key));
  else groups.sort((a, b) => b.places - a.places || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { groups, missing };
}

/**
 * The legend filter after a click on the entry `key`: show only it, or every place again when
 * it was already the only one shown.
 *
 * @example legendClick(null, 'region', 'Asia') // { by: 'region', keys: ['Asia'] }
 */
export function legendClick(filter: PlaceFilter | null, by: PlaceGroupBy, key: string): PlaceFilter | null {
  const only = filter !== null && filter.by === by && filter.keys.length === 1 && filter.keys[0] === key;
  return only ? null : { by, keys: [key] };
}

/**
 * The legend filter after the entry `key` is added or removed (its checkbox, or a click with
 * Ctrl/⌘ or Shift). Without a filter every entry of `all` is shown, so removing one keeps the
 * others. Every entry shown, or none, is no filter (every place).
 *
 * @example legendToggle(null, 'region', 'Asia', ['Asia', 'Europe', 'Americas']) // { by: 'region', keys: ['Europe', 'Americas'] }
 */
export function legendToggle(filter: PlaceFilter | null, by: PlaceGroupBy, key: string, all: readonly string[]): PlaceFilter | null {
  const current = filter !== null && filter.by === by ? filter.keys : all;
  const keys = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
  const shown = new Set(keys);
  if (keys.length === 0 || all.every((k) => shown.has(k))) return null;
  return { by, keys };
}

/** Options of {@link restrictToPlaces}. */
export interface PlaceRestriction {
  filter: PlaceFilter | null;
  /** The selected place: only its flows in `direction` are kept (null: every flow). */
  selected: string | null;
  direction: FlowDirection;
}

/**
 * The flows of `graph` among the legend's places, and of those only the selected place's flows
 * in `direction`. Nodes: the legend's places (every node without a legend filter), so that
 * another place can still be clicked. Returns `graph` itself when nothing is restricted.
 *
 * @example restrictToPlaces(g, { filter: null, selected: 'Shenzhen', direction: 'in' }).size // flows into Shenzhen
 */
export function restrictToPlaces(graph: FlowGraph, r: PlaceRestriction): FlowGraph {
  const selected = r.selected !== null && graph.hasNode(r.selected) ? r.selected : null;
  if (r.filter === null && r.selected === null) return graph;
  const keys = r.filter ? new Set(r.filter.keys) : null;
  const by = r.filter?.by ?? 'community';
  const out: FlowGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false }) as FlowGraph;
  out.replaceAttributes(graph.getAttributes());
  graph.forEachNode((node, a) => {
    if (keys === null || keys.has(placeGroupKey(a, by) ?? '\u0000')) out.addNode(node, a);
  });
  if (r.selected !== null && (selected === null || !out.hasNode(selected))) return out;
  const add = (edge: string, a: FlowAttributes, s: string, t: string) => {
    if (out.hasNode(s) && out.hasNode(t)) out.addDirectedEdgeWithKey(edge, s, t, a);
  };
  if (selected === null) graph.forEachEdge(add);
  else {
    if (r.direction !== 'out') graph.forEachInEdge(selected, add);
    if (r.direction !== 'in') graph.forEachOutEdge(selected, add);
  }
  return out;
}

/**
 * Whether a flow (source, target) passes the place filters, without building a graph (the year
 * histogram asks it of every flow of the store); null when every flow passes.
 */
export function placePredicate(graph: FlowGraph, r: PlaceRestriction): ((source: string, target: string) => boolean) | null {
  if (r.filter === null && r.selected === null) return null;
  const keys = r.filter ? new Set(r.filter.keys) : null;
  const by = r.filter?.by ?? 'community';
  const inGroups = (node: string) =>
    keys === null || (graph.hasNode(node) && keys.has(placeGroupKey(graph.getNodeAttributes(node), by) ?? '\u0000'));
  const p = r.selected;
  return (s, t) => {
    if (p !== null && !((r.direction !== 'out' && t === p) || (r.direction !== 'in' && s === p))) return false;
    return inGroups(s) && inGroups(t);
  };
}

/**
 * What the map says when the flow filters leave flows but the place filters leave none.
 *
 * @example placeEmptyNote({ placeFilter: null, selected: 'Hefei', direction: 'out' }, graph) // 'No flows out of Hefei …'
 */
export function placeEmptyNote(
  r: { placeFilter: PlaceFilter | null; selected: string | null; direction: FlowDirection },
  graph: FlowGraph,
): string {
  const label = (p: string) => (graph.hasNode(p) ? String(graph.getNodeAttribute(p, 'label') ?? p) : p);
  const parts: string[] = [];
  const advice: string[] = [];
  if (r.selected !== null) {
    parts.push(`${r.direction === 'in' ? 'into' : r.direction === 'out' ? 'out of' : 'into or out of'} ${label(r.selected)}`);
    advice.push(r.direction === 'both' ? 'select another place' : 'switch to both directions');
  }
  if (r.placeFilter !== null) {
    parts.push(
      `between the ${r.placeFilter.by === 'country' ? 'countries' : r.placeFilter.by === 'community' ? 'communities' : 'regions'} shown`,
    );
    advice.push('show more places in the legend');
  }
  return `No flows ${parts.join(' ')} pass the filters. ${advice.join(', or ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/**
 * The place filters in words, for the PNG's caption and the status line; null when none is set.
 *
 * @example placeNote({ placeFilter: { by: 'region', keys: ['Europe'] }, selected: 'London', direction: 'in' }, graph) // 'flows into London · only Europe'
 */
export function placeNote(
  r: { placeFilter: PlaceFilter | null; selected: string | null; direction: FlowDirection },
  graph: FlowGraph,
  communities: CommunityRow[] = [],
): string | null {
  const parts: string[] = [];
  if (r.selected !== null && graph.hasNode(r.selected)) {
    const label = String(graph.getNodeAttribute(r.selected, 'label') ?? r.selected);
    parts.push(`flows ${r.direction === 'in' ? 'into' : r.direction === 'out' ? 'out of' : 'into and out of'} ${label}`);
  }
  if (r.placeFilter !== null) {
    const f = r.placeFilter;
    const names = new Map(placeGroups(graph, f.by, communities).groups.map((g) => [g.key, g.label]));
    const shown = f.keys.map((k) => names.get(k) ?? k);
    parts.push(`only ${shown.length > 3 ? `${shown.slice(0, 3).join(', ')} and ${shown.length - 3} more` : shown.join(', ')}`);
  }
  return parts.length ? parts.join(' · ') : null;
}

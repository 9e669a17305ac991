/**
 * A static flow map: places at their coordinates on a Natural Earth projection of the world's
 * land (Natural Earth 1:110m via world-atlas), flows as curves whose width grows with
 * ln(1 + weight), places as discs sized by √(inflow + outflow) and coloured by community.
 * A flow A → B bends to its left (seen from A), so A → B and B → A never overlap.
 * Every place and flow has a hover title, which browsers and notebooks show without scripts.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Attributes } from 'graphology-types';
import type Graph from 'graphology';
import landTopology from 'world-atlas/land-110m.json' with { type: 'json' };
import { OptionError } from '../errors.ts';
import { categoryColor } from './colors.ts';
import { formatNumber, num } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';

/** Any graphology graph whose nodes carry `lat`/`lon` (a FlowGraph, or one read back with `graphFromJson`). */
export type MapGraph = Graph<Attributes, Attributes, Attributes>;

export interface MapOptions {
  /** Figure width in px; the height follows the projected extent. */
  width?: number;
  /** Fit the projection to the places ('places') or show the whole world ('world'). */
  extent?: 'places' | 'world';
  /** Flows drawn, largest first. */
  maxEdges?: number;
  /** Flows below this weight are not drawn. */
  minWeight?: number;
  /** Edge attribute holding the flow. */
  edgeWeight?: string;
  /** Node attribute giving the colour class (integer, e.g. a community id); null for one colour. */
  colorBy?: string | null;
  /** Node attribute giving the class name in the legend. */
  colorLabel?: string | null;
  /** Places labelled, largest first. */
  labels?: number;
  /** Figure title. */
  title?: string;
}

/**
 * Defaults of {@link flowMapSvg}: `width` _number_ (900) px; `extent` ('places'); `maxEdges`
 * (150); `minWeight` (0); `edgeWeight` ('weight'); `colorBy` ('community'); `colorLabel`
 * ('communityLabel'); `labels` (12); `title` ('Flows between places').
 */
export const MAP_DEFAULTS: Readonly<Required<MapOptions>> = Object.freeze({
  width: 900,
  extent: 'places',
  maxEdges: 150,
  minWeight: 0,
  edgeWeight: 'weight',
  colorBy: 'community',
  colorLabel: 'communityLabel',
  labels: 12,
  title: 'Flows between places',
});

function checkOptions(options: MapOptions): Required<MapOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in MAP_DEFAULTS)) throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(MAP_DEFAULTS).join(', ')}`);
  }
  const o = { ...MAP_DEFAULTS, ...options };
  if (!(o.width >= 200) || !Number.isFinite(o.width)) throw new OptionError('width', o.width, 'a number of pixels ≥ 200');
  if (o.extent !== 'places' && o.extent !== 'world') throw new OptionError('extent', o.extent, "'places' or 'world'");
  if (!Number.isInteger(o.maxEdges) || o.maxEdges < 0) throw new OptionError('maxEdges', o.maxEdges, 'an integer ≥ 0');
  if (!Number.isInteger(o.labels) || o.labels < 0) throw new OptionError('labels', o.labels, 'an integer ≥ 0');
  if (!(o.minWeight >= 0)) throw new OptionError('minWeight', o.minWeight, 'a number ≥ 0');
  return o;
}

interface Located {
  key: string;
  label: string;
  lon: number;
  lat: number;
  strength: number;
  klass: number | null;
  klassLabel: string | null;
}

const topology = landTopology as unknown as Topology<{ land: GeometryCollection }>;
const land = feature(topology, topology.objects.land);

/**
 * SVG map of a flow graph. Places without coordinates are left out and counted in a note.
 * Each place disc carries `data-place`, each flow `data-source`, `data-target`, `data-weight`.
 *
 * @param graph - a flow graph (nodes with `lat`, `lon`, `label`; edges with `weight`).
 * @param options - {@link MAP_DEFAULTS}.
 * @returns a standalone SVG string.
 * @throws OptionError on a bad option.
 * @example
 * flowMapSvg(graph, { maxEdges: 80, title: 'Researcher flows 2019–2023' });
 */
export function flowMapSvg(graph: MapGraph, options: MapOptions = {}): string {
  const o = checkOptions(options);
  const strength = new Map<string, number>();
  graph.forEachEdge((_e, attr, source, target) => {
    const w = Number(attr[o.edgeWeight]) || 0;
    strength.set(source, (strength.get(source) ?? 0) + w);
    strength.set(target, (strength.get(target) ?? 0) + w);
  });
  const located = new Map<string, Located>();
  let unlocated = 0;
  graph.forEachNode((key, attr) => {
    const lat = attr.lat;
    const lon = attr.lon;
    if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      unlocated++;
      return;
    }
    const klass = o.colorBy !== null && typeof attr[o.colorBy] === 'number' ? (attr[o.colorBy] as number) : null;
    const klassLabel = o.colorLabel !== null && typeof attr[o.colorLabel] === 'string' ? (attr[o.colorLabel] as string) : null;
    located.set(key, { key, label: typeof attr.label === 'string' ? attr.label : key, lon, lat, strength: strength.get(key) ?? 0, klass, klassLabel });
  });
  const places = [...located.values()].sort((a, b) => b.strength - a.strength || (a.key < b.key ? -1 : 1));

  const top = 30;
  // room for discs and labels at the edges of the fitted extent
  const padX = Math.max(40, o.width * 0.08);
  const padY = 30;
  const projection = geoNaturalEarth1();
  const fitTo: GeoPermissibleObjects =
    o.extent === 'world' || places.length < 2
      ? { type: 'Sphere' }
      : { type: 'MultiPoint', coordinates: places.map((p) => [p.lon, p.lat]) };
  // fit the width first, then derive the height from the projected extent (capped to a sensible aspect)
  projection.fitWidth(o.width - 2 * padX, fitTo);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fitTo);
  const mapHeight = Math.min(o.width * 0.75, Math.max(o.width * 0.35, y1 - y0));
  projection.fitExtent([[padX, top + padY], [o.width - padX, top + padY + mapHeight]], fitTo);
  const height = top + mapHeight + 2 * padY + 34;
  projection.clipExtent([[0, top], [o.width, height - 34]]);
  const path = geoPath(projection).digits(1);

  const xy = new Map<string, [number, number]>();
  for (const p of places) {
    const point = projection([p.lon, p.lat]);
    if (point) xy.set(p.key, point);
  }

  const edges: { source: string; target: string; weight: number }[] = [];
  graph.forEachEdge((_e, attr, source, target) => {
    const weight = Number(attr[o.edgeWeight]) || 0;
    if (weight >= o.minWeight && weight > 0 && xy.has(source) && xy.has(target)) edges.push({ source, target, weight });
  });
  edges.sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  const drawn = edges.slice(0, o.maxEdges);
  const maxWeight = drawn[0]?.weight ?? 1;
  const maxStrength = places[0]?.strength || 1;

  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  parts.push(el('path', { d: path(land) ?? '', fill: '#eeeeee', stroke: '#d0d0d0', 'stroke-width': 0.5 }));
  // smallest first so the big flows are drawn on top
  for (const e of [...drawn].reverse()) {
    const [sx, sy] = xy.get(e.source)!;
    const [tx, ty] = xy.get(e.target)!;
    const dx = tx - sx;
    const dy = ty - sy;
    // control point offset to the left of the direction of travel, a fifth of the chord
    const cx = (sx + tx) / 2 + dy * 0.2;
    const cy = (sy + ty) / 2 - dx * 0.2;
    const width = Math.max(0.5, (4 * Math.log1p(e.weight)) / Math.log1p(maxWeight));
    const color = categoryColor(located.get(e.source)!.klass);
    parts.push(
      el(
        'path',
        {
          class: 'flow',
          d: `M${num(sx)},${num(sy)} Q${num(cx)},${num(cy)} ${num(tx)},${num(ty)}`,
          fill: 'none',
          stroke: o.colorBy === null ? '#4e79a7' : color,
          'stroke-opacity': 0.45,
          'stroke-width': width,
          'data-source': e.source,
          'data-target': e.target,
          'data-weight': String(e.weight),
        },
        title(`${located.get(e.source)!.label} → ${located.get(e.target)!.label}: ${formatNumber(e.weight)}`),
      ),
    );
  }
  for (const p of [...places].reverse()) {
    const point = xy.get(p.key);
    if (!point) continue;
    const r = 2 + 12 * Math.sqrt(p.strength / maxStrength);
    parts.push(
      el(
        'circle',
        {
          class: 'place',
          cx: point[0],
          cy: point[1],
          r,
          fill: o.colorBy === null ? '#4e79a7' : categoryColor(p.klass),
          'fill-opacity': 0.85,
          stroke: '#ffffff',
          'stroke-width': 0.8,
          'data-place': p.key,
        },
        title(`${p.label}: ${formatNumber(p.strength)} in + out${p.klassLabel ? ` · ${p.klassLabel}` : ''}`),
      ),
    );
  }
  for (const p of places.slice(0, o.labels)) {
    const point = xy.get(p.key);
    if (!point) continue;
    const r = 2 + 12 * Math.sqrt(p.strength / maxStrength);
    parts.push(
      text(p.label, {
        x: point[0] + r + 2,
        y: point[1] + 4,
        'font-size': 11,
        fill: '#222',
        stroke: '#ffffff',
        'stroke-width': 3,
        'paint-order': 'stroke',
        'stroke-linejoin': 'round',
      }),
    );
  }
  const classes = new Map<number, string>();
  for (const p of places) if (p.klass !== null && !classes.has(p.klass)) classes.set(p.klass, p.klassLabel ?? `${o.colorBy} ${p.klass}`);
  let lx = 10;
  const ly = height - 14;
  if (o.colorBy !== null) {
    for (const [k, name] of [...classes.entries()].sort((a, b) => a[0] - b[0]).slice(0, 6)) {
      if (lx > o.width * 0.62) break;
      parts.push(el('circle', { cx: lx + 5, cy: ly - 4, r: 5, fill: categoryColor(k) }));
      const short = name.length > 28 ? `${name.slice(0, 27)}…` : name;
      parts.push(text(short, { x: lx + 14, y: ly, 'font-size': 10, fill: '#333' }));
      lx += 24 + short.length * 5.6;
    }
  }
  const note = [
    `${drawn.length} of ${edges.length} flows drawn`,
    unlocated > 0 ? `${unlocated} place${unlocated === 1 ? '' : 's'} without coordinates` : '',
  ].filter(Boolean).join(' · ');
  parts.push(text(note, { x: o.width - 10, y: ly, 'font-size': 10, fill: '#666', 'text-anchor': 'end' }));
  return svgDocument(o.width, height, parts.join(''), o.title);
}

/**
 * A static flow map drawn like the viewer's (viewer/src: render-graph.ts, scales.ts, map/): places
 * at their coordinates on a Web Mercator map of country outlines (Natural Earth 1:110m via
 * world-atlas, Antarctica left out), discs with area proportional to a measure (PageRank by
 * default, as the viewer), coloured by community; flows as curves coloured by their source's
 * community, width 0.4 + 6.6 · ln(1 + weight) / ln(1 + largest weight) px (log of count, as the
 * SET report draws flows). A flow A → B bends to its left seen from A, so A → B and B → A never
 * overlap. Every place and flow has a hover title, which browsers and notebooks show without
 * scripts.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Attributes } from 'graphology-types';
import type Graph from 'graphology';
import countriesTopology from 'world-atlas/countries-110m.json' with { type: 'json' };
import { OptionError } from '../errors.ts';
import { categoryColor } from './colors.ts';
import { formatNumber, num } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';
import { compareKeys } from '../compare-keys.ts';

/** Any graphology graph whose nodes carry `lat`/`lon` (a FlowGraph, or one read back with `graphFromJson`). */
export type MapGraph = Graph<Attributes, Attributes, Attributes>;

/** Colours of the basemap (the viewer's). */
export const MAP_STYLE = Object.freeze({ ocean: '#e8eef3', land: '#fbfaf7', border: '#c9ced4' });

/** Disc radius and flow width ranges in px (the viewer's at zoom 1). */
export const MAP_SIZES = Object.freeze({ radiusMin: 2.5, radiusMax: 22, widthMin: 0.4, widthMax: 7 });

export interface MapOptions {
  /** Figure width in px; the height follows the projected extent. */
  width?: number;
  /** Fit the projection to the places ('places') or show the inhabited world ('world'). */
  extent?: 'places' | 'world';
  /** Flows drawn, largest first. */
  maxEdges?: number;
  /** Flows below this weight are not drawn. */
  minWeight?: number;
  /** Edge attribute holding the flow. */
  edgeWeight?: string;
  /** Node attribute sizing the discs, or 'strength' for inflow + outflow of the drawn graph. */
  sizeBy?: string;
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
 * (150); `minWeight` (0); `edgeWeight` ('weight'); `sizeBy` ('pagerank', falling back to
 * 'strength' when no node has it); `colorBy` ('community'); `colorLabel` ('communityLabel');
 * `labels` (12); `title` ('Flows between places').
 */
export const MAP_DEFAULTS: Readonly<Required<MapOptions>> = Object.freeze({
  width: 900,
  extent: 'places',
  maxEdges: 150,
  minWeight: 0,
  edgeWeight: 'weight',
  sizeBy: 'pagerank',
  colorBy: 'community',
  colorLabel: 'communityLabel',
  labels: 12,
  title: 'Flows between places',
});

function checkOptions(options: MapOptions): Required<MapOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in MAP_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(MAP_DEFAULTS).join(', ')}`);
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
  /** Inflow + outflow of the graph's flows. */
  strength: number;
  /** Value of the size measure. */
  size: number;
  klass: number | null;
  klassLabel: string | null;
}

const topology = countriesTopology as unknown as Topology<{ countries: GeometryCollection }>;
const ANTARCTICA = '010';
const countries = feature(topology, topology.objects.countries);
countries.features = countries.features.filter((f) => String(f.id) !== ANTARCTICA);

/** The inhabited world the viewer frames: every longitude, latitudes −56° to 78°. */
const WORLD: GeoPermissibleObjects = {
  type: 'MultiPoint',
  coordinates: [
    [-180, -56],
    [180, 78],
  ],
};

/** Disc radius for `value` when the largest is `max`: area ∝ value, 2.5 to 22 px (the viewer's). */
export function placeRadius(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return MAP_SIZES.radiusMin;
  return MAP_SIZES.radiusMin + (MAP_SIZES.radiusMax - MAP_SIZES.radiusMin) * Math.sqrt(Math.min(1, value / max));
}

/** Flow width for `weight` when the largest is `max`: 0.4 + 6.6 · ln(1 + w) / ln(1 + max) px (the viewer's). */
export function flowWidth(weight: number, max: number): number {
  if (!(weight > 0) || !(max > 0)) return MAP_SIZES.widthMin;
  return MAP_SIZES.widthMin + (MAP_SIZES.widthMax - MAP_SIZES.widthMin) * (Math.log1p(weight) / Math.log1p(Math.max(weight, max)));
}

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
    if (source === target) return;
    const w = Number(attr[o.edgeWeight]) || 0;
    strength.set(source, (strength.get(source) ?? 0) + w);
    strength.set(target, (strength.get(target) ?? 0) + w);
  });
  let sizeBy = o.sizeBy;
  if (sizeBy !== 'strength' && !graph.someNode((_k, a) => typeof a[sizeBy] === 'number')) sizeBy = 'strength';
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
    const s = strength.get(key) ?? 0;
    const raw = sizeBy === 'strength' ? s : Number(attr[sizeBy]);
    const label = typeof attr.label === 'string' && attr.label ? attr.label : key;
    located.set(key, {
      key,
      label,
      lon,
      lat: Math.max(-85, Math.min(85, lat)),
      strength: s,
      size: Number.isFinite(raw) ? raw : 0,
      klass,
      klassLabel,
    });
  });
  const places = [...located.values()].sort((a, b) => b.size - a.size || b.strength - a.strength || compareKeys(a.key, b.key));

  const top = 30;
  const legendHeight = 44;
  // room for discs and labels at the edges of the fitted extent
  const padX = Math.max(40, o.width * 0.08);
  const padY = 30;
  const projection = geoMercator();
  const fitTo: GeoPermissibleObjects =
    o.extent === 'world' || places.length < 2 ? WORLD : { type: 'MultiPoint', coordinates: places.map((p) => [p.lon, p.lat]) };
  // fit the width first, then derive the height from the projected extent (within sensible aspects)
  projection.fitWidth(o.width - 2 * padX, fitTo);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fitTo);
  const mapHeight = Math.min(o.width * 0.7, Math.max(o.width * 0.3, y1 - y0));
  projection.fitExtent(
    [
      [padX, top + padY],
      [o.width - padX, top + padY + mapHeight],
    ],
    fitTo,
  );
  const mapBottom = top + mapHeight + 2 * padY;
  const height = mapBottom + legendHeight;
  projection.clipExtent([
    [0, top],
    [o.width, mapBottom],
  ]);
  const path = geoPath(projection).digits(0);

  const xy = new Map<string, [number, number]>();
  for (const p of places) {
    const point = projection([p.lon, p.lat]);
    if (point) xy.set(p.key, point);
  }

  const edges: { source: string; target: string; weight: number }[] = [];
  graph.forEachEdge((_e, attr, source, target) => {
    const weight = Number(attr[o.edgeWeight]) || 0;
    if (source !== target && weight >= o.minWeight && weight > 0 && xy.has(source) && xy.has(target))
      edges.push({ source, target, weight });
  });
  edges.sort((a, b) => b.weight - a.weight || compareKeys(a.source, b.source) || compareKeys(a.target, b.target));
  const drawn = edges.slice(0, o.maxEdges);
  const maxWeight = drawn[0]?.weight ?? 1;
  const maxSize = Math.max(0, ...places.map((p) => p.size));
  const colorOf = (klass: number | null): string => (o.colorBy === null ? '#4e79a7' : categoryColor(klass));

  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  parts.push(el('rect', { x: 0, y: top, width: o.width, height: mapBottom - top, fill: MAP_STYLE.ocean }));
  parts.push(el('path', { d: path(countries) ?? '', fill: MAP_STYLE.land, stroke: MAP_STYLE.border, 'stroke-width': 0.5 }));
  // smallest first so the big flows are drawn on top
  for (const e of [...drawn].reverse()) {
    const [sx, sy] = xy.get(e.source)!;
    const [tx, ty] = xy.get(e.target)!;
    const dx = tx - sx;
    const dy = ty - sy;
    // control point off the chord's midpoint by a quarter of its length, to the left of travel
    const cx = (sx + tx) / 2 + dy * 0.25;
    const cy = (sy + ty) / 2 - dx * 0.25;
    parts.push(
      el(
        'path',
        {
          class: 'flow',
          d: `M${num(sx)},${num(sy)} Q${num(cx)},${num(cy)} ${num(tx)},${num(ty)}`,
          fill: 'none',
          stroke: colorOf(located.get(e.source)!.klass),
          'stroke-opacity': 0.55,
          'stroke-width': flowWidth(e.weight, maxWeight),
          'data-source': e.source,
          'data-target': e.target,
          'data-weight': String(e.weight),
        },
        title(`${located.get(e.source)!.label} → ${located.get(e.target)!.label}: ${formatNumber(e.weight)}`),
      ),
    );
  }
  const sizeName = sizeBy === 'strength' ? 'in + out' : sizeBy;
  for (const p of [...places].reverse()) {
    const point = xy.get(p.key);
    if (!point) continue;
    parts.push(
      el(
        'circle',
        {
          class: 'place',
          cx: point[0],
          cy: point[1],
          r: placeRadius(p.size, maxSize),
          fill: colorOf(p.klass),
          stroke: '#ffffff',
          'stroke-width': 0.8,
          'data-place': p.key,
        },
        title(
          `${p.label}: ${sizeName} ${formatNumber(p.size, 4)}; ${formatNumber(p.strength)} moves in + out${p.klassLabel ? ` · ${p.klassLabel}` : ''}`,
        ),
      ),
    );
  }
  for (const p of places.slice(0, o.labels)) {
    const point = xy.get(p.key);
    if (!point) continue;
    parts.push(
      text(p.label, {
        x: point[0] + placeRadius(p.size, maxSize) + 2,
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
  const ly = mapBottom + 17;
  if (o.colorBy !== null) {
    for (const [k, name] of [...classes.entries()].sort((a, b) => a[0] - b[0]).slice(0, 6)) {
      if (lx > o.width * 0.62) break;
      const short = name.length > 28 ? `${name.slice(0, 27)}…` : name;
      parts.push(el('circle', { cx: lx + 5, cy: ly - 4, r: 5, fill: categoryColor(k) }));
      parts.push(text(short, { x: lx + 14, y: ly, 'font-size': 10, fill: '#333' }));
      lx += 24 + short.length * 5.6;
    }
  }
  const note = [
    `disc area ∝ ${sizeName}; line width ∝ log(1 + moves)`,
    `${drawn.length} of ${edges.length} flows drawn`,
    unlocated > 0 ? `${unlocated} place${unlocated === 1 ? '' : 's'} without coordinates` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  parts.push(text(note, { x: 10, y: ly + 16, 'font-size': 10, fill: '#666' }));
  return svgDocument(o.width, height, parts.join(''), o.title);
}

/**
 * The world outlines as the basemap draws them, prepared once when the viewer is built
 * (viewer/build/world-outlines-plugin.ts) instead of on every page opening: projecting the 1:110m
 * outlines and placing the country names with d3-geo took 0.2–0.4 s of the page's thread before
 * the first map, and the 1:50m ones 0.25 s after the first close zoom. The page now builds its
 * Path2D from the SVG path text, which the browser parses natively.
 */
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createProjection } from './projection.ts';

/** A country name and where it goes: the centre of its largest part, in graph coordinates. */
export interface CountryLabel {
  name: string;
  x: number;
  y: number;
  /** Extent of that part (graph units), to tell whether the name fits at a zoom. */
  width: number;
  height: number;
}

/** What the basemap reads: every country but Antarctica as one SVG path, and the labels. */
export interface WorldOutlines {
  /** SVG path data in graph coordinates (projection.ts). */
  path: string;
  /** Largest countries first. */
  labels: CountryLabel[];
}

const ANTARCTICA = '010';
/**
 * Decimals kept in graph units (1 unit = 1° of longitude at the equator): 0.001° is about 100 m,
 * below the detail of Natural Earth's 1:50m outlines and under a pixel at the closest zoom.
 */
const DIGITS = 3;

/**
 * A world-atlas topology projected for the basemap.
 *
 * @example worldOutlines(countries110m).labels[0]?.name // 'Russia'
 */
export function worldOutlines(topology: Topology): WorldOutlines {
  const object = topology.objects['countries'] as GeometryCollection;
  const features = feature(topology, object).features.filter((f) => String(f.id) !== ANTARCTICA);
  const path = geoPath(createProjection()).digits(DIGITS);
  let svg = '';
  const labels: (CountryLabel & { area: number })[] = [];
  for (const f of features) {
    svg += path(f) ?? '';
    const name = (f.properties as { name?: string } | null)?.name;
    const g = f.geometry;
    if (!name || !g) continue;
    const parts =
      g.type === 'MultiPolygon'
        ? g.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
        : g.type === 'Polygon'
          ? [g]
          : [];
    let best: { area: number; geometry: (typeof parts)[number] } | null = null;
    for (const part of parts) {
      const area = path.area(part);
      if (!best || area > best.area) best = { area, geometry: part };
    }
    if (!best) continue;
    const [x, y] = path.centroid(best.geometry);
    const [[x0, y0], [x1, y1]] = path.bounds(best.geometry);
    const round = (v: number) => Math.round(v * 1000) / 1000;
    labels.push({ name, x: round(x!), y: round(y!), width: round(x1! - x0!), height: round(Math.abs(y1! - y0!)), area: best.area });
  }
  return { path: svg, labels: labels.sort((a, b) => b.area - a.area).map(({ area: _area, ...label }) => label) };
}

/**
 * The map projection shared by the places (sigma node x/y) and the basemap (country outlines),
 * so that both move together: Web Mercator in degree-like units (x = longitude, y grows
 * northwards as sigma's graph y does), clipped to ±85° like web maps.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';

/** Web Mercator with 1 unit = 1 degree of longitude at the equator, y pointing north. */
export function createProjection(): GeoProjection {
  return geoMercator()
    .scale(180 / Math.PI)
    .translate([0, 0])
    .reflectY(true);
}

const projection = createProjection();

/**
 * Graph position of a longitude/latitude, or null when either is missing or out of range.
 *
 * @example project(0, 0) // { x: 0, y: 0 }
 * @example project(114.06, 22.54) // { x: 114.06, y: 23.03 } (Shenzhen)
 */
export function project(lon: unknown, lat: unknown): { x: number; y: number } | null {
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
  const p = projection([lon, Math.max(-85, Math.min(85, lat))]);
  return p ? { x: p[0], y: p[1] } : null;
}

/** The part of the world the map frames: every inhabited latitude (Antarctica left out). */
export const WORLD_BBOX = Object.freeze({
  x: [-180, 180] as [number, number],
  y: [project(0, -56)!.y, project(0, 78)!.y] as [number, number],
});

/**
 * The frame of the map for a set of places: their projected extent with a margin (10% a side,
 * at least 30 units across), clipped to the world box. The map opens on it.
 *
 * @example mapFrame([{ x: 0, y: 0 }, { x: 100, y: 50 }]) // { x: [-10, 110], y: [-5, 55] }
 */
export function mapFrame(points: Iterable<{ x: number; y: number }>): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  if (!(x0 <= x1)) return { x: [...WORLD_BBOX.x], y: [...WORLD_BBOX.y] };
  const grow = (a: number, b: number): [number, number] => {
    const pad = Math.max((b - a) * 0.1, (30 - (b - a)) / 2, 0);
    return [a - pad, b + pad];
  };
  const [gx0, gx1] = grow(x0, x1);
  const [gy0, gy1] = grow(y0, y1);
  return {
    x: [Math.max(WORLD_BBOX.x[0], gx0), Math.min(WORLD_BBOX.x[1], gx1)],
    y: [Math.max(WORLD_BBOX.y[0] - 30, gy0), Math.min(WORLD_BBOX.y[1] + 30, gy1)],
  };
}

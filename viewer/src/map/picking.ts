/**
 * Which place is under the pointer.
 *
 * Sigma picks the topmost disc of its picking buffer. Small places are drawn above big ones (so
 * that none hides behind a hub), so at world zoom a small neighbour whose disc overlaps a hub's
 * centre caught the clicks aimed at the hub: Tianjin over Beijing, Montréal over Boston, Hong
 * Kong over Shenzhen. A person aims at the centre of the disc they mean, so among the discs
 * under the pointer the one whose centre is nearest wins; at equal distance the larger one.
 */

import { bezier } from './strong-flows.ts';

/** A drawn disc in viewport pixels. */
export interface Disc {
  id: string;
  x: number;
  y: number;
  radius: number;
}

/** Discs smaller than this (px) are still hit within this distance of their centre: 2-px places stay clickable. */
export const MIN_HIT_RADIUS = 4;

/**
 * The disc under `point` whose centre is nearest to it (ties: the larger disc, then the first),
 * or null when the point is on no disc. A disc is under the point when the point lies within
 * max(radius, MIN_HIT_RADIUS) of its centre.
 *
 * @example
 * pickDisc({ x: 0, y: 0 }, [{ id: 'Beijing', x: 0, y: 0, radius: 20 }, { id: 'Tianjin', x: 3, y: 0, radius: 5 }]) // 'Beijing'
 */
export function pickDisc(point: { x: number; y: number }, discs: Iterable<Disc>): string | null {
  let best: Disc | null = null;
  let bestDistance = Infinity;
  for (const disc of discs) {
    const distance = Math.hypot(point.x - disc.x, point.y - disc.y);
    if (distance > Math.max(disc.radius, MIN_HIT_RADIUS)) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== null && disc.radius > best.radius)) {
      best = disc;
      bestDistance = distance;
    }
  }
  return best === null ? null : best.id;
}

/** What {@link placeUnder} reads of a sigma renderer. */
export interface DrawnPlaces {
  getGraph(): { forEachNode(callback: (node: string) => void): void };
  getNodeDisplayData(node: string): { x: number; y: number; size: number; hidden?: boolean } | undefined;
  framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
  scaleSize(size: number): number;
}

/** The place of a sigma renderer whose drawn disc is under `point` (viewport px), by {@link pickDisc}. */
export function placeUnder(sigma: DrawnPlaces, point: { x: number; y: number }): string | null {
  const discs: Disc[] = [];
  sigma.getGraph().forEachNode((node) => {
    const d = sigma.getNodeDisplayData(node);
    if (!d || d.hidden) return;
    const at = sigma.framedGraphToViewport(d);
    discs.push({ id: node, x: at.x, y: at.y, radius: sigma.scaleSize(d.size) });
  });
  return pickDisc(point, discs);
}

/**
 * Which flow is under the pointer, by geometry as for places. Sigma's own edge picking draws
 * every flow a second time into a picking buffer at each drawing and reads a pixel back at each
 * mouse move: with software WebGL that second pass was a third of each redraw (150 of 460 ms at
 * the calibrated sample's 2,925 flows). The curves are known (focus-overlay.ts's curveControl),
 * so the pointer is tested against them instead.
 */

/** A drawn flow in viewport pixels: a quadratic curve s–c–t and its thickness. */
export interface Curve {
  id: string;
  s: { x: number; y: number };
  c: { x: number; y: number };
  t: { x: number; y: number };
  thickness: number;
  /** Drawing order: the higher is drawn over the lower. */
  z: number;
}

/** Thin flows are still hit within this distance (px) of their centre line. */
export const MIN_FLOW_HIT = 3;
/** Straight pieces a curve is tested as; at 16 the polyline strays under 0.2 % of the chord. */
const CURVE_PIECES = 16;

/** Distance from p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const u = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - (ax + u * dx), py - (ay + u * dy));
}

/** Distance from `point` to the curve s–c–t, or Infinity when the point is outside its box by more than `reach`. */
export function curveDistance(point: { x: number; y: number }, { s, c, t }: Curve, reach = Infinity): number {
  const { x, y } = point;
  if (
    x < Math.min(s.x, c.x, t.x) - reach ||
    x > Math.max(s.x, c.x, t.x) + reach ||
    y < Math.min(s.y, c.y, t.y) - reach ||
    y > Math.max(s.y, c.y, t.y) + reach
  )
    return Infinity;
  let best = Infinity;
  let a = s;
  for (let i = 1; i <= CURVE_PIECES; i++) {
    const b = bezier(s, c, t, i / CURVE_PIECES);
    best = Math.min(best, segmentDistance(x, y, a.x, a.y, b.x, b.y));
    a = b;
  }
  return best;
}

/**
 * The flow under `point`: among the curves within max(thickness / 2, MIN_FLOW_HIT) of it, the
 * one drawn on top (what the person sees there); at equal order, the nearest.
 *
 * @example
 * const arc = { id: 'A->B', s: { x: 0, y: 0 }, c: { x: 50, y: -25 }, t: { x: 100, y: 0 }, thickness: 2, z: 1 };
 * pickCurve({ x: 50, y: -12.5 }, [arc]) // 'A->B' (the curve's middle)
 */
export function pickCurve(point: { x: number; y: number }, curves: Iterable<Curve>): string | null {
  let best: Curve | null = null;
  let bestDistance = Infinity;
  for (const curve of curves) {
    const reach = Math.max(curve.thickness / 2, MIN_FLOW_HIT);
    const distance = curveDistance(point, curve, reach);
    if (distance > reach) continue;
    if (best === null || curve.z > best.z || (curve.z === best.z && distance < bestDistance)) {
      best = curve;
      bestDistance = distance;
    }
  }
  return best === null ? null : best.id;
}

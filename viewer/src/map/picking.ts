/**
 * Which place is under the pointer.
 *
 * Sigma picks the topmost disc of its picking buffer. Small places are drawn above big ones (so
 * that none hides behind a hub), so at world zoom a small neighbour whose disc overlaps a hub's
 * centre caught the clicks aimed at the hub: Tianjin over Beijing, Montréal over Boston, Hong
 * Kong over Shenzhen. A person aims at the centre of the disc they mean, so among the discs
 * under the pointer the one whose centre is nearest wins; at equal distance the larger one.
 */

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

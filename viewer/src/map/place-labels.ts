/**
 * Place labels on the map: sigma's label renderer replaced by one that draws a light halo and
 * skips labels that would overlap one already drawn in the same frame.
 */
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { RenderEdgeAttributes, RenderNodeAttributes } from '../render-graph.ts';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** Label boxes drawn in the current frame (sigma draws the largest places' labels first). */
let labelBoxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
/**
 * The canvas those boxes are on. The PNG export draws the labels again with a renderer of its
 * own, on another canvas: with the map's boxes still in place every label there collided and
 * none was drawn.
 */
let labelContext: CanvasRenderingContext2D | null = null;

/**
 * Labels with a light halo so they read over land, sea and flows, skipped when they would
 * overlap a label already drawn (sigma's grid keeps one label per cell, but neighbouring cells'
 * labels can still collide, e.g. Boston and New York); hubs get a dark ring.
 */
export function drawLabel(
  ctx: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
  settings: Settings<RenderNodeAttributes, RenderEdgeAttributes>,
): void {
  if ((data as { hub?: boolean }).hub) {
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 2.5, 0, Math.PI * 2);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#1f2328';
    ctx.stroke();
  }
  if (!data.label) return;
  if (ctx !== labelContext) {
    labelContext = ctx;
    labelBoxes = [];
  }
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = ctx.measureText(data.label).width;
  // Right of the disc, unless the label (and its 1.5-px halo) would run off the map's right edge: then left of it.
  const right = data.x + data.size + 3;
  const x = right + width + 4 > ctx.canvas.width / ctx.getTransform().a ? data.x - data.size - 3 - width : right;
  const y = data.y + size / 3;
  const box = { x1: x - 2, y1: y - size, x2: x + width + 2, y2: y + 3 };
  const forced = (data as { forceLabel?: boolean }).forceLabel === true;
  if (!forced && labelBoxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) return;
  labelBoxes.push(box);
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineJoin = 'round';
  ctx.strokeText(data.label, x, y);
  ctx.fillStyle = '#1f2328';
  ctx.fillText(data.label, x, y);
}

/** Forgets the label boxes of the last frame (called before each frame is drawn). */
export function clearLabelBoxes(): void {
  labelBoxes = [];
}

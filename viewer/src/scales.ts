/**
 * Visual scales of the map: node radius from a measure, flow width from log(count) (as the SET
 * report draws it), community and net-inflow colours. Colours come from the library's figure
 * palette (src/display/colors.ts) so the viewer, the notebooks and the report figures agree.
 */
import { CATEGORY_COLORS, QUADRANT_COLORS, SIGN_COLORS, mixColors } from 'talentflow/display';
import type { Quadrant } from 'talentflow';

export const NODE_RADIUS = Object.freeze({ min: 2.5, max: 22 });
export const EDGE_WIDTH = Object.freeze({ min: 0.4, max: 6 });
export const NEUTRAL_NODE = '#b4b4b4';
export const OTHER_COLOR = '#9e9e9e';
/** How many communities (or sources) get their own colour; the rest share OTHER_COLOR. */
export const CATEGORY_LIMIT = CATEGORY_COLORS.length;

/**
 * Node radius (px at zoom 1) for a value: area proportional to value / max, between
 * NODE_RADIUS.min and .max. Missing or negative values get the minimum.
 *
 * @example nodeRadius(25, 100) // 2.5 + (22 − 2.5) × √0.25 = 12.25
 */
export function nodeRadius(value: number | null, max: number): number {
  if (value === null || !(value > 0) || !(max > 0)) return NODE_RADIUS.min;
  return NODE_RADIUS.min + (NODE_RADIUS.max - NODE_RADIUS.min) * Math.sqrt(Math.min(1, value / max));
}

/**
 * Flow width (px) from log(count): EDGE_WIDTH.min + (max − min) × ln(1 + w) / ln(1 + wMax).
 *
 * @example edgeWidth(100, 10000) // 0.4 + 6.6 × ln(101)/ln(10001) ≈ 3.70
 */
export function edgeWidth(weight: number, maxWeight: number): number {
  if (!(weight > 0) || !(maxWeight > 0)) return EDGE_WIDTH.min;
  return EDGE_WIDTH.min + (EDGE_WIDTH.max - EDGE_WIDTH.min) * (Math.log1p(weight) / Math.log1p(Math.max(weight, maxWeight)));
}

/** Colour of community `id` (0 = largest): its own colour among the first CATEGORY_LIMIT, grey after. */
export function communityColor(id: unknown): string {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= CATEGORY_LIMIT) return OTHER_COLOR;
  return CATEGORY_COLORS[id]!;
}

/** Colour of the i-th ranked category (a top source); grey past the palette. */
export function rankColor(rank: number): string {
  return rank >= 0 && rank < CATEGORY_LIMIT - 1 ? CATEGORY_COLORS[rank]! : OTHER_COLOR;
}

/**
 * Net inflow on a diverging scale centred on 0: red for gains, blue for losses (the library's
 * sign colours), grey at 0, saturating at ±maxAbs with a square-root ramp so small nets show.
 *
 * @example netInflowColor(0, 100) // '#b4b4b4'
 */
export function netInflowColor(value: number | null, maxAbs: number): string {
  if (value === null || !Number.isFinite(value) || !(maxAbs > 0) || value === 0) return NEUTRAL_NODE;
  const t = Math.sqrt(Math.min(1, Math.abs(value) / maxAbs));
  return mixColors(NEUTRAL_NODE, value > 0 ? SIGN_COLORS.positive : SIGN_COLORS.negative, t);
}

/** `#rrggbb` with an alpha in [0, 1] as `#rrggbbaa` (sigma reads both). */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255);
  return `${hex.slice(0, 7)}${a.toString(16).padStart(2, '0')}`;
}

/**
 * `#rrggbbaa` (straight alpha) as the premultiplied colour sigma's WebGL layers need: the page
 * composites those canvases as premultiplied, so a faint flow given as straight alpha would show
 * lighter than its colour (orange as yellow, a faded grey as white).
 *
 * @example premultiply('#ff800080') // '#80400080'
 */
export function premultiply(color: string): string {
  if (color.length !== 9) return color;
  const a = parseInt(color.slice(7, 9), 16) / 255;
  const channel = (i: number) =>
    Math.round(parseInt(color.slice(i, i + 2), 16) * a)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}${color.slice(7, 9)}`;
}

/** Colour of a place without a quadrant (no stock, no flow). */
export const NO_QUADRANT_COLOR = '#dddddd';

/** A place's colour by its quadrant (the figures' colours: leaders red, risers orange, incumbents blue, laggards grey). */
export function quadrantColor(quadrant: unknown): string {
  return typeof quadrant === 'string' && quadrant in QUADRANT_COLORS ? QUADRANT_COLORS[quadrant as Quadrant] : NO_QUADRANT_COLOR;
}

/**
 * `#rrggbb[aa]` with its alpha multiplied by `k` (capped at opaque).
 *
 * @example scaleAlpha('#ff000080', 0.5) // '#ff000040'
 */
export function scaleAlpha(color: string, k: number): string {
  const a = color.length === 9 ? parseInt(color.slice(7, 9), 16) / 255 : 1;
  return `${color.slice(0, 7)}${Math.round(Math.min(1, a * k) * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

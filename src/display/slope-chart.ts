/**
 * A slope chart: each item's value in two periods (or under two measures) as two dots joined by
 * a line, so rises, falls and crossings of zero read at a glance (China's net migration rate,
 * negative in 1998–2004 and positive in 2012–2018). Lines that rise are red, lines that fall
 * blue (the diverging colours of the net inflow charts); a zero line is drawn when the values
 * straddle it. Labels sit on both sides, nudged apart so they do not overlap. Pure: returns SVG text.
 */
import { SIGN_COLORS } from './colors.ts';
import { formatNumber, textWidth } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';
import { OptionError } from '../errors.ts';

/** One line of the chart. */
export interface SlopeItem {
  /** Shown on both sides; also written as `data-label`. */
  label: string;
  left: number;
  right: number;
}

export interface SlopeChartOptions {
  title?: string;
  /** Headings over the two columns, e.g. the periods. */
  leftLabel?: string;
  rightLabel?: string;
  /** Significant digits of the values printed beside the labels. */
  digits?: number;
  /** Plot height in pixels (the figure adds margins). */
  height?: number;
  /** Horizontal distance between the two columns, in pixels. */
  width?: number;
}

/** Defaults of {@link slopeChartSvg}. */
export const SLOPE_CHART_DEFAULTS: Readonly<Required<SlopeChartOptions>> = Object.freeze({
  title: '',
  leftLabel: 'before',
  rightLabel: 'after',
  digits: 3,
  height: 360,
  width: 220,
});

const LINE = 14;

/** Places label centres at least LINE apart, as close as possible to where they want to be. */
function spread(wanted: number[], top: number, bottom: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]!);
  const placed = new Array<number>(wanted.length);
  let last = -Infinity;
  for (const i of order) {
    placed[i] = Math.max(wanted[i]!, last + LINE);
    last = placed[i]!;
  }
  // Pushed past the bottom: shift the run back up, keeping the gaps.
  let limit = bottom;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    if (placed[i]! > limit) placed[i] = limit;
    limit = placed[i]! - LINE;
  }
  return placed.map((y) => Math.max(top, y));
}

/**
 * Draws a slope chart of `items`.
 *
 * @param items - label, left value, right value (finite numbers).
 * @param options - see {@link SLOPE_CHART_DEFAULTS}.
 * @throws OptionError on an empty list or a non-finite value.
 * @example
 * asSvg(slopeChartSvg([{ label: 'China', left: -0.0016, right: 0.0005 }], { leftLabel: '1998–2004', rightLabel: '2012–2018' }))
 */
export function slopeChartSvg(items: readonly SlopeItem[], options: SlopeChartOptions = {}): string {
  const o = { ...SLOPE_CHART_DEFAULTS, ...options };
  if (!Array.isArray(items) || items.length === 0) throw new OptionError('items', items, 'at least one { label, left, right }');
  for (const it of items) {
    if (!Number.isFinite(it.left) || !Number.isFinite(it.right)) throw new OptionError('items', it, 'finite left and right values');
  }
  const fmt = (v: number) => formatNumber(v, o.digits);
  const leftTexts = items.map((it) => `${it.label} ${fmt(it.left)}`);
  const rightTexts = items.map((it) => `${fmt(it.right)} ${it.label}`);
  const leftWidth = Math.max(...leftTexts.map((t) => textWidth(t, 12)), textWidth(o.leftLabel, 12)) + 12;
  const rightWidth = Math.max(...rightTexts.map((t) => textWidth(t, 12)), textWidth(o.rightLabel, 12)) + 12;
  const top = o.title ? 52 : 32;
  const x1 = 10 + leftWidth;
  const x2 = x1 + o.width;
  const values = items.flatMap((it) => [it.left, it.right]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) (lo -= 1), (hi += 1);
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * o.height;
  const leftY = spread(
    items.map((it) => y(it.left)),
    top,
    top + o.height,
  );
  const rightY = spread(
    items.map((it) => y(it.right)),
    top,
    top + o.height,
  );

  const parts: string[] = [];
  if (o.title) parts.push(text(o.title, { x: 10, y: 20, 'font-size': 14, 'font-weight': 600 }));
  parts.push(text(o.leftLabel, { x: x1, y: top - 12, 'text-anchor': 'end', 'font-weight': 600 }));
  parts.push(text(o.rightLabel, { x: x2, y: top - 12, 'font-weight': 600 }));
  parts.push(el('line', { x1, x2: x1, y1: top, y2: top + o.height, stroke: '#d0d0d0' }));
  parts.push(el('line', { x1: x2, x2, y1: top, y2: top + o.height, stroke: '#d0d0d0' }));
  if (lo < 0 && hi > 0) {
    parts.push(el('line', { class: 'zero', x1, x2, y1: y(0), y2: y(0), stroke: '#888888', 'stroke-dasharray': '4 3' }));
    parts.push(text('0', { x: (x1 + x2) / 2, y: y(0) - 4, 'text-anchor': 'middle', fill: '#666666', 'font-size': 10 }));
  }
  items.forEach((it, i) => {
    const color = it.right > it.left ? SIGN_COLORS.positive : it.right < it.left ? SIGN_COLORS.negative : SIGN_COLORS.neutral;
    parts.push(
      el(
        'g',
        { class: 'slope', 'data-label': it.label },
        title(`${it.label}: ${fmt(it.left)} → ${fmt(it.right)}`),
        el('line', { x1, y1: y(it.left), x2, y2: y(it.right), stroke: color, 'stroke-width': 2 }),
        el('circle', { cx: x1, cy: y(it.left), r: 3.5, fill: color }),
        el('circle', { cx: x2, cy: y(it.right), r: 3.5, fill: color }),
        text(leftTexts[i]!, { x: x1 - 8, y: leftY[i]! + 4, 'text-anchor': 'end' }),
        text(rightTexts[i]!, { x: x2 + 8, y: rightY[i]! + 4 }),
      ),
    );
  });
  return svgDocument(x2 + rightWidth + 10, top + o.height + 20, parts.join(''), o.title || `${o.leftLabel} → ${o.rightLabel}`);
}

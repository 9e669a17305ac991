/**
 * Bar (or lollipop) chart of one measure per place: net inflow, PageRank, inflow ratio …
 * Horizontal bars from a zero line, so negative values (net exporters) extend to the left.
 * Bar length is proportional to the value: width = |value| × (plot width / (max − min)),
 * with the domain [min(0, values), max(0, values)].
 */
import { OptionError } from '../errors.ts';
import type { NodeMeasure } from '../analyses/types.ts';
import { SIGN_COLORS } from './colors.ts';
import { formatNumber, textWidth } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';
import { niceTicks } from './ticks.ts';
import { compareKeys } from '../compare-keys.ts';

export interface BarChartOptions {
  /** Places shown. */
  limit?: number;
  /** Which places: the largest values, the smallest, or both ends (half each). */
  pick?: 'top' | 'bottom' | 'extremes';
  /** Bars, or lollipops (a stem and a dot). */
  style?: 'bar' | 'lollipop';
  /** Display names by node key (default: the key). */
  labels?: Record<string, string> | null;
  /** Places drawn in the highlight colour. */
  highlight?: string[];
  /** Decimals of non-integer value labels. */
  digits?: number;
  /** Width of the plot area in px (labels come on top of it). */
  plotWidth?: number;
  /** Height of one bar in px. */
  barHeight?: number;
  /** Figure title. */
  title?: string;
  /** Caption under the axis (the unit). */
  valueLabel?: string;
}

/**
 * Defaults of {@link measureChartSvg}: `limit` _number_ (15); `pick` ('top'); `style` ('bar');
 * `labels` (null); `highlight` ([]); `digits` (3); `plotWidth` (360) px; `barHeight` (18) px;
 * `title` ('Measure by place'); `valueLabel` ('').
 */
export const BAR_CHART_DEFAULTS: Readonly<Required<BarChartOptions>> = Object.freeze({
  limit: 15,
  pick: 'top',
  style: 'bar',
  labels: null,
  highlight: [],
  digits: 3,
  plotWidth: 360,
  barHeight: 18,
  title: 'Measure by place',
  valueLabel: '',
});

function checkOptions(options: BarChartOptions): Required<BarChartOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in BAR_CHART_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(BAR_CHART_DEFAULTS).join(', ')}`);
  }
  const o = { ...BAR_CHART_DEFAULTS, ...options };
  if (!Number.isInteger(o.limit) || o.limit < 1) throw new OptionError('limit', o.limit, 'an integer ≥ 1');
  if (!['top', 'bottom', 'extremes'].includes(o.pick)) throw new OptionError('pick', o.pick, "'top', 'bottom' or 'extremes'");
  if (o.style !== 'bar' && o.style !== 'lollipop') throw new OptionError('style', o.style, "'bar' or 'lollipop'");
  if (!(o.plotWidth > 0)) throw new OptionError('plotWidth', o.plotWidth, 'a positive number of pixels');
  if (!(o.barHeight > 0)) throw new OptionError('barHeight', o.barHeight, 'a positive number of pixels');
  return o;
}

/** The places shown, largest value first (ties by key), after dropping nulls. */
export function pickEntries(measure: NodeMeasure, limit: number, pick: 'top' | 'bottom' | 'extremes'): [string, number][] {
  const entries = Object.entries(measure)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .sort(([ka, a], [kb, b]) => b - a || compareKeys(ka, kb));
  if (entries.length <= limit) return entries;
  if (pick === 'top') return entries.slice(0, limit);
  if (pick === 'bottom') return entries.slice(entries.length - limit);
  const head = Math.ceil(limit / 2);
  return [...entries.slice(0, head), ...entries.slice(entries.length - (limit - head))];
}

/**
 * SVG bar or lollipop chart of a per-place measure. Positive bars are red, negative blue (gain
 * and loss, as net inflow reads); with only non-negative values bars are one colour, and
 * `highlight`ed places are red. Each bar carries `data-place` and `data-value`, and a hover title.
 *
 * @param measure - node key → value (nulls are left out and counted in a note).
 * @param options - {@link BAR_CHART_DEFAULTS}.
 * @returns a standalone SVG string.
 * @throws OptionError on a bad option.
 * @example
 * measureChartSvg(netInflow(graph), { pick: 'extremes', title: 'Net inflow', valueLabel: 'moves' });
 */
export function measureChartSvg(measure: NodeMeasure, options: BarChartOptions = {}): string {
  const o = checkOptions(options);
  const entries = pickEntries(measure, o.limit, o.pick);
  const missing = Object.values(measure).filter((v) => typeof v !== 'number' || !Number.isFinite(v)).length;
  const label = (key: string): string => o.labels?.[key] ?? key;
  const values = entries.map(([, v]) => v);
  const lo = Math.min(0, ...values);
  const hiRaw = Math.max(0, ...values);
  const hi = hiRaw === lo ? lo + 1 : hiRaw;
  const scale = o.plotWidth / (hi - lo);
  const fontSize = 11;
  const labelWidth = Math.max(40, ...entries.map(([k]) => textWidth(label(k), fontSize))) + 12;
  const valueWidth = Math.max(40, ...values.map((v) => textWidth(formatNumber(v, o.digits), 10))) + 8;
  const leftPad = lo < 0 ? valueWidth : 0;
  const x0 = labelWidth + leftPad;
  const zeroX = x0 + (0 - lo) * scale;
  const top = 34;
  const step = o.barHeight + 6;
  const plotHeight = Math.max(1, entries.length) * step;
  const signed = lo < 0;
  const highlight = new Set(o.highlight);
  const colorOf = (key: string, v: number): string =>
    signed ? (v < 0 ? SIGN_COLORS.negative : SIGN_COLORS.positive) : highlight.has(key) ? SIGN_COLORS.positive : SIGN_COLORS.neutral;
  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  for (const t of niceTicks(lo, hi, 4)) {
    const tx = zeroX + t * scale;
    parts.push(el('line', { x1: tx, x2: tx, y1: top - 4, y2: top + plotHeight, stroke: '#eeeeee' }));
    parts.push(
      text(formatNumber(t, o.digits), { x: tx, y: top + plotHeight + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#666' }),
    );
  }
  entries.forEach(([key, v], i) => {
    const y = top + i * step;
    const length = Math.abs(v) * scale;
    const end = v < 0 ? zeroX - length : zeroX + length;
    const color = colorOf(key, v);
    const mark =
      o.style === 'bar'
        ? el('rect', {
            class: 'bar',
            x: v < 0 ? end : zeroX,
            y,
            width: length,
            height: o.barHeight,
            fill: color,
            'data-place': key,
            'data-value': String(v),
          })
        : el('line', {
            class: 'stem',
            x1: zeroX,
            x2: end,
            y1: y + o.barHeight / 2,
            y2: y + o.barHeight / 2,
            stroke: color,
            'stroke-width': 2,
            'data-place': key,
            'data-value': String(v),
          }) + el('circle', { cx: end, cy: y + o.barHeight / 2, r: Math.min(6, o.barHeight / 3), fill: color });
    const valueText = text(formatNumber(v, o.digits), {
      x: v < 0 ? end - 4 : end + 4,
      y: y + o.barHeight / 2 + 4,
      'text-anchor': v < 0 ? 'end' : 'start',
      'font-size': 10,
      fill: '#333',
    });
    parts.push(
      el(
        'g',
        {},
        title(`${label(key)}: ${formatNumber(v, o.digits)}${o.valueLabel ? ` ${o.valueLabel}` : ''}`),
        text(label(key), {
          x: labelWidth - 8,
          y: y + o.barHeight / 2 + 4,
          'text-anchor': 'end',
          'font-size': fontSize,
          fill: '#333',
          'font-weight': highlight.has(key) ? 600 : null,
        }),
        mark,
        valueText,
      ),
    );
  });
  parts.push(el('line', { x1: zeroX, x2: zeroX, y1: top - 4, y2: top + plotHeight, stroke: '#333' }));
  const notes = [o.valueLabel, missing > 0 ? `${missing} place${missing === 1 ? '' : 's'} without a value not shown` : '']
    .filter(Boolean)
    .join(' · ');
  if (notes) parts.push(text(notes, { x: x0, y: top + plotHeight + 30, 'font-size': 10, fill: '#666' }));
  const width = Math.max(x0 + o.plotWidth + valueWidth + 10, textWidth(o.title, 14) * 1.1 + 20);
  const height = top + plotHeight + (notes ? 40 : 24);
  return svgDocument(width, height, parts.join(''), o.title);
}

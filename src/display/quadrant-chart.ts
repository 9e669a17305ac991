/**
 * Stock against momentum as a scatter plot (analyses/quadrants.ts): size on a log axis
 * (log10(1 + size), so a size of 0 has a place; from the power of ten below the smallest size), momentum on a linear axis, the two thresholds as
 * dashed lines, each place a dot coloured by its quadrant, the largest places labelled.
 */
import { OptionError } from '../errors.ts';
import type { QuadrantsResult, Quadrant } from '../analyses/quadrants.ts';
import { QUADRANTS } from '../analyses/quadrants.ts';
import { QUADRANT_COLORS } from './colors.ts';
import { formatNumber, textWidth } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';
import { niceTicks } from './ticks.ts';
import { compareKeys } from '../compare-keys.ts';

export { QUADRANT_COLORS };

export interface QuadrantChartOptions {
  /** Display names by node key (default: the key). */
  labels?: Record<string, string> | null;
  /** How many places, largest first, get a text label. */
  labelCount?: number;
  /** Plot area in px. */
  plotWidth?: number;
  plotHeight?: number;
  title?: string;
}

/**
 * Defaults of {@link quadrantChartSvg}: `labels` (null), `labelCount` (12), `plotWidth` (520),
 * `plotHeight` (360), `title` ('Stock against momentum').
 */
export const QUADRANT_CHART_DEFAULTS: Readonly<Required<QuadrantChartOptions>> = Object.freeze({
  labels: null,
  labelCount: 12,
  plotWidth: 520,
  plotHeight: 360,
  title: 'Stock against momentum',
});

const AXES = {
  stock: { x: 'stock (active researchers, log scale)', y: 'inflow ratio' },
  inflow: { x: 'inflow (moves in, log scale)', y: 'net rate (in − out) / (in + out)' },
};

/**
 * The quadrant scatter of a {@link QuadrantsResult} as a standalone SVG string. Each dot carries
 * `data-place` and `data-quadrant` and a hover title.
 *
 * @throws OptionError on a bad option.
 * @example quadrantChartSvg(quadrants(graph), { labels: { 'Hong Kong': 'Hong Kong SAR' } });
 */
export function quadrantChartSvg(
  result: Pick<QuadrantsResult, 'basis' | 'size' | 'momentum' | 'quadrant' | 'thresholds'>,
  options: QuadrantChartOptions = {},
): string {
  for (const key of Object.keys(options)) {
    if (!(key in QUADRANT_CHART_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(QUADRANT_CHART_DEFAULTS).join(', ')}`);
  }
  const o = { ...QUADRANT_CHART_DEFAULTS, ...options };
  if (!Number.isInteger(o.labelCount) || o.labelCount < 0) throw new OptionError('labelCount', o.labelCount, 'an integer ≥ 0');
  if (!(o.plotWidth > 0) || !(o.plotHeight > 0)) throw new OptionError('plotWidth', o.plotWidth, 'positive numbers of pixels');
  const label = (key: string) => o.labels?.[key] ?? key;
  const points = Object.keys(result.quadrant)
    .filter((k) => result.quadrant[k] !== null)
    .map((k) => ({ key: k, size: result.size[k]!, momentum: result.momentum[k]!, quadrant: result.quadrant[k]! }))
    .sort((a, b) => b.size - a.size || compareKeys(a.key, b.key));
  const lx = (v: number) => Math.log10(1 + Math.max(0, v));
  const xs = points.map((p) => lx(p.size));
  const ys = points.map((p) => p.momentum);
  const { size: sCut, momentum: mCut } = result.thresholds;
  // From the power of ten below the smallest size (0 when a size is below 1).
  const smallest = Math.min(...points.map((p) => p.size));
  const xLo = smallest >= 1 ? Math.floor(Math.log10(smallest)) : 0;
  const xHi = Math.max(1, ...xs) * 1.05;
  let yLo = Math.min(...ys, mCut ?? Infinity);
  let yHi = Math.max(...ys, mCut ?? -Infinity);
  if (!Number.isFinite(yLo) || !Number.isFinite(yHi)) [yLo, yHi] = [0, 1];
  const pad = (yHi - yLo || 1) * 0.08;
  yLo -= pad;
  yHi += pad;
  const left = 64;
  const top = 34;
  const px = (v: number) => left + ((lx(v) - xLo) / (xHi - xLo)) * o.plotWidth;
  const py = (v: number) => top + (1 - (v - yLo) / (yHi - yLo)) * o.plotHeight;
  const axes = AXES[result.basis];
  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  parts.push(el('rect', { x: left, y: top, width: o.plotWidth, height: o.plotHeight, fill: 'none', stroke: '#cccccc' }));
  // Size ticks at 0 and powers of ten.
  const sizeTicks = xLo === 0 ? [0] : [];
  for (let t = 10 ** xLo; lx(t) <= xHi; t *= 10) sizeTicks.push(t);
  for (const t of sizeTicks) {
    const x = px(t);
    parts.push(el('line', { x1: x, x2: x, y1: top, y2: top + o.plotHeight, stroke: '#f0f0f0' }));
    parts.push(text(formatNumber(t), { x, y: top + o.plotHeight + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#666' }));
  }
  for (const t of niceTicks(yLo, yHi, 5)) {
    const y = py(t);
    parts.push(el('line', { x1: left, x2: left + o.plotWidth, y1: y, y2: y, stroke: '#f0f0f0' }));
    parts.push(text(formatNumber(t, 2), { x: left - 6, y: y + 3, 'text-anchor': 'end', 'font-size': 10, fill: '#666' }));
  }
  if (sCut !== null && mCut !== null) {
    const cx = px(sCut);
    const cy = py(mCut);
    parts.push(
      el('line', { class: 'threshold', x1: cx, x2: cx, y1: top, y2: top + o.plotHeight, stroke: '#555', 'stroke-dasharray': '4 3' }),
    );
    parts.push(
      el('line', { class: 'threshold', x1: left, x2: left + o.plotWidth, y1: cy, y2: cy, stroke: '#555', 'stroke-dasharray': '4 3' }),
    );
    const corner = (q: Quadrant, x: number, y: number, anchor: string) =>
      text(q === 'leader' ? 'leaders' : `${q}s`, {
        x,
        y,
        'text-anchor': anchor,
        'font-size': 11,
        'font-weight': 600,
        fill: QUADRANT_COLORS[q],
      });
    parts.push(corner('riser', left + 6, top + 14, 'start'), corner('leader', left + o.plotWidth - 6, top + 14, 'end'));
    parts.push(
      corner('laggard', left + 6, top + o.plotHeight - 6, 'start'),
      corner('incumbent', left + o.plotWidth - 6, top + o.plotHeight - 6, 'end'),
    );
  }
  for (const p of [...points].reverse()) {
    const tip = `${label(p.key)}: ${p.quadrant}, size ${formatNumber(p.size)}, momentum ${formatNumber(p.momentum, 3)}`;
    parts.push(
      el(
        'circle',
        {
          cx: px(p.size),
          cy: py(p.momentum),
          r: 4,
          fill: QUADRANT_COLORS[p.quadrant],
          'fill-opacity': 0.85,
          stroke: '#ffffff',
          'data-place': p.key,
          'data-quadrant': p.quadrant,
        },
        title(tip),
      ),
    );
  }
  // The largest places, and the three of most momentum.
  const byMomentum = [...points].sort((a, b) => b.momentum - a.momentum || compareKeys(a.key, b.key)).slice(0, Math.min(3, o.labelCount));
  for (const p of new Set([...points.slice(0, o.labelCount), ...byMomentum])) {
    parts.push(text(label(p.key), { x: px(p.size) + 6, y: py(p.momentum) - 5, 'font-size': 10, fill: '#333' }));
  }
  parts.push(
    text(axes.x, { x: left + o.plotWidth / 2, y: top + o.plotHeight + 32, 'text-anchor': 'middle', 'font-size': 11, fill: '#333' }),
  );
  parts.push(
    text(axes.y, {
      x: 14,
      y: top + o.plotHeight / 2,
      'text-anchor': 'middle',
      'font-size': 11,
      fill: '#333',
      transform: `rotate(-90 14 ${top + o.plotHeight / 2})`,
    }),
  );
  const legend = QUADRANTS.map((q, i) => {
    const x = left + i * 110;
    const y = top + o.plotHeight + 52;
    return el('circle', { cx: x, cy: y - 4, r: 4, fill: QUADRANT_COLORS[q] }) + text(q, { x: x + 8, y, 'font-size': 11, fill: '#333' });
  }).join('');
  parts.push(legend);
  const width = Math.max(left + o.plotWidth + 90, textWidth(o.title, 14) + 20);
  return svgDocument(width, top + o.plotHeight + 64, parts.join(''), o.title);
}

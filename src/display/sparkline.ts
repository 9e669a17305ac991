/**
 * A sparkline of a yearly series: one bar per year from a zero line, red above (net gain), blue
 * below (net loss), the diverging colours of the net inflow charts; each bar carries its year and
 * value (`data-year`, `data-value`) and a tooltip. Small enough for a place card. Pure: SVG text.
 */
import { SIGN_COLORS } from './colors.ts';
import { escapeXml, num } from './format.ts';

/** One bar: a year, its value, and the tooltip text. */
export interface SparkPoint {
  year: number;
  value: number;
  title?: string;
}

export interface SparklineOptions {
  /** Pixels. */
  width?: number;
  height?: number;
  /** Accessible label of the figure. */
  label?: string;
}

/** Defaults of {@link sparklineSvg}. */
export const SPARKLINE_DEFAULTS: Readonly<Required<SparklineOptions>> = Object.freeze({ width: 240, height: 48, label: 'yearly series' });

/**
 * Draws the bars of `points` (years in any order; missing years leave a gap).
 *
 * @example sparklineSvg([{ year: 2019, value: -3 }, { year: 2020, value: 5 }], { label: 'net inflow by year' })
 */
export function sparklineSvg(points: readonly SparkPoint[], options: SparklineOptions = {}): string {
  const o = { ...SPARKLINE_DEFAULTS, ...options };
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" role="img" aria-label="${escapeXml(o.label)}">`;
  if (points.length === 0) return `${head}</svg>`;
  const years = points.map((p) => p.year);
  const first = Math.min(...years);
  const span = Math.max(...years) - first + 1;
  const max = Math.max(...points.map((p) => Math.abs(p.value)), 1e-12);
  const anyNegative = points.some((p) => p.value < 0);
  const anyPositive = points.some((p) => p.value > 0);
  // The zero line sits where the data need room: mid-height when values have both signs.
  const zero = anyNegative && anyPositive ? o.height / 2 : anyNegative ? 1 : o.height - 1;
  const scale = (anyNegative && anyPositive ? o.height / 2 - 1 : o.height - 2) / max;
  const step = o.width / span;
  const bars = [...points]
    .sort((a, b) => a.year - b.year)
    .map((p) => {
      const h = Math.abs(p.value) * scale;
      const y = p.value >= 0 ? zero - h : zero;
      const fill = p.value > 0 ? SIGN_COLORS.positive : p.value < 0 ? SIGN_COLORS.negative : SIGN_COLORS.neutral;
      const tip = p.title ?? `${p.year}: ${p.value}`;
      return (
        `<rect data-year="${p.year}" data-value="${p.value}" x="${num((p.year - first) * step + step * 0.1)}" y="${num(y)}" ` +
        `width="${num(step * 0.8)}" height="${num(Math.max(h, 0.5))}" fill="${fill}"><title>${escapeXml(tip)}</title></rect>`
      );
    })
    .join('');
  return `${head}<line x1="0" x2="${o.width}" y1="${num(zero)}" y2="${num(zero)}" stroke="#999999" stroke-width="0.5"/>${bars}</svg>`;
}

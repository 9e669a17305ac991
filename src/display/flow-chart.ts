/**
 * Top sources into a destination, drawn as in the SET Index 2024 report's figure 4.5.2: the
 * sources on the left, the destination on the right, one curve per flow whose width grows with
 * the logarithm of its count — stroke width = maxStroke · ln(1 + count) / ln(1 + largest count)
 * (the same scale across panels, so panels compare). ln(1 + x) rather than ln(x) so a flow of 1
 * still has a width.
 */
import { OptionError } from '../errors.ts';
import type { TopFlow, TopFlows } from '../analyses/types.ts';
import { CATEGORY_COLORS } from './colors.ts';
import { formatNumber, num, textWidth } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';

export interface FlowChartOptions {
  /** Sources per destination (the report shows five). */
  limit?: number;
  /** Which count: moves (`weight`), distinct `researchers`, or `auto` (researchers when every flow has them). */
  value?: 'auto' | 'weight' | 'researchers';
  /** Flows below this count are left out (the report shows only flows of at least 100). */
  minCount?: number;
  /** Width in px of the largest flow's line. */
  maxStroke?: number;
  /** Width in px below which no line is drawn thinner. */
  minStroke?: number;
  /** Display names by node key. */
  labels?: Record<string, string> | null;
  /** Figure title. */
  title?: string;
}

/**
 * Defaults of {@link topSourcesSvg}: `limit` _number_ (5); `value` ('auto'); `minCount` (0);
 * `maxStroke` (16) px; `minStroke` (1) px; `labels` (null); `title` ('Top sources').
 */
export const FLOW_CHART_DEFAULTS: Readonly<Required<FlowChartOptions>> = Object.freeze({
  limit: 5,
  value: 'auto',
  minCount: 0,
  maxStroke: 16,
  minStroke: 1,
  labels: null,
  title: 'Top sources',
});

function checkOptions(options: FlowChartOptions): Required<FlowChartOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in FLOW_CHART_DEFAULTS)) throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(FLOW_CHART_DEFAULTS).join(', ')}`);
  }
  const o = { ...FLOW_CHART_DEFAULTS, ...options };
  if (!Number.isInteger(o.limit) || o.limit < 1) throw new OptionError('limit', o.limit, 'an integer ≥ 1');
  if (!['auto', 'weight', 'researchers'].includes(o.value)) throw new OptionError('value', o.value, "'auto', 'weight' or 'researchers'");
  if (!(o.minCount >= 0)) throw new OptionError('minCount', o.minCount, 'a number ≥ 0');
  if (!(o.maxStroke > 0) || !(o.minStroke >= 0) || o.minStroke > o.maxStroke) {
    throw new OptionError('maxStroke', o.maxStroke, 'a positive width ≥ minStroke');
  }
  return o;
}

/** The count a flow is drawn with under `value`. */
function countOf(flow: TopFlow, useResearchers: boolean): number {
  return useResearchers ? (flow.researchers ?? flow.weight) : flow.weight;
}

/**
 * Stroke width of a flow of `count` when the largest drawn flow has `maxCount`:
 * max(minStroke, maxStroke · ln(1 + count) / ln(1 + maxCount)).
 *
 * @example
 * flowStrokeWidth(99, 9999, 16, 1); // 16 · ln 100 / ln 10000 = 8
 */
export function flowStrokeWidth(count: number, maxCount: number, maxStroke: number, minStroke: number): number {
  if (!(maxCount > 0)) return minStroke;
  return Math.max(minStroke, (maxStroke * Math.log1p(Math.max(0, count))) / Math.log1p(maxCount));
}

/**
 * SVG chart of the largest sources of one or several destinations (one panel each). Each line
 * carries `data-source`, `data-target` and `data-count` and a hover title.
 *
 * @param topFlows - the result of `topSources(graph, …)`: destination → its sources, largest first.
 * @param destination - one destination key or several (one panel each, in this order).
 * @param options - {@link FLOW_CHART_DEFAULTS}.
 * @returns a standalone SVG string.
 * @throws OptionError on a bad option or a destination missing from `topFlows`.
 * @example
 * topSourcesSvg(topSources(graph), ['Shenzhen', 'Hong Kong'], { minCount: 100 });
 */
export function topSourcesSvg(topFlows: TopFlows, destination: string | string[], options: FlowChartOptions = {}): string {
  const o = checkOptions(options);
  const destinations = Array.isArray(destination) ? destination : [destination];
  if (destinations.length === 0) throw new OptionError('destination', destination, 'at least one destination');
  for (const d of destinations) {
    if (!(d in topFlows)) throw new OptionError('destination', d, `a place of the top-flows result (${Object.keys(topFlows).slice(0, 5).join(', ')}…)`);
  }
  const all = destinations.flatMap((d) => topFlows[d]!);
  const useResearchers = o.value === 'researchers' || (o.value === 'auto' && all.length > 0 && all.every((f) => f.researchers !== null));
  const unit = useResearchers ? 'researchers' : 'moves';
  const panels = destinations.map((d) => ({
    destination: d,
    flows: topFlows[d]!.filter((f) => countOf(f, useResearchers) >= o.minCount).slice(0, o.limit),
  }));
  const maxCount = Math.max(0, ...panels.flatMap((p) => p.flows.map((f) => countOf(f, useResearchers))));
  const label = (key: string): string => o.labels?.[key] ?? key;
  const fontSize = 12;
  const sourceLabels = panels.flatMap((p) => p.flows.map((f) => `${label(f.place)}  ${formatNumber(countOf(f, useResearchers))}`));
  const leftWidth = Math.max(80, ...sourceLabels.map((s) => textWidth(s, fontSize))) + 20;
  const curveWidth = 260;
  const rightWidth = Math.max(100, ...destinations.map((d) => textWidth(label(d), 13) + 10), textWidth(`top ${o.limit}: 000,000 ${unit}`, 10) + 10);
  const rowStep = Math.max(26, o.maxStroke + 8);
  const top = 36;
  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  let y = top;
  for (const panel of panels) {
    const rows = Math.max(1, panel.flows.length);
    const panelHeight = rows * rowStep;
    const dx = leftWidth + curveWidth;
    const dy = y + panelHeight / 2;
    const total = panel.flows.reduce((s, f) => s + countOf(f, useResearchers), 0);
    panel.flows.forEach((f, i) => {
      const count = countOf(f, useResearchers);
      const sy = y + i * rowStep + rowStep / 2;
      const sx = leftWidth;
      const mx = sx + curveWidth / 2;
      const width = flowStrokeWidth(count, maxCount, o.maxStroke, o.minStroke);
      const color = CATEGORY_COLORS[i % CATEGORY_COLORS.length]!;
      parts.push(
        el(
          'g',
          {},
          title(`${label(f.place)} → ${label(panel.destination)}: ${formatNumber(count)} ${unit} (rank ${f.rank})`),
          el('path', {
            class: 'flow',
            d: `M${num(sx)},${num(sy)} C${num(mx)},${num(sy)} ${num(mx)},${num(dy)} ${num(dx)},${num(dy)}`,
            fill: 'none',
            stroke: color,
            'stroke-opacity': 0.75,
            'stroke-width': width,
            'stroke-linecap': 'butt',
            'data-source': f.place,
            'data-target': panel.destination,
            'data-count': String(count),
          }),
          text(label(f.place), { x: sx - 8, y: sy + 4, 'text-anchor': 'end', 'font-size': fontSize, fill: '#222' }),
          text(formatNumber(count), { x: sx - 8, y: sy + 16, 'text-anchor': 'end', 'font-size': 10, fill: '#666' }),
        ),
      );
    });
    if (panel.flows.length === 0) {
      parts.push(text(`no source with at least ${formatNumber(o.minCount)} ${unit}`, { x: leftWidth - 8, y: dy + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#999' }));
    }
    parts.push(el('circle', { cx: dx, cy: dy, r: 5, fill: '#333' }));
    parts.push(text(label(panel.destination), { x: dx + 10, y: dy + 1, 'font-size': 13, 'font-weight': 600, fill: '#111' }));
    parts.push(text(`top ${panel.flows.length}: ${formatNumber(total)} ${unit}`, { x: dx + 10, y: dy + 15, 'font-size': 10, fill: '#666' }));
    y += panelHeight + 18;
  }
  const note = `line width ∝ log(1 + ${unit})${o.minCount > 0 ? `; flows of at least ${formatNumber(o.minCount)}` : ''}`;
  parts.push(text(note, { x: 10, y: y + 4, 'font-size': 10, fill: '#666' }));
  const width = leftWidth + curveWidth + rightWidth + 10;
  return svgDocument(width, y + 16, parts.join(''), o.title);
}

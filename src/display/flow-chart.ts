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
  /** 'in': the listed places send to the panel's place (top sources); 'out': they receive from it (top destinations). */
  direction?: 'in' | 'out';
  /** Figure title. */
  title?: string;
}

/**
 * Defaults of {@link topSourcesSvg}: `limit` _number_ (5); `value` ('auto'); `minCount` (0);
 * `maxStroke` (16) px; `minStroke` (1) px; `labels` (null); `direction` ('in'); `title` ('Top sources').
 */
export const FLOW_CHART_DEFAULTS: Readonly<Required<FlowChartOptions>> = Object.freeze({
  limit: 5,
  value: 'auto',
  minCount: 0,
  maxStroke: 16,
  minStroke: 1,
  labels: null,
  direction: 'in',
  title: 'Top sources',
});

function checkOptions(options: FlowChartOptions): Required<FlowChartOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in FLOW_CHART_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(FLOW_CHART_DEFAULTS).join(', ')}`);
  }
  const o = { ...FLOW_CHART_DEFAULTS, ...options };
  if (!Number.isInteger(o.limit) || o.limit < 1) throw new OptionError('limit', o.limit, 'an integer ≥ 1');
  if (!['auto', 'weight', 'researchers'].includes(o.value)) throw new OptionError('value', o.value, "'auto', 'weight' or 'researchers'");
  if (!(o.minCount >= 0)) throw new OptionError('minCount', o.minCount, 'a number ≥ 0');
  if (o.direction !== 'in' && o.direction !== 'out') throw new OptionError('direction', o.direction, "'in' or 'out'");
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
 * SVG chart of the largest flows of one or several places (one panel each). With `direction`
 * 'in' (default) the listed places are sources drawn on the left and the panel's place is the
 * destination on the right, as the report's figure 4.5.2; with 'out' (pass `topDestinations`)
 * the panel's place is the source on the left and its destinations are on the right. Each line
 * carries `data-source`, `data-target` and `data-count` and a hover title.
 *
 * @param topFlows - `topSources(graph)` (direction 'in') or `topDestinations(graph)` ('out'):
 *   place → its flows, largest first.
 * @param place - one place key or several (one panel each, in this order).
 * @param options - {@link FLOW_CHART_DEFAULTS}.
 * @returns a standalone SVG string.
 * @throws OptionError on a bad option or a place missing from `topFlows`.
 * @example
 * topSourcesSvg(topSources(graph), ['Shenzhen', 'Hong Kong'], { minCount: 100 });
 * topSourcesSvg(topDestinations(graph), 'Beijing', { direction: 'out' });
 */
export function topSourcesSvg(topFlows: TopFlows, place: string | string[], options: FlowChartOptions = {}): string {
  const o = checkOptions(options);
  const focal = Array.isArray(place) ? place : [place];
  if (focal.length === 0) throw new OptionError('place', place, 'at least one place');
  for (const d of focal) {
    if (!(d in topFlows))
      throw new OptionError('place', d, `a place of the top-flows result (${Object.keys(topFlows).slice(0, 5).join(', ')}…)`);
  }
  const inbound = o.direction === 'in';
  const all = focal.flatMap((d) => topFlows[d]!);
  const useResearchers = o.value === 'researchers' || (o.value === 'auto' && all.length > 0 && all.every((f) => f.researchers !== null));
  const unit = useResearchers ? 'researchers' : 'moves';
  const panels = focal.map((d) => ({
    place: d,
    flows: topFlows[d]!.filter((f) => countOf(f, useResearchers) >= o.minCount).slice(0, o.limit),
  }));
  const maxCount = Math.max(0, ...panels.flatMap((p) => p.flows.map((f) => countOf(f, useResearchers))));
  const label = (key: string): string => o.labels?.[key] ?? key;
  const fontSize = 12;
  const listedWidth = Math.max(80, ...panels.flatMap((p) => p.flows.map((f) => textWidth(label(f.place), fontSize)))) + 20;
  const focalWidth = Math.max(
    100,
    ...focal.map((d) => textWidth(label(d), 13) + 10),
    textWidth(`top ${o.limit}: 000,000 ${unit}`, 10) + 10,
  );
  const curveWidth = 260;
  // x of the listed places' ends and of the panel's place
  const listedX = inbound ? listedWidth : focalWidth + curveWidth;
  const focalX = inbound ? listedWidth + curveWidth : focalWidth;
  const rowStep = Math.max(28, o.maxStroke + 8);
  const top = 36;
  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  let y = top;
  for (const panel of panels) {
    const rows = Math.max(1, panel.flows.length);
    const panelHeight = rows * rowStep;
    const fy = y + panelHeight / 2;
    const total = panel.flows.reduce((s, f) => s + countOf(f, useResearchers), 0);
    panel.flows.forEach((f, i) => {
      const count = countOf(f, useResearchers);
      const ly = y + i * rowStep + rowStep / 2;
      const [sx, sy, tx, ty] = inbound ? [listedX, ly, focalX, fy] : [focalX, fy, listedX, ly];
      const mx = (sx + tx) / 2;
      const source = inbound ? f.place : panel.place;
      const target = inbound ? panel.place : f.place;
      const anchor = inbound ? 'end' : 'start';
      const textX = inbound ? listedX - 8 : listedX + 8;
      parts.push(
        el(
          'g',
          {},
          title(`${label(source)} → ${label(target)}: ${formatNumber(count)} ${unit} (rank ${f.rank})`),
          el('path', {
            class: 'flow',
            d: `M${num(sx)},${num(sy)} C${num(mx)},${num(sy)} ${num(mx)},${num(ty)} ${num(tx)},${num(ty)}`,
            fill: 'none',
            stroke: CATEGORY_COLORS[i % CATEGORY_COLORS.length]!,
            'stroke-opacity': 0.75,
            'stroke-width': flowStrokeWidth(count, maxCount, o.maxStroke, o.minStroke),
            'stroke-linecap': 'butt',
            'data-source': source,
            'data-target': target,
            'data-count': String(count),
          }),
          text(label(f.place), { x: textX, y: ly + 1, 'text-anchor': anchor, 'font-size': fontSize, fill: '#222' }),
          text(formatNumber(count), { x: textX, y: ly + 13, 'text-anchor': anchor, 'font-size': 10, fill: '#666' }),
        ),
      );
    });
    if (panel.flows.length === 0) {
      const cut = o.minCount > 0 ? ` of at least ${formatNumber(o.minCount)} ${unit}` : ' listed';
      parts.push(
        text(`no ${inbound ? 'source' : 'destination'}${cut}`, {
          x: (listedX + focalX) / 2,
          y: fy + 4,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: '#999',
        }),
      );
    }
    const focalAnchor = inbound ? 'start' : 'end';
    const focalTextX = inbound ? focalX + 10 : focalX - 10;
    parts.push(el('circle', { cx: focalX, cy: fy, r: 5, fill: '#333' }));
    parts.push(
      text(label(panel.place), { x: focalTextX, y: fy + 1, 'text-anchor': focalAnchor, 'font-size': 13, 'font-weight': 600, fill: '#111' }),
    );
    parts.push(
      text(`top ${panel.flows.length}: ${formatNumber(total)} ${unit}`, {
        x: focalTextX,
        y: fy + 15,
        'text-anchor': focalAnchor,
        'font-size': 10,
        fill: '#666',
      }),
    );
    y += panelHeight + 18;
  }
  const note = `line width ∝ log(1 + ${unit})${o.minCount > 0 ? `; flows of at least ${formatNumber(o.minCount)}` : ''}`;
  parts.push(text(note, { x: 10, y: y + 4, 'font-size': 10, fill: '#666' }));
  const width = Math.max(listedWidth + curveWidth + focalWidth + 10, textWidth(o.title, 14) * 1.1 + 20);
  return svgDocument(width, y + 16, parts.join(''), o.title);
}

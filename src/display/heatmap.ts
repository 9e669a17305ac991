/**
 * RAI heatmap: places as rows, disciplines as columns, each cell coloured on the report's
 * diverging scale (SET Index 2024: RAI > 1 red, < 1 blue, ≈ 1 grey; see `colors.ts`) and
 * labelled with its value.
 */
import { OptionError } from '../errors.ts';
import type { RaiResult } from '../analyses/types.ts';
import { RAI_COLOR_DEFAULTS, raiColor, textColorOn } from './colors.ts';
import { escapeXml, formatNumber, textWidth, truncate } from './format.ts';
import { el, svgDocument, text, title } from './svg.ts';

export interface HeatmapOptions {
  /** Places (rows) to show, in this order; default: the result's order. */
  places?: string[] | null;
  /** Disciplines (columns) to show, in this order; default: the result's order. */
  disciplines?: string[] | null;
  /** Cell size in pixels. */
  cellWidth?: number;
  cellHeight?: number;
  /** Write each cell's value in it. */
  showValues?: boolean;
  /** Decimals of the values written in cells. */
  digits?: number;
  /** RAI at which the colour is fully red (1/saturateAt: fully blue). */
  saturateAt?: number;
  /** Longest discipline label in characters before it is cut with an ellipsis. */
  maxLabelLength?: number;
  /** Figure title. */
  title?: string;
}

/**
 * Defaults of {@link raiHeatmapSvg}: `places`/`disciplines` (null: all, in the result's order);
 * `cellWidth` _number_ (46) and `cellHeight` (24) px; `showValues` _boolean_ (true); `digits`
 * (2); `saturateAt` (2.5); `maxLabelLength` (28); `title` ('Relative activity index (RAI) by
 * place and discipline').
 */
export const HEATMAP_DEFAULTS: Readonly<Required<HeatmapOptions>> = Object.freeze({
  places: null,
  disciplines: null,
  cellWidth: 46,
  cellHeight: 24,
  showValues: true,
  digits: 2,
  saturateAt: RAI_COLOR_DEFAULTS.saturateAt,
  maxLabelLength: 28,
  title: 'Relative activity index (RAI) by place and discipline',
});

function checkOptions(options: HeatmapOptions): Required<HeatmapOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in HEATMAP_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(HEATMAP_DEFAULTS).join(', ')}`);
  }
  const o = { ...HEATMAP_DEFAULTS, ...options };
  for (const k of ['cellWidth', 'cellHeight'] as const) {
    if (!(o[k] > 0) || !Number.isFinite(o[k])) throw new OptionError(k, o[k], 'a positive number of pixels');
  }
  if (!Number.isInteger(o.digits) || o.digits < 0) throw new OptionError('digits', o.digits, 'an integer ≥ 0');
  if (!(o.saturateAt > 1)) throw new OptionError('saturateAt', o.saturateAt, 'a number greater than 1');
  return o;
}

/** The legend: a strip of swatches from 1/saturateAt to saturateAt on a log scale, labelled 0.5, 1, 2. */
function legend(x: number, y: number, saturateAt: number): string {
  const steps = 21;
  const w = 8;
  const parts: string[] = [text('RAI', { x, y: y + 10, 'font-weight': 600 })];
  const x0 = x + 30;
  for (let i = 0; i < steps; i++) {
    const rai = saturateAt ** ((i / (steps - 1)) * 2 - 1);
    parts.push(el('rect', { x: x0 + i * w, y, width: w, height: 12, fill: raiColor(rai, saturateAt) }));
  }
  for (const tick of [0.5, 1, 2]) {
    const t = Math.log(tick) / Math.log(saturateAt);
    if (Math.abs(t) > 1) continue;
    const tx = x0 + ((t + 1) / 2) * (steps - 1) * w + w / 2;
    parts.push(el('line', { x1: tx, x2: tx, y1: y + 12, y2: y + 15, stroke: '#555' }));
    parts.push(text(String(tick), { x: tx, y: y + 26, 'text-anchor': 'middle', 'font-size': 10, fill: '#333' }));
  }
  parts.push(text('below world average', { x: x0, y: y + 38, 'font-size': 10, fill: '#2166ac' }));
  parts.push(text('above', { x: x0 + steps * w, y: y + 38, 'font-size': 10, fill: '#b2182b', 'text-anchor': 'end' }));
  return parts.join('');
}

/**
 * SVG heatmap of an RAI result. Cell colour: grey at RAI 1, red above, blue below, linear in
 * ln(RAI) and saturated at `saturateAt` / 1/`saturateAt`; white with "–" where RAI is null.
 * Hovering a cell shows place, discipline, RAI and researchers.
 *
 * @param rai - the result of `rai(graph, …)` (or any RaiResult).
 * @param options - {@link HEATMAP_DEFAULTS}.
 * @returns a standalone SVG string.
 * @throws OptionError on a bad option or a place/discipline not in the result.
 * @example
 * raiHeatmapSvg(rai(graph), { disciplines: ['Computer Science', 'Medicine'] });
 */
export function raiHeatmapSvg(rai: RaiResult, options: HeatmapOptions = {}): string {
  const o = checkOptions(options);
  const places = o.places ?? rai.places;
  const disciplines = o.disciplines ?? rai.disciplines;
  for (const p of places)
    if (!rai.places.includes(p)) throw new OptionError('places', p, `places of the result (${rai.places.slice(0, 5).join(', ')}…)`);
  for (const d of disciplines) {
    if (!rai.disciplines.includes(d))
      throw new OptionError('disciplines', d, `disciplines of the result (${rai.disciplines.slice(0, 5).join(', ')}…)`);
  }
  const cellOf = new Map(rai.cells.map((c) => [`${c.place}\u0000${c.discipline}`, c]));
  const fontSize = 11;
  const labels = disciplines.map((d) => truncate(d, o.maxLabelLength));
  const rowLabelWidth = Math.max(40, ...places.map((p) => textWidth(p, fontSize))) + 12;
  // column labels run at -45°: their vertical extent is width·sin(45°)
  const colLabelHeight = Math.max(20, ...labels.map((l) => textWidth(l, fontSize) * Math.SQRT1_2)) + 10;
  const titleHeight = 28;
  const x0 = rowLabelWidth;
  const y0 = titleHeight + colLabelHeight;
  const gridWidth = disciplines.length * o.cellWidth;
  const gridHeight = places.length * o.cellHeight;
  // the last rotated label sticks out to the right of the grid
  const width = Math.max(x0 + gridWidth + Math.max(200, colLabelHeight) + 10, textWidth(o.title, 14) * 1.1 + 20);
  const height = y0 + gridHeight + 60;
  const parts: string[] = [text(o.title, { x: 10, y: 18, 'font-size': 14, 'font-weight': 600 })];
  disciplines.forEach((d, j) => {
    const cx = x0 + j * o.cellWidth + o.cellWidth / 2;
    parts.push(
      el(
        'text',
        { transform: `translate(${cx},${y0 - 6}) rotate(-45)`, 'font-size': fontSize, fill: '#333' },
        title(d),
        escapeXml(labels[j]!),
      ),
    );
  });
  places.forEach((p, i) => {
    const y = y0 + i * o.cellHeight;
    parts.push(text(p, { x: x0 - 8, y: y + o.cellHeight / 2 + 4, 'text-anchor': 'end', 'font-size': fontSize, fill: '#333' }));
    disciplines.forEach((d, j) => {
      const cell = cellOf.get(`${p}\u0000${d}`);
      const value = cell?.rai ?? null;
      const fill = raiColor(value, o.saturateAt);
      const x = x0 + j * o.cellWidth;
      const tip = `${p} · ${d}: RAI ${formatNumber(value, o.digits, true)}${cell ? `, ${formatNumber(cell.researchers)} ${rai.basis === 'inflow' ? 'inflowing moves' : 'researchers'}` : ''}`;
      const children = [title(tip)];
      parts.push(
        el(
          'g',
          { class: 'cell', 'data-place': p, 'data-discipline': d, 'data-rai': value === null ? null : String(value) },
          ...children,
          el('rect', { x, y, width: o.cellWidth, height: o.cellHeight, fill, stroke: '#ffffff', 'stroke-width': 1 }),
          o.showValues
            ? text(formatNumber(value, o.digits, true), {
                x: x + o.cellWidth / 2,
                y: y + o.cellHeight / 2 + 4,
                'text-anchor': 'middle',
                'font-size': 10,
                fill: value === null ? '#999' : textColorOn(fill),
              })
            : '',
        ),
      );
    });
  });
  parts.push(legend(x0, y0 + gridHeight + 14, o.saturateAt));
  return svgDocument(width, height, parts.join(''), o.title);
}

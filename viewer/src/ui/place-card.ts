/**
 * The place card: the place's row of places.csv (stock, inflow, outflow, net inflow, inflow
 * ratio, hub class …) shown from the file's own text, its top sources and destinations (the
 * library's topSources/topDestinations) and its RAI row from rai.csv.
 */
import { TOP_FLOWS_DEFAULTS as TOP_DEFAULTS, topDestinations, topSources } from 'talentflow';
import { raiColor, textColorOn } from 'talentflow/display';
import { sparklineSvg } from 'talentflow/display';
import { timeSeries, type TimeSeriesRow } from 'talentflow';
import type { FlowGraph } from 'talentflow';
import type { TopFlow } from 'talentflow';
import type { Analysis } from '../data/analysis.ts';
import { VIEW_DEFAULTS } from '../defaults.ts';
import { CARD_FIELDS, formatCell, intervalNote } from '../measures.ts';
import { formatValue, h, replace } from './dom.ts';

export interface CardContext {
  analysis: Analysis;
  /** The flows after the year and discipline filters (before minimum flow and top-k). */
  flows: FlowGraph;
  /** A short description of those filters, or null when there are none. */
  filterNote: string | null;
  select(place: string): void;
  close(): void;
}

function labelOf(analysis: Analysis, key: string): string {
  const label = analysis.graph.hasNode(key) ? analysis.graph.getNodeAttribute(key, 'label') : null;
  return typeof label === 'string' && label ? label : key;
}

function flowList(title: string, id: string, flows: TopFlow[], ctx: CardContext): HTMLElement {
  return h(
    'div',
    { class: 'top-list', id },
    h('h4', {}, title),
    flows.length
      ? h(
          'ol',
          {},
          ...flows.map((f) =>
            h(
              'li',
              // The report shows a source only from 100 moves: smaller ones are listed, greyed.
              { 'data-place': f.place, 'data-weight': f.weight, class: f.weight < TOP_DEFAULTS.minWeight ? 'below-min' : null },
              h('button', { type: 'button', class: 'link', onclick: () => ctx.select(f.place) }, labelOf(ctx.analysis, f.place)),
              h('span', { class: 'num' }, formatValue(f.weight)),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'none'),
  );
}

// The yearly series of every place, computed once per analysis graph and flow store (the
// library's timeSeries): flows.arrow may be attached to the graph after a first card was shown.
const seriesCache = new WeakMap<object, Map<string, TimeSeriesRow[]>>();
function seriesOf(graph: FlowGraph, place: string, flows: object | null): TimeSeriesRow[] {
  const key = flows ?? graph;
  let byPlace = seriesCache.get(key);
  if (!byPlace) {
    byPlace = new Map();
    for (const r of timeSeries(graph).rows) {
      const list = byPlace.get(r.place) ?? [];
      list.push(r);
      byPlace.set(r.place, list);
    }
    seriesCache.set(key, byPlace);
  }
  return byPlace.get(place) ?? [];
}

/** Net inflow by year as a sparkline (all years of the analysis, whatever the filters). */
function seriesBlock(graph: FlowGraph, place: string, flows: object | null): HTMLElement | null {
  const rows = seriesOf(graph, place, flows);
  if (rows.length === 0) return null;
  const rate = (r: TimeSeriesRow) => (r.netRate === null ? '' : `, net rate ${(1000 * r.netRate).toFixed(2)} per 1,000 researchers`);
  const svg = sparklineSvg(
    rows.map((r) => ({
      year: r.year,
      value: r.netInflow,
      title: `${r.year}: in ${formatValue(r.inflow)}, out ${formatValue(r.outflow)}, net ${r.netInflow}${rate(r)}`,
    })),
    { label: `Net inflow of ${place} by year` },
  );
  const figure = h('div', { class: 'sparkline-box' });
  figure.innerHTML = svg;
  return h(
    'div',
    { class: 'series', id: 'card-series' },
    h('h4', {}, 'Net inflow by year', h('span', { class: 'muted' }, ` ${rows[0]!.year}–${rows[rows.length - 1]!.year}`)),
    figure,
  );
}

/** Fills `root` with the card of `place` (or hides it when the place is unknown). */
export function renderPlaceCard(root: HTMLElement, place: string, ctx: CardContext): void {
  const { analysis } = ctx;
  const row = analysis.places.get(place);
  if (!analysis.graph.hasNode(place)) {
    root.hidden = true;
    return;
  }
  const attrs = analysis.graph.getNodeAttributes(place);
  const subtitle = [attrs.countryName ?? attrs.country, attrs.level].filter(Boolean).join(' · ');
  const figures = h(
    'table',
    { class: 'figures' },
    h(
      'tbody',
      {},
      ...CARD_FIELDS.filter((f) => row && f.column in row).map((f) => {
        const note = intervalNote(
          analysis.intervals?.get(place)?.get(f.column === 'pagerank' ? 'pagerank_rank' : f.column),
          f.column,
          f.format,
        );
        return h(
          'tr',
          { 'data-field': f.column, 'data-value': row?.[f.column] ?? '' },
          h('th', {}, f.label),
          h(
            'td',
            {},
            formatCell(row?.[f.column], f.format),
            note ? h('div', { class: 'interval muted', 'data-interval': f.column }, note) : null,
          ),
        );
      }),
    ),
  );
  const k = VIEW_DEFAULTS.cardTop;
  const sources = ctx.flows.hasNode(place) ? (topSources(ctx.flows, { k, minWeight: 0 })[place] ?? []) : [];
  const destinations = ctx.flows.hasNode(place) ? (topDestinations(ctx.flows, { k, minWeight: 0 })[place] ?? []) : [];

  let raiBlock: HTMLElement | null = null;
  const rai = analysis.rai?.cells.get(place);
  if (analysis.rai && rai) {
    const chip = (d: string) => {
      const cell = rai.get(d)!;
      const bg = raiColor(cell.rai);
      return h(
        'li',
        {
          'data-discipline': d,
          'data-value': cell.text,
          title: `${d}: RAI ${cell.text || '–'}${cell.researchers !== null ? `, ${formatValue(cell.researchers)} researchers` : ''}`,
        },
        h('span', { class: 'rai-chip', style: `background:${bg};color:${textColorOn(bg)}` }, cell.rai === null ? '–' : cell.rai.toFixed(2)),
        d,
        cell.researchers !== null ? h('span', { class: 'muted num' }, ` ${formatValue(cell.researchers)}`) : null,
      );
    };
    // The report lists each city's five largest disciplines with their RAI; the rest on demand.
    const bySize = [...rai.keys()].sort((a, b) => (rai.get(b)!.researchers ?? -1) - (rai.get(a)!.researchers ?? -1) || (a < b ? -1 : 1));
    const top = bySize.slice(0, VIEW_DEFAULTS.cardTop);
    const rest = bySize.slice(VIEW_DEFAULTS.cardTop);
    raiBlock = h(
      'div',
      { class: 'rai-row', id: 'card-rai' },
      h(
        'h4',
        {},
        `RAI of its ${top.length} largest disciplines`,
        analysis.rai.basis ? h('span', { class: 'muted' }, ` (${analysis.rai.basis} basis)`) : null,
      ),
      h('ul', {}, ...top.map(chip)),
      rest.length ? h('details', {}, h('summary', {}, `all ${bySize.length} disciplines`), h('ul', {}, ...rest.map(chip))) : null,
    );
  }

  replace(
    root,
    h(
      'header',
      {},
      h('div', {}, h('h3', { id: 'card-title' }, labelOf(analysis, place)), h('div', { class: 'muted' }, subtitle)),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => ctx.close() }, '×'),
    ),
    row ? h('p', { class: 'note', id: 'card-figures-note' }, 'Whole analysis, as in places.csv:') : null,
    row ? figures : h('p', { class: 'muted' }, 'This place has no row in places.csv.'),
    seriesBlock(analysis.graph, place, analysis.flows),
    h(
      'p',
      { class: 'note', id: 'card-lists-note' },
      `Sources and destinations: ${ctx.filterNote ?? 'every year and discipline'}; greyed under the report's minimum of ${TOP_DEFAULTS.minWeight} moves.`,
    ),
    h(
      'div',
      { class: 'top-lists' },
      flowList(`Top ${k} sources`, 'card-sources', sources, ctx),
      flowList(`Top ${k} destinations`, 'card-destinations', destinations, ctx),
    ),
    raiBlock,
  );
  root.dataset['place'] = place;
  root.hidden = false;
}

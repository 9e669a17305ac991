/**
 * The RAI heatmap: places × disciplines, coloured on the report's diverging scale centred on 1
 * (red above, blue below, grey about 1; src/display/colors.ts). Rows follow the map (places
 * drawn, largest by the size measure first) unless sorted by place or by a discipline. Clicking
 * a place selects it on the map; clicking a discipline filters the map's flows to it.
 */
import { raiColor, RAI_COLOR_DEFAULTS } from 'talentflow/display';
import type { Analysis } from '../data/analysis.ts';
import type { HeatmapSort, ViewState } from '../state.ts';
import { formatValue, h, replace } from './dom.ts';

/** Rows shown before "show all" (a long table costs layout time and is read by scrolling anyway). */
export const HEATMAP_ROW_LIMIT = 80;

export interface HeatmapContext {
  analysis: Analysis;
  /** Places in the map's order (drawn places, largest first). */
  order: string[];
  sort: HeatmapSort;
  selected: string | null;
  discipline: string | null;
  change(patch: Partial<ViewState>): void;
  select(place: string): void;
  hover(text: string | null, event: MouseEvent | null): void;
}

/**
 * Row order of the heatmap: the map's order, by place label, or by one discipline's RAI
 * (largest first, empty cells last); ties keep the map's order.
 */
export function heatmapRows(analysis: Analysis, order: string[], sort: HeatmapSort): string[] {
  const cells = analysis.rai?.cells;
  if (!cells) return [];
  const rows = order.filter((p) => cells.has(p));
  const label = (p: string) => String(analysis.graph.hasNode(p) ? analysis.graph.getNodeAttribute(p, 'label') : p);
  if (sort.by === 'place') return [...rows].sort((a, b) => label(a).localeCompare(label(b), 'en'));
  if (sort.by === 'discipline') {
    const v = (p: string) => cells.get(p)?.get(sort.discipline)?.rai ?? -Infinity;
    return rows
      .map((p, i) => [p, i] as const)
      .sort((a, b) => v(b[0]) - v(a[0]) || a[1] - b[1])
      .map(([p]) => p);
  }
  return rows;
}

export class Heatmap {
  private showAll = false;
  /** What the table on the page shows (analysis, rows, sort, selection, discipline). */
  private shown: { analysis: Analysis; key: string } | null = null;

  constructor(private readonly root: HTMLElement) {}

  render(ctx: HeatmapContext): void {
    const { analysis } = ctx;
    const rai = analysis.rai;
    document.getElementById('app')?.classList.toggle('no-rai', !rai || rai.disciplines.length === 0);
    if (!rai || rai.disciplines.length === 0) {
      this.shown = null;
      const why = rai ? 'Its rai.csv has no values' : 'It has no rai.csv';
      replace(
        this.root,
        h('h2', {}, 'RAI by discipline'),
        h('p', { class: 'muted' }, `${why}: RAI needs a discipline for each researcher in the input.`),
      );
      return;
    }
    const rows = heatmapRows(analysis, ctx.order, ctx.sort);
    const shown = this.showAll ? rows : rows.slice(0, HEATMAP_ROW_LIMIT);
    // A filter change rarely changes the rows (up to 80 places × every discipline, 10–60 ms of DOM).
    const key = JSON.stringify([rows.length, shown, ctx.sort, ctx.selected, ctx.discipline]);
    if (this.shown?.analysis === analysis && this.shown.key === key) return;
    this.shown = { analysis, key };
    const label = (p: string) => String(analysis.graph.hasNode(p) ? analysis.graph.getNodeAttribute(p, 'label') : p);
    const s = RAI_COLOR_DEFAULTS.saturateAt;
    const readout = h('div', { class: 'readout', id: 'heatmap-readout' }, 'Hover a cell for its value');

    const sortMark = (active: boolean) => (active ? '▼' : '↓');
    const head = h(
      'tr',
      {},
      h(
        'th',
        { class: 'place-col' },
        h(
          'button',
          {
            type: 'button',
            class: `sort${ctx.sort.by === 'place' ? ' active' : ''}`,
            'data-sort': 'place',
            title: 'Sort by place name (again: map order)',
            onclick: () => ctx.change({ heatmapSort: ctx.sort.by === 'place' ? { by: 'map' } : { by: 'place' } }),
          },
          ctx.sort.by === 'map' ? 'Place (map order)' : 'Place',
        ),
      ),
      ...rai.disciplines.map((d) => {
        const sorted = ctx.sort.by === 'discipline' && ctx.sort.discipline === d;
        return h(
          'th',
          { class: `disc${ctx.discipline === d ? ' filtered' : ''}`, 'data-discipline': d, scope: 'col' },
          h(
            'button',
            {
              type: 'button',
              class: 'filter',
              title: ctx.discipline === d ? `Show all disciplines' flows` : `Show only ${d} flows on the map`,
              onclick: () => ctx.change({ discipline: ctx.discipline === d ? null : d }),
            },
            h('span', {}, d),
          ),
          h(
            'button',
            {
              type: 'button',
              class: `sort${sorted ? ' active' : ''}`,
              title: `Sort by ${d} RAI`,
              'aria-label': `Sort by ${d}`,
              onclick: () => ctx.change({ heatmapSort: sorted ? { by: 'map' } : { by: 'discipline', discipline: d } }),
            },
            sortMark(sorted),
          ),
        );
      }),
    );
    const body = h(
      'tbody',
      {},
      ...shown.map((p) => {
        const cells = rai.cells.get(p)!;
        return h(
          'tr',
          { 'data-place': p, class: p === ctx.selected ? 'selected' : null },
          h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => ctx.select(p) }, label(p))),
          ...rai.disciplines.map((d) => {
            const c = cells.get(d);
            return h('td', {
              'data-discipline': d,
              'data-rai': c?.text ?? '',
              style: `background:${raiColor(c?.rai ?? null)}`,
              'aria-label': `${label(p)}, ${d}: RAI ${c?.text || 'none'}`,
            });
          }),
        );
      }),
    );
    const table = h('table', { id: 'rai-table' }, h('thead', {}, head), body);
    table.addEventListener('mousemove', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (!td) return ctx.hover(null, null);
      const place = td.parentElement!.dataset['place']!;
      const d = td.dataset['discipline']!;
      const c = rai.cells.get(place)?.get(d);
      const text = `${label(place)} · ${d}: RAI ${c?.rai !== null && c?.rai !== undefined ? c.rai.toFixed(2) : '–'}${c?.researchers != null ? ` (${formatValue(c.researchers)} researchers)` : ''}`;
      readout.textContent = text;
      ctx.hover(text, e);
    });
    table.addEventListener('mouseleave', () => ctx.hover(null, null));

    replace(
      this.root,
      h(
        'div',
        { class: 'heatmap-head' },
        h('h2', {}, 'RAI by discipline'),
        h(
          'div',
          { class: 'rai-scale', title: 'RAI = (place share in discipline) / (world share); 1 = world average' },
          h('span', {}, `≤${(1 / s).toFixed(1)}`),
          h('span', {
            class: 'gradient',
            style: `background:linear-gradient(to right, ${raiColor(1 / s)}, ${raiColor(1)}, ${raiColor(s)})`,
          }),
          h('span', {}, `≥${s}`),
          h('span', { class: 'muted' }, analysis.rai?.basis ? ` ${analysis.rai.basis} basis` : ''),
        ),
        readout,
      ),
      h('div', { class: 'heatmap-scroll' }, table),
      rows.length > shown.length
        ? h(
            'button',
            { type: 'button', class: 'link', onclick: () => ((this.showAll = true), this.render(ctx)) },
            `Show all ${rows.length} places`,
          )
        : null,
      rows.length === 0 ? h('p', { class: 'muted' }, 'No place on the map has RAI values.') : null,
    );
    if (ctx.selected) {
      const tr = this.root.querySelector<HTMLElement>(`tr[data-place="${CSS.escape(ctx.selected)}"]`);
      tr?.scrollIntoView({ block: 'nearest' });
    }
  }
}

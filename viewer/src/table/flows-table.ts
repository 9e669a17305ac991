/**
 * The flows table under the map: the top N rows of the drawn flows in the chosen order
 * (flow-rows.ts), sortable by each column (click a header; again to reverse), a row click
 * highlighting that flow on the map. Only the rows shown are in the DOM (N, "Show more" adds
 * more), and they are found in one pass over the flows (flow-rows.ts topRows): 50,000 drawn
 * flows cost neither a full sort nor 50,000 table rows.
 */
import { formatShare, formatValue, h, replace } from '../ui/dom.ts';
import type { FlowDirection, TableColumn, TableSort, ViewState } from '../state.ts';
import { TABLE_COLUMNS } from '../state.ts';
import { topRows, type FlowColumns, type FlowRow } from './flow-rows.ts';

/** Rows shown at first, and added by each "Show more". */
export const TABLE_PAGE = 100;

const HEADERS: Record<TableColumn, { label: string; numeric: boolean; help: string }> = {
  source: { label: 'From', numeric: false, help: 'source place' },
  target: { label: 'To', numeric: false, help: 'destination place' },
  moves: { label: 'Moves', numeric: true, help: 'moves in the years and discipline selected' },
  researchers: {
    label: 'Researchers',
    numeric: true,
    help: 'distinct researchers behind the moves; – when a year or discipline filter splits the flow (a distinct count cannot be split)',
  },
  share: { label: 'Share', numeric: true, help: 'share of all the moves drawn' },
};

export interface FlowsTableHandlers {
  change(patch: Partial<ViewState>): void;
  highlight(row: FlowRow | null): void;
}

export interface FlowsTableView {
  flows: FlowColumns;
  sort: TableSort;
  highlighted: string | null;
  /** The selected place's label and the direction switch's value (null: no place selected). */
  place: { label: string; direction: FlowDirection } | null;
}

/** The in / out / both switch for the selected place's flows. */
export function directionSwitch(direction: FlowDirection, change: (d: FlowDirection) => void, label = ''): HTMLElement {
  const names: Record<FlowDirection, string> = { in: 'In', out: 'Out', both: 'Both' };
  const help: Record<FlowDirection, string> = {
    in: `flows into ${label}`,
    out: `flows out of ${label}`,
    both: `flows into and out of ${label}`,
  };
  return h(
    'div',
    { class: 'direction-switch', role: 'radiogroup', 'aria-label': `Flows of ${label}` },
    ...(['in', 'out', 'both'] as const).map((d) =>
      h(
        'button',
        {
          type: 'button',
          role: 'radio',
          'data-direction': d,
          'aria-checked': d === direction ? 'true' : 'false',
          class: d === direction ? 'on' : null,
          title: help[d],
          onclick: () => change(d),
        },
        names[d],
      ),
    ),
  );
}

export class FlowsTable {
  private limit = TABLE_PAGE;
  private flows: FlowColumns | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: FlowsTableHandlers,
  ) {}

  render(view: FlowsTableView): void {
    // New flows (a filter changed) start again from the first page.
    if (this.flows !== view.flows) this.limit = TABLE_PAGE;
    this.flows = view.flows;
    const count = view.flows.edges.length;
    const { sort } = view;
    const shown = topRows(view.flows, view.sort, this.limit);
    const head = h(
      'tr',
      {},
      h('th', { class: 'rank' }, '#'),
      ...TABLE_COLUMNS.map((c) => {
        const active = sort.column === c;
        const info = HEADERS[c];
        return h(
          'th',
          {
            class: info.numeric ? 'numeric' : null,
            'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : 'none',
            title: info.help,
          },
          h(
            'button',
            {
              type: 'button',
              'data-column': c,
              class: active ? 'sort active' : 'sort',
              // A new column starts in its natural order: numbers largest first, names A–Z.
              onclick: () => this.handlers.change({ tableSort: { column: c, descending: active ? !sort.descending : info.numeric } }),
            },
            info.label,
            active ? (sort.descending ? ' ↓' : ' ↑') : '',
          ),
        );
      }),
    );
    const body = shown.map((r, i) =>
      h(
        'tr',
        {
          'data-edge': r.edge,
          'data-source': r.source,
          'data-target': r.target,
          class: r.edge === view.highlighted ? 'highlighted' : null,
          'aria-selected': r.edge === view.highlighted ? 'true' : 'false',
          onclick: () => this.handlers.highlight(r.edge === view.highlighted ? null : r),
        },
        h('td', { class: 'rank' }, i + 1),
        h('td', { title: r.source }, r.sourceLabel),
        h('td', { title: r.target }, r.targetLabel),
        h('td', { class: 'numeric' }, formatValue(r.moves)),
        h('td', { class: 'numeric' }, formatValue(r.researchers)),
        h('td', { class: 'numeric' }, formatShare(r.share)),
      ),
    );
    const more = count > shown.length;
    replace(
      this.root,
      h(
        'div',
        { class: 'table-head' },
        h('strong', {}, 'Flows drawn'),
        h(
          'span',
          { class: 'muted', id: 'flows-table-count', 'data-count': count },
          count > shown.length ? `top ${formatValue(shown.length)} of ${formatValue(count)}` : `${formatValue(count)}`,
        ),
        view.place
          ? h(
              'span',
              { class: 'table-place' },
              `of ${view.place.label}:`,
              directionSwitch(view.place.direction, (d) => this.handlers.change({ direction: d }), view.place.label),
            )
          : h('span', { class: 'muted' }, 'click a row to highlight its flow; click a place for its flows in or out'),
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h('table', { id: 'flows-table-rows' }, h('thead', {}, head), h('tbody', {}, ...body)),
        more
          ? h(
              'button',
              { type: 'button', class: 'more', onclick: () => ((this.limit += TABLE_PAGE), this.render(view)) },
              `Show ${formatValue(Math.min(TABLE_PAGE, count - shown.length))} more`,
            )
          : null,
        count === 0 ? h('p', { class: 'muted' }, 'No flow drawn.') : null,
      ),
    );
  }
}

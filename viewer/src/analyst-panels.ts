/**
 * The analyst's panels around the map, kept in step with the app's state: the year histogram
 * (time/), the flows table and its highlighted flow (table/), the clickable place legend and the
 * colour legend's community swatches (filters/), and the in / out / both switch in the place card.
 * The app calls `refresh` after each recompute; the panels report changes as state patches.
 */
import type { Analysis } from './data/analysis.ts';
import { legendClick, legendToggle, placePredicate } from './filters/place-filter.ts';
import { PlaceLegend } from './filters/place-legend.ts';
import type { RenderResult } from './render-graph.ts';
import type { FlowSelection } from './selection.ts';
import type { ViewState } from './state.ts';
import { FlowHighlight } from './table/flow-highlight.ts';
import { flowColumns, type FlowColumns } from './table/flow-rows.ts';
import { directionSwitch, FlowsTable } from './table/flows-table.ts';
import { movesByYear } from './time/moves-by-year.ts';
import { Timeline } from './time/timeline.ts';
import { $, h } from './ui/dom.ts';
import type Sigma from 'sigma';
import type { RenderEdgeAttributes, RenderNodeAttributes } from './render-graph.ts';

/** What the panels show: the app's analysis, state, flows (after every filter) and render graph. */
export interface PanelsView {
  analysis: Analysis;
  state: ViewState;
  selection: FlowSelection;
  render: RenderResult;
}

export class AnalystPanels {
  readonly timeline: Timeline;
  /** Every drawn flow, as the table reads them. */
  flows: FlowColumns | null = null;
  /** The drawn flow highlighted from the table (edge key), and its overlay on the map. */
  highlighted: string | null = null;
  highlight: FlowHighlight | null = null;
  readonly timings: Record<string, number> = {};
  private readonly table: FlowsTable;
  private readonly placeLegend: PlaceLegend;
  private view: PanelsView | null = null;
  /** flows.arrow is still on its way: the histogram's room is kept, with a note, until it comes. */
  flowsPending = false;

  constructor(private readonly update: (patch: Partial<ViewState>) => void) {
    this.timeline = new Timeline($('timeline'), { change: (years) => update({ years }) });
    this.table = new FlowsTable($('flows-table'), { change: update, highlight: (row) => this.highlightFlow(row?.edge ?? null) });
    this.placeLegend = new PlaceLegend($('place-legend'));
  }

  /** Draws the highlighted flow over this map (called once the map exists). */
  attachMap(sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>): void {
    this.highlight = new FlowHighlight(sigma);
  }

  /** After the flows drawn changed: the table's flows, the histogram, the legends, the highlight. */
  refresh(view: PanelsView): void {
    this.view = view;
    const { analysis, state, render } = view;
    if (this.highlighted !== null && render.flows.indexOf(this.highlighted) < 0) this.highlighted = null;
    this.highlight?.set(this.highlighted);
    this.bindColourLegend(analysis, state);
    const t0 = performance.now();
    this.flows = flowColumns(render, view.selection.drawn);
    this.renderTable(state);
    const t1 = performance.now();
    this.renderTimeline();
    const t2 = performance.now();
    this.placeLegend.render({
      graph: analysis.graph,
      communities: analysis.communities,
      filter: state.placeFilter,
      change: (placeFilter) => this.update({ placeFilter }),
    });
    this.timings['lastTableMs'] = t1 - t0;
    this.timings['lastTimelineMs'] = t2 - t1;
    this.timings['lastPanelsMs'] = performance.now() - t0;
  }

  /** The table again (its order changed, or the highlighted row). */
  renderTable(state: ViewState | undefined = this.view?.state): void {
    if (!this.flows || !this.view || !state) return;
    const g = this.view.render.places;
    const place =
      state.selected !== null && g.hasNode(state.selected)
        ? { label: g.getNodeAttribute(state.selected, 'label'), direction: state.direction }
        : null;
    this.table.render({ flows: this.flows, sort: state.tableSort, highlighted: this.highlighted, place });
  }

  /** Highlights a drawn flow (its table row and its curve on the map); null: none. */
  highlightFlow(edge: string | null): void {
    this.highlighted = edge !== null && this.view && this.view.render.flows.indexOf(edge) >= 0 ? edge : null;
    this.highlight?.set(this.highlighted);
    this.renderTable();
  }

  /** The in / out / both switch, placed under the place card's title. */
  addCardSwitch(card: HTMLElement, state: ViewState, label: string): void {
    card.querySelector('header')?.after(
      h(
        'div',
        { class: 'card-direction' },
        h('span', { class: 'muted' }, 'Its flows:'),
        directionSwitch(state.direction, (direction) => this.update({ direction }), label),
      ),
    );
  }

  /** The histogram again (the flow store arrived). */
  renderTimeline(): void {
    if (!this.view) return;
    const { analysis: a, state: s, render } = this.view!;
    if (!a.flows || !a.years) {
      const note = this.flowsPending ? 'loading flows.arrow…' : undefined;
      this.timeline.render({ counts: null, span: null, years: null, ...(note ? { note } : {}) });
      return;
    }
    const keep = placePredicate(a.graph, { filter: s.placeFilter, selected: s.selected, direction: s.direction });
    const drawn = render.flows;
    const counts = movesByYear(a.flows, {
      span: a.years,
      years: s.years,
      discipline: s.discipline,
      keep: keep ?? (() => true),
      drawn: (src, tgt) => drawn.find(src, tgt) >= 0,
    });
    this.timeline.render({ counts, span: a.years, years: s.years });
  }

  /** The colour legend's community swatches filter places as the place legend does. */
  private bindColourLegend(analysis: Analysis, state: ViewState): void {
    if (state.nodeColor !== 'community') return;
    const all = analysis.communities.map((c) => String(c.id));
    for (const li of $('legend').querySelectorAll<HTMLElement>('li[data-community]')) {
      const key = li.dataset['community']!;
      li.classList.add('clickable');
      li.title = 'show only this community (again: every place); Ctrl/⌘ or Shift-click adds or removes it';
      li.addEventListener('click', (e) => {
        const f = this.view!.state.placeFilter;
        this.update({
          placeFilter: e.ctrlKey || e.metaKey || e.shiftKey ? legendToggle(f, 'community', key, all) : legendClick(f, 'community', key),
        });
      });
    }
  }
}

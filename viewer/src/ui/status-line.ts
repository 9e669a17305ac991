/**
 * The status line under the map: how many places, flows and moves the selection holds, the
 * filters in force, places the map cannot show, notes from loading, and (at a clustered zoom)
 * what is on screen. Also the empty state when nothing is left to draw.
 */
import type { Analysis } from '../data/analysis.ts';
import { placeEmptyNote, placeNote } from '../filters/place-filter.ts';
import type { RenderResult } from '../render-graph.ts';
import { emptyNote, filterNote } from '../selection.ts';
import type { ViewState } from '../state.ts';
import { $, formatValue, h, replace } from './dom.ts';

/** What the map draws at the current zoom (FlowMap's `drawn` event). */
export interface DrawnInfo {
  markers: number;
  flows: number;
  hiddenFlows: number;
  clustered: boolean;
}

/**
 * Writes the status line and the empty state for a selection. `flowsBeforePlaces`: flows left
 * by the flow filters before the place filter (an empty map then says which filter emptied it).
 */
export function renderStatusLine(input: {
  render: RenderResult;
  analysis: Analysis;
  state: ViewState;
  flowsBeforePlaces: number;
  warnings: ReadonlySet<string>;
}): void {
  const { render: r, analysis: a, state, warnings } = input;
  const mapEl = $('map');
  mapEl.dataset['nodes'] = String(r.places.order);
  mapEl.dataset['edges'] = String(r.flows.length);
  const empty = $('empty');
  empty.hidden = r.flows.length > 0;
  if (r.flows.length === 0)
    replace(empty, h('strong', {}, 'Nothing to draw'), input.flowsBeforePlaces > 0 ? placeEmptyNote(state, a.graph) : emptyNote(state));
  const places = placeNote(state, a.graph, a.communities);
  const parts = [
    h('span', { id: 'status-places' }, `${formatValue(r.places.order)} places`),
    h(
      'span',
      { id: 'status-flows', 'data-count': r.flows.length },
      `${formatValue(r.flows.length)} of ${formatValue(a.graph.size)} flows selected`,
    ),
    h('span', {}, `${formatValue(r.moves)} moves`),
    filterNote(state) ? h('span', {}, filterNote(state)) : null,
    places ? h('span', { id: 'status-places-filter' }, places) : null,
    r.unplaced.length && state.layout === 'map'
      ? h('span', { title: r.unplaced.slice(0, 50).join(', ') }, `${r.unplaced.length} places without coordinates not on the map`)
      : null,
    warnings.size
      ? h('span', { class: 'warn', title: [...warnings].join('\n') }, `${warnings.size} note${warnings.size > 1 ? 's' : ''}`)
      : null,
  ];
  replace($('status'), ...parts);
}

/** At a clustered zoom, says how many markers and flows are on screen (the status counts the selection). */
export function showDrawn(info: DrawnInfo): void {
  let note = document.getElementById('status-drawn');
  if (!info.clustered && !info.hiddenFlows) {
    note?.remove();
    return;
  }
  if (!note) {
    note = h('span', { id: 'status-drawn' });
    $('status').append(note);
  }
  const left = info.hiddenFlows ? ` (the largest; ${formatValue(info.hiddenFlows)} smaller not drawn, see Map style)` : '';
  note.textContent = info.clustered
    ? `at this zoom: ${formatValue(info.markers)} places and clusters, ${formatValue(info.flows)} flows between them${left}`
    : `${formatValue(info.flows)} flows on the map${left}`;
}

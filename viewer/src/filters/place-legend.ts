/**
 * The clickable place legend in the sidebar: the analysis's communities, regions or countries,
 * each with its number of places. Click an entry to show only its places (again to show every
 * place); its checkbox, or a click with Ctrl/⌘ or Shift, adds or removes it. The colour legend's
 * community swatches do the same (app.ts). The state is the URL's `only`.
 */
import type { CommunityRow } from '../data/analysis.ts';
import type { FlowGraph } from 'talentflow';
import { communityColor, CATEGORY_LIMIT, OTHER_COLOR } from '../scales.ts';
import { PLACE_GROUP_BYS, type PlaceFilter, type PlaceGroupBy } from '../state.ts';
import { formatValue, h, replace } from '../ui/dom.ts';
import { legendClick, legendToggle, placeGroups } from './place-filter.ts';

const NAMES: Record<PlaceGroupBy, string> = { community: 'Community', region: 'Region', country: 'Country' };

export interface PlaceLegendView {
  graph: FlowGraph;
  communities: CommunityRow[];
  filter: PlaceFilter | null;
  change(filter: PlaceFilter | null): void;
}

export class PlaceLegend {
  /** Grouping shown when no filter is set (a filter shows its own). */
  private by: PlaceGroupBy = 'community';

  constructor(private readonly root: HTMLElement) {}

  render(view: PlaceLegendView): void {
    const by = view.filter?.by ?? this.by;
    const { groups, missing } = placeGroups(view.graph, by, view.communities);
    const keys = view.filter && view.filter.by === by ? new Set(view.filter.keys) : null;
    const tabs = h(
      'div',
      { class: 'group-tabs', role: 'tablist' },
      ...PLACE_GROUP_BYS.map((b) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            'data-by': b,
            'aria-selected': b === by ? 'true' : 'false',
            class: b === by ? 'on' : null,
            onclick: () => {
              this.by = b;
              // Another grouping starts from every place.
              if (view.filter && view.filter.by !== b) view.change(null);
              else this.render(view);
            },
          },
          NAMES[b],
        ),
      ),
    );
    const items = groups.map((g) => {
      const shown = keys === null || keys.has(g.key);
      const swatch =
        by === 'community'
          ? h('span', {
              class: 'swatch',
              style: `background:${Number(g.key) < CATEGORY_LIMIT ? communityColor(Number(g.key)) : OTHER_COLOR}`,
            })
          : null;
      return h(
        'li',
        { 'data-key': g.key, class: shown ? null : 'off' },
        h('input', {
          type: 'checkbox',
          checked: shown,
          'aria-label': `show ${g.label}`,
          onchange: () =>
            view.change(
              legendToggle(
                view.filter,
                by,
                g.key,
                groups.map((x) => x.key),
              ),
            ),
        }),
        h(
          'button',
          {
            type: 'button',
            class: 'entry',
            title: `show only ${g.label} (again: every place); Ctrl/⌘ or Shift-click adds or removes it`,
            onclick: (e: MouseEvent) =>
              view.change(
                e.ctrlKey || e.metaKey || e.shiftKey
                  ? legendToggle(
                      view.filter,
                      by,
                      g.key,
                      groups.map((x) => x.key),
                    )
                  : legendClick(view.filter, by, g.key),
              ),
          },
          swatch,
          h('span', { class: 'entry-label' }, g.label),
          h('span', { class: 'count' }, formatValue(g.places)),
        ),
      );
    });
    replace(
      this.root,
      tabs,
      h('ul', { class: 'group-list', 'aria-label': `${NAMES[by]} legend` }, ...items),
      missing > 0
        ? h('p', { class: 'muted note' }, `${formatValue(missing)} place${missing > 1 ? 's' : ''} without a ${by} (hidden while filtering)`)
        : null,
      view.filter
        ? h(
            'button',
            { type: 'button', id: 'place-filter-clear', class: 'link', onclick: () => view.change(null) },
            `Show every place (${view.filter.keys.length} of ${groups.length} shown)`,
          )
        : null,
    );
  }
}

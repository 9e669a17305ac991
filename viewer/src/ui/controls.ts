/**
 * The control panel: layout, flow filters (years, discipline, minimum flow, top-k sources per
 * destination), appearance (size, colours) and place search. It only reports changes as state
 * patches; the app owns the state and calls `sync` to reflect it (e.g. after a URL load).
 */
import type { Analysis } from '../data/analysis.ts';
import { EDGE_COLOR_INFO, NODE_COLOR_INFO, SIZE_MEASURE_INFO } from '../measures.ts';
import { EDGE_COLORINGS, NODE_COLORINGS, SIZE_MEASURES, type ViewState } from '../state.ts';
import { h, replace } from './dom.ts';

export interface ControlsHandlers {
  change(patch: Partial<ViewState>): void;
  search(place: string): void;
  reset(): void;
}

/** Minimum-flow slider stops: 1-2-5 steps up to the largest flow. */
export function weightStops(maxWeight: number): number[] {
  const stops = [0, 1];
  for (let p = 1; stops[stops.length - 1]! < maxWeight; p *= 10) {
    for (const m of [2, 5, 10]) {
      const v = m * p;
      if (v > maxWeight) break;
      stops.push(v);
    }
    if (p > 1e9) break;
  }
  return [...new Set(stops)];
}

function field(label: string, control: HTMLElement, help?: string): HTMLElement {
  return h('label', { class: 'field', title: help }, h('span', { class: 'field-label' }, label), control);
}

/** Fills the search's datalist with the analysis's place names, sorted, once. */
export function fillPlaceNames(list: HTMLDataListElement, analysis: Pick<Analysis, 'graph'>): void {
  if (list.childElementCount > 0) return;
  const labels = analysis.graph.mapNodes((n, a) => (typeof a.label === 'string' && a.label ? a.label : n));
  list.append(...[...new Set(labels)].sort().map((l) => h('option', { value: l })));
}

export class Controls {
  private readonly inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  private stops: number[] = [0];
  /** The search's place names, kept across renders of the same analysis. */
  private names: { graph: Analysis['graph']; list: HTMLDataListElement } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: ControlsHandlers,
  ) {}

  /** Rebuilds the panel for an analysis (its years, disciplines, places and measures); `flowsPending`: flows.arrow, which holds the years and disciplines, is still loading. */
  render(analysis: Analysis, state: ViewState, flowsPending = false): void {
    const change = this.handlers.change;
    let maxWeight = 0;
    analysis.graph.forEachEdge((_e, a) => (maxWeight = Math.max(maxWeight, a.weight)));
    this.stops = weightStops(maxWeight);
    const hasStock = analysis.graph.someNode((_n, a) => typeof a.stock === 'number');

    const layout = h(
      'div',
      { class: 'segmented', role: 'radiogroup', 'aria-label': 'Layout' },
      ...(['map', 'network'] as const).map((l) =>
        h(
          'label',
          {},
          (this.inputs[`layout-${l}`] = h('input', {
            type: 'radio',
            name: 'layout',
            id: `layout-${l}`,
            value: l,
            onchange: () => change({ layout: l }),
          })),
          l === 'map' ? 'World map' : 'Network (ForceAtlas2)',
        ),
      ),
    );

    const years: number[] = [];
    if (analysis.years) for (let y = analysis.years[0]; y <= analysis.years[1]; y++) years.push(y);
    const yearSelect = (id: string) =>
      (this.inputs[id] = h(
        'select',
        { id, disabled: years.length === 0, onchange: () => this.changeYears() },
        ...years.map((y) => h('option', { value: y }, y)),
      ));
    const yearRow = h('div', { class: 'row' }, yearSelect('year-from'), h('span', {}, 'to'), yearSelect('year-to'));

    const discipline = (this.inputs['discipline'] = h(
      'select',
      {
        id: 'discipline',
        disabled: analysis.disciplines.length === 0,
        onchange: (e: Event) => change({ discipline: (e.target as HTMLSelectElement).value || null }),
      },
      h(
        'option',
        { value: '' },
        analysis.disciplines.length ? 'All disciplines' : flowsPending ? 'Loading flows.arrow…' : 'No disciplines in the data',
      ),
      ...analysis.disciplines.map((d) => h('option', { value: d }, d)),
    ));

    const minRange = (this.inputs['min-weight-range'] = h('input', {
      type: 'range',
      id: 'min-weight-range',
      min: 0,
      max: this.stops.length - 1,
      step: 1,
      'aria-label': 'Minimum flow (slider)',
      oninput: (e: Event) => change({ minWeight: this.stops[Number((e.target as HTMLInputElement).value)] ?? 0 }),
    }));
    const minNumber = (this.inputs['min-weight'] = h('input', {
      type: 'number',
      id: 'min-weight',
      min: 0,
      step: 1,
      onchange: (e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isFinite(v) && v >= 0) change({ minWeight: v });
      },
    }));

    const topOn = (this.inputs['top-sources'] = h('input', {
      type: 'checkbox',
      id: 'top-sources',
      onchange: (e: Event) => change({ topSources: (e.target as HTMLInputElement).checked }),
    }));
    const backboneOn = (this.inputs['backbone-only'] = h('input', {
      type: 'checkbox',
      id: 'backbone-only',
      onchange: (e: Event) => change({ backboneOnly: (e.target as HTMLInputElement).checked }),
    }));
    const topK = (this.inputs['top-k'] = h('input', {
      type: 'number',
      id: 'top-k',
      min: 1,
      step: 1,
      class: 'narrow',
      'aria-label': 'k sources',
      onchange: (e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isInteger(v) && v >= 1) change({ k: v });
      },
    }));
    const topMin = (this.inputs['top-min'] = h('input', {
      type: 'number',
      id: 'top-min',
      min: 0,
      step: 1,
      class: 'narrow',
      'aria-label': 'at least',
      onchange: (e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isFinite(v) && v >= 0) change({ topMinWeight: v });
      },
    }));

    const select = <T extends string>(
      id: string,
      values: readonly T[],
      info: Record<T, { label: string; help: string }>,
      key: keyof ViewState,
      disabled: (v: T) => boolean = () => false,
    ) =>
      (this.inputs[id] = h(
        'select',
        { id, onchange: (e: Event) => change({ [key]: (e.target as HTMLSelectElement).value } as Partial<ViewState>) },
        ...values.map((v) => h('option', { value: v, title: info[v].help, disabled: disabled(v) }, info[v].label)),
      ));

    const datalist = this.placeNames(analysis);
    const search = (this.inputs['search'] = h('input', {
      type: 'search',
      id: 'search',
      list: 'place-names',
      placeholder: 'Find a place…',
      autocomplete: 'off',
      onfocus: () => fillPlaceNames(datalist, analysis),
      onchange: (e: Event) => this.handlers.search((e.target as HTMLInputElement).value),
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Enter') this.handlers.search((e.target as HTMLInputElement).value);
      },
    }));

    replace(
      this.root,
      h('section', {}, h('h2', {}, 'Layout'), layout),
      h(
        'section',
        {},
        h('h2', {}, 'Flows'),
        field('Years (arrival)', yearRow, 'moves by the year they arrived'),
        field('Discipline', discipline),
        field('Minimum flow (moves)', h('div', { class: 'row' }, minRange, minNumber), 'hide flows smaller than this'),
        h(
          'div',
          { class: 'field topk', title: "the report's figure: each destination's five largest sources of at least 100" },
          h('label', { class: 'row' }, topOn, 'Top', topK, 'sources per destination'),
          h('label', { class: 'row indent' }, 'of at least', topMin, 'moves'),
        ),
        h(
          'div',
          {
            class: 'field',
            title:
              "flows that are a significant share of their source's sending or their destination's receiving (disparity α below the analysis's --backbone-alpha)",
          },
          h('label', { class: 'row' }, backboneOn, 'Backbone only'),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Places'),
        field(
          'Size by',
          select('size-by', SIZE_MEASURES, SIZE_MEASURE_INFO, 'sizeBy', (v) => v === 'stock' && !hasStock),
        ),
        field('Colour by', select('node-color', NODE_COLORINGS, NODE_COLOR_INFO, 'nodeColor')),
        field('Colour flows by', select('edge-color', EDGE_COLORINGS, EDGE_COLOR_INFO, 'edgeColor')),
        field('Search', search),
        datalist,
      ),
      h('button', { type: 'button', id: 'reset-view', onclick: () => this.handlers.reset() }, 'Reset view'),
    );
    this.sync(state, analysis);
  }

  /**
   * The datalist of place names, made once per analysis and filled when the search is first
   * focused: 5,000 options took 70–90 ms of the first drawing's task, twice (the panel is
   * rendered again when flows.arrow arrives), for a list only typing in the search shows.
   */
  private placeNames(analysis: Analysis): HTMLDataListElement {
    if (this.names?.graph !== analysis.graph) this.names = { graph: analysis.graph, list: h('datalist', { id: 'place-names' }) };
    return this.names.list;
  }

  private changeYears(): void {
    const a = Number(this.inputs['year-from']!.value);
    const b = Number(this.inputs['year-to']!.value);
    this.handlers.change({ years: [Math.min(a, b), Math.max(a, b)] });
  }

  /** Puts the state's values into the controls. */
  sync(state: ViewState, analysis: Analysis): void {
    const set = (id: string, value: string) => {
      const el = this.inputs[id];
      if (el && el.value !== value) el.value = value;
    };
    (this.inputs[`layout-${state.layout}`] as HTMLInputElement).checked = true;
    const years = state.years ?? analysis.years;
    if (years) {
      set('year-from', String(years[0]));
      set('year-to', String(years[1]));
    }
    set('discipline', state.discipline ?? '');
    set('min-weight', String(state.minWeight));
    let stop = 0;
    this.stops.forEach((s, i) => (s <= state.minWeight ? (stop = i) : undefined));
    set('min-weight-range', String(stop));
    (this.inputs['top-sources'] as HTMLInputElement).checked = state.topSources;
    (this.inputs['backbone-only'] as HTMLInputElement).checked = state.backboneOnly;
    set('top-k', String(state.k));
    set('top-min', String(state.topMinWeight));
    set('size-by', state.sizeBy);
    set('node-color', state.nodeColor);
    set('edge-color', state.edgeColor);
  }
}

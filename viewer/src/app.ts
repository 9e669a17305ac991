/**
 * The viewer application: owns the view state and the loaded analysis, derives the flow
 * selection and the render graph from them, and keeps the map, controls, legend, place card,
 * heatmap, status line and URL in step. Each kind of state change recomputes only what depends
 * on it (filters → selection → render; appearance → render; selection of a place → reducers).
 */
import type { Analysis } from './data/analysis.ts';
import { loadFromFiles, loadFromUrl, type Prefetched } from './data/load.ts';
import { addFlowStore, type FlowsArrival } from './data/parse-files.ts';
import { FlowMap } from './map/flow-map.ts';
import { mapFrame, project } from './map/projection.ts';
import { networkPositions } from './layout/network.ts';
import { EXACT_CURVES_LIMIT, mapPositions, toRenderGraph, type RenderResult } from './render-graph.ts';
import { filterNote, selectFlows, type FlowSelection } from './selection.ts';
import { defaultState, queryToState, stateToQuery, type ViewState } from './state.ts';
import { Controls } from './ui/controls.ts';
import { StyleControls } from './map/style-controls.ts';
import { $, formatValue, h, replace } from './ui/dom.ts';
import { Heatmap } from './ui/heatmap.ts';
import { legendModel, renderLegend } from './ui/legend.ts';
import { renderPlaceCard } from './ui/place-card.ts';
import { download, mapPng } from './export/files.ts';
import { flowsCsv, placesCsv } from './export/tables.ts';
import { placeNote, restrictToPlaces } from './filters/place-filter.ts';
import { AnalystPanels } from './analyst-panels.ts';
import { bindChrome } from './ui/chrome.ts';
import { renderStatusLine, showDrawn } from './ui/status-line.ts';
import { edgeTooltip, mapToClient, nodeTooltip, showTooltip } from './ui/tooltip.ts';

type Positions = Map<string, { x: number; y: number }>;

const FILTER_KEYS: (keyof ViewState)[] = ['years', 'discipline', 'minWeight', 'topSources', 'k', 'topMinWeight', 'backboneOnly'];
/** After the flow filters: the legend's places and the selected place's flows in one direction. */
const PLACE_KEYS: (keyof ViewState)[] = ['placeFilter', 'selected', 'direction'];
const APPEARANCE_KEYS: (keyof ViewState)[] = ['sizeBy', 'nodeColor', 'edgeColor', 'layout'];

export class App {
  state: ViewState;
  analysis: Analysis | null = null;
  selection: FlowSelection | null = null;
  render: RenderResult | null = null;
  map: FlowMap | null = null;
  /** The flows the flow filters keep, before the place filters (selection.drawn is after them). */
  private filtered: FlowSelection | null = null;
  /** Year histogram, flows table, place legend (analyst-panels.ts). */
  readonly panels: AnalystPanels;
  /** Places drawn, largest by the size measure first (the heatmap's default row order). */
  order: string[] = [];
  readonly timings: Record<string, number> = {};
  private positions: { map: Positions | null; network: Positions | null } = { map: null, network: null };
  private readonly controls: Controls;
  private readonly heatmap: Heatmap;
  private readonly styleControls: StyleControls;
  private readonly warnings = new Set<string>();
  private urlTimer = 0;
  /** The layout and analysis the camera was last framed for. */
  private framed: string | null = null;

  constructor() {
    const { state, problems } = queryToState(location.search);
    this.state = state;
    for (const p of problems) this.warn(`link parameter ${p.param}=${p.value} ignored (expected ${p.expected})`);
    this.controls = new Controls($('controls'), {
      change: (patch) => this.update(patch),
      search: (text) => this.search(text),
      reset: () => {
        this.panels.timeline.stop();
        this.update({ ...defaultState(), data: this.state.data });
        this.styleControls.render(this.state.mapStyle);
      },
    });
    this.styleControls = new StyleControls($('map-style'), (mapStyle) => this.update({ mapStyle }));
    this.heatmap = new Heatmap($('heatmap'));
    this.panels = new AnalystPanels((patch) => this.update(patch));
    this.bindChrome();
  }

  /** Loads the analysis named by the URL (or the folder served with the page). */
  async start(): Promise<void> {
    this.timings['start'] = performance.now();
    try {
      const prefetched = (window as { __talentflowPrefetch?: Prefetched }).__talentflowPrefetch;
      // A link's year or discipline filter needs the flow store to draw the right flows: then
      // the map waits for flows.arrow rather than drawing every flow and then the filtered ones
      // (a second full drawing, and a map that first shows what the link did not ask for).
      const wholeFirst = this.state.years !== null || this.state.discipline !== null;
      const loading = loadFromUrl(this.state.data ?? 'data/', this.state.data === null ? prefetched : undefined, { wholeFirst });
      // The files are fetched and parsed off this thread: make the map meanwhile.
      this.createMap();
      const { analysis, flows } = await loading;
      this.timings['loaded'] = performance.now();
      this.panels.flowsPending = flows !== null;
      this.setAnalysis(analysis);
      if (flows) await this.addFlows(analysis, flows);
    } catch (error) {
      this.showLoadError(error);
    }
  }

  /**
   * The flow store, arrived after the map was drawn from graph.json. Without a year or
   * discipline filter the flows drawn do not depend on it (selectFlows reads it only to filter),
   * so the map stays as drawn and only what reads the store fills in: the histogram, the year and
   * discipline controls, the card's yearly series. A discipline chosen meanwhile (the heatmap)
   * is applied now.
   */
  private async addFlows(analysis: Analysis, arriving: Promise<FlowsArrival>): Promise<void> {
    let arrival: FlowsArrival;
    try {
      arrival = await arriving;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      arrival = { flows: null, warnings: [`${why}; the year and discipline filters are off`] };
    }
    if (this.analysis !== analysis) return;
    addFlowStore(analysis, arrival);
    for (const w of arrival.warnings) this.warn(w);
    this.panels.flowsPending = false;
    this.timings['flows'] = performance.now();
    this.controls.render(analysis, this.state);
    if (this.state.years !== null || this.state.discipline !== null) this.recompute('filters');
    else {
      this.panels.renderTimeline();
      this.showSelection();
      this.renderStatus();
    }
    this.controls.sync(this.state, analysis);
    this.timings['flowsShown'] = performance.now();
  }

  private warn(message: string): void {
    this.warnings.add(message);
  }

  private showLoadError(error: unknown): void {
    const loading = $('loading');
    loading.hidden = false;
    replace(
      loading,
      h('p', {}, h('strong', {}, 'No analysis loaded. '), error instanceof Error ? error.message : String(error)),
      h('p', {}, 'Run ', h('code', {}, 'talentflow view DIR'), ' on an analysis folder, click “Open folder…”, or drop a graph.json here.'),
    );
  }

  setAnalysis(analysis: Analysis): void {
    this.panels?.timeline.stop();
    this.analysis = analysis;
    this.positions = { map: mapPositions(analysis.graph, project), network: null };
    for (const w of analysis.warnings) this.warn(w);
    const s = this.state;
    if (s.discipline !== null && !analysis.disciplines.includes(s.discipline)) {
      this.warn(`discipline "${s.discipline}" is not in this analysis; showing all`);
      s.discipline = null;
    }
    if (s.selected !== null && !analysis.graph.hasNode(s.selected)) {
      this.warn(`place "${s.selected}" is not in this analysis`);
      s.selected = null;
    }
    if (s.heatmapSort.by === 'discipline' && !analysis.rai?.disciplines.includes(s.heatmapSort.discipline)) s.heatmapSort = { by: 'map' };
    $('dataset-name').textContent = analysis.name;
    const made = analysis.manifest?.['createdBy'];
    $('dataset-name').title =
      `${typeof made === 'string' ? `${made}\n` : ''}${analysis.graph.order} places, ${analysis.graph.size} flows${analysis.years ? `, arrivals ${analysis.years[0]}–${analysis.years[1]}` : ''}`;
    document.title = `${analysis.name} · talentflow viewer`;
    this.controls.render(analysis, s, this.panels.flowsPending);
    this.styleControls.render(s.mapStyle);
    this.timings['controls'] = performance.now();
    this.recompute('filters');
    $('loading').hidden = true;
    this.timings['data'] = performance.now();
  }

  /** Applies a state change and recomputes what depends on it. */
  update(patch: Partial<ViewState>): void {
    const before = this.state;
    this.state = { ...before, ...patch };
    const changed = (Object.keys(patch) as (keyof ViewState)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(this.state[k]));
    if (changed.length === 0) return;
    if (!this.analysis) {
      this.writeUrl();
      return;
    }
    if (this.state.layout === 'network' && this.positions.network === null && changed.includes('layout')) {
      // ForceAtlas2 takes a moment on thousands of places: say so before the page blocks.
      const loading = $('loading');
      replace(loading, 'Laying out the network (ForceAtlas2)…');
      loading.hidden = false;
      setTimeout(() => {
        this.positionsFor('network');
        loading.hidden = true;
        this.recompute('appearance');
        this.controls.sync(this.state, this.analysis!);
        this.writeUrl();
      }, 30);
      return;
    }
    if (changed.some((k) => FILTER_KEYS.includes(k))) this.recompute('filters');
    else if (changed.some((k) => PLACE_KEYS.includes(k))) this.recompute('places');
    else if (changed.some((k) => APPEARANCE_KEYS.includes(k))) this.recompute('appearance');
    else {
      if (changed.includes('selected')) this.showSelection();
      if (changed.includes('heatmapSort')) this.renderHeatmap();
      if (changed.includes('tableSort')) this.panels.renderTable(this.state);
      if (changed.includes('mapStyle')) this.map?.setStyle(this.state.mapStyle);
      if (changed.includes('camera') && patch.camera !== undefined && this.map) this.map.setCamera(this.state.camera);
    }
    this.controls.sync(this.state, this.analysis);
    this.writeUrl();
  }

  private positionsFor(layout: ViewState['layout']): Positions {
    if (layout === 'map') return this.positions.map!;
    this.positions.network ??= networkPositions(this.analysis!.graph);
    return this.positions.network;
  }

  private recompute(what: 'filters' | 'places' | 'appearance'): void {
    const analysis = this.analysis!;
    const s = this.state;
    const t0 = performance.now();
    if (what === 'filters' || !this.filtered) this.filtered = selectFlows(analysis.graph, s, analysis.flows);
    if (what !== 'appearance' || !this.selection) {
      const drawn = restrictToPlaces(this.filtered.drawn, { filter: s.placeFilter, selected: s.selected, direction: s.direction });
      this.selection = { base: this.filtered.base, drawn };
    }
    const t1 = performance.now();
    this.render = toRenderGraph(this.selection.drawn, {
      positions: this.positionsFor(s.layout),
      sizeBy: s.sizeBy,
      nodeColor: s.nodeColor,
      edgeColor: s.edgeColor,
      measureFlows: this.selection.base,
      years: s.years,
      netChange: analysis.comparison?.netChange ?? null,
      exactCurvesLimit: EXACT_CURVES_LIMIT,
    });
    const t2 = performance.now();
    const graph = this.render.places;
    this.order = graph
      .nodes()
      .sort((a, b) => (graph.getNodeAttribute(b, 'value') ?? -1) - (graph.getNodeAttribute(a, 'value') ?? -1) || (a < b ? -1 : 1));
    const reframe = !this.map || this.framed !== `${s.layout}\u0000${analysis.name}\u0000${analysis.graph.order}`;
    if (!this.map) this.createMap();
    const map = this.map!;
    if (reframe) {
      // A link's camera applies to the view it was made in; a layout switch starts framed.
      const camera = this.framed === null ? s.camera : null;
      map.reframe(s.layout, mapFrame(this.positions.map!.values()), camera);
      this.framed = `${s.layout}\u0000${analysis.name}\u0000${analysis.graph.order}`;
      if (camera === null) this.state = { ...this.state, camera: null };
    }
    $('map').dataset['layout'] = s.layout;
    this.timings['lastSelectMs'] = t1 - t0;
    this.timings['lastRenderGraphMs'] = t2 - t1;
    this.showSelection();
    // showSelection has drawn the heatmap in the map's new order.
    renderLegend($('legend'), legendModel(s, this.render, analysis.communities, analysis.comparison));
    this.renderStatus();
    this.panels.refresh({ analysis, state: s, selection: this.selection, render: this.render });
    Object.assign(this.timings, this.panels.timings);
    // The map is drawn last, once the panels around it have their size (the histogram appears
    // with the first analysis; the heatmap is narrow without RAI). Sigma takes the map's size
    // only when it draws: drawn before, the map kept the old size (its canvases over the
    // histogram) or was drawn again at once, with another zoom's clusters.
    if (this.timings['firstRender'] === undefined) map.sigma.once('afterRender', () => (this.timings['firstRender'] ??= performance.now()));
    map.setGraph(this.render);
  }

  /**
   * The map, made while the analysis is still loading (its WebGL context and shaders take a
   * while in software GL, and the basemap can be fetched and drawn meanwhile).
   */
  private createMap(): void {
    const s = this.state;
    this.timings['mapStart'] = performance.now();
    this.map = new FlowMap($('map'), {
      clickNode: (node) => this.update({ selected: node }),
      clickStage: () => this.update({ selected: null }),
      hoverNode: (node, at) => showTooltip(node && this.map ? nodeTooltip(this.map.sigma, node, this.state.sizeBy) : null, mapToClient(at)),
      hoverEdge: (edge, at) => showTooltip(edge && this.map ? edgeTooltip(this.map.sigma, edge) : null, mapToClient(at)),
      drawn: (info) => showDrawn(info),
      camera: (view) => {
        // Before the first framing the camera is the empty map's: a link's camera must survive it.
        if (this.framed === null) return;
        this.state = { ...this.state, camera: view };
        this.scheduleUrl();
      },
    });
    this.map.setStyle(s.mapStyle);
    this.timings['mapCreated'] = performance.now();
    this.panels.attachMap(this.map.sigma);
    void this.map.basemap.load().then(() => (this.timings['basemap'] = performance.now()));
  }

  private showSelection(): void {
    const s = this.state;
    this.map?.setSelected(s.selected);
    const card = $('card');
    if (s.selected && this.analysis && this.selection) {
      renderPlaceCard(card, s.selected, {
        analysis: this.analysis,
        flows: this.selection.base,
        filterNote: filterNote(s),
        select: (p) => this.update({ selected: p }),
        close: () => this.update({ selected: null }),
      });
      this.panels.addCardSwitch(card, s, String(this.analysis.graph.getNodeAttribute(s.selected, 'label') ?? s.selected));
      card.scrollIntoView({ block: 'nearest' });
    } else if (!card.hidden) {
      card.hidden = true;
      // The card sat at the top of the sidebar: without it, show the controls from their top.
      $('sidebar').scrollTop = 0;
    }
    this.renderHeatmap();
  }

  private renderHeatmap(): void {
    if (!this.analysis) return;
    this.heatmap.render({
      analysis: this.analysis,
      order: this.order,
      sort: this.state.heatmapSort,
      selected: this.state.selected,
      discipline: this.state.discipline,
      change: (patch) => this.update(patch),
      select: (p) => this.update({ selected: p }),
      hover: (text, e) => showTooltip(text, e ? { x: e.clientX, y: e.clientY } : null),
    });
  }

  private renderStatus(): void {
    renderStatusLine({
      render: this.render!,
      analysis: this.analysis!,
      state: this.state,
      flowsBeforePlaces: this.filtered!.drawn.size,
      warnings: this.warnings,
    });
    if (this.map)
      showDrawn({
        markers: Number($('map').dataset['drawnNodes']),
        flows: Number($('map').dataset['drawnEdges']),
        hiddenFlows: this.map.hiddenFlows,
        clustered: this.map.clusterLevel() !== null,
      });
  }

  private search(text: string): void {
    const analysis = this.analysis;
    if (!analysis || !text.trim()) return;
    const q = text.trim().toLowerCase();
    const exact = analysis.graph.findNode((n, a) => n.toLowerCase() === q || String(a.label).toLowerCase() === q);
    const found =
      exact ??
      analysis.graph.findNode((n, a) =>
        String(a.label ?? n)
          .toLowerCase()
          .startsWith(q),
      );
    if (!found) {
      showTooltip(`No place matches “${text}”`, null);
      return;
    }
    this.update({ selected: found });
    void this.map?.zoomTo(found);
  }

  private scheduleUrl(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => this.writeUrl(), 250);
  }

  private writeUrl(): void {
    clearTimeout(this.urlTimer);
    const query = stateToQuery(this.state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  private caption(): string {
    const note = filterNote(this.state);
    const r = this.render!;
    const places = placeNote(this.state, this.analysis!.graph, this.analysis!.communities);
    return `${this.analysis!.name} · ${formatValue(r.flows.length)} flows, ${formatValue(r.moves)} moves${note ? ` · ${note}` : ''}${this.state.topSources ? ` · top ${this.state.k} sources ≥ ${this.state.topMinWeight}` : ''}${places ? ` · ${places}` : ''}`;
  }

  private bindChrome(): void {
    bindChrome({
      open: async (files) => {
        try {
          const analysis = await loadFromFiles(files);
          this.panels.flowsPending = false;
          this.state = { ...this.state, data: null, selected: null, discipline: null, years: null, camera: null };
          this.setAnalysis(analysis);
          this.writeUrl();
        } catch (error) {
          this.showLoadError(error);
        }
      },
      link: () => {
        this.writeUrl();
        return location.href;
      },
      exportPng: () => void this.exportPng(),
      exportFlows: () => {
        if (!this.selection || !this.render) return;
        download(new Blob([flowsCsv(this.selection.drawn, this.render.places)], { type: 'text/csv' }), `${this.analysis!.name}-flows.csv`);
      },
      exportPlaces: () => {
        if (!this.analysis || !this.render) return;
        download(
          new Blob([placesCsv(this.analysis, this.order, this.render.places)], { type: 'text/csv' }),
          `${this.analysis.name}-places.csv`,
        );
      },
      escape: () => {
        if (this.state.selected !== null) this.update({ selected: null });
      },
    });
  }

  async exportPng(): Promise<Blob | null> {
    if (!this.map || !this.render || !this.analysis) return null;
    const blob = await mapPng(
      this.map.sigma as never,
      this.state.layout === 'map' ? this.map.basemap : null,
      legendModel(this.state, this.render, this.analysis.communities, this.analysis.comparison),
      this.caption(),
    );
    download(blob, `${this.analysis.name}-map.png`);
    return blob;
  }
}

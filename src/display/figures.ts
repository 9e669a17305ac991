/**
 * The figures written next to the tables (`talentflow analyze --figures`): every figure the
 * analysis result has the inputs for, as SVG strings keyed by file name. The same functions draw
 * them in notebooks and the viewer, so a figure looks the same wherever it appears.
 */
import { OptionError } from '../errors.ts';
import type { NodeMeasure, RaiResult, TopFlows } from '../analyses/types.ts';
import { measureChartSvg } from './bar-chart.ts';
import { raiHeatmapSvg } from './heatmap.ts';
import { flowMapSvg } from './map.ts';
import { attributeMeasure } from './measures.ts';
import type { MapGraph } from './map.ts';
import { topSourcesSvg } from './flow-chart.ts';
import { quadrantChartSvg } from './quadrant-chart.ts';
import { quadrants } from '../analyses/quadrants.ts';
import type { AnyGraph } from '../analyses/graph-input.ts';
import { compareKeys } from '../compare-keys.ts';

/**
 * The parts of an analysis result the figures are drawn from; each is optional. A pipeline run
 * (`{ graph, analyses: { topSources, rai, … } }`) fits as it is: net inflow and PageRank are then
 * read from the graph's node attributes.
 */
export interface FiguresInput {
  graph?: MapGraph | null;
  analyses?: { topSources?: TopFlows | null; rai?: RaiResult | null } | null;
  netInflow?: NodeMeasure | null;
  pagerank?: NodeMeasure | null;
  topSources?: TopFlows | null;
  rai?: RaiResult | null;
}

export interface FiguresOptions {
  /** Places in the bar charts. */
  limit?: number;
  /** Destinations (largest inflow from their top sources first) in the top-sources figure. */
  destinations?: number;
  /** Flows below this count are left out of the top-sources figure (the report: 100). */
  minCount?: number;
  /** Places (most researchers first) in the heatmap. */
  heatmapPlaces?: number;
}

/**
 * Defaults of {@link renderFigures}: `limit` _number_ (15); `destinations` (4); `minCount` (0);
 * `heatmapPlaces` (30).
 */
export const FIGURES_DEFAULTS: Readonly<Required<FiguresOptions>> = Object.freeze({
  limit: 15,
  destinations: 4,
  minCount: 0,
  heatmapPlaces: 30,
});

function checkOptions(options: FiguresOptions): Required<FiguresOptions> {
  for (const key of Object.keys(options)) {
    if (!(key in FIGURES_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(FIGURES_DEFAULTS).join(', ')}`);
  }
  const o = { ...FIGURES_DEFAULTS, ...options };
  for (const k of ['limit', 'destinations', 'heatmapPlaces'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new OptionError(k, o[k], 'an integer ≥ 1');
  }
  if (!(o.minCount >= 0)) throw new OptionError('minCount', o.minCount, 'a number ≥ 0');
  return o;
}

/** Destinations whose listed sources sum highest (ties by key), at most `n`. */
export function largestDestinations(topFlows: TopFlows, n: number, minCount = 0): string[] {
  const total = (key: string): number =>
    topFlows[key]!.reduce((s, f) => s + ((f.researchers ?? f.weight) >= minCount ? (f.researchers ?? f.weight) : 0), 0);
  return Object.keys(topFlows)
    .filter((k) => total(k) > 0)
    .sort((a, b) => total(b) - total(a) || compareKeys(a, b))
    .slice(0, n);
}

/** The `n` places of an RAI result with the most researchers (in the result's order). */
function largestRaiPlaces(rai: RaiResult, n: number): string[] {
  if (rai.places.length <= n) return rai.places;
  const size = new Map<string, number>();
  for (const c of rai.cells) size.set(c.place, (size.get(c.place) ?? 0) + c.researchers);
  const keep = new Set([...rai.places].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || compareKeys(a, b)).slice(0, n));
  return rai.places.filter((p) => keep.has(p));
}

/**
 * Every figure the result has inputs for, as `{ fileName: svg }`:
 * `net-inflow.svg` (largest gains and losses), `pagerank.svg`, `top-sources.svg` (the
 * `destinations` largest destinations), `rai-heatmap.svg`, `flow-map.svg`, `quadrants.svg` (stock
 * against momentum, when the places carry a `quadrant`: recomputed with the default thresholds).
 *
 * @param result - a pipeline run (`{ graph, analyses }`), or any object with these fields.
 * @param options - {@link FIGURES_DEFAULTS}.
 * @returns file name → standalone SVG string; missing inputs give no file.
 * @example
 * for (const [name, svg] of Object.entries(renderFigures(result))) writeFileSync(join(out, name), svg);
 */
export function renderFigures(result: FiguresInput, options: FiguresOptions = {}): Record<string, string> {
  const o = checkOptions(options);
  const out: Record<string, string> = {};
  const graph = result.graph ?? null;
  const fromGraph = (attribute: string): NodeMeasure | null => {
    if (!graph?.someNode((_k, a) => typeof a[attribute] === 'number')) return null;
    return attributeMeasure(graph, attribute);
  };
  const netInflow = result.netInflow ?? fromGraph('netInflow');
  const pagerank = result.pagerank ?? fromGraph('pagerank');
  const topSources = result.topSources ?? result.analyses?.topSources ?? null;
  const rai = result.rai ?? result.analyses?.rai ?? null;
  if (netInflow && Object.keys(netInflow).length > 0) {
    out['net-inflow.svg'] = measureChartSvg(netInflow, {
      limit: o.limit,
      pick: 'extremes',
      title: 'Net inflow: largest gains and losses',
      valueLabel: 'inflow − outflow',
    });
  }
  if (pagerank && Object.keys(pagerank).length > 0) {
    out['pagerank.svg'] = measureChartSvg(pagerank, { limit: o.limit, style: 'lollipop', title: 'PageRank (weighted by flow)', digits: 4 });
  }
  if (topSources) {
    const destinations = largestDestinations(topSources, o.destinations, o.minCount);
    if (destinations.length > 0) {
      out['top-sources.svg'] = topSourcesSvg(topSources, destinations, {
        minCount: o.minCount,
        title: 'Top sources of the largest destinations',
      });
    }
  }
  if (rai && rai.places.length > 0 && rai.disciplines.length > 0) {
    out['rai-heatmap.svg'] = raiHeatmapSvg(rai, { places: largestRaiPlaces(rai, o.heatmapPlaces) });
  }
  if (graph && graph.order > 0) {
    out['flow-map.svg'] = flowMapSvg(graph);
  }
  if (graph?.someNode((_k, a) => typeof a['quadrant'] === 'string')) {
    const labels: Record<string, string> = {};
    graph.forEachNode((key, a) => (labels[key] = String(a['label'] ?? key)));
    out['quadrants.svg'] = quadrantChartSvg(quadrants(graph as unknown as AnyGraph), { labels });
  }
  return out;
}

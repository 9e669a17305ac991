/**
 * The whole view state in one typed object, and its round trip through the page URL: a copied
 * link reproduces the view (layout, filters, appearance, selected place, heatmap order, camera).
 *
 * Only values that differ from the defaults are written, so the default view has a bare URL.
 * Every default comes from the library's DEFAULTS (see defaults.ts). Unreadable parameters
 * fall back to their default and are reported once (never thrown: a bad link still opens).
 */
import { VIEW_DEFAULTS } from './defaults.ts';
import { MAP_STYLE_DEFAULTS, paramToStyle, styleToParam, type MapStyle } from './map/style.ts';

export type Layout = 'map' | 'network';
export const LAYOUTS: readonly Layout[] = ['map', 'network'];

/** Node size measures: attribute names of src/analyses/types.ts (|net inflow| as `absNetInflow`). */
export type SizeMeasure = 'pagerank' | 'inflow' | 'outflow' | 'absNetInflow' | 'stock';
export const SIZE_MEASURES: readonly SizeMeasure[] = ['pagerank', 'inflow', 'outflow', 'absNetInflow', 'stock'];

export type NodeColoring = 'community' | 'netInflow' | 'netRate' | 'netChange' | 'quadrant';
export const NODE_COLORINGS: readonly NodeColoring[] = ['community', 'netInflow', 'netRate', 'netChange', 'quadrant'];

export type EdgeColoring = 'sourceCommunity' | 'source';
export const EDGE_COLORINGS: readonly EdgeColoring[] = ['sourceCommunity', 'source'];

/** Places grouped for the clickable legend's place filter (node attributes community, country, region). */
export type PlaceGroupBy = 'community' | 'country' | 'region';
export const PLACE_GROUP_BYS: readonly PlaceGroupBy[] = ['community', 'country', 'region'];

/** Only the places of these groups, and the flows between them (null: every place). */
export interface PlaceFilter {
  by: PlaceGroupBy;
  /** Group keys: community ids as text, ISO country codes, region names. */
  keys: string[];
}

/** Flows of the selected place drawn and listed: into it, out of it, or both. */
export type FlowDirection = 'both' | 'in' | 'out';
export const FLOW_DIRECTIONS: readonly FlowDirection[] = ['both', 'in', 'out'];

/** Columns of the flows table. */
export type TableColumn = 'source' | 'target' | 'moves' | 'researchers' | 'share';
export const TABLE_COLUMNS: readonly TableColumn[] = ['source', 'target', 'moves', 'researchers', 'share'];
export interface TableSort {
  column: TableColumn;
  descending: boolean;
}

/** Heatmap row order: the map's order (size measure, largest first), by place name, or by one discipline's RAI. */
export type HeatmapSort = { by: 'map' } | { by: 'place' } | { by: 'discipline'; discipline: string };

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  layout: Layout;
  /** Years of moves kept, inclusive; null = every year. */
  years: [number, number] | null;
  /** Discipline kept; null = every discipline. */
  discipline: string | null;
  /** Smallest flow drawn (moves, after the year and discipline filters). */
  minWeight: number;
  /** Top-k mode: only each destination's k largest sources of at least topMinWeight. */
  topSources: boolean;
  k: number;
  topMinWeight: number;
  /** Only the flows of the disparity backbone (edge attribute `backbone` of the analysis). */
  backboneOnly: boolean;
  sizeBy: SizeMeasure;
  nodeColor: NodeColoring;
  edgeColor: EdgeColoring;
  /** The place whose card is open; only its flows (in `direction`) are drawn and listed. */
  selected: string | null;
  direction: FlowDirection;
  /** Clickable legend: only these groups' places. */
  placeFilter: PlaceFilter | null;
  tableSort: TableSort;
  heatmapSort: HeatmapSort;
  /** Sigma camera (framed-graph coordinates); null = whole map. */
  camera: CameraView | null;
  /** Analysis folder URL; null = the one served with the page (data/). */
  data: string | null;
  /** The map's look: clustering, flow opacity, width and shape, labels (map/style.ts). */
  mapStyle: MapStyle;
}

/** The default view. */
export function defaultState(): ViewState {
  return {
    layout: 'map',
    years: null,
    discipline: null,
    minWeight: VIEW_DEFAULTS.minWeight,
    topSources: false,
    k: VIEW_DEFAULTS.k,
    topMinWeight: VIEW_DEFAULTS.topMinWeight,
    backboneOnly: false,
    sizeBy: VIEW_DEFAULTS.sizeBy,
    nodeColor: 'community',
    edgeColor: 'sourceCommunity',
    selected: null,
    direction: 'both',
    placeFilter: null,
    tableSort: { column: 'moves', descending: true },
    heatmapSort: { by: 'map' },
    camera: null,
    data: null,
    mapStyle: { ...MAP_STYLE_DEFAULTS },
  };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * The URL query for a state: only non-default values, in a fixed order.
 *
 * @example stateToQuery({ ...defaultState(), discipline: 'Medicine', minWeight: 50 }) // "discipline=Medicine&min=50"
 */
export function stateToQuery(state: ViewState): string {
  const d = defaultState();
  const q = new URLSearchParams();
  if (state.data !== d.data && state.data) q.set('data', state.data);
  if (state.layout !== d.layout) q.set('layout', state.layout);
  if (state.years) q.set('years', state.years[0] === state.years[1] ? String(state.years[0]) : `${state.years[0]}-${state.years[1]}`);
  if (state.discipline !== null) q.set('discipline', state.discipline);
  if (state.minWeight !== d.minWeight) q.set('min', String(state.minWeight));
  if (state.topSources || state.k !== d.k || state.topMinWeight !== d.topMinWeight) {
    q.set('top', `${state.topSources ? 'on' : 'off'},${state.k},${state.topMinWeight}`);
  }
  if (state.backboneOnly) q.set('backbone', 'on');
  if (state.sizeBy !== d.sizeBy) q.set('size', state.sizeBy);
  if (state.nodeColor !== d.nodeColor) q.set('color', state.nodeColor);
  if (state.edgeColor !== d.edgeColor) q.set('flows', state.edgeColor);
  if (state.selected !== null) q.set('place', state.selected);
  if (state.direction !== d.direction) q.set('dir', state.direction);
  if (state.placeFilter) q.set('only', `${state.placeFilter.by}:${state.placeFilter.keys.join('|')}`);
  if (state.tableSort.column !== d.tableSort.column || state.tableSort.descending !== d.tableSort.descending) {
    q.set('table', `${state.tableSort.column},${state.tableSort.descending ? 'desc' : 'asc'}`);
  }
  if (state.heatmapSort.by !== 'map') {
    q.set('sort', state.heatmapSort.by === 'discipline' ? `discipline:${state.heatmapSort.discipline}` : state.heatmapSort.by);
  }
  if (styleToParam(state.mapStyle)) q.set('style', styleToParam(state.mapStyle));
  if (state.camera) {
    const c = state.camera;
    q.set('camera', `${round(c.x, 5)},${round(c.y, 5)},${round(c.ratio, 5)}`);
  }
  return q.toString();
}

/** A parameter that could not be read: its name, value and what was expected. */
export interface StateProblem {
  param: string;
  value: string;
  expected: string;
}

function choice<T extends string>(value: string, choices: readonly T[]): T | undefined {
  return (choices as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * Reads a state from a URL query (leading "?" optional). Parameters that cannot be read keep
 * their default and are listed in `problems`.
 *
 * @example queryToState('?discipline=Medicine&min=50').state.minWeight // 50
 */
export function queryToState(query: string): { state: ViewState; problems: StateProblem[] } {
  const state = defaultState();
  const problems: StateProblem[] = [];
  const q = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const bad = (param: string, value: string, expected: string) => problems.push({ param, value, expected });
  for (const [param, value] of q) {
    switch (param) {
      case 'data':
        state.data = value || null;
        break;
      case 'layout':
        state.layout = choice(value, LAYOUTS) ?? (bad(param, value, LAYOUTS.join(' or ')), state.layout);
        break;
      case 'years': {
        const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
        const a = m ? Number(m[1]) : NaN;
        const b = m ? Number(m[2] ?? m[1]) : NaN;
        if (m && a <= b) state.years = [a, b];
        else bad(param, value, 'a year range like 2019-2021');
        break;
      }
      case 'discipline':
        state.discipline = value || null;
        break;
      case 'min': {
        const n = Number(value);
        if (value !== '' && Number.isFinite(n) && n >= 0) state.minWeight = n;
        else bad(param, value, 'a number ≥ 0');
        break;
      }
      case 'top': {
        const [on, k, min] = value.split(',');
        const kn = Number(k);
        const mn = Number(min);
        if ((on === 'on' || on === 'off') && Number.isInteger(kn) && kn >= 1 && Number.isFinite(mn) && mn >= 0) {
          state.topSources = on === 'on';
          state.k = kn;
          state.topMinWeight = mn;
        } else bad(param, value, 'on|off,k,minimum like on,5,100');
        break;
      }
      case 'backbone':
        if (value === 'on' || value === 'off') state.backboneOnly = value === 'on';
        else bad(param, value, 'on or off');
        break;
      case 'size':
        state.sizeBy = choice(value, SIZE_MEASURES) ?? (bad(param, value, SIZE_MEASURES.join(', ')), state.sizeBy);
        break;
      case 'color':
        state.nodeColor = choice(value, NODE_COLORINGS) ?? (bad(param, value, NODE_COLORINGS.join(', ')), state.nodeColor);
        break;
      case 'flows':
        state.edgeColor = choice(value, EDGE_COLORINGS) ?? (bad(param, value, EDGE_COLORINGS.join(' or ')), state.edgeColor);
        break;
      case 'place':
        state.selected = value || null;
        break;
      case 'dir':
        state.direction = choice(value, FLOW_DIRECTIONS) ?? (bad(param, value, FLOW_DIRECTIONS.join(', ')), state.direction);
        break;
      case 'only': {
        const at = value.indexOf(':');
        const by = choice(value.slice(0, Math.max(0, at)), PLACE_GROUP_BYS);
        const keys = value
          .slice(at + 1)
          .split('|')
          .filter((k) => k !== '');
        if (by && keys.length > 0) state.placeFilter = { by, keys: [...new Set(keys)] };
        else bad(param, value, 'community:ID|ID, country:CODE|CODE or region:NAME|NAME');
        break;
      }
      case 'table': {
        const [column, order] = value.split(',');
        const c = choice(column ?? '', TABLE_COLUMNS);
        if (c && (order === 'asc' || order === 'desc')) state.tableSort = { column: c, descending: order === 'desc' };
        else bad(param, value, `COLUMN,asc|desc with COLUMN one of ${TABLE_COLUMNS.join(', ')}`);
        break;
      }
      case 'sort':
        if (value === 'map' || value === 'place') state.heatmapSort = { by: value };
        else if (value.startsWith('discipline:') && value.length > 11)
          state.heatmapSort = { by: 'discipline', discipline: value.slice(11) };
        else bad(param, value, 'map, place or discipline:NAME');
        break;
      case 'style': {
        const read = paramToStyle(value);
        state.mapStyle = read.style;
        for (const p of read.problems) bad(param, p, 'key:value pairs of map/style.ts');
        break;
      }
      case 'camera': {
        const parts = value.split(',').map(Number);
        if (parts.length === 3 && parts.every(Number.isFinite) && parts[2]! > 0) {
          state.camera = { x: parts[0]!, y: parts[1]!, ratio: parts[2]! };
        } else bad(param, value, 'x,y,ratio');
        break;
      }
      default:
        bad(
          param,
          value,
          'a known parameter (data, layout, years, discipline, min, top, backbone, size, color, flows, place, dir, only, table, sort, style, camera)',
        );
    }
  }
  return { state, problems };
}

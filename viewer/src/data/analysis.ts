/**
 * An analysis as the viewer holds it: the flow graph from `graph.json`, the flow store from
 * `flows.arrow` (breakdowns by year and discipline, for the filters) and the tables
 * `talentflow analyze` writes beside it. Table cells are kept as the exact text of the file, so
 * a place card shows the same digits as `places.csv`.
 *
 * Read by data/parse-files.ts (parse, then build the graph). Only `graph.json` is required. Without `flows.arrow` the year and discipline filters are off. Without `places.csv` the rows are derived from the node
 * attributes with the library's own table builder (so the digits still match what the CLI
 * would write); without `communities.csv` communities come from the node attributes; without
 * `rai.csv` the heatmap says so.
 */
import { InputError } from 'talentflow';
import type { FlowGraph } from 'talentflow';
import { storeYears, type FlowStore } from 'talentflow';
import { numberOrNull, tableFields } from './csv.ts';
import type { RaiTable } from './rai-table.ts';

/** One row of a CSV table: column → the cell's text. */
export type TextRow = Record<string, string>;

export type { RaiCellText, RaiCells, RaiTable } from './rai-table.ts';

export interface CommunityRow {
  id: number;
  label: string;
  size: number;
}

export interface Analysis {
  /** Shown in the title bar: the folder name or the dropped file's name. */
  name: string;
  graph: FlowGraph;
  /** The flows with their breakdowns (flows.arrow); null without that file. */
  flows: FlowStore | null;
  /** places.csv rows by place key (text cells). */
  places: Map<string, TextRow>;
  placeColumns: string[];
  /** True when places.csv was read (false: rows derived from graph.json). */
  placesFromCsv: boolean;
  rai: RaiTable | null;
  /** intervals.csv (with --bootstrap): place → measure (net_inflow, inflow_ratio, pagerank_rank) → its row; null without the file. */
  intervals: Map<string, Map<string, TextRow>> | null;
  /** compare.csv (with --compare): the two periods and each place's change in net inflow; null without the file. */
  comparison: Comparison | null;
  communities: CommunityRow[];
  manifest: Record<string, unknown> | null;
  /** First and last year with moves on any flow (from flows.arrow). */
  years: [number, number] | null;
  /** Disciplines of the flows, largest total flow first (from flows.arrow). */
  disciplines: string[];
  /** Non-fatal problems met while reading (each once). */
  warnings: string[];
}

/** The files of an analysis folder, as text (flows.arrow as bytes); only `graph.json` is required. */
export interface AnalysisFiles {
  'graph.json': string;
  'flows.arrow'?: Uint8Array | undefined;
  'places.csv'?: string | undefined;
  'rai.csv'?: string | undefined;
  'communities.csv'?: string | undefined;
  'manifest.json'?: string | undefined;
  'intervals.csv'?: string | undefined;
  'compare.csv'?: string | undefined;
}

/** The period comparison of compare.csv, as the map colours it. */
export interface Comparison {
  /** The two periods as written ("1998-2004", "2012-2018"). */
  periods: [string, string];
  /** Place → net inflow of the second period less the first (null when either is unknown). */
  netChange: Map<string, number | null>;
}

/**
 * The change in net inflow between the two periods of compare.csv.
 *
 * @example readComparison(text).netChange.get('CHN') // 7069 (−2,213 in 1998–2004, +4,856 in 2012–2018)
 */
export function readComparison(text: string): Comparison {
  const { columns, rows } = parseTable(text, 'compare.csv');
  for (const c of ['place', 'period_1', 'period_2', 'net_inflow_change']) {
    if (!columns.includes(c))
      throw new InputError('compare.csv', `has no "${c}" column (expected the file talentflow analyze --compare writes)`);
  }
  const netChange = new Map<string, number | null>();
  for (const row of rows) netChange.set(row['place'] ?? '', numberOrNull(row['net_inflow_change']));
  return { periods: [rows[0]?.['period_1'] ?? '', rows[0]?.['period_2'] ?? ''], netChange };
}

/**
 * The place measures of intervals.csv (RAI rows, which have a discipline, are left to rai.csv's
 * heatmap): place → measure → row of text cells.
 *
 * @example readIntervals(text).get('Shenzhen')?.get('net_inflow')?.['low'] // '395'
 */
export function readIntervals(text: string): Map<string, Map<string, TextRow>> {
  const out = new Map<string, Map<string, TextRow>>();
  for (const row of parseTable(text, 'intervals.csv').rows) {
    if (row['discipline']) continue;
    const place = row['place'] ?? '';
    if (!out.has(place)) out.set(place, new Map());
    out.get(place)!.set(row['measure'] ?? '', row);
  }
  return out;
}

/** Parses CSV text into a header and text rows; throws InputError on malformed CSV. */
export function parseTable(text: string, file: string): { columns: string[]; rows: TextRow[] } {
  const fields = tableFields(text, file);
  const columns = fields[0];
  if (!columns) return { columns: [], rows: [] };
  // Plain loops: at 5,000 places × 32 columns the per-cell closures were a third of opening.
  const rows: TextRow[] = new Array(fields.length - 1);
  for (let r = 1; r < fields.length; r++) {
    const values = fields[r]!;
    const row: TextRow = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i] ?? '';
    rows[r - 1] = row;
  }
  return { columns, rows };
}

export function readCommunities(text: string): CommunityRow[] {
  return parseTable(text, 'communities.csv')
    .rows.map((r) => ({ id: Number(r['community']), label: r['label'] ?? '', size: Number(r['size'] ?? 0) }))
    .filter((c) => Number.isInteger(c.id))
    .sort((a, b) => a.id - b.id);
}

/** Communities from the node attributes (graph.json opened without communities.csv). */
export function communitiesOfNodes(graph: FlowGraph): CommunityRow[] {
  const byId = new Map<number, CommunityRow>();
  graph.forEachNode((_n, a) => {
    const id = a['community'];
    if (typeof id !== 'number') return;
    const row = byId.get(id) ?? { id, label: String(a['communityLabel'] ?? `Community ${id}`), size: 0 };
    row.size++;
    byId.set(id, row);
  });
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Year span and disciplines of the flows (for the year and discipline controls); none without a store. */
export function flowDimensions(flows: FlowStore | null): { years: [number, number] | null; disciplines: string[] } {
  if (flows === null) return { years: null, disciplines: [] };
  const totals = new Float64Array(flows.disciplines.length);
  const { discipline, moves } = flows.cells;
  for (let c = 0; c < discipline.length; c++) if (discipline[c]! >= 0) totals[discipline[c]!]! += moves[c]!;
  const disciplines = flows.disciplines
    .map((d, i): [string, number] => [d, totals[i]!])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([d]) => d);
  return { years: storeYears(flows), disciplines };
}

/**
 * `places.csv`: one row per place (graph node) with its description, its stock figures and
 * every measure the analyses wrote onto the node (attribute names in src/analyses/types.ts).
 *
 * A cell is empty when the attribute is absent or null: a measure that was not run, or that
 * does not apply (inflow ratio without timelines). Nothing is filled in or rounded here.
 */
import type { FlowGraph } from '../graph/types.ts';
import type { Table } from './csv.ts';
import { compareKeys } from './compare.ts';

/** One column of a derived table: its CSV name, the node attribute it reads, and what it holds. */
export interface ColumnSpec {
  column: string;
  /** Node attribute read for this column; `null` for the node key. */
  attribute: string | null;
  description: string;
}

/** The columns of `places.csv`, in order. Docs and the viewer's table read this list. */
export const PLACES_COLUMNS: readonly ColumnSpec[] = [
  { column: 'place', attribute: null, description: 'node key: metro name, "City, CC", or ISO3 country code' },
  { column: 'label', attribute: 'label', description: 'readable name' },
  { column: 'level', attribute: 'level', description: 'metro, city or country' },
  { column: 'country', attribute: 'country', description: 'ISO 3166-1 alpha-2 code' },
  { column: 'country_name', attribute: 'countryName', description: 'country name' },
  { column: 'region', attribute: 'region', description: 'world region' },
  { column: 'subregion', attribute: 'subregion', description: 'world subregion' },
  { column: 'lat', attribute: 'lat', description: 'latitude, degrees' },
  { column: 'lon', attribute: 'lon', description: 'longitude, degrees' },
  { column: 'stock', attribute: 'stock', description: 'active researchers at the end of the window (timelines only)' },
  { column: 'young', attribute: 'young', description: 'young active researchers among them (timelines only)' },
  { column: 'inflow_set', attribute: 'inflowSet', description: 'active researchers who flowed in by the SET rule (timelines only)' },
  { column: 'present_before', attribute: 'presentBefore', description: 'active researchers here before the window (timelines only)' },
  { column: 'left_set', attribute: 'leftSet', description: 'of those, researchers elsewhere at the end of the window (timelines only)' },
  { column: 'inflow', attribute: 'inflow', description: 'moves in (weighted in-degree)' },
  { column: 'outflow', attribute: 'outflow', description: 'moves out (weighted out-degree)' },
  { column: 'net_inflow', attribute: 'netInflow', description: 'inflow − outflow' },
  { column: 'inflow_ratio', attribute: 'inflowRatio', description: 'inflow_set / stock, 0..1' },
  { column: 'outflow_ratio', attribute: 'outflowRatio', description: 'left_set / present_before, 0..1' },
  { column: 'retention', attribute: 'retention', description: '1 − outflow_ratio' },
  { column: 'pagerank', attribute: 'pagerank', description: 'weighted PageRank, sums to 1' },
  { column: 'hub_score', attribute: 'hubScore', description: 'HITS hub score' },
  { column: 'authority_score', attribute: 'authorityScore', description: 'HITS authority score' },
  { column: 'betweenness', attribute: 'betweenness', description: 'betweenness centrality' },
  { column: 'eigenvector', attribute: 'eigenvector', description: 'eigenvector centrality' },
  { column: 'hub_class', attribute: 'hubClass', description: 'size class: hub, large, medium or peripheral' },
  { column: 'balance', attribute: 'balance', description: '(inflow − outflow) / (inflow + outflow), −1..1' },
  { column: 'balance_class', attribute: 'balanceClass', description: 'magnet, balanced or exporter (empty without flow)' },
  { column: 'community', attribute: 'community', description: 'community id (0 = largest by strength)' },
  { column: 'community_label', attribute: 'communityLabel', description: 'community label from its largest members' },
  { column: 'quadrant', attribute: 'quadrant', description: 'stock against momentum: leader, riser, incumbent or laggard (analyses/quadrants.ts)' },
];

/**
 * The places table: one row per node with the columns of {@link PLACES_COLUMNS}, sorted by
 * pagerank (largest first; places without pagerank last), then by key. Absent or null
 * attributes give null cells (written as empty cells), never a number.
 *
 * @example
 * const { columns, rows } = placesTable(graph);
 * toCsv(columns, rows); // "place,label,level,…\nBoston,Boston,metro,US,…"
 */
export function placesTable(graph: FlowGraph): Table {
  const columns = PLACES_COLUMNS.map((c) => c.column);
  const entries: { key: string; pagerank: number | null; row: Record<string, unknown> }[] = [];
  graph.forEachNode((key, attributes) => {
    const row: Record<string, unknown> = {};
    for (const spec of PLACES_COLUMNS) {
      const value = spec.attribute === null ? key : attributes[spec.attribute];
      row[spec.column] = value === undefined ? null : value;
    }
    const pr = attributes['pagerank'];
    entries.push({ key, pagerank: typeof pr === 'number' && Number.isFinite(pr) ? pr : null, row });
  });
  entries.sort((a, b) => {
    if (a.pagerank !== b.pagerank) {
      if (a.pagerank === null) return 1;
      if (b.pagerank === null) return -1;
      return b.pagerank - a.pagerank;
    }
    return compareKeys(a.key, b.key);
  });
  return { columns, rows: entries.map((e) => e.row) };
}

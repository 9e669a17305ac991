/**
 * `places.csv`: one row per place (graph node) with its description, its stock figures and
 * every measure the analyses wrote onto the node (attribute names in src/analyses/types.ts).
 *
 * A cell is empty when the attribute is absent or null: a measure that was not run, or that
 * does not apply (inflow ratio without timelines). Nothing is filled in or rounded here.
 */
import type { FlowGraph } from '../graph/types.ts';
import type { Table } from './csv.ts';
import { compareKeys } from '../compare-keys.ts';
import { measureAttributes } from '../analyses/registry.ts';

/** One column of a derived table: its CSV name, the node attribute it reads, and what it holds. */
export interface ColumnSpec {
  column: string;
  /** Node attribute read for this column; `null` for the node key. */
  attribute: string | null;
  description: string;
}

/** The columns that describe a place (its name, location and timeline stock), before the measures. */
export const PLACE_DESCRIPTION_COLUMNS: readonly ColumnSpec[] = [
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
];

/**
 * The columns of `places.csv`, in order: the place's description, then every measure column of
 * the registry (`analyses/registry.ts`) in its order. Docs and the viewer's table read this list.
 */
export const PLACES_COLUMNS: readonly ColumnSpec[] = Object.freeze([
  ...PLACE_DESCRIPTION_COLUMNS,
  ...measureAttributes()
    .filter((a) => a.column !== null)
    .map((a) => ({ column: a.column!, attribute: a.attribute, description: a.description })),
]);

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

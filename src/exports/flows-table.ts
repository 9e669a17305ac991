/**
 * `flows.csv`: one row per edge A → B of the flow graph, the moves from A to B.
 */
import type { FlowGraph } from '../graph/types.ts';
import type { Table } from './csv.ts';
import { compareKeys } from './compare.ts';

/** The columns of `flows.csv`, in order. */
export const FLOWS_COLUMNS: readonly string[] = [
  'source',
  'source_label',
  'target',
  'target_label',
  'weight',
  'researchers',
  'first_year',
  'last_year',
];

/**
 * The first and last year with at least one move in a `byYear` breakdown, or nulls when it
 * is absent or empty.
 *
 * @example yearSpan({ '2019': 2, '2021': 1 }) // [2019, 2021]
 */
export function yearSpan(byYear: unknown): [number, number] | [null, null] {
  if (byYear === null || typeof byYear !== 'object') return [null, null];
  let first = Infinity;
  let last = -Infinity;
  for (const [year, count] of Object.entries(byYear as Record<string, unknown>)) {
    const y = Number(year);
    if (!Number.isInteger(y) || typeof count !== 'number' || !(count > 0)) continue;
    if (y < first) first = y;
    if (y > last) last = y;
  }
  return first <= last ? [first, last] : [null, null];
}

/**
 * The flows table: source and target keys with their labels, weight (moves), distinct
 * researchers (empty for aggregated input) and the first and last year with a move.
 * Sorted by weight (largest first), then source, then target.
 *
 * @example
 * const { columns, rows } = flowsTable(graph);
 * rows[0]; // { source: 'Beijing', source_label: 'Beijing', target: 'Shenzhen', …, weight: 2731, … }
 */
export function flowsTable(graph: FlowGraph): Table {
  const rows: Record<string, unknown>[] = [];
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const [firstYear, lastYear] = yearSpan(attributes.byYear);
    rows.push({
      source,
      source_label: sourceAttributes.label ?? null,
      target,
      target_label: targetAttributes.label ?? null,
      weight: attributes.weight ?? null,
      researchers: attributes.researchers ?? null,
      first_year: firstYear,
      last_year: lastYear,
    });
  });
  rows.sort((a, b) => {
    const wa = a['weight'] as number | null;
    const wb = b['weight'] as number | null;
    if (wa !== wb) {
      if (wa === null) return 1;
      if (wb === null) return -1;
      return wb - wa;
    }
    return compareKeys(a['source'] as string, b['source'] as string) || compareKeys(a['target'] as string, b['target'] as string);
  });
  return { columns: [...FLOWS_COLUMNS], rows };
}

/**
 * The flows and places drawn, as CSV text (the library's own table writers, so the files read
 * like the CLI's). No DOM here: tested in Node.
 */
import { flowsTable } from 'talentflow';
import { tableToCsv, toCsv } from 'talentflow';
import type { FlowGraph } from 'talentflow';
import type { Analysis } from '../data/analysis.ts';
import type { RenderGraph } from '../render-graph.ts';

/**
 * CSV of the flows drawn (columns of flows.csv; weights as filtered). Distinct researchers are
 * not known for a subset of years or disciplines (the breakdowns count moves): rather than an
 * empty column, the file then has none.
 */
export function flowsCsv(drawn: FlowGraph, render: RenderGraph): string {
  const table = flowsTable(drawn);
  table.rows = table.rows.filter((r) => render.hasNode(String(r['source'])) && render.hasNode(String(r['target'])));
  if (table.rows.every((r) => r['researchers'] === null)) table.columns = table.columns.filter((c) => c !== 'researchers');
  return tableToCsv(table);
}

/**
 * CSV of the places drawn, in map order: their places.csv row (as written) plus their in- and
 * out-flow in the years and discipline selected (`selected_inflow`, `selected_outflow`).
 */
export function placesCsv(analysis: Analysis, order: string[], render: RenderGraph): string {
  const columns = [...analysis.placeColumns, 'selected_inflow', 'selected_outflow'];
  const rows = order
    .filter((p) => render.hasNode(p))
    .map((p) => ({
      ...(analysis.places.get(p) ?? { place: p }),
      selected_inflow: render.getNodeAttribute(p, 'inflow'),
      selected_outflow: render.getNodeAttribute(p, 'outflow'),
    }));
  return toCsv(columns, rows);
}

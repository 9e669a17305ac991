/**
 * Downloads of the current view: the map as PNG (sigma's layers via @sigma/export-image, over
 * the basemap, with the legend and a caption), and the flows and places drawn as CSV (the
 * library's own table writers, so the files read like the CLI's).
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import { flowsTable } from '../../../src/exports/flows-table.ts';
import { tableToCsv, toCsv } from '../../../src/exports/csv.ts';
import type { FlowGraph } from '../../../src/graph/types.ts';
import type { Analysis } from '../data/analysis.ts';
import type { Basemap } from '../map/basemap.ts';
import { FONT } from '../map/flow-map.ts';
import type { RenderGraph } from '../render-graph.ts';
import { legendHeight, paintLegend, type LegendSection } from '../ui/legend.ts';

/** Saves a blob under `name` through a temporary link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV of the flows drawn (columns of flows.csv; weights as filtered). */
export function flowsCsv(drawn: FlowGraph, render: RenderGraph): string {
  const table = flowsTable(drawn);
  table.rows = table.rows.filter((r) => render.hasNode(String(r['source'])) && render.hasNode(String(r['target'])));
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

/**
 * The map as a PNG blob: basemap, flows and places as drawn now (same camera), the legend in
 * the lower left and a caption (analysis name and filters) at the top.
 */
export async function mapPng(sigma: Sigma, basemap: Basemap | null, legend: LegendSection[], caption: string): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  // Flows and places from a renderer of the export's own, stacked as on screen; labels and hub
  // rings from the map's own label layer, so the picture carries the labels the user sees.
  const flowsOnTop = sigma.getContainer().classList.contains('flows-on-top');
  const layers = await drawOnCanvas(sigma, { backgroundColor: 'transparent', layers: flowsOnTop ? ['nodes', 'edges'] : ['edges', 'nodes'] });
  const labels = sigma.getCanvases()['labels'];
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  if (basemap) basemap.paint(ctx, ratio, width, height);
  else {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layers, 0, 0, canvas.width, canvas.height);
  if (labels) ctx.drawImage(labels, 0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = `600 13px ${FONT}`;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(8, 8, Math.min(width - 16, ctx.measureText(caption).width + 16), 24);
  ctx.fillStyle = '#1f2328';
  ctx.fillText(caption, 16, 25);
  paintLegend(ctx, legend, 10, Math.max(40, height - legendHeight(legend) - 10), FONT);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

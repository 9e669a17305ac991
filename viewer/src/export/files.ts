/**
 * Downloads of the current view: the map as PNG (sigma's layers via @sigma/export-image, over
 * the basemap, with the legend and a caption); the CSV texts are built in tables.ts.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Basemap } from '../map/basemap.ts';
import { FONT } from '../map/flow-map.ts';
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
  const layers = await drawOnCanvas(sigma, {
    backgroundColor: 'transparent',
    layers: flowsOnTop ? ['nodes', 'edges'] : ['edges', 'nodes'],
  });
  const labels = sigma.getCanvases()['labels'];
  const strong = sigma.getCanvases()['strongFlows'];
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
  if (strong) ctx.drawImage(strong, 0, 0, canvas.width, canvas.height);
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

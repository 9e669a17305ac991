/**
 * Downloads of the current view: the map as PNG (sigma's own layers, over the basemap, with the
 * legend and a caption); the CSV texts are built in tables.ts.
 */
import type Sigma from 'sigma';
import type { Basemap } from '../map/basemap.ts';
import { FONT } from '../map/place-labels.ts';
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
  // Flows and places as the map draws them: one more frame of the map's own renderer, copied in
  // the task that draws it (WebGL buffers are readable until the task ends). A renderer of the
  // export's own (@sigma/export-image) compiled its shaders and drew every flow a second time.
  const flowsOnTop = sigma.getContainer().classList.contains('flows-on-top');
  const layers = copyWebGlLayers(sigma, flowsOnTop ? ['nodes', 'edges'] : ['edges', 'nodes']);
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
  if (layers) ctx.drawImage(layers, 0, 0, canvas.width, canvas.height);
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

/** Sigma's WebGL layers, bottom first, flattened onto one canvas right after a synchronous frame. */
function copyWebGlLayers(sigma: Sigma, order: string[]): HTMLCanvasElement | null {
  let copy: HTMLCanvasElement | null = null;
  const grab = () => {
    const canvases = sigma.getCanvases();
    const first = canvases[order[0]!];
    if (!first) return;
    copy = document.createElement('canvas');
    copy.width = first.width;
    copy.height = first.height;
    const ctx = copy.getContext('2d')!;
    for (const name of order) {
      const layer = canvases[name];
      if (layer) ctx.drawImage(layer, 0, 0, copy.width, copy.height);
    }
  };
  sigma.once('afterRender', grab);
  try {
    // refresh() renders now, in this task (not at the next animation frame).
    sigma.refresh({ skipIndexation: true });
  } finally {
    sigma.removeListener('afterRender', grab);
  }
  return copy;
}

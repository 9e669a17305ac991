/**
 * The offline world basemap: country outlines from world-atlas (Natural Earth, bundled with the
 * app, no tiles) on a canvas under sigma's WebGL layers, redrawn after every sigma render so it
 * follows pans and zooms exactly.
 *
 * The outlines come projected into graph coordinates at build time (world-outlines.ts): the page
 * makes one Path2D of them, and each frame only sets the canvas transform to sigma's graph →
 * viewport mapping (an affine map, measured from three points) and fills and strokes that path.
 * The 1:110m outlines draw at world scale, the 1:50m ones (loaded after the first frame) once
 * zoomed in.
 */
import type Sigma from 'sigma';
import outlines110Url from 'virtual:world-outlines/110m';
import outlines50Url from 'virtual:world-outlines/50m';
import type { CountryLabel, WorldOutlines } from './world-outlines.ts';

export const BASEMAP_STYLE = Object.freeze({
  ocean: '#e8eef3',
  land: '#fbfaf7',
  border: '#c9ced4',
  countryLabel: '#8a939c',
});

/** Camera ratio below which the detailed outlines are used (loaded on the first such zoom). */
const DETAIL_RATIO = 0.4;
/** The detailed outlines are prepared this long after the first drawing, once the page is idle. */
const DETAIL_DELAY_MS = 4000;

const fetchOutlines = (url: string) => fetch(url).then((r) => r.json() as Promise<WorldOutlines>);
let coarseOutlines: Promise<WorldOutlines> | null = null;
/** Starts fetching the world outlines; call early so they arrive with the analysis, not after it. */
export function prefetchBasemap(): Promise<WorldOutlines> {
  coarseOutlines ??= fetchOutlines(outlines110Url);
  return coarseOutlines;
}
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** sigma's graph → viewport transform as canvas `setTransform` arguments (CSS pixels). */
export function graphToViewportTransform(sigma: Sigma): [number, number, number, number, number, number] {
  const o = sigma.graphToViewport({ x: 0, y: 0 });
  const ex = sigma.graphToViewport({ x: 1, y: 0 });
  const ey = sigma.graphToViewport({ x: 0, y: 1 });
  return [ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y, o.x, o.y];
}

export class Basemap {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private coarse: Path2D | null = null;
  private labels: CountryLabel[] = [];
  /** Country names on the basemap (a map style option). */
  showLabels = true;
  private detailed: Path2D | null = null;
  /** Whether the last drawing used the 1:50m outlines. */
  detailDrawn = false;
  private visible = true;
  private readonly onRender = () => this.draw();
  private readonly onResize = () => this.resize();

  constructor(private readonly sigma: Sigma) {
    this.canvas = sigma.createCanvas('basemap', { beforeLayer: 'edges', style: { pointerEvents: 'none' } });
    this.ctx = this.canvas.getContext('2d')!;
    sigma.on('afterRender', this.onRender);
    sigma.on('resize', this.onResize);
    this.resize();
  }

  private detailRequested = false;

  /**
   * Loads the 1:110m outlines and draws them; the 1:50m ones are prepared a few seconds later
   * while the page is idle, or on the first close zoom if that comes first.
   */
  async load(): Promise<void> {
    const outlines = await prefetchBasemap();
    this.coarse = new Path2D(outlines.path);
    this.labels = outlines.labels;
    this.draw();
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => this.loadDetail(), { timeout: 5000 });
      else this.loadDetail();
    }, DETAIL_DELAY_MS);
  }

  private loadDetail(): void {
    if (this.detailRequested) return;
    this.detailRequested = true;
    void fetchOutlines(outlines50Url)
      .then((outlines) => {
        this.detailed = new Path2D(outlines.path);
        if (this.sigma.getCamera().ratio < DETAIL_RATIO) this.draw();
      })
      // Without the detailed outlines the coarse ones stay drawn at every zoom.
      .catch(() => undefined);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.canvas.style.display = visible ? '' : 'none';
    if (visible) this.draw();
  }

  private resize(): void {
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.draw();
  }

  /** Draws the basemap for the current camera onto `ctx` (this layer's, or an export canvas). */
  paint(ctx: CanvasRenderingContext2D, pixelRatio: number, width: number, height: number): void {
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.fillStyle = BASEMAP_STYLE.ocean;
    ctx.fillRect(0, 0, width, height);
    const close = this.sigma.getCamera().ratio < DETAIL_RATIO;
    if (close && !this.detailRequested) this.loadDetail();
    const outlines = close && this.detailed ? this.detailed : this.coarse;
    this.detailDrawn = outlines !== null && outlines === this.detailed;
    if (!outlines) return;
    const [a, b, c, d, e, f] = graphToViewportTransform(this.sigma);
    ctx.setTransform(a * pixelRatio, b * pixelRatio, c * pixelRatio, d * pixelRatio, e * pixelRatio, f * pixelRatio);
    ctx.fillStyle = BASEMAP_STYLE.land;
    ctx.fill(outlines);
    ctx.strokeStyle = BASEMAP_STYLE.border;
    // Line width is in graph units under this transform: keep it at 0.8 CSS pixels.
    ctx.lineWidth = 0.8 / Math.hypot(a, b);
    ctx.lineJoin = 'round';
    ctx.stroke(outlines);
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    if (this.showLabels) this.paintLabels(ctx, [a, b, c, d, e, f], width, height);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  /**
   * Country names where they fit inside their country at this zoom, largest countries first and
   * none over another; light, under the flows and places.
   */
  private paintLabels(ctx: CanvasRenderingContext2D, [a, , , d, e, f]: number[], width: number, height: number): void {
    ctx.font = `italic 10.5px ${LABEL_FONT}`;
    ctx.fillStyle = BASEMAP_STYLE.countryLabel;
    ctx.textAlign = 'center';
    const taken: { x1: number; y1: number; x2: number; y2: number }[] = [];
    for (const label of this.labels) {
      const w = label.width * Math.abs(a!);
      const h = label.height * Math.abs(d!);
      if (w < 30 || h < 14) continue;
      const text = ctx.measureText(label.name).width;
      if (text > w * 0.9) continue;
      const x = label.x * a! + e!;
      const y = label.y * d! + f!;
      if (x < -text || x > width + text || y < -10 || y > height + 10) continue;
      const box = { x1: x - text / 2 - 3, y1: y - 9, x2: x + text / 2 + 3, y2: y + 4 };
      if (taken.some((t) => t.x1 < box.x2 && box.x1 < t.x2 && t.y1 < box.y2 && box.y1 < t.y2)) continue;
      taken.push(box);
      ctx.fillText(label.name, x, y);
    }
    ctx.textAlign = 'start';
  }

  draw(): void {
    if (!this.visible) return;
    const { width, height } = this.sigma.getDimensions();
    this.paint(this.ctx, window.devicePixelRatio || 1, width, height);
  }

  kill(): void {
    this.sigma.off('afterRender', this.onRender);
    this.sigma.off('resize', this.onResize);
    this.sigma.killLayer('basemap');
  }
}

/**
 * Flow snapshots: how the map stays smooth when drawing every flow is slow (software WebGL,
 * tens of thousands of flows). After each full drawing the flows layer is copied into a canvas;
 * while the camera moves, sigma skips the flows (its `hideEdgesOnMove`) and the copy follows the
 * camera by a CSS transform; once the camera stops the flows are drawn again. Pan and zoom then
 * cost the same at 50,000 flows as at 500.
 *
 * "Slow" is measured, not guessed: a settled frame (drawing the flows and reading them back for
 * the copy) longer than ON_MS turns snapshots on, one shorter than OFF_MS turns them off. They
 * start on above START_EDGES flows and are never used under MIN_EDGES.
 */
import type Sigma from 'sigma';
import { graphToViewportTransform } from './basemap.ts';

export const SNAPSHOT = Object.freeze({ START_EDGES: 4000, MIN_EDGES: 300, ON_MS: 40, OFF_MS: 12 });

type Affine = [number, number, number, number, number, number];

/** The CSS matrix taking viewport positions under transform `then` to those under `now` (now ∘ then⁻¹). */
export function relativeTransform(then: Affine, now: Affine): Affine {
  const [a, b, c, d, e, f] = then;
  const [A, B, C, D, E, F] = now;
  const det = a * d - b * c;
  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  const ie = -(ia * e + ic * f);
  const iff = -(ib * e + id * f);
  return [A * ia + C * ib, B * ia + D * ib, A * ic + C * id, B * ic + D * id, A * ie + C * iff + E, B * ie + D * iff + F];
}

export class FlowSnapshot {
  private readonly canvas: HTMLCanvasElement;
  private transform: Affine | null = null;
  private renderStart = 0;
  /** Duration of the last settled frame (ms): drawing and reading back the flows. */
  lastFrameMs = 0;

  constructor(
    private readonly sigma: Sigma,
    /** Whether sigma currently treats the camera as moving. */
    private readonly moving: () => boolean,
  ) {
    this.canvas = sigma.createCanvas('flowSnapshot', {
      afterLayer: 'edges',
      style: { pointerEvents: 'none', transformOrigin: '0 0', display: 'none' },
    });
    sigma.on('beforeRender', () => (this.renderStart = performance.now()));
    sigma.on('afterRender', () => this.afterRender());
  }

  /** True while flows are not redrawn during camera moves (the last full frame was slow). */
  get active(): boolean {
    return this.sigma.getSetting('hideEdgesOnMove');
  }

  /**
   * Settings for a new graph: snapshots start on for a large one, and stay on when the last
   * frame was slow (a filter change on a slow map) until a fast frame turns them off.
   */
  settingsFor(edges: number): { hideEdgesOnMove: boolean } {
    this.transform = null;
    return { hideEdgesOnMove: edges > SNAPSHOT.START_EDGES || (this.active && edges >= SNAPSHOT.MIN_EDGES) };
  }

  /**
   * Turns snapshots on or off without sigma's setSetting, which schedules a full redraw: the
   * setting only changes frames drawn while the camera moves, and that redraw of every flow
   * (0.5–0.6 s with software WebGL at 1,000 flows) came right after each slow frame.
   */
  private setActive(on: boolean): void {
    (this.sigma as unknown as { settings: { hideEdgesOnMove: boolean } }).settings.hideEdgesOnMove = on;
  }

  private afterRender(): void {
    const style = this.canvas.style;
    const active = this.active;
    if (this.sigma.getGraph().size < SNAPSHOT.MIN_EDGES) {
      style.display = 'none';
      if (active) this.setActive(false);
      return;
    }
    if (!this.moving()) {
      const edges = this.sigma.getCanvases()['edges'];
      if (!edges) return;
      if (this.canvas.width !== edges.width || this.canvas.height !== edges.height) {
        this.canvas.width = edges.width;
        this.canvas.height = edges.height;
      }
      const ctx = this.canvas.getContext('2d')!;
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      // Same task as sigma's draw calls, so the WebGL drawing buffer is still readable; reading
      // it waits for the drawing to finish, which makes the frame time below honest.
      ctx.drawImage(edges, 0, 0);
      this.lastFrameMs = performance.now() - this.renderStart;
      const { width, height } = this.sigma.getDimensions();
      style.width = `${width}px`;
      style.height = `${height}px`;
      this.transform = graphToViewportTransform(this.sigma);
      style.display = 'none';
      if (!active && this.lastFrameMs > SNAPSHOT.ON_MS) this.setActive(true);
      else if (active && this.lastFrameMs < SNAPSHOT.OFF_MS) this.setActive(false);
      return;
    }
    if (!active || !this.transform) {
      style.display = 'none';
      return;
    }
    const m = relativeTransform(this.transform, graphToViewportTransform(this.sigma));
    style.transform = `matrix(${m.map((x) => x.toFixed(6)).join(',')})`;
    style.display = '';
  }
}

/**
 * The flow picked in the flows table, drawn over the map on a canvas of its own: the flow's
 * curve (the same control point as the WebGL programs, map/focus-overlay.ts) in a dark casing
 * with its own colour inside and an arrowhead, and both places ringed, so that it stands out
 * over any number of flows without redrawing them. Redrawn after each sigma frame (pan, zoom,
 * displaced discs).
 */
import type Sigma from 'sigma';
import { curveControl } from '../map/focus-overlay.ts';
import { arcLength, bezier } from '../map/strong-flows.ts';
import type { RenderEdgeAttributes, RenderNodeAttributes } from '../render-graph.ts';

type Point = { x: number; y: number };

export const HIGHLIGHT_CASING = '#111418';
const STEPS = 32;

export class FlowHighlight {
  private readonly canvas: HTMLCanvasElement;
  private edge: string | null = null;

  constructor(private readonly sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>) {
    this.canvas = sigma.createCanvas('flowHighlight', { style: { pointerEvents: 'none', zIndex: '3', display: 'none' } });
    sigma.on('afterRender', () => this.draw());
    sigma.on('resize', () => this.draw());
  }

  /** Highlights a drawn flow by its edge key (null: none). */
  set(edge: string | null): void {
    this.edge = edge;
    this.draw();
  }

  /** The middle of the highlighted flow's drawn shaft (viewport px; its own colour is drawn there), or null. */
  midpoint(): Point | null {
    const g = this.geometry();
    return g ? bezier(g.s, g.c, g.t, g.tBase / 2) : null;
  }

  /** The curve (ends, control point) and where its shaft ends and its head's tip is. */
  private geometry(): {
    s: Point;
    t: Point;
    c: Point;
    target: number;
    source: number;
    thickness: number;
    tBase: number;
    tTip: number;
  } | null {
    const graph = this.sigma.getGraph();
    if (this.edge === null || !graph.hasEdge(this.edge)) return null;
    const sd = this.sigma.getNodeDisplayData(graph.source(this.edge));
    const td = this.sigma.getNodeDisplayData(graph.target(this.edge));
    if (!sd || !td) return null;
    const s = this.sigma.framedGraphToViewport(sd);
    const t = this.sigma.framedGraphToViewport(td);
    const attrs = graph.getEdgeAttributes(this.edge);
    const target = this.sigma.scaleSize(td.size);
    const thickness = Math.max(3, attrs.size + 1);
    const c = curveControl(s, t, attrs.curvature);
    const arc = Math.max(1, arcLength(s, c, t));
    // The head ends at the target's disc; very short flows keep at least half their length as shaft.
    const tTip = Math.max(0.5, 1 - target / arc);
    const tBase = Math.max(0.4, tTip - (3 * thickness) / arc);
    return { s, t, c, target, source: this.sigma.scaleSize(sd.size), thickness, tBase, tTip };
  }

  private draw(): void {
    const g = this.geometry();
    if (!g) {
      this.canvas.style.display = 'none';
      return;
    }
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * ratio)) this.canvas.width = Math.round(width * ratio);
    if (this.canvas.height !== Math.round(height * ratio)) this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { s, t, c, target, source, thickness, tBase, tTip } = g;
    const path = () => {
      ctx.beginPath();
      ctx.moveTo(s.x, s.y);
      for (let i = 1; i <= STEPS; i++) {
        const p = bezier(s, c, t, (tBase * i) / STEPS);
        ctx.lineTo(p.x, p.y);
      }
    };
    const base = bezier(s, c, t, tBase);
    const tip = bezier(s, c, t, tTip);
    const len = Math.hypot(tip.x - base.x, tip.y - base.y) || 1;
    const nx = (-(tip.y - base.y) / len) * thickness * 1.3;
    const ny = ((tip.x - base.x) / len) * thickness * 1.3;
    const head = () => {
      ctx.beginPath();
      ctx.moveTo(base.x + nx, base.y + ny);
      ctx.lineTo(tip.x, tip.y);
      ctx.lineTo(base.x - nx, base.y - ny);
      ctx.closePath();
    };
    // Both places ringed first, so that the flow passes over the rings.
    for (const [p, r] of [
      [s, source],
      [t, target],
    ] as const) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, r + 3, 0, Math.PI * 2);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = HIGHLIGHT_CASING;
      ctx.stroke();
    }
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    // Casing, then the flow's own colour inside it.
    ctx.strokeStyle = HIGHLIGHT_CASING;
    ctx.fillStyle = HIGHLIGHT_CASING;
    ctx.lineWidth = thickness + 4;
    path();
    ctx.stroke();
    head();
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.fill();
    const color = this.sigma.getGraph().getEdgeAttribute(this.edge!, 'color').slice(0, 7);
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = thickness;
    path();
    ctx.stroke();
    head();
    ctx.fill();
    this.canvas.style.display = '';
  }
}

/**
 * Emphasis without redrawing every flow: when drawing the flows is slow (see flow-snapshot.ts),
 * hovering or selecting a place veils the flows layer and draws just that place's flows on a 2D
 * canvas above it, with the same curves as the WebGL programs (control point `curvature ×
 * length` to the left of the chord). Sigma then only redraws the places.
 */
import type Sigma from 'sigma';
import type { RenderEdgeAttributes, RenderNodeAttributes } from '../render-graph.ts';
import { arcLength, traceFlow } from './strong-flows.ts';

const VEIL = 'rgba(246, 247, 249, 0.78)';

type Point = { x: number; y: number };

/**
 * Control point of a flow's curve in CSS viewport coordinates (y down): the chord's midpoint
 * moved by `curvature × length` along the normal (dy, −dx), the same side as the WebGL programs
 * (which work with y up).
 *
 * @example curveControl({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.25) // { x: 50, y: -25 }
 */
export function curveControl(s: Point, t: Point, curvature: number): Point {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  return { x: (s.x + t.x) / 2 + curvature * dy, y: (s.y + t.y) / 2 - curvature * dx };
}

export class FocusOverlay {
  private readonly canvas: HTMLCanvasElement;

  constructor(private readonly sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>) {
    this.canvas = sigma.createCanvas('focusOverlay', { afterLayer: 'flowSnapshot', style: { pointerEvents: 'none', display: 'none' } });
  }

  clear(): void {
    this.canvas.style.display = 'none';
  }

  /** Veils the flows and draws the flows of `focus` (and the hovered flow) on top. */
  draw(focus: string | null, hoveredEdge: string | null): void {
    const graph = this.sigma.getGraph();
    const edges = new Set<string>();
    if (focus !== null && graph.hasNode(focus)) graph.forEachEdge(focus, (e) => void edges.add(e));
    if (hoveredEdge !== null && graph.hasEdge(hoveredEdge)) edges.add(hoveredEdge);
    if (edges.size === 0 && focus === null) {
      this.clear();
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
    ctx.fillStyle = VEIL;
    ctx.fillRect(0, 0, width, height);

    // Thin flows first so that the big ones stay on top.
    const ordered = [...edges].sort((a, b) => graph.getEdgeAttribute(a, 'weight') - graph.getEdgeAttribute(b, 'weight'));
    for (const edge of ordered) {
      const attrs = graph.getEdgeAttributes(edge);
      const sd = this.sigma.getNodeDisplayData(graph.source(edge));
      const td = this.sigma.getNodeDisplayData(graph.target(edge));
      if (!sd || !td) continue;
      const s = this.sigma.framedGraphToViewport(sd);
      const t = this.sigma.framedGraphToViewport(td);
      const c = curveControl(s, t, attrs.curvature);
      const chord = Math.hypot(t.x - s.x, t.y - s.y);
      if (chord < 1) continue;
      const thickness = Math.max(1, attrs.size);
      const arc = arcLength(s, c, t);
      const tTip = Math.max(0, 1 - td.size / arc);
      const tBase = Math.max(0, tTip - (2.5 * thickness) / arc);
      ctx.strokeStyle = attrs.color.slice(0, 7);
      ctx.fillStyle = attrs.color.slice(0, 7);
      ctx.globalAlpha = edge === hoveredEdge ? 1 : 0.9;
      ctx.lineWidth = thickness;
      ctx.lineCap = 'butt';
      // Stroke, arrowhead and arc length as on the strongest flows' layer.
      traceFlow(ctx, { s, c, t, tBase, tTip, loop: false }, thickness);
    }
    ctx.globalAlpha = 1;
    this.canvas.style.display = '';
  }
}

/**
 * The strongest flows on top: the few largest flows drawn (STRONG_FLOWS) are drawn again on a 2D
 * layer above the discs, with a light casing, so that no disc hides them. The strongest flows are
 * often short regional arcs (Guangzhou → Shenzhen, ~4 px apart at world zoom under discs of
 * ~16 px): a flow whose ends' discs would cover most of it bulges out until its apex clears the larger
 * disc by MIN_CLEARANCE pixels, so it reads as a loop beside the two places.
 *
 * Only the drawn graph is read (flows between clusters at a clustered zoom); the layer is redrawn
 * after every sigma frame, which costs well under a millisecond for this many curves. Short
 * flows go on top of long ones (see draw).
 */
import type Sigma from 'sigma';
import type { RenderEdgeAttributes, RenderNodeAttributes } from '../render-graph.ts';

/** How many of the largest flows are drawn on top by default. */
export const STRONG_FLOWS = 40;
/** Pixels between a short flow's apex and the rim of the larger of its two discs. */
export const MIN_CLEARANCE = 7;
/** A flow with less than this many pixels of chord between its two discs' rims counts as short. */
export const MIN_VISIBLE = 24;
const STEPS = 24;
const CASING = 'rgba(255,255,255,0.8)';

type Point = { x: number; y: number };

/** A flow's drawn curve in CSS viewport pixels: a quadratic Bézier, and where its arrow head sits. */
export interface FlowCurve {
  s: Point;
  c: Point;
  t: Point;
  /** Curve parameter of the head's base and tip (the tip on the target disc's rim). */
  tBase: number;
  tTip: number;
  /** Bulged out of the discs (a short flow), not the plain arc. */
  loop: boolean;
}

export function bezier(s: Point, c: Point, t: Point, u: number): Point {
  const v = 1 - u;
  return { x: v * v * s.x + 2 * v * u * c.x + u * u * t.x, y: v * v * s.y + 2 * v * u * c.y + u * u * t.y };
}

/**
 * Length of the quadratic curve s–c–t, close enough from its chord's and control polygon's
 * lengths ((2 × chord + polygon) ÷ 3): where every layer that draws a flow (strongest flows, focus
 * overlay, highlighted table row, and the tessellated WebGL flows in edge-flow-program.ts) puts
 * the arrowhead against the target's disc.
 *
 * @example arcLength({ x: 0, y: 0 }, { x: 50, y: -25 }, { x: 100, y: 0 }) // (200 + 2 × 55.9) ÷ 3 ≈ 103.9
 */
export function arcLength(s: Point, c: Point, t: Point): number {
  const chord = Math.hypot(t.x - s.x, t.y - s.y);
  const polygon = Math.hypot(c.x - s.x, c.y - s.y) + Math.hypot(t.x - c.x, t.y - c.y);
  return (2 * chord + polygon) / 3;
}

/**
 * The curve of a flow from `s` to `t` (viewport, y down) between discs of radius `rs` and `rt`:
 * control point `curvature × length` to the left of the chord as the WebGL programs draw it, or,
 * when the two discs would cover most of the chord, far enough out that the apex (half-way to the
 * control point) clears the larger disc by MIN_CLEARANCE.
 *
 * @example flowCurve({ x: 0, y: 0 }, { x: 4, y: 0 }, 16, 12, 0.25).c // { x: 2, y: -46 }: apex 23 px out
 */
export function flowCurve(s: Point, t: Point, rs: number, rt: number, curvature: number, thickness = 1): FlowCurve {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const chord = Math.hypot(dx, dy) || 1e-6;
  let offset = curvature * chord;
  const loop = chord < rs + rt + MIN_VISIBLE && offset < 2 * (Math.max(rs, rt) + MIN_CLEARANCE);
  if (loop) offset = 2 * (Math.max(rs, rt) + MIN_CLEARANCE);
  const c = { x: (s.x + t.x) / 2 + (offset * dy) / chord, y: (s.y + t.y) / 2 - (offset * dx) / chord };
  const arc = arcLength(s, c, t) || 1;
  const tTip = Math.max(0, 1 - rt / arc);
  const tBase = Math.max(0, tTip - (2.5 * thickness) / arc);
  return { s, c, t, tBase, tTip, loop };
}

/** Strokes a flow's body (up to its head's base) and fills its arrow head on `ctx`. */
export function traceFlow(ctx: CanvasRenderingContext2D, curve: FlowCurve, thickness: number, head = true): void {
  const { s, c, t, tBase, tTip } = curve;
  const end = head ? tBase : tTip;
  ctx.beginPath();
  ctx.moveTo(s.x, s.y);
  for (let i = 1; i <= STEPS; i++) {
    const p = bezier(s, c, t, (end * i) / STEPS);
    ctx.lineTo(p.x, p.y);
  }
  ctx.stroke();
  if (!head) return;
  const base = bezier(s, c, t, tBase);
  const tip = bezier(s, c, t, tTip);
  const len = Math.hypot(tip.x - base.x, tip.y - base.y) || 1;
  const nx = (-(tip.y - base.y) / len) * thickness;
  const ny = ((tip.x - base.x) / len) * thickness;
  ctx.beginPath();
  ctx.moveTo(base.x + nx, base.y + ny);
  ctx.lineTo(tip.x, tip.y);
  ctx.lineTo(base.x - nx, base.y - ny);
  ctx.closePath();
  ctx.fill();
}

/** A tapered flow (1.8× its width at the source, a point at the destination's rim), widened by `extra` px a side. */
export function traceTapered(ctx: CanvasRenderingContext2D, curve: FlowCurve, thickness: number, extra: number): void {
  const { s, c, t, tTip } = curve;
  const left: Point[] = [];
  const right: Point[] = [];
  for (let i = 0; i <= STEPS; i++) {
    const u = (tTip * i) / STEPS;
    const p = bezier(s, c, t, u);
    const v = 1 - u;
    const tx = 2 * v * (c.x - s.x) + 2 * u * (t.x - c.x);
    const ty = 2 * v * (c.y - s.y) + 2 * u * (t.y - c.y);
    const len = Math.hypot(tx, ty) || 1;
    const half = thickness * 0.9 * (1 - i / STEPS) + 0.25 + extra;
    left.push({ x: p.x - (ty / len) * half, y: p.y + (tx / len) * half });
    right.push({ x: p.x + (ty / len) * half, y: p.y - (tx / len) * half });
  }
  ctx.beginPath();
  ctx.moveTo(left[0]!.x, left[0]!.y);
  for (const p of left) ctx.lineTo(p.x, p.y);
  for (const p of right.reverse()) ctx.lineTo(p.x, p.y);
  ctx.closePath();
  ctx.fill();
}

export class StrongFlows {
  private readonly canvas: HTMLCanvasElement;
  /** The drawn graph's largest flows, largest last (drawn last, on top); recomputed per graph. */
  private strongest: string[] = [];
  private graphSeen: unknown = null;
  count = STRONG_FLOWS;
  visible = true;
  /** The map style's flow width and opacity multipliers, and tapered flows. */
  width = 1;
  opacity = 1;
  taper = false;

  constructor(private readonly sigma: Sigma<RenderNodeAttributes, RenderEdgeAttributes>) {
    this.canvas = sigma.createCanvas('strongFlows', { afterLayer: 'nodes', style: { pointerEvents: 'none' } });
  }

  /** The flows drawn on top now, largest first (for tests and the legend). */
  edges(): string[] {
    this.refreshList();
    return [...this.strongest].reverse();
  }

  /** The curve of a drawn flow as this layer draws it (viewport px), or null. */
  curve(edge: string): FlowCurve | null {
    const graph = this.sigma.getGraph();
    if (!graph.hasEdge(edge)) return null;
    const sd = this.sigma.getNodeDisplayData(graph.source(edge));
    const td = this.sigma.getNodeDisplayData(graph.target(edge));
    if (!sd || !td || sd.hidden || td.hidden) return null;
    const a = graph.getEdgeAttributes(edge);
    const thickness = Math.max(1, this.sigma.scaleSize(a.size));
    return flowCurve(
      this.sigma.framedGraphToViewport(sd),
      this.sigma.framedGraphToViewport(td),
      this.sigma.scaleSize(sd.size),
      this.sigma.scaleSize(td.size),
      a.curvature,
      thickness,
    );
  }

  private refreshList(): void {
    const graph = this.sigma.getGraph();
    if (graph === this.graphSeen && this.strongest.length === Math.min(this.count, graph.size)) return;
    this.graphSeen = graph;
    // A bounded selection of the largest: one pass, no sort of every flow.
    // Ascending by weight (ties by key), so the largest is drawn last.
    const top: { edge: string; weight: number }[] = [];
    const before = (x: { edge: string; weight: number }, y: { edge: string; weight: number }) =>
      x.weight < y.weight || (x.weight === y.weight && x.edge > y.edge);
    graph.forEachEdge((edge, a) => {
      const item = { edge, weight: a.weight };
      if (this.count <= 0 || (top.length === this.count && !before(top[0]!, item))) return;
      let i = top.length;
      while (i > 0 && before(item, top[i - 1]!)) i--;
      top.splice(i, 0, item);
      if (top.length > this.count) top.shift();
    });
    this.strongest = top.map((x) => x.edge);
  }

  /**
   * The flows this layer draws, in drawing order (the last on top), with their curves and line
   * widths (the casing aside): the strongest flows, or when a place is emphasised (`focus`) the
   * strongest of its own. Arcs first, loops (short flows bulged out of their discs) last, each by
   * weight: a long arc stays readable where a loop crosses it, while a loop under arcs is lost
   * (Guangzhou → Shenzhen under the arcs into Beijing). The map's flow picking reads the same list.
   */
  drawn(focus: string | null): { edge: string; curve: FlowCurve; thickness: number }[] {
    if (!this.visible || this.count <= 0) return [];
    this.refreshList();
    const graph = this.sigma.getGraph();
    const drawn: { edge: string; curve: FlowCurve; thickness: number }[] = [];
    for (const edge of this.strongest) {
      if (!graph.hasEdge(edge)) continue;
      if (focus !== null && graph.source(edge) !== focus && graph.target(edge) !== focus) continue;
      const curve = this.curve(edge);
      if (curve)
        drawn.push({ edge, curve, thickness: Math.max(1, this.sigma.scaleSize(graph.getEdgeAttribute(edge, 'size')) * this.width) });
    }
    return drawn.sort((x, y) => Number(x.curve.loop) - Number(y.curve.loop));
  }

  /** Draws the strongest flows, or when a place is emphasised, the strongest of its flows. */
  draw(focus: string | null): void {
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * ratio)) this.canvas.width = Math.round(width * ratio);
    if (this.canvas.height !== Math.round(height * ratio)) this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const drawn = this.drawn(focus);
    if (drawn.length === 0) return;
    const graph = this.sigma.getGraph();
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const { edge, curve, thickness } of drawn) {
      const colour = graph.getEdgeAttribute(edge, 'color').slice(0, 7);
      ctx.globalAlpha = Math.min(1, this.opacity);
      // A light casing first: it separates the flow from a disc of the same colour beneath.
      ctx.strokeStyle = CASING;
      ctx.fillStyle = CASING;
      if (this.taper) traceTapered(ctx, curve, thickness, 1);
      else {
        ctx.lineWidth = thickness + 2;
        traceFlow(ctx, curve, thickness + 1);
      }
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      if (this.taper) traceTapered(ctx, curve, thickness, 0);
      else {
        ctx.lineWidth = thickness;
        traceFlow(ctx, curve, thickness);
      }
    }
    ctx.globalAlpha = 1;
  }
}

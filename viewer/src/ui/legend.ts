/**
 * The legend: one model (what the encodings mean for the current view) drawn twice, as HTML over
 * the map and onto the exported PNG, so the picture always carries its key.
 */
import type { CommunityRow, Comparison } from '../data/analysis.ts';
import { EDGE_COLOR_INFO, NODE_COLOR_INFO, SIZE_MEASURE_INFO } from '../measures.ts';
import type { RenderResult } from '../render-graph.ts';
import { communityColor, edgeWidth, netInflowColor, nodeRadius, quadrantColor, CATEGORY_LIMIT, OTHER_COLOR } from '../scales.ts';
import type { ViewState } from '../state.ts';
import { formatSigned, formatValue, h, replace } from './dom.ts';

export type LegendItem =
  | { kind: 'swatch'; color: string; label: string; key?: string }
  | { kind: 'circle'; radius: number; label: string; ring?: boolean }
  | { kind: 'line'; width: number; label: string }
  | { kind: 'gradient'; colors: string[]; labels: [string, string, string] }
  | { kind: 'note'; label: string };

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

/** What the current encodings mean, for the places and flows drawn. */
export function legendModel(
  state: ViewState,
  render: RenderResult,
  communities: CommunityRow[],
  comparison: Comparison | null = null,
): LegendSection[] {
  const { scales, places: graph } = render;
  const sections: LegendSection[] = [];
  if (state.nodeColor === 'community') {
    const present = new Set<number>();
    graph.forEachNode((_n, a) => {
      if (a.community !== null) present.add(a.community);
    });
    const items: LegendItem[] = communities
      .filter((c) => c.id < CATEGORY_LIMIT && present.has(c.id))
      .map((c) => ({ kind: 'swatch', color: communityColor(c.id), label: c.label || `Community ${c.id}`, key: String(c.id) }));
    const others = [...present].filter((id) => id >= CATEGORY_LIMIT).length;
    if (others > 0) items.push({ kind: 'swatch', color: OTHER_COLOR, label: `${others} smaller communities` });
    if (items.length === 0) items.push({ kind: 'swatch', color: OTHER_COLOR, label: 'no communities in the data' });
    sections.push({ title: `Colour: ${NODE_COLOR_INFO.community.label}`, items });
  } else if (state.nodeColor === 'quadrant') {
    const present = new Set<string>();
    graph.forEachNode((_n, a) => present.add(a.quadrant ?? ''));
    const items: LegendItem[] = (['leader', 'riser', 'incumbent', 'laggard'] as const)
      .filter((q) => present.has(q))
      .map((q) => ({ kind: 'swatch', color: quadrantColor(q), label: `${q}s`, key: q }));
    if (present.has('')) items.push({ kind: 'swatch', color: quadrantColor(null), label: 'no quadrant (no size or momentum)' });
    sections.push({ title: `Colour: ${NODE_COLOR_INFO.quadrant.label}`, items });
  } else if (state.nodeColor === 'netChange') {
    const m = scales.changeMaxAbs;
    const periods = comparison ? `${comparison.periods[1]} less ${comparison.periods[0]}` : '';
    sections.push({
      title: `Colour: change in net inflow${periods ? ` (${periods})` : ''}`,
      items:
        m > 0
          ? [
              {
                kind: 'gradient',
                colors: divergingStops(m),
                labels: [formatSigned(-m), '0', formatSigned(m)],
              },
              { kind: 'swatch', color: OTHER_COLOR, label: 'not compared' },
            ]
          : [{ kind: 'swatch', color: OTHER_COLOR, label: 'no compare.csv: run analyze with --compare A-B,C-D' }],
    });
  } else if (state.nodeColor === 'netRate') {
    const m = scales.rateMaxAbs;
    const perThousand = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${(1000 * Math.abs(v)).toFixed(2)}‰`;
    sections.push({
      title: `Colour: ${NODE_COLOR_INFO.netRate.label} (net inflow per 1,000 researcher-years)`,
      items:
        m > 0
          ? [
              {
                kind: 'gradient',
                colors: divergingStops(m),
                labels: [perThousand(-m), '0', perThousand(m)],
              },
              { kind: 'swatch', color: OTHER_COLOR, label: 'no population' },
            ]
          : [{ kind: 'swatch', color: OTHER_COLOR, label: 'no population: run on timelines or with --population' }],
    });
  } else {
    const m = scales.netMaxAbs;
    sections.push({
      title: `Colour: ${NODE_COLOR_INFO.netInflow.label}`,
      items: [
        {
          kind: 'gradient',
          colors: divergingStops(m),
          labels: [formatSigned(-m), '0', formatSigned(m)],
        },
      ],
    });
  }
  const sizeLabel = SIZE_MEASURE_INFO[state.sizeBy].label;
  const max = scales.sizeMax;
  const sizeItems: LegendItem[] =
    max > 0
      ? [max, max / 4, max / 16].map((v) => ({
          kind: 'circle',
          radius: nodeRadius(v, max),
          label: formatValue(state.sizeBy === 'pagerank' ? Number(v.toPrecision(2)) : Math.round(v)),
        }))
      : [{ kind: 'swatch', color: OTHER_COLOR, label: 'no values' }];
  sections.push({ title: `Size: ${sizeLabel}`, items: sizeItems });
  if (graph.someNode((_n, a) => a.hub))
    sections.push({ title: 'Hubs', items: [{ kind: 'circle', radius: 6, label: 'ringed: central to sending and receiving', ring: true }] });
  const wMax = scales.weightMax;
  const wMin = Math.max(scales.weightMin, Math.min(1, wMax));
  const widths = wMax > 0 ? [...new Set([wMax, Math.round(Math.sqrt(wMax * wMin)), wMin])].filter((w) => w > 0) : [];
  sections.push({
    title: 'Flow width: moves (log scale)',
    items: widths.length
      ? widths.map((w) => ({ kind: 'line', width: edgeWidth(w, wMax), label: formatValue(w) }))
      : [{ kind: 'swatch', color: OTHER_COLOR, label: 'no flows drawn' }],
  });
  if (state.edgeColor === 'source') {
    const items: LegendItem[] = scales.sourceColors.map((s) => ({ kind: 'swatch', color: s.color, label: s.label }));
    items.push({ kind: 'swatch', color: OTHER_COLOR, label: 'other sources' });
    sections.push({ title: `Flow colour: ${EDGE_COLOR_INFO.source.label}`, items });
  } else {
    sections.push({
      title: `Flow colour: ${EDGE_COLOR_INFO.sourceCommunity.label}`,
      items: [{ kind: 'note', label: "the colour of its source's community" }],
    });
  }
  return sections;
}

function itemElement(item: LegendItem): HTMLElement {
  switch (item.kind) {
    case 'swatch':
      return h('li', { 'data-community': item.key }, h('span', { class: 'swatch', style: `background:${item.color}` }), item.label);
    case 'circle': {
      const d = Math.max(4, item.radius * 2);
      return h('li', {}, h('span', { class: `circle${item.ring ? ' ring' : ''}`, style: `width:${d}px;height:${d}px` }), item.label);
    }
    case 'line':
      return h('li', {}, h('span', { class: 'line', style: `height:${Math.max(1, item.width)}px` }), item.label);
    case 'note':
      return h('li', { class: 'muted' }, item.label);
    case 'gradient':
      return h(
        'li',
        { class: 'gradient-item' },
        h('span', { class: 'gradient', style: `background:linear-gradient(to right, ${item.colors.join(', ')})` }),
        h(
          'span',
          { class: 'gradient-labels' },
          h('span', {}, item.labels[0]),
          h('span', {}, item.labels[1]),
          h('span', {}, item.labels[2]),
        ),
      );
  }
}

/** Renders the legend model as HTML into `root`. */
export function renderLegend(root: HTMLElement, sections: LegendSection[]): void {
  replace(
    root,
    ...sections.map((s) =>
      h(
        'div',
        { class: 'legend-section' },
        h('h3', {}, s.title),
        // Size and width keys read best side by side; category lists one per line.
        s.items.length
          ? h(
              'ul',
              { class: s.items.every((i) => i.kind === 'circle' || i.kind === 'line') ? 'inline' : null },
              ...s.items.map(itemElement),
            )
          : null,
      ),
    ),
  );
}

/** Height (CSS px) of one legend row on the canvas: size circles at their drawn radius. */
function rowHeight(item: LegendItem): number {
  return item.kind === 'circle' ? Math.max(16, 2 * item.radius + 4) : item.kind === 'gradient' ? 18 : 16;
}

/** Height (CSS px) of the legend as `paintLegend` draws it. */
export function legendHeight(sections: LegendSection[]): number {
  let height = 12;
  for (const s of sections) height += 18 + s.items.reduce((sum, item) => sum + rowHeight(item), 0) + 4;
  return height;
}

/**
 * Draws the legend model on a canvas (CSS px; the caller scales for the pixel ratio), with the
 * same marks as the map: discs for colours, size circles at the radius they are drawn with.
 * Returns its height.
 */
export function paintLegend(ctx: CanvasRenderingContext2D, sections: LegendSection[], x: number, y: number, font: string): number {
  const width = 250;
  const height = legendHeight(sections);
  const markX = x + 10 + Math.max(7, ...sections.flatMap((s) => s.items.map((i) => (i.kind === 'circle' ? i.radius : 0))));
  const textX = Math.max(x + 32, markX + 16);
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#d0d4d9';
  ctx.beginPath();
  ctx.roundRect(x, y, Math.max(width, textX - x + 200), height, 6);
  ctx.fill();
  ctx.stroke();
  let cy = y + 8;
  for (const s of sections) {
    ctx.fillStyle = '#1f2328';
    ctx.font = `600 11px ${font}`;
    ctx.fillText(s.title, x + 10, cy + 11);
    cy += 18;
    for (const item of s.items) {
      ctx.font = `11px ${font}`;
      const rowH = rowHeight(item);
      const mid = cy + rowH / 2;
      if (item.kind === 'swatch') {
        ctx.beginPath();
        ctx.arc(markX, mid, 5.5, 0, Math.PI * 2);
        ctx.fillStyle = item.color;
        ctx.fill();
      } else if (item.kind === 'circle') {
        ctx.beginPath();
        ctx.arc(markX, mid, Math.max(2, item.radius), 0, Math.PI * 2);
        ctx.fillStyle = '#9aa3ad';
        ctx.fill();
        if (item.ring) {
          ctx.beginPath();
          ctx.arc(markX, mid, Math.max(2, item.radius) + 2.5, 0, Math.PI * 2);
          ctx.lineWidth = 2;
          ctx.strokeStyle = '#1f2328';
          ctx.stroke();
        }
      } else if (item.kind === 'note') {
        ctx.fillStyle = '#667085';
        ctx.fillText(item.label, x + 10, mid + 4);
        cy += rowH;
        continue;
      } else if (item.kind === 'line') {
        ctx.fillStyle = '#6b7280';
        ctx.fillRect(markX - 11, mid - item.width / 2, 22, Math.max(1, item.width));
      } else {
        const g = ctx.createLinearGradient(x + 10, 0, x + 130, 0);
        item.colors.forEach((c, i) => g.addColorStop(i / (item.colors.length - 1), c));
        ctx.fillStyle = g;
        ctx.fillRect(x + 10, mid - 5, 120, 10);
        ctx.fillStyle = '#1f2328';
        ctx.fillText(`${item.labels[0]} … ${item.labels[2]}`, x + 136, mid + 4);
        cy += rowH;
        continue;
      }
      ctx.fillStyle = '#1f2328';
      const label = item.label.length > 40 ? `${item.label.slice(0, 39)}…` : item.label;
      ctx.fillText(label, textX, mid + 4);
      cy += rowH;
    }
    cy += 4;
  }
  ctx.restore();
  return height;
}

/** The five stops of the diverging net-inflow scale on [−m, m], as every diverging legend draws it. */
function divergingStops(m: number): string[] {
  return [-m, -m / 4, 0, m / 4, m].map((v) => netInflowColor(v, m));
}

/**
 * The one tooltip of the page: a place or flow under the pointer on the map, a heatmap cell, or
 * a message (a search that found nothing). Positions are client coordinates; map events give
 * positions within the map, which {@link mapToClient} converts.
 */
import type { MapSigma } from '../map/map-sigma.ts';
import { SIZE_MEASURE_INFO } from '../measures.ts';
import type { ViewState } from '../state.ts';
import { formatValue } from './dom.ts';

type Point = { x: number; y: number };

/** Shows `text` next to `at` (client coordinates), or hides the tooltip when either is null. */
export function showTooltip(text: string | null, at: Point | null): void {
  const tip = document.getElementById('tooltip')!;
  if (!text || !at) {
    tip.hidden = true;
    return;
  }
  tip.textContent = text;
  tip.hidden = false;
  tip.style.left = `${at.x + 14}px`;
  tip.style.top = `${at.y + 14}px`;
}

/** A position within the map element in client coordinates. */
export function mapToClient(at: Point | null): Point | null {
  if (!at) return null;
  const box = document.getElementById('map')!.getBoundingClientRect();
  return { x: box.left + at.x, y: box.top + at.y };
}

/** The text for a drawn node: at a clustered zoom it may be a cluster of places. */
export function nodeTooltip(sigma: MapSigma, node: string, sizeBy: ViewState['sizeBy']): string {
  const a = sigma.getGraph().getNodeAttributes(node);
  const measure = SIZE_MEASURE_INFO[sizeBy].label;
  return `${a.label} · ${measure} ${formatValue(a.value)} · in ${formatValue(a.inflow)} · out ${formatValue(a.outflow)}`;
}

/** The text for a drawn flow. */
export function edgeTooltip(sigma: MapSigma, edge: string): string {
  const g = sigma.getGraph();
  const label = (n: string) => g.getNodeAttribute(n, 'label');
  return `${label(g.source(edge))} → ${label(g.target(edge))}: ${formatValue(g.getEdgeAttribute(edge, 'weight'))} moves`;
}

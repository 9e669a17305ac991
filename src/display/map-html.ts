/**
 * The interactive map for notebooks and reports: the SVG flow map of `map.ts` wrapped in one
 * self-contained HTML fragment (no network, no external script) with a few lines of inline
 * script: hover a place to highlight its flows, wheel to zoom, drag to pan, double-click to
 * reset. Where scripts do not run (an untrusted notebook, a code host's preview) it is still
 * the static map with hover titles.
 */
import { escapeXml } from './format.ts';
import { flowMapSvg } from './map.ts';
import type { MapGraph, MapOptions } from './map.ts';

/** FNV-1a of a string as 8 hex digits: a deterministic element id per map. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// Plain ES2017 so that any notebook front end runs it; scoped to its own element.
const SCRIPT = `(function (id) {
  var root = document.getElementById(id);
  if (!root || root.getAttribute('data-ready')) return;
  root.setAttribute('data-ready', '1');
  var svg = root.querySelector('svg');
  var vb = svg.viewBox.baseVal;
  var home = [vb.x, vb.y, vb.width, vb.height];
  var flows = svg.querySelectorAll('.flow');
  function highlight(key) {
    for (var i = 0; i < flows.length; i++) {
      var f = flows[i];
      var on = key === null || f.getAttribute('data-source') === key || f.getAttribute('data-target') === key;
      f.style.strokeOpacity = key === null ? '' : on ? '0.9' : '0.05';
    }
  }
  svg.addEventListener('mouseover', function (e) {
    var p = e.target.closest && e.target.closest('[data-place]');
    if (p) highlight(p.getAttribute('data-place'));
  });
  svg.addEventListener('mouseout', function () { highlight(null); });
  function toView(e) {
    var r = svg.getBoundingClientRect();
    return [vb.x + ((e.clientX - r.left) / r.width) * vb.width, vb.y + ((e.clientY - r.top) / r.height) * vb.height];
  }
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var k = e.deltaY < 0 ? 0.8 : 1.25;
    var p = toView(e);
    var w = Math.min(home[2], vb.width * k), h = Math.min(home[3], vb.height * k);
    vb.x = p[0] - ((p[0] - vb.x) * w) / vb.width;
    vb.y = p[1] - ((p[1] - vb.y) * h) / vb.height;
    vb.width = w;
    vb.height = h;
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (e) { drag = toView(e); svg.style.cursor = 'grabbing'; });
  window.addEventListener('pointerup', function () { drag = null; svg.style.cursor = ''; });
  svg.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var p = toView(e);
    vb.x -= p[0] - drag[0];
    vb.y -= p[1] - drag[1];
  });
  svg.addEventListener('dblclick', function () { vb.x = home[0]; vb.y = home[1]; vb.width = home[2]; vb.height = home[3]; });
})`;

/**
 * Self-contained HTML of an interactive flow map of `graph` (same options as `flowMapSvg`).
 * The element id is derived from the content, so the same graph and options give the same
 * string, and several maps on one page do not interfere.
 *
 * @param graph - a flow graph (nodes with `lat`, `lon`; edges with `weight`).
 * @param options - `MAP_DEFAULTS` of `map.ts`.
 * @returns an HTML fragment (a `<div>` with the SVG and its script).
 * @example
 * asHtml(flowMapHtml(graph, { maxEdges: 100 })); // in a notebook cell
 */
export function flowMapHtml(graph: MapGraph, options: MapOptions = {}): string {
  const svg = flowMapSvg(graph, options);
  const id = `talentflow-map-${hash(svg)}`;
  return (
    `<div id="${escapeXml(id)}" class="talentflow-map" style="max-width:100%;overflow:hidden">` +
    svg.replace('<svg ', '<svg style="max-width:100%;height:auto;touch-action:none" ') +
    `<div style="font-size:11px;font-family:system-ui,sans-serif;color:#666">Hover a place to highlight its flows · wheel to zoom · drag to pan · double-click to reset</div>` +
    `<script>${SCRIPT}(${JSON.stringify(id)});</script>` +
    '</div>'
  );
}

/**
 * The viewer's sigma map inside a notebook cell: one self-contained HTML fragment holding the
 * map script (built from the viewer's render code by `scripts/notebooks/map-embed/build.mjs`),
 * the graph's data, and the static SVG map of `map.ts` as the fallback that shows wherever the
 * script cannot run (an untrusted notebook, a code host's preview, no WebGL).
 *
 * The core may not read files, so the caller passes the built script's text:
 *   const script = await Deno.readTextFile('../.cache/map-embed/sigma-map.js');
 *   asHtml(sigmaMapHtml(graph, { script }));
 */
import { OptionError } from '../errors.ts';
import { attributesShownIn } from '../analyses/registry.ts';
import { escapeXml } from './format.ts';
import { flowMapSvg } from './map.ts';
import type { MapGraph, MapOptions } from './map.ts';
import { compareKeys } from '../compare-keys.ts';

export interface SigmaMapOptions {
  /** Text of the built map script (`.cache/map-embed/sigma-map.js`). Required. */
  script?: string;
  /** Height of the map in px (its width follows the cell). */
  height?: number;
  /** Flows embedded, largest first (the data travels inside the page). */
  maxEdges?: number;
  /** Options of the static fallback map. */
  fallback?: MapOptions;
}

/**
 * Defaults of {@link sigmaMapHtml}: `height` _number_ (520) px; `maxEdges` (400); `fallback`
 * ({}: `flowMapSvg`'s defaults). `script` has no default.
 */
export const SIGMA_MAP_DEFAULTS: Readonly<Required<Omit<SigmaMapOptions, 'script'>>> = Object.freeze({
  height: 520,
  maxEdges: 400,
  fallback: {},
});

/** Node attributes the viewer's render code reads: the place's name, position and stock, and the registry's map measures. */
const NODE_ATTRIBUTES = ['label', 'lat', 'lon', 'stock', ...attributesShownIn('map').map((a) => a.attribute)];

/** FNV-1a of a string as 8 hex digits: a deterministic element id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The graph as the map script reads it (graphology's serialisation), cut to what is drawn: every
 * node with the attributes the viewer uses, and the `maxEdges` largest flows (ties by key).
 */
export function sigmaMapData(graph: MapGraph, maxEdges: number): object {
  const nodes = graph.mapNodes((key, attrs) => ({
    key,
    attributes: Object.fromEntries(NODE_ATTRIBUTES.filter((a) => attrs[a] !== undefined).map((a) => [a, attrs[a]])),
  }));
  const edges = graph
    .mapEdges((_e, attrs, source, target) => ({ source, target, attributes: { weight: Number(attrs.weight) || 0 } }))
    .filter((e) => e.attributes.weight > 0 && e.source !== e.target)
    .sort((a, b) => b.attributes.weight - a.attributes.weight || compareKeys(a.source, b.source) || compareKeys(a.target, b.target))
    .slice(0, maxEdges);
  return { options: { type: 'directed', multi: false, allowSelfLoops: false }, attributes: {}, nodes, edges };
}

/** JSON that is safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Self-contained HTML of the viewer's interactive sigma map of `graph`: WebGL places and curved
 * flows over country outlines, sized by PageRank and coloured by community as in the viewer;
 * hover a place to highlight its flows; wheel to zoom, drag to pan. The static SVG map is shown
 * until the script has drawn (and stays where scripts do not run). Once drawn, the fragment's root
 * element holds the map's sigma instance as `talentflowMap`, for scripting it from the page.
 *
 * @param graph - a flow graph with `lat`, `lon` and the analyses' attributes.
 * @param options - {@link SIGMA_MAP_DEFAULTS}; `script` is required.
 * @returns an HTML fragment; the same input gives the same string.
 * @throws OptionError without a script, or with a bad height or maxEdges.
 * @example
 * asHtml(sigmaMapHtml(run.graph, { script: await Deno.readTextFile('../.cache/map-embed/sigma-map.js') }));
 */
export function sigmaMapHtml(graph: MapGraph, options: SigmaMapOptions = {}): string {
  for (const key of Object.keys(options)) {
    if (key !== 'script' && !(key in SIGMA_MAP_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], 'one of script, height, maxEdges, fallback');
  }
  const o = { ...SIGMA_MAP_DEFAULTS, ...options };
  if (typeof o.script !== 'string' || !o.script.includes('talentflowSigmaMap')) {
    throw new OptionError(
      'script',
      o.script === undefined ? undefined : `${String(o.script).slice(0, 40)}…`,
      'the text of .cache/map-embed/sigma-map.js (build it with `node scripts/notebooks/map-embed/build.mjs`)',
    );
  }
  if (!(o.height >= 100) || !Number.isFinite(o.height)) throw new OptionError('height', o.height, 'a number of pixels ≥ 100');
  if (!Number.isInteger(o.maxEdges) || o.maxEdges < 0) throw new OptionError('maxEdges', o.maxEdges, 'an integer ≥ 0');
  const fallback = flowMapSvg(graph, { maxEdges: Math.min(o.maxEdges, 150), ...o.fallback });
  const data = scriptJson(sigmaMapData(graph, o.maxEdges));
  const id = `talentflow-sigma-${hash(fallback + data)}`;
  // a literal "</script" would end the element early; "<\/" means the same inside JS strings and regexes
  const script = o.script.replace(/<\/script/gi, '<\\/script');
  const boot =
    `(function(){var root=document.getElementById(${JSON.stringify(id)});if(!root||root.getAttribute('data-ready'))return;` +
    `root.setAttribute('data-ready','1');var stage=root.querySelector('.stage'),fallback=root.querySelector('.fallback');` +
    `try{var probe=document.createElement('canvas');if(!(probe.getContext('webgl2')||probe.getContext('webgl')))return;` +
    `stage.style.display='block';root.talentflowMap=talentflowSigmaMap(stage,${data});fallback.style.display='none';root.setAttribute('data-drawn','sigma');}` +
    `catch(e){stage.style.display='none';root.setAttribute('data-error',String(e&&e.message||e));}})();`;
  return (
    `<div id="${escapeXml(id)}" class="talentflow-sigma-map" style="max-width:100%">` +
    `<div class="fallback">${fallback.replace('<svg ', '<svg style="max-width:100%;height:auto" ')}</div>` +
    `<div class="stage" style="display:none;position:relative;width:100%;height:${Math.round(o.height)}px;background:#e8eef3"></div>` +
    `<div style="font-size:11px;font-family:system-ui,sans-serif;color:#666">Hover a place to highlight its flows · wheel to zoom · drag to pan (the viewer's renderer; static map where scripts do not run)</div>` +
    `<script>${script}</script><script>${boot}</script>` +
    '</div>'
  );
}

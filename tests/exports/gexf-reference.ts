/**
 * The reference GEXF writer the streaming one in src/exports/gexf.ts must match byte for byte:
 * the graph copied into a graphology graph, written by graphology-gexf (xml-writer), and the
 * inferred numeric types rewritten by a regular expression. This is how `toGexf` was written
 * before it streamed; it builds the whole document as one string, so it serves small graphs only.
 */
import { DirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { OptionError } from '../../src/errors.ts';
import type { FlowGraph } from '../../src/graph/types.ts';
import { GEXF_DEFAULTS, type GexfOptions } from '../../src/exports/gexf.ts';

/** Numeric attributes written as GEXF `integer`; every other number is `double`. */
const INTEGER_ATTRIBUTES = new Set(['community', 'firstYear', 'lastYear']);

type Scalar = string | number | boolean;

/** What `toGexf(graph, options)` must return. */
export function referenceGexf(graph: FlowGraph, options: GexfOptions = {}): string {
  const scale = options.positionScale ?? GEXF_DEFAULTS.positionScale;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new OptionError('positionScale', scale, 'a finite number > 0');
  }
  const pretty = options.pretty ?? GEXF_DEFAULTS.pretty;
  if (typeof pretty !== 'boolean') throw new OptionError('pretty', pretty, 'true or false');

  // A copy with only what GEXF can hold: deterministic edge ids, scalar attributes, viz position.
  const out = new DirectedGraph({ allowSelfLoops: true });
  out.replaceAttributes({ creator: 'talentflow', description: describe(graph) });
  graph.forEachNode((key, attributes) => {
    const node: Record<string, unknown> = { label: attributes.label ?? key };
    const data: Record<string, Scalar> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name !== 'label' && isScalar(value)) data[name] = value;
    }
    node['data'] = data;
    const { lat, lon } = attributes;
    if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
      node['viz'] = { x: lon * scale, y: lat * scale };
    }
    out.addNode(key, node);
  });
  let id = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const [firstYear, lastYear] = yearSpan(attributes.byYear);
    const data: Record<string, Scalar> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name !== 'weight' && isScalar(value)) data[name] = value;
    }
    if (firstYear !== null) Object.assign(data, { firstYear, lastYear });
    out.addDirectedEdgeWithKey(String(id++), source, target, { weight: attributes.weight, data });
  });

  const xml = write(out, {
    version: '1.3',
    pretty,
    // Only creator and description in <meta>: other elements there are not in the GEXF schema.
    pedantic: true,
    formatNode: (_key, a) => ({
      label: a['label'] as string,
      attributes: a['data'] as Record<string, Scalar>,
      viz: a['viz'] as { x: number; y: number } | undefined,
    }),
    formatEdge: (_key, a) => ({ weight: a['weight'] as number, attributes: a['data'] as Record<string, Scalar> }),
  });
  return forceNumericTypes(xml);
}

function isScalar(value: unknown): value is Scalar {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean';
}

/**
 * graphology-gexf infers `integer` for a column whose values happen to be whole numbers on
 * this graph; retype those declarations so a measure's type does not depend on its values.
 */
function forceNumericTypes(xml: string): string {
  return xml.replace(
    /(<attribute id="([^"]*)" title="[^"]*" type=")(integer|long|double)("\s*\/>)/g,
    (_m, head: string, id: string, type: string, tail: string) => `${head}${INTEGER_ATTRIBUTES.has(id) ? type : 'double'}${tail}`,
  );
}

function describe(graph: FlowGraph): string {
  const a = graph.getAttributes();
  const parts = [`level=${a.level ?? 'unknown'}`, `kind=${a.kind ?? 'unknown'}`];
  if (a.years) parts.push(`years=${a.years[0]}-${a.years[1]}`);
  if (a.window) parts.push(`window=${a.window[0]}-${a.window[1]}`);
  if (typeof a.movesWithinPlace === 'number') parts.push(`movesWithinPlace=${a.movesWithinPlace}`);
  return `Researcher flows between places; edge weight = moves (${parts.join(', ')})`;
}

/** The first and last year with a positive count, as `flows.csv` and `graph.gexf` have always read them. */
function yearSpan(byYear: unknown): [number, number] | [null, null] {
  if (byYear === null || typeof byYear !== 'object') return [null, null];
  let first = Infinity;
  let last = -Infinity;
  for (const [year, count] of Object.entries(byYear as Record<string, unknown>)) {
    const y = Number(year);
    if (!Number.isInteger(y) || typeof count !== 'number' || !(count > 0)) continue;
    if (y < first) first = y;
    if (y > last) last = y;
  }
  return first <= last ? [first, last] : [null, null];
}

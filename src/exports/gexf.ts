/**
 * `graph.gexf`: the flow graph as GEXF 1.3 for Gephi (https://gexf.net), written with
 * graphology-gexf.
 *
 * What Gephi gets:
 * - nodes with their label, every scalar attribute (country, region, stock, the measures …),
 *   and a geographic position (`viz:position` x = lon × scale, y = lat × scale: an
 *   equirectangular map, north up) when the place has coordinates;
 * - edges with their weight (moves), `researchers`, `firstYear` and `lastYear`;
 * - numeric attributes typed `double` (so a measure keeps one type whatever its values on a given
 *   graph), except the integer ids and years `community`, `firstYear`, `lastYear`;
 * - graph attributes summarised in the `<meta>` description.
 *
 * What is left out: object-valued attributes (`byYear`, `byDiscipline`, `byYearDiscipline`,
 * `youngByYear`): GEXF attributes cannot hold maps. Use `graph.json` for those.
 * Null attributes are left out of the node (Gephi shows an empty cell).
 */
import { DirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { OptionError } from '../errors.ts';
import type { FlowGraph } from '../graph/types.ts';
import { yearSpan } from './flows-table.ts';

/** Options of {@link toGexf}. */
export interface GexfOptions {
  /** Layout units per degree of longitude/latitude in `viz:position` (default 10). */
  positionScale?: number;
  /** Indent the XML (default true). */
  pretty?: boolean;
}

/** Defaults of {@link toGexf}. */
export const GEXF_DEFAULTS: Required<GexfOptions> = { positionScale: 10, pretty: true };

/** Numeric attributes written as GEXF `integer`; every other number is `double`. */
const INTEGER_ATTRIBUTES = new Set(['community', 'firstYear', 'lastYear']);

type Scalar = string | number | boolean;

/**
 * The graph as a GEXF 1.3 document that opens in Gephi with a geographic layout.
 * Nodes and edges keep the graph's order; edge ids are `0`, `1`, … in that order, so the same
 * graph always gives the same bytes.
 *
 * @example
 * const gexf = toGexf(graph, { positionScale: 10 });
 * writeOutputs('out', { 'graph.gexf': gexf });
 */
export function toGexf(graph: FlowGraph, options: GexfOptions = {}): string {
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
    formatNode: (_key, a) => ({ label: a['label'] as string, attributes: a['data'] as Record<string, Scalar>, viz: a['viz'] as { x: number; y: number } | undefined }),
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
    (_m, head: string, id: string, type: string, tail: string) =>
      `${head}${INTEGER_ATTRIBUTES.has(id) ? type : 'double'}${tail}`,
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

/**
 * `graph.gexf`: the flow graph as GEXF 1.3 for Gephi (https://gexf.net), written as a stream of
 * text chunks so that graphs of millions of flows are written in bounded memory.
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
 * What is left out: object-valued attributes (`youngByYear`, `byDiscipline`; `byYear` and the like
 * on graphs that carry them): GEXF attributes cannot hold maps. The breakdowns by year and
 * discipline are in `flows.arrow`; `graph.json` has the node maps.
 * Null, NaN, infinite and empty-text attributes are left out of the element (Gephi shows an
 * empty cell).
 *
 * The bytes are those graphology-gexf 0.13 (`write(graph, { version: '1.3', pedantic: true })`,
 * xml-writer's escaping and two-space indentation) gave for the same graph, with inferred numeric
 * types retyped as above; tests/exports/gexf.test.ts checks this against that writer. An
 * attribute's GEXF type is the most general type of its values over the whole graph (string >
 * double > integer > boolean), so elements are read twice: once for the `<attributes>` header,
 * once to write them.
 */
import { OptionError, TalentFlowError } from '../errors.ts';
import type { FlowGraph } from '../graph/types.ts';
import { CHUNK_CHARS, chunksToString } from './chunks.ts';
import { edgeYearSpans } from './flows-table.ts';
import type { FlowStore } from '../flows/store.ts';

/** Options of {@link toGexf}. */
export interface GexfOptions {
  /** Layout units per degree of longitude/latitude in `viz:position` (default 10). */
  positionScale?: number;
  /** Indent the XML (default true). */
  pretty?: boolean;
  /** The graph's flow store, for each edge's first and last year; null: the edges' `byYear`. */
  flows?: FlowStore | null;
}

/** Defaults of {@link toGexf}. */
export const GEXF_DEFAULTS: Required<GexfOptions> = { positionScale: 10, pretty: true, flows: null };

/** Numeric attributes written as GEXF `integer`; every other number is `double`. */
const INTEGER_ATTRIBUTES = new Set(['community', 'firstYear', 'lastYear']);

/** graphology-gexf's type precedence: a lower number wins when a column's values differ. */
const TYPE_PRIORITY: Record<string, number> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9 };

type Scalar = string | number | boolean;
/** Attribute name → GEXF type, a plain object so that its key order is graphology-gexf's. */
type Model = Record<string, string>;

/**
 * The graph as a GEXF 1.3 document that opens in Gephi with a geographic layout.
 * Nodes and edges keep the graph's order; edge ids are `0`, `1`, … in that order, so the same
 * graph always gives the same bytes. For large graphs write {@link gexfChunks} instead.
 * Throws `OptionError` for a scale that is not a finite number > 0 or a non-boolean `pretty`.
 *
 * @example
 * const gexf = toGexf(graph, { positionScale: 10 });
 * writeOutputs('out', { 'graph.gexf': gexf });
 */
export function toGexf(graph: FlowGraph, options: GexfOptions = {}): string {
  return chunksToString(gexfChunks(graph, options));
}

/**
 * {@link toGexf}'s document as text chunks of about 64 K characters (their concatenation is
 * exactly `toGexf(graph, options)`). Options are checked at once; the graph is read only when
 * the first chunk is asked for, and must not change while the chunks are consumed. Memory
 * beyond one chunk: two numbers per edge (its year span).
 *
 * @example await writeFileAtomic('out/graph.gexf', gexfChunks(graph));
 */
export function gexfChunks(graph: FlowGraph, options: GexfOptions = {}): Generator<string, void, undefined> {
  const scale = options.positionScale ?? GEXF_DEFAULTS.positionScale;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new OptionError('positionScale', scale, 'a finite number > 0');
  }
  const pretty = options.pretty ?? GEXF_DEFAULTS.pretty;
  if (typeof pretty !== 'boolean') throw new OptionError('pretty', pretty, 'true or false');
  return writeGexf(graph, scale, pretty, options.flows ?? null);
}

function* writeGexf(graph: FlowGraph, scale: number, pretty: boolean, flows: FlowStore | null): Generator<string, void, undefined> {
  // Line break and indentation before an element `depth` levels deep (gexf = 1).
  const nl = [0, 1, 2, 3, 4, 5, 6].map((depth) => (pretty ? '\n' + '  '.repeat(Math.max(depth - 1, 0)) : ''));

  const nodeModel: Model = {};
  graph.forEachNode((_key, attributes) => {
    for (const name of Object.keys(attributes)) {
      if (name !== 'label') addToModel(nodeModel, name, attributes[name]);
    }
  });
  // Year spans are read once and kept: NaN where an edge has no year with a move.
  const firstYears = new Float64Array(graph.size);
  const lastYears = new Float64Array(graph.size);
  const edgeModel: Model = {};
  const spans = edgeYearSpans(graph, flows);
  let i = 0;
  graph.forEachEdge((_edge, attributes) => {
    const [first, last] = spans(i, attributes);
    firstYears[i] = first ?? NaN;
    lastYears[i++] = last ?? NaN;
    const keys = Object.keys(attributes);
    for (const name of keys) {
      const value = attributes[name];
      if (name === 'weight' || !isScalar(value)) continue;
      // An edge's own scalar firstYear/lastYear keeps its place and takes the span's value.
      addToModel(
        edgeModel,
        name,
        first !== null && (name === 'firstYear' || name === 'lastYear') ? (name === 'firstYear' ? first : last) : value,
      );
    }
    // Otherwise the span comes after the edge's own attributes.
    if (first !== null) {
      if (!hasScalar(attributes, keys, 'firstYear')) addToModel(edgeModel, 'firstYear', first);
      if (!hasScalar(attributes, keys, 'lastYear')) addToModel(edgeModel, 'lastYear', last);
    }
  });
  const nodeNames = Object.keys(nodeModel);
  const edgeNames = Object.keys(edgeModel);

  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">' +
    `${nl[2]}<meta>${nl[3]}<creator>talentflow</creator>${nl[3]}<description>${escapeText(describe(graph))}</description>${nl[2]}</meta>` +
    `${nl[2]}<graph defaultedgetype="directed">` +
    declarations(nodeModel, 'node', nl) +
    declarations(edgeModel, 'edge', nl) +
    `${nl[3]}<nodes`;

  if (graph.order === 0) out += '/>';
  else {
    out += '>';
    for (const { node: key, attributes } of graph.nodeEntries()) {
      out += `${nl[4]}<node${attribute('id', key)}`;
      const label: unknown = attributes.label ?? key;
      if (label) out += ` label="${escapeAttribute(labelText(label, key))}"`;
      const { lat, lon } = attributes;
      const position = typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon);
      if (nodeNames.length === 0 && !position) out += '/>';
      else {
        out += '>';
        if (nodeNames.length) {
          const keys = Object.keys(attributes);
          let values = '';
          for (const name of nodeNames) {
            if (name !== 'label' && hasScalar(attributes, keys, name)) values += attvalue(name, attributes[name] as Scalar, nl);
          }
          out += values ? `${nl[5]}<attvalues>${values}${nl[5]}</attvalues>` : `${nl[5]}<attvalues/>`;
        }
        if (position) out += `${nl[5]}<viz:position x="${(lon as number) * scale}" y="${(lat as number) * scale}"/>`;
        out += `${nl[4]}</node>`;
      }
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
    out += `${nl[3]}</nodes>`;
  }
  out += `${nl[3]}<edges`;

  if (graph.size === 0) out += '/>';
  else {
    out += '>';
    let id = 0;
    for (const { attributes, source, target } of graph.edgeEntries()) {
      out += `${nl[4]}<edge id="${id}"${attribute('source', source)}${attribute('target', target)}`;
      const weight: unknown = attributes.weight;
      if (typeof weight === 'number' ? !Number.isNaN(weight) : typeof weight === 'string') out += attribute('weight', String(weight));
      if (edgeNames.length === 0) out += '/>';
      else {
        const first = firstYears[id]!;
        const keys = Object.keys(attributes);
        let values = '';
        for (const name of edgeNames) {
          if (!Number.isNaN(first) && (name === 'firstYear' || name === 'lastYear')) {
            values += attvalue(name, name === 'firstYear' ? first : lastYears[id]!, nl);
          } else if (name !== 'weight' && hasScalar(attributes, keys, name)) {
            values += attvalue(name, attributes[name] as Scalar, nl);
          }
        }
        out += values ? `>${nl[5]}<attvalues>${values}${nl[5]}</attvalues>${nl[4]}</edge>` : `>${nl[5]}<attvalues/>${nl[4]}</edge>`;
      }
      id++;
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
    out += `${nl[3]}</edges>`;
  }
  yield `${out}${nl[2]}</graph>${nl[1]}</gexf>`;
}

function isScalar(value: unknown): value is Scalar {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean';
}

/**
 * Whether `name` is an own enumerable attribute (one of `keys`, the attributes' `Object.keys`,
 * as `Object.entries` lists them) with a scalar value.
 */
function hasScalar(attributes: object, keys: readonly string[], name: string): boolean {
  return name !== '__proto__' && keys.includes(name) && isScalar((attributes as Record<string, unknown>)[name]);
}

/**
 * Adds a value to a column's type as graphology-gexf infers it: whole numbers that fit 32 bits
 * are `integer`, other numbers `double`; empty text does not count. On a plain object, so names
 * of `Object.prototype` members (`constructor`, `toString` …) never enter it, as in graphology-gexf.
 */
function addToModel(model: Model, name: string, value: unknown): void {
  if (name === '__proto__' || !isScalar(value)) return;
  let type: string;
  if (typeof value === 'boolean') type = 'boolean';
  else if (typeof value === 'number') type = value === (value | 0) ? 'integer' : 'double';
  else if (value === '') return;
  else type = 'string';
  const current = model[name];
  if (!current) model[name] = type;
  else if (type !== current && (TYPE_PRIORITY[type] as number) < (TYPE_PRIORITY[current] as number)) model[name] = type;
}

/** The `<attributes class="…">` block; numeric columns retyped to double unless an integer id or year. */
function declarations(model: Model, kind: 'node' | 'edge', nl: string[]): string {
  const names = Object.keys(model);
  if (!names.length) return '';
  let out = `${nl[3]}<attributes class="${kind}">`;
  for (const name of names) {
    let type = model[name] as string;
    if (name !== '' && (type === 'integer' || type === 'long' || type === 'double') && !INTEGER_ATTRIBUTES.has(name)) type = 'double';
    out += `${nl[4]}<attribute${attribute('id', name)}${attribute('title', name)} type="${type}"/>`;
  }
  return `${out}${nl[3]}</attributes>`;
}

function attvalue(name: string, value: Scalar, nl: string[]): string {
  if (value === '') return '';
  // Numbers and booleans have nothing to escape.
  return `${nl[6]}<attvalue${attribute('for', name)} value="${typeof value === 'string' ? escapeAttribute(value) : String(value)}"/>`;
}

/** ` name="value"`, or nothing for empty text (xml-writer skips empty attribute values). */
function attribute(name: string, value: string): string {
  return value === '' ? '' : ` ${name}="${escapeAttribute(value)}"`;
}

function labelText(label: unknown, key: string): string {
  if (typeof label === 'string') return label;
  if (typeof label === 'number') return String(label);
  throw new TalentFlowError(`node ${JSON.stringify(key)}: label is ${typeof label}, not text`);
}

const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;
const TEXT_SPECIAL = /[&<>]/;

/** xml-writer's escaping of attribute values (`>` stays as is). */
function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function describe(graph: FlowGraph): string {
  const a = graph.getAttributes();
  const parts = [`level=${a.level ?? 'unknown'}`, `kind=${a.kind ?? 'unknown'}`];
  if (a.years) parts.push(`years=${a.years[0]}-${a.years[1]}`);
  if (a.window) parts.push(`window=${a.window[0]}-${a.window[1]}`);
  if (typeof a.movesWithinPlace === 'number') parts.push(`movesWithinPlace=${a.movesWithinPlace}`);
  return `Researcher flows between places; edge weight = moves (${parts.join(', ')})`;
}

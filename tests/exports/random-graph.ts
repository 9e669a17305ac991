/**
 * Seeded random flow graphs for comparing the streaming writers with reference outputs: place keys
 * and labels with XML/JSON special characters, attributes that are null, missing, empty, boolean,
 * whole or fractional, mixed in type across places, object-valued, or named like numbers, and
 * edges with breakdowns in every shape `yearSpan` has to read.
 */
import { DirectedGraph } from 'graphology';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes } from '../../src/graph/types.ts';
import { createRng } from '../../src/random.ts';

const NAMES = [
  'Boston',
  'Cambridge, GB',
  'São Paulo',
  'Zürich',
  '深圳',
  'A & B',
  '<Tag>',
  'say "hi"',
  "O'Hare",
  'tab\there',
  'line\nbreak',
  'cr\rhere',
  'emoji 😀',
  '',
  '2019',
  'x>y',
  'amp&amp;',
  ' spaced ',
  'back\\slash',
  'lone \ud800 half',
];

const VALUES: unknown[] = [
  null,
  undefined,
  '',
  'text',
  'a & <b>',
  'q"uote',
  "it's",
  'both \' and "',
  'tab\tnl\ncr\r',
  true,
  false,
  0,
  -0,
  1,
  -7,
  2147483647,
  2147483648,
  -2147483649,
  1e21,
  1.5,
  1e-7,
  9.340419501559296e-10,
  0.1 + 0.2,
  123456789.123,
  { nested: 1 },
  [1, 2],
  'Ω',
  '😀',
];

/** Scalar attributes of `extreme` graphs also include NaN and ±Infinity (GEXF leaves them out; JSON refuses them). */
const NON_FINITE: unknown[] = [NaN, Infinity, -Infinity];

export interface RandomGraphOptions {
  seed: number;
  places: number;
  flowsPerPlace: number;
  /** Also NaN / ±Infinity among attribute values (not JSON-safe). */
  nonFinite?: boolean;
}

export function buildRandomGraph(options: RandomGraphOptions): FlowGraph {
  const rng = createRng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const values = options.nonFinite ? [...VALUES, ...NON_FINITE] : VALUES;
  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: true });
  graph.replaceAttributes({
    level: pick(['metro', 'city', 'country', 'a<&>b']) as FlowGraphAttributes['level'],
    years: rng() < 0.7 ? [2015, 2023] : null,
    window: rng() < 0.5 ? [2019, 2021] : null,
    kind: pick(['moves', 'timelines']),
    movesWithinPlace: rng() < 0.8 ? Math.floor(rng() * 10) : (undefined as unknown as number),
    note: 'graph & "attributes"',
  });
  const keys: string[] = [];
  for (let i = 0; i < options.places; i++) {
    const key = i < NAMES.length ? NAMES[i]! : `${pick(NAMES)} ${i}`;
    keys.push(key);
    const attributes: Record<string, unknown> = {};
    const label = rng();
    if (label < 0.7) attributes['label'] = key.split(',')[0];
    else if (label < 0.8) attributes['label'] = '';
    else if (label < 0.85) attributes['label'] = null;
    else if (label < 0.9) attributes['label'] = pick([0, 7]);
    attributes['level'] = 'metro';
    // Coordinates: present, null, missing, zero or not numbers.
    const coordinates = rng();
    if (coordinates < 0.6) Object.assign(attributes, { lat: rng() * 180 - 90, lon: rng() * 360 - 180 });
    else if (coordinates < 0.7) Object.assign(attributes, { lat: null, lon: null });
    else if (coordinates < 0.8) Object.assign(attributes, { lat: 0, lon: 0 });
    else if (coordinates < 0.85) Object.assign(attributes, { lat: '12', lon: 3 });
    else if (coordinates < 0.9 && options.nonFinite) Object.assign(attributes, { lat: NaN, lon: 1 });
    for (const name of ['country', 'inflow', 'pagerank', 'community', 'hubClass', 'mixed', '7', 'a"b', 'x&y', '', 'community2', 'flag']) {
      if (rng() < 0.8) attributes[name] = columnValue(name, rng, pick, values);
    }
    if (rng() < 0.3) attributes['byDiscipline'] = { Medicine: 2, 'A & B': 1 };
    graph.addNode(key, attributes as PlaceAttributes);
  }
  for (let i = 0; i < options.places; i++) {
    for (let k = 0; k < options.flowsPerPlace; k++) {
      const source = keys[i]!;
      const target = keys[Math.floor(rng() * keys.length)]!;
      if (graph.hasEdge(source, target)) continue;
      graph.addEdge(source, target, edgeAttributes(rng, pick, values));
    }
  }
  return graph;
}

function columnValue(name: string, rng: () => number, pick: <T>(l: readonly T[]) => T, values: unknown[]): unknown {
  if (name === 'inflow' || name === 'community') return rng() < 0.9 ? Math.floor(rng() * 50) : pick(values);
  if (name === 'pagerank') return rng() < 0.9 ? rng() / 100 : pick(values);
  if (name === 'flag') return rng() < 0.5;
  return pick(values);
}

function edgeAttributes(rng: () => number, pick: <T>(l: readonly T[]) => T, values: unknown[]): FlowAttributes {
  const byYear: Record<string, unknown> = {};
  const byDiscipline: Record<string, number> = {};
  const byYearDiscipline: Record<string, Record<string, number>> = {};
  let weight = 0;
  const years = Math.floor(rng() * 6);
  for (let y = 0; y < years; y++) {
    const year = pick(['2015', '2019', '2021', '2023', '1999', 'unknown', '2020.5', ' 2018', '-5']);
    const count = rng() < 0.9 ? 1 + Math.floor(rng() * 4) : pick([0, -1, 'x', null]);
    byYear[year] = count;
    const discipline = pick(['Medicine', 'Computer Science', 'A & B', '"Quoted"']);
    byDiscipline[discipline] = (byDiscipline[discipline] ?? 0) + 1;
    (byYearDiscipline[year] ??= {})[discipline] = 1;
    if (typeof count === 'number') weight += Math.max(count, 0);
  }
  const attributes: Record<string, unknown> = {
    weight: rng() < 0.95 ? weight + (rng() < 0.1 ? 0.5 : 0) : pick([undefined, '3', 0, ...values]),
    researchers: rng() < 0.7 ? Math.max(1, weight - 1) : null,
    byYear,
    byDiscipline,
    byYearDiscipline,
  };
  if (rng() < 0.1) attributes['firstYear'] = pick([1990, 'first', null]);
  if (rng() < 0.1) attributes['share'] = pick(values);
  if (rng() < 0.05) attributes['label'] = pick(['edge label', '']);
  return attributes as FlowAttributes;
}

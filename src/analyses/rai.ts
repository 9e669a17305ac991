/**
 * Relative activity index (RAI) of each place in each discipline.
 *
 * Definition (domain.md, "RAI"; SET Index 2024 report, discipline heatmap and
 * `set2024_rai_top5.csv`):
 *
 *   RAI(X, Y) = (n_XY / n_X) / (N_Y / N)
 *
 * n_XY = researchers of place X in discipline Y, n_X = Σ_Y n_XY, N_Y = researchers worldwide in
 * Y, N = Σ_Y N_Y. 1 = world average; > 1 a specialisation (the report: Shenzhen 2.20 and Hong Kong
 * 2.11 in Computer Science, New York 2.56 in Neuroscience). Researchers without a discipline are
 * in neither count.
 *
 * Basis (what n_XY counts):
 * - 'stock': active researchers by primary discipline, the node attribute `byDiscipline` written
 *   from timelines (`src/timelines/summarise.ts`). This is the report's RAI.
 * - 'inflow': moves into X by discipline, Σ over the flows into X of their breakdown cells by
 *   discipline, read from the flow store (`flows`) or, on a graph without one, from an edge
 *   attribute `byDiscipline` (what a moves table offers): the specialisation of the talent a
 *   place attracts.
 * - 'auto' (default): 'stock' when any node carries `byDiscipline`, else 'inflow'.
 *
 * World: N_Y / N is computed over all places of the graph unless `reference` gives it (counts or
 * shares by discipline, e.g. the Scopus world totals), which is right when the graph holds only
 * some places (the report's 30 metros are not the world). With the graph as world,
 * Σ_X (n_X / N) · RAI(X, Y) = 1 for every Y.
 */
import { OptionError, TalentFlowError } from '../errors.ts';
import { adjacencyInInsertionOrder, nodeIndex } from './flow-arrays.ts';
import { checkChoice, withDefaults } from './option-checks.ts';
import { checkGraph } from './graph-input.ts';
import type { AnyGraph } from './graph-input.ts';
import type { RaiCell, RaiResult } from './types.ts';
import { inflowByDiscipline, type FlowStore } from '../flows/store.ts';
import { compareKeys } from '../compare-keys.ts';

export interface RaiOptions {
  /** What n_XY counts: active researchers ('stock'), inflowing moves ('inflow'), or 'auto'. */
  basis?: 'stock' | 'inflow' | 'auto';
  /** World counts or shares by discipline (any positive scale; normalised by their sum); null = the graph's places. */
  reference?: Record<string, number> | null;
  /** The flow store of the graph, for 'inflow'; null: the edges' `byDiscipline` attributes. */
  flows?: FlowStore | null;
}

/** Defaults of {@link rai}: `basis` _'stock' | 'inflow' | 'auto'_ ('auto'), `reference` _object | null_ (null: the graph is the world). */
export const DEFAULTS: Readonly<Required<RaiOptions>> = Object.freeze({ basis: 'auto', reference: null, flows: null });

const where = (a: string, b?: string) =>
  b === undefined ? `node ${JSON.stringify(a)}` : `edge ${JSON.stringify(a)} → ${JSON.stringify(b)}`;

/**
 * n_XY for every place X (by node position) and discipline Y (by first sight), accumulated from
 * `byDiscipline` count objects in one pass, in typed arrays. Each place also keeps the order in
 * which it first saw its disciplines: the sums below are taken in that order, so that they are the
 * same doubles whatever the counts (fractions included) as with a Map per place.
 */
class DisciplineCounts {
  readonly names: string[] = [];
  readonly columns: Float64Array[] = [];
  private readonly seen: Uint8Array[] = [];
  private readonly column = new Map<string, number>();
  /** Per place, the disciplines in the order it first saw them. */
  readonly order: number[][];
  private readonly places: number;

  constructor(places: number) {
    this.places = places;
    this.order = Array.from({ length: places }, () => []);
  }

  /**
   * Adds a `byDiscipline` object to place x, read from node `a` or from edge `a` → `b`; an unusable
   * one is a defect of the graph and throws.
   */
  add(x: number, counts: unknown, a: string, b?: string): void {
    if (counts === undefined || counts === null) return;
    if (typeof counts !== 'object' || Array.isArray(counts)) {
      throw new TalentFlowError(`${where(a, b)} has byDiscipline = ${JSON.stringify(counts)}; expected an object of counts`);
    }
    const record = counts as Record<string, unknown>;
    for (const d of Object.keys(record)) {
      const v = record[d];
      if (typeof v !== 'number' || !(v >= 0) || v === Infinity) {
        throw new TalentFlowError(`${where(a, b)} has byDiscipline[${JSON.stringify(d)}] = ${String(v)}; expected a count ≥ 0`);
      }
      let c = this.column.get(d);
      if (c === undefined) {
        c = this.names.length;
        this.column.set(d, c);
        this.names.push(d);
        this.columns.push(new Float64Array(this.places));
        this.seen.push(new Uint8Array(this.places));
      }
      if (!this.seen[c]![x]) {
        this.seen[c]![x] = 1;
        this.order[x]!.push(c);
      }
      this.columns[c]![x]! += v;
    }
  }

  /** Whether place x had discipline c among its counts (even a count of 0). */
  has(c: number, x: number): boolean {
    return this.seen[c]![x] === 1;
  }
}

/**
 * Adds the store's inflow by discipline to each place. Counts of moves are whole numbers, so
 * their sums are exact whatever the order: the result equals summing edge `byDiscipline` objects.
 */
function addStoreInflow(counts: DisciplineCounts, store: FlowStore, index: ReadonlyMap<string, number>): void {
  const inflow = inflowByDiscipline(store);
  const d = store.disciplines.length;
  for (let p = 0; p < store.places.length; p++) {
    const x = index.get(store.places[p]!);
    if (x === undefined) throw new OptionError('flows', store.places[p], 'a flow store over the places of the graph');
    let record: Record<string, number> | null = null;
    for (let k = 0; k < d; k++) {
      const v = inflow[p * d + k]!;
      if (v > 0) (record ??= {})[store.disciplines[k]!] = v;
    }
    if (record) counts.add(x, record, store.places[p]!);
  }
}

function checkReference(reference: unknown): Map<string, number> | null {
  if (reference === null) return null;
  if (typeof reference !== 'object' || Array.isArray(reference)) {
    throw new OptionError('reference', reference, 'an object discipline → count or share, or null');
  }
  const m = new Map<string, number>();
  let total = 0;
  for (const [d, v] of Object.entries(reference as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new OptionError('reference', reference, `a count or share ≥ 0 for every discipline (${JSON.stringify(d)}: ${String(v)})`);
    }
    m.set(d, v);
    total += v;
  }
  if (!(total > 0)) throw new OptionError('reference', reference, 'at least one discipline with a positive count or share');
  for (const [d, v] of m) m.set(d, v / total);
  return m;
}

/**
 * RAI of every place in every discipline (formula above), with the basis used.
 *
 * `places` follow the graph's node order; `disciplines` are ordered by world share (largest
 * first), then name; `cells` hold every place × discipline (rai null where the place has no
 * researchers with a discipline or the world share is 0). `worldShares` gives N_Y / N.
 *
 * @param graph - the flow graph.
 * @param options - `basis` ('auto'), `reference` (null).
 * @throws OptionError on a bad option or a `reference` that lacks a discipline of the graph;
 *   TalentFlowError on an unusable `byDiscipline` count.
 * @example
 * const r = rai(graph);
 * r.cells.find((c) => c.place === 'Shenzhen' && c.discipline === 'Computer Science')?.rai; // 2.2
 */
export function rai(graph: AnyGraph, options?: RaiOptions): RaiResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const chosen = checkChoice('basis', o.basis, ['stock', 'inflow', 'auto'] as const);
  const reference = checkReference(o.reference);
  let basis: 'stock' | 'inflow';
  if (chosen === 'auto') {
    basis = graph.someNode((_n, attr) => attr.byDiscipline !== undefined && attr.byDiscipline !== null) ? 'stock' : 'inflow';
  } else basis = chosen;

  const { nodes: places, index } = nodeIndex(graph);
  const counts = new DisciplineCounts(places.length);
  if (basis === 'stock') {
    graph.forEachNode((x, attr) => counts.add(index.get(x)!, attr.byDiscipline, x));
  } else if (o.flows) {
    addStoreInflow(counts, o.flows, index);
  } else {
    if (adjacencyInInsertionOrder(places) && !graph.multi) {
      // One pass over the edges: a place's in-edges come in the same order as forEachInEdge's
      // (which, in a multigraph, groups parallel edges by source instead).
      graph.forEachEdge((_e, attr, source, target, _sa, _ta, undirected) => {
        if (source !== target && !undirected) counts.add(index.get(target)!, attr.byDiscipline, source, target);
      });
    } else {
      for (let x = 0; x < places.length; x++) {
        graph.forEachInEdge(places[x]!, (_e, attr, source, target) => {
          if (source !== target) counts.add(x, attr.byDiscipline, source, target);
        });
      }
    }
  }

  // World counts, added place by place in each place's own order (the insertion order of a Map per discipline).
  const worldCounts = new Map<string, number>();
  for (let x = 0; x < places.length; x++) {
    for (const c of counts.order[x]!) {
      const d = counts.names[c]!;
      worldCounts.set(d, (worldCounts.get(d) ?? 0) + counts.columns[c]![x]!);
    }
  }
  let shares: Map<string, number>;
  if (reference) {
    for (const d of worldCounts.keys()) {
      if (!reference.has(d)) throw new OptionError('reference', o.reference, `a count or share for discipline ${JSON.stringify(d)}`);
    }
    shares = reference;
  } else {
    const N = [...worldCounts.values()].reduce((a, b) => a + b, 0);
    shares = new Map([...worldCounts].map(([d, v]) => [d, N > 0 ? v / N : 0]));
  }

  const disciplines = [...worldCounts.keys()].sort((a, b) => shares.get(b)! - shares.get(a)! || compareKeys(a, b));
  const columnOf = new Map(counts.names.map((d, c) => [d, c]));
  // Each discipline's column and share looked up once, not once per place.
  const columnAt = disciplines.map((d) => columnOf.get(d)!);
  const shareAt = disciplines.map((d) => shares.get(d)!);
  const cells: RaiCell[] = [];
  for (let x = 0; x < places.length; x++) {
    let nx = 0;
    for (const c of counts.order[x]!) nx += counts.columns[c]![x]!;
    const place = places[x]!;
    for (let k = 0; k < disciplines.length; k++) {
      const c = columnAt[k]!;
      const n = counts.has(c, x) ? counts.columns[c]![x]! : 0;
      const share = shareAt[k]!;
      cells.push({ place, discipline: disciplines[k]!, researchers: n, rai: nx > 0 && share > 0 ? n / nx / share : null });
    }
  }
  const worldShares: Record<string, number> = {};
  for (const d of disciplines) worldShares[d] = shares.get(d)!;
  return { basis, places, disciplines, cells, worldShares };
}

/**
 * Each place's `k` largest disciplines (by researchers, ties by name) with their RAI: the shape
 * of the report's `set2024_rai_top5.csv`. Disciplines with no researchers are left out.
 *
 * @example
 * topDisciplines(rai(graph)).Shenzhen[0]; // { discipline: 'Engineering', researchers: 9120, rai: 1.4, ... }
 */
export function topDisciplines(result: RaiResult, k = 5): Record<string, RaiCell[]> {
  if (!Number.isInteger(k) || k < 1) throw new OptionError('k', k, 'an integer ≥ 1');
  const out: Record<string, RaiCell[]> = {};
  for (const p of result.places) out[p] = [];
  for (const cell of result.cells) if (cell.researchers > 0) (out[cell.place] ??= []).push(cell);
  for (const p of Object.keys(out)) {
    out[p] = out[p]!.sort((a, b) => b.researchers - a.researchers || compareKeys(a.discipline, b.discipline)).slice(0, k);
  }
  return out;
}

/**
 * Flow aggregation as SQL, written once for every dialect: from a relation of moves (one row per
 * move or per aggregated row: `rid` the researcher or NULL, `s`/`t` the source and target place
 * indices, `year`, `disc` the discipline (a name, or an integer code; none: NULL, '' or −1),
 * `cnt`) to the flow store's two tables, turned into the store by {@link flowStoreFromArrays}:
 *
 *   edges   (s, t) → weight = Σ cnt, researchers = distinct rid (−1 when a move has none)
 *   cells   (s, t, year, disc) → Σ cnt, moves without a discipline as one cell per year
 *   span    first and last year of any move
 *
 * Both tables are ordered by (s, t) first, so the cells can be walked edge after edge.
 */
import { compareText } from '../../graph/breakdowns.ts';
import { flowStore, type FlowStore } from '../../flows/store.ts';
import type { Place } from '../../places/types.ts';
import type { Dialect } from './dialect.ts';

/** The aggregated flows as typed arrays, as {@link flowQueries} give them back. */
export interface FlowArrays {
  /** Discipline names by code (`di`). */
  names: string[];
  /** First and last year of any move, or null without moves. */
  span: [number, number] | null;
  /** Edges in (source, target) order: place indices `s`, `t`, weight `w`, researchers `r` (-1: unknown). */
  edges: { s: Int32Array; t: Int32Array; w: Float64Array; r: Int32Array };
  /** The cells, edge after edge in the same order, by year: discipline code `di` (−1: none), moves `n`. */
  cells: { s: Int32Array; t: Int32Array; year: Int32Array; di: Int32Array; n: Float64Array };
}

/** The moves relation: expressions for each column over `from`, the rows where `where` holds. */
export interface MovesRelation {
  /** SQL before `SELECT` (ClickHouse's `WITH` aliases the expressions use), or ''. */
  head: string;
  from: string;
  where: string;
  rid: string;
  s: string;
  t: string;
  year: string;
  /** The discipline, never NULL: '' (names) or −1 (codes) for none. */
  disc: string;
  cnt: string;
}

/** The queries of one aggregation; each returns the columns named in its comment, in order. */
export interface FlowQueries {
  /** s, t, w, r */
  edges: string;
  /** s, t, year, disc, n */
  cells: string;
  /** first, last (NULL without moves) */
  span: string;
}

/**
 * Renders the aggregation for one dialect.
 * @example flowQueries(DUCKDB, { head: '', from: 'm', where: 'true', rid: 'rid', s: 's', t: 't', year: 'year', disc: "coalesce(disc, '')", cnt: 'cnt' }).edges
 */
export function flowQueries(d: Dialect, m: MovesRelation): FlowQueries {
  const { head, s, t, year, disc, cnt } = m;
  const base = (cols: string, groups: string) => grouped(m, cols, groups);
  // No output aliases: ClickHouse 18.16 refuses to GROUP BY a WITH alias that the SELECT renames.
  return {
    edges: base(`${s}, ${t}, sum(${cnt}), ${researchersOf(d, m)}`, `${s}, ${t}`),
    cells: base(`${s}, ${t}, ${year}, ${disc}, sum(${cnt})`, `${s}, ${t}, ${year}, ${disc}`),
    span: `${head}SELECT min(${year}), max(${year}) FROM ${m.from} WHERE ${m.where}`,
  };
}

/** `cols` of the moves grouped and ordered by `groups`. */
export function grouped(m: MovesRelation, cols: string, groups: string): string {
  return `${m.head}SELECT ${cols} FROM ${m.from} WHERE ${m.where} GROUP BY ${groups} ORDER BY ${groups}`;
}

/** A flow's researchers: distinct ids, −1 when a move has none (aggregated input). */
export function researchersOf(d: Dialect, m: MovesRelation): string {
  return `CASE WHEN ${d.countIf(`${m.rid} IS NULL`)} > 0 THEN -1 ELSE ${d.distinctCount(m.rid)} END`;
}

/** One query's result as rows of text cells (NULL as null). */
export type TextRows = ReadonlyArray<ReadonlyArray<string | null>>;

/**
 * The results of {@link flowQueries}, read back as text, as {@link FlowArrays}. Discipline names
 * get codes in the order they are first met; `names` maps codes (as text) to names instead when
 * the query's disciplines are codes.
 */
export function flowArraysFromRows(r: { edges: TextRows; cells: TextRows; span: TextRows }, codes?: readonly string[]): FlowArrays {
  const names: string[] = codes ? [...codes] : [];
  const seen = new Map<string, number>();
  const code = (cell: string | null): number => {
    if (codes) return cell === null ? -1 : Number(cell);
    if (cell === null || cell === '') return -1;
    let c = seen.get(cell);
    if (c === undefined) {
      c = names.length;
      names.push(cell);
      seen.set(cell, c);
    }
    return c;
  };
  const ints = (rows: TextRows, col: number) => Int32Array.from(rows, (row) => Number(row[col]));
  const floats = (rows: TextRows, col: number) => Float64Array.from(rows, (row) => Number(row[col]));
  const first = r.span[0]?.[0];
  return {
    // The same array the codes below are added to while the object is built.
    names,
    span: first === null || first === undefined ? null : [Number(first), Number(r.span[0]![1])],
    edges: { s: ints(r.edges, 0), t: ints(r.edges, 1), w: floats(r.edges, 2), r: ints(r.edges, 3) },
    cells: {
      s: ints(r.cells, 0),
      t: ints(r.cells, 1),
      year: ints(r.cells, 2),
      di: Int32Array.from(r.cells, (row) => code(row[3] ?? null)),
      n: floats(r.cells, 4),
    },
  };
}

/** Insertion sort of positions [from, to) by discipline, moving each cell's moves along (a year holds few cells). */
function sortByDiscipline(discipline: Int32Array, moves: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const d = discipline[i]!;
    const k = moves[i]!;
    let j = i - 1;
    for (; j >= from && discipline[j]! > d; j--) {
      discipline[j + 1] = discipline[j]!;
      moves[j + 1] = moves[j]!;
    }
    discipline[j + 1] = d;
    moves[j + 1] = k;
  }
}

/**
 * The flow store of {@link FlowArrays} over the places `nodes` (indices into `places`,
 * ascending: the graph's nodes): the store the JS engine's `buildFlows` builds from the same
 * moves. Disciplines are ordered by name (UTF-16 code units, as in JS: the SQL engines order
 * text by bytes, which differs above U+FFFF), moves without one are discipline −1; cells are
 * ordered by flow, year and discipline.
 */
export function flowStoreFromArrays(places: readonly Place[], nodes: readonly number[], a: FlowArrays): FlowStore {
  const position = new Int32Array(places.length).fill(-1);
  nodes.forEach((p, i) => (position[p] = i));
  const { s: cs, t: ct, year: cy, di: cdi, n: cn } = a.cells;
  // The store lists the disciplines its cells use (`names` may hold more).
  const used = new Set<number>();
  for (const d of cdi) if (d >= 0) used.add(d);
  const disciplines = [...new Set([...used].map((d) => a.names[d]!))].sort(compareText);
  const rank = new Map(disciplines.map((d, i) => [d, i]));
  const recode = a.names.map((d) => rank.get(d) ?? -1);
  const { s: es, t: et, w: ew, r: er } = a.edges;
  const n = es.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const researchers = new Float64Array(n);
  const firstYear = new Float64Array(n);
  const lastYear = new Float64Array(n);
  const m = cs.length;
  const flow = new Int32Array(m);
  const year = new Int32Array(m);
  const discipline = new Int32Array(m);
  const moves = new Float64Array(m);
  let c = 0;
  for (let e = 0; e < n; e++) {
    const s = es[e]!;
    const t = et[e]!;
    source[e] = position[s]!;
    target[e] = position[t]!;
    researchers[e] = er[e]! < 0 ? NaN : er[e]!;
    firstYear[e] = Infinity;
    lastYear[e] = -Infinity;
    while (c < m && cs[c] === s && ct[c] === t) {
      const y = cy[c]!;
      firstYear[e] = Math.min(firstYear[e]!, y);
      lastYear[e] = Math.max(lastYear[e]!, y);
      // One year's cells, ordered by the disciplines' JS order: written as they come (already in
      // that order unless a name sorts differently by bytes), then put in order in place. The
      // disciplines of one year are distinct, so any sort gives the same order. No object per cell.
      const from = c;
      let sorted = true;
      for (; c < m && cs[c] === s && ct[c] === t && cy[c] === y; c++) {
        const d = cdi[c]! < 0 ? -1 : recode[cdi[c]!]!;
        if (c > from && d < discipline[c - 1]!) sorted = false;
        flow[c] = e;
        year[c] = y;
        discipline[c] = d;
        moves[c] = cn[c]!;
      }
      if (!sorted) sortByDiscipline(discipline, moves, from, c);
    }
  }
  return flowStore({
    places: nodes.map((p) => places[p]!.id),
    disciplines,
    flows: { source, target, moves: Float64Array.from(ew), researchers, firstYear, lastYear },
    cells: { flow, year, discipline, moves },
  });
}

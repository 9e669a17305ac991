/**
 * Flow aggregation as SQL, written once for every dialect: from a relation of moves (one row per
 * move or per aggregated row: `okey` orders the moves as the JS engine meets them, `rid` the
 * researcher or NULL, `s`/`t` the source and target place indices, `year`, `disc`, `cnt`) to the
 * edges and their breakdowns that `assembleGraph` turns into the flow graph:
 *
 *   edges              (s, t) → weight = Σ cnt, researchers = distinct rid (−1 when a move has none)
 *   byYear             (s, t, year) → Σ cnt, in year order
 *   byDiscipline       (s, t, disc) → Σ cnt, in the order of the discipline's first move on the edge
 *   byYearDiscipline   (s, t, year, disc) → Σ cnt, per year in the order of first moves
 *   span               first and last year of any move
 *
 * Each result is ordered by (s, t) first, so the breakdowns can be walked edge after edge.
 */
import type { FlowArrays } from '../duckdb/graph.ts';
import type { Dialect } from './dialect.ts';

/** The moves relation: expressions for each column over `from`, the rows where `where` holds. */
export interface MovesRelation {
  /** SQL before `SELECT` (ClickHouse's `WITH` aliases the expressions use), or ''. */
  head: string;
  from: string;
  where: string;
  okey: string;
  rid: string;
  s: string;
  t: string;
  year: string;
  disc: string;
  cnt: string;
}

/** The queries of one aggregation; each returns the columns named in its comment, in order. */
export interface FlowQueries {
  /** s, t, w, r */
  edges: string;
  /** s, t, year, n */
  byYear: string;
  /** s, t, disc, n */
  byDiscipline: string;
  /** s, t, year, disc, n */
  byYearDiscipline: string;
  /** first, last (NULL without moves) */
  span: string;
}

/**
 * Renders the aggregation for one dialect.
 * @example flowQueries(DUCKDB, { head: '', from: 'm', where: 'true', okey: 'okey', rid: 'rid', s: 's', t: 't', year: 'year', disc: 'disc', cnt: 'cnt' }).edges
 */
export function flowQueries(d: Dialect, m: MovesRelation): FlowQueries {
  const { head, from, where, s, t, year, disc, cnt, rid, okey } = m;
  const base = (cols: string, groups: string, order: string, extra = '') =>
    `${head}SELECT ${cols} FROM ${from} WHERE ${where}${extra} GROUP BY ${groups} ORDER BY ${order}`;
  // No output aliases: ClickHouse 18.16 refuses to GROUP BY a WITH alias that the SELECT renames.
  const first = `min(${okey})`;
  return {
    edges: base(`${s}, ${t}, sum(${cnt}), CASE WHEN ${d.countIf(`${rid} IS NULL`)} > 0 THEN -1 ELSE ${d.distinctCount(rid)} END`, `${s}, ${t}`, `${s}, ${t}`),
    byYear: base(`${s}, ${t}, ${year}, sum(${cnt})`, `${s}, ${t}, ${year}`, `${s}, ${t}, ${year}`),
    byDiscipline: base(`${s}, ${t}, ${disc}, sum(${cnt})`, `${s}, ${t}, ${disc}`, `${s}, ${t}, ${first}, ${disc}`, ` AND ${disc} IS NOT NULL`),
    byYearDiscipline: base(
      `${s}, ${t}, ${year}, ${disc}, sum(${cnt})`,
      `${s}, ${t}, ${year}, ${disc}`,
      `${s}, ${t}, ${year}, ${first}, ${disc}`,
      ` AND ${disc} IS NOT NULL`,
    ),
    span: `${head}SELECT min(${year}), max(${year}) FROM ${from} WHERE ${where}`,
  };
}

/** One query's result as rows of text cells (NULL as null). */
export type TextRows = ReadonlyArray<ReadonlyArray<string | null>>;

/**
 * The results of {@link flowQueries}, read back as text, as the typed arrays `assembleGraph` takes.
 * Disciplines get codes in the order they are first met.
 */
export function flowArraysFromRows(r: { edges: TextRows; byYear: TextRows; byDiscipline: TextRows; byYearDiscipline: TextRows; span: TextRows }): FlowArrays {
  const names: string[] = [];
  const codes = new Map<string, number>();
  const code = (name: string) => {
    let c = codes.get(name);
    if (c === undefined) {
      c = names.length;
      names.push(name);
      codes.set(name, c);
    }
    return c;
  };
  const ints = (rows: TextRows, col: number) => Int32Array.from(rows, (row) => Number(row[col]));
  const floats = (rows: TextRows, col: number) => Float64Array.from(rows, (row) => Number(row[col]));
  const discs = (rows: TextRows, col: number) => Int32Array.from(rows, (row) => code(row[col]!));
  const first = r.span[0]?.[0];
  return {
    // The same array the codes below are added to while the object is built.
    names,
    span: first === null || first === undefined ? null : [Number(first), Number(r.span[0]![1])],
    edges: { s: ints(r.edges, 0), t: ints(r.edges, 1), w: floats(r.edges, 2), r: ints(r.edges, 3) },
    byYear: { s: ints(r.byYear, 0), t: ints(r.byYear, 1), year: ints(r.byYear, 2), n: floats(r.byYear, 3) },
    byDiscipline: { s: ints(r.byDiscipline, 0), t: ints(r.byDiscipline, 1), di: discs(r.byDiscipline, 2), n: floats(r.byDiscipline, 3) },
    byYearDiscipline: {
      s: ints(r.byYearDiscipline, 0),
      t: ints(r.byYearDiscipline, 1),
      year: ints(r.byYearDiscipline, 2),
      di: discs(r.byYearDiscipline, 3),
      n: floats(r.byYearDiscipline, 4),
    },
  };
}

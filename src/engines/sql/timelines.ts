/**
 * The timeline rules of `src/timelines/` (profiles.ts, researcher.ts, summarise.ts,
 * derive-moves.ts, population.ts) as SQL, written once for every dialect with array functions
 * (ClickHouse 18.16 has neither window functions nor recursive CTEs):
 *
 * 1. collect   one row per researcher: the publications per (year, place) as two arrays sorted by
 *              year then place (`tf_yk` = year × 2^24 + place, `tf_yv`), and per discipline rank
 *              (`tf_dk`, `tf_dv`). On a cluster the inner groupings run on the shards.
 * 2. depth     the longest run of consecutive tie years of any researcher (see 3).
 * 3. derive    per researcher, maps and filters over the year indices: the place of each
 *              publication year (most publications; a tie keeps the previous year's place when it
 *              is among the tied places, else the first place id, the `place` index being the id's
 *              code-unit rank), applied `depth` times, which makes the chained tie rule exact;
 *              then active, young, home, SET inflow, the last place before the window, the primary
 *              discipline (most publications, ties → the first rank), and as index arrays the moves
 *              (a change of place between consecutive publication years, in the arrival year), the
 *              young years in the window and the padded place-years of `timelines/population.ts`.
 * 4. the moves and the per-place relations over the derived table, for the shared flow
 *    aggregation (`flows.ts`) and stock queries (`stock.ts`).
 */
import { TIMELINE_DEFAULTS } from '../../timelines/researcher.ts';
import type { Dialect } from './dialect.ts';
import type { MovesRelation } from './flows.ts';
import { stepChain, type Definition } from './rows.ts';
import type { PlaceYearRelation, ResearcherRelation } from './stock.ts';

/** The resolved timeline rows: expressions over `from` (after `head`), the rows where `where` holds. */
export interface TimelineRows {
  head: string;
  from: string;
  where: string;
  rid: string;
  year: string;
  /** Place index. */
  place: string;
  pubs: string;
  /** Discipline rank in code-unit order of the names, −1 for none. */
  disc: string;
}

/** Year × KEY + place: one sortable integer per (year, place). */
const KEY = 16777216;
/** Place × POP + (year − 1900): one integer per padded place-year (years are 1900–2100). */
const POP = 1024;

/** The derived table's columns (`derive`), in order. */
export const DERIVED_COLUMNS = [
  'tf_rid',
  'tf_first',
  'tf_active',
  'tf_home',
  'tf_prev',
  'tf_young',
  'tf_flowed',
  'tf_prim',
  'tf_pl',
  'tf_yy',
  'tf_mi',
  'tf_gi',
  'tf_pop',
] as const;

/**
 * Step 1: one row per researcher (columns tf_rid, tf_yk, tf_yv, tf_dk, tf_dv).
 * @example collectQuery(DUCKDB, { head: '', from: 'k', where: '1 = 1', rid: 'rid', year: 'year', place: 'place', pubs: 'pubs', disc: 'rank' })
 */
export function collectQuery(d: Dialect, r: TimelineRows): string {
  const a = d.arrays;
  // Grouped by new output names: ClickHouse 18.16 refuses to GROUP BY a WITH alias the SELECT renames.
  const part = (kind: number, key: string, cond: string) =>
    `${r.head}SELECT ${r.rid} AS tf_gr, ${kind} AS tf_gt, ${a.int64(key)} AS tf_gk, ${a.float64(`sum(${r.pubs})`)} AS tf_gv ` +
    `FROM ${r.from} WHERE ${r.where}${cond} GROUP BY tf_gr, tf_gk`;
  return (
    `SELECT tf_gr AS tf_rid, ${a.collect('tf_gk', 'tf_gk', 'tf_gt = 0')} AS tf_yk, ${a.collect('tf_gv', 'tf_gk', 'tf_gt = 0')} AS tf_yv, ` +
    `${a.collect('tf_gk', 'tf_gk', 'tf_gt = 1')} AS tf_dk, ${a.collect('tf_gv', 'tf_gk', 'tf_gt = 1')} AS tf_dv\n` +
    `FROM (\n  ${part(0, `${a.int64(r.year)} * ${KEY} + ${r.place}`, '')}\n  UNION ALL\n  ${part(1, r.disc, ` AND ${r.disc} >= 0`)}\n) AS tf_g GROUP BY tf_gr`
  );
}

/** Lambda parameter names, unique within a query (ClickHouse 18.16 resolves a shadowing parameter wrongly). */
function params(): () => string {
  let n = 0;
  return () => `tf_x${++n}`;
}

/** The per-year definitions: years, places and publications of the keys, and per year the total, the most and the tied places. */
function perYear(d: Dialect, fresh: () => string): Definition[] {
  const a = d.arrays;
  const at = a.at;
  const map = (arr: string, f: (p: string) => string) => {
    const p = fresh();
    return a.map(arr, p, f(p));
  };
  const filter = (arr: string, f: (p: string) => string) => {
    const p = fresh();
    return a.filter(arr, p, f(p));
  };
  // The keys are sorted by year: a year's keys are the run from its first (tf_ys) of tf_yn keys,
  // so each pass over a year reads its own keys only.
  const keys = (i: string, f: (j: string) => string) => map(a.upTo(at('tf_yn', i)), (q) => f(`${at('tf_ys', i)} + ${q}`));
  const values = (i: string) => a.slice('tf_yv', at('tf_ys', i), at('tf_yn', i));
  return [
    ['tf_ya', map('tf_yk', (k) => a.int32(a.intDiv(k, String(KEY))))],
    ['tf_pa', map('tf_yk', (k) => a.int32(`${k} % ${KEY}`))],
    ['tf_jx', a.indices('tf_yk')],
    ['tf_ys', filter('tf_jx', (j) => `${j} = 1 OR ${at('tf_ya', j)} <> ${at('tf_ya', `greatest(${j} - 1, 1)`)}`)],
    ['tf_yy', map('tf_ys', (j) => at('tf_ya', j))],
    ['tf_ix', a.indices('tf_yy')],
    [
      'tf_yn',
      map(
        'tf_ix',
        (i) => `CASE WHEN ${i} < ${a.len('tf_ys')} THEN ${at('tf_ys', `${i} + 1`)} ELSE ${a.len('tf_yk')} + 1 END - ${at('tf_ys', i)}`,
      ),
    ],
    ['tf_tot', map('tf_ix', (i) => a.sum(values(i)))],
    ['tf_mx', map('tf_ix', (i) => a.max(values(i)))],
    [
      'tf_tied',
      map('tf_ix', (i) =>
        map(
          filter(
            keys(i, (j) => j),
            (j) => `${at('tf_yv', j)} = ${at('tf_mx', i)}`,
          ),
          (j) => at('tf_pa', j),
        ),
      ),
    ],
    ['tf_best', map('tf_ix', (i) => at(at('tf_tied', i), '1'))],
    ['tf_nt', map('tf_ix', (i) => a.len(at('tf_tied', i)))],
  ];
}

/**
 * The definitions as a query over `from` selecting `columns`: ClickHouse aliases in one SELECT, a
 * chain of steps elsewhere. Server 18.16 finds a column that only lambdas read only when the
 * SELECT also lists it, and drops it from a subquery when the outer query does not read it: the
 * columns of `from` the definitions read (`inputs`) are listed, and read by the outer WHERE.
 */
function selectDefinitions(d: Dialect, defs: readonly Definition[], from: string, columns: string, inputs: readonly string[]): string {
  if (d.name === 'clickhouse') {
    const listed = [...inputs, ...defs.map(([n, e]) => `${e} AS ${n}`)].join(',\n  ');
    return `SELECT ${columns} FROM (SELECT ${listed} FROM ${from}) WHERE ${inputs.map((c) => `length(${c}) >= 0`).join(' AND ')}`;
  }
  return `SELECT ${columns} FROM (\n${stepChain(defs, from)}\n) AS tf_s`;
}

/**
 * Step 2: one row, the longest run of consecutive tie years of any researcher over the collected
 * table `from` (the tie rule's chain is at most that long).
 */
export function depthQuery(d: Dialect, from: string): string {
  const a = d.arrays;
  const fresh = params();
  const [i, j] = [fresh(), fresh()];
  const lastSingle = a.max(a.filter('tf_ix', j, `${j} <= ${i} AND ${a.at('tf_nt', j)} = 1`));
  const defs: Definition[] = [...perYear(d, fresh), ['tf_run', a.max(a.map('tf_ix', i, `${i} - ${lastSingle}`))]];
  return `SELECT max(tf_run) FROM (${selectDefinitions(d, defs, from, 'tf_run', ['tf_yk', 'tf_yv'])}) tf_r`;
}

/**
 * Step 3: the derived table over the collected table `from` ({@link DERIVED_COLUMNS}); `depth`
 * is the result of {@link depthQuery}.
 */
export function deriveQuery(d: Dialect, from: string, depth: number, window: readonly [number, number]): string {
  const a = d.arrays;
  const at = a.at;
  const fresh = params();
  const lam = (f: (p: string) => string) => {
    const p = fresh();
    return [p, f(p)] as const;
  };
  const map = (arr: string, f: (p: string) => string) => a.map(arr, ...lam(f));
  const filter = (arr: string, f: (p: string) => string) => a.filter(arr, ...lam(f));
  const [w0, w1] = window;
  const { minPublications, recentYears, youngMaxAge } = TIMELINE_DEFAULTS;
  const r0 = Math.max(w0, w1 - recentYears + 1);
  const defs: Definition[] = perYear(d, fresh);
  defs.push(['tf_c0', 'tf_best']);
  for (let k = 1; k <= depth; k++) {
    const before = (i: string) => at(`tf_c${k - 1}`, `greatest(${i} - 1, 1)`);
    defs.push([
      `tf_c${k}`,
      map(
        'tf_ix',
        (i) =>
          `CASE WHEN ${i} = 1 OR ${at('tf_nt', i)} = 1 THEN ${at('tf_best', i)} ` +
          `WHEN ${a.has(at('tf_tied', i), before(i))} THEN ${before(i)} ELSE ${at('tf_best', i)} END`,
      ),
    ]);
  }
  const inYears = (lo: number, hi: number) =>
    a.sum(
      map(
        filter('tf_ix', (i) => `${at('tf_yy', i)} BETWEEN ${lo} AND ${hi}`),
        (i) => at('tf_tot', i),
      ),
    );
  const lastIndex = (cond: (y: string) => string) => a.max(filter('tf_ix', (i) => cond(at('tf_yy', i))));
  const [dp, dq] = [fresh(), fresh()];
  const untilNext = (i: string) => `CASE WHEN ${i} < ${a.len('tf_yy')} THEN ${at('tf_yy', `${i} + 1`)} - 1 ELSE ${at('tf_yy', i)} END`;
  defs.push(
    ['tf_pl', `tf_c${depth}`],
    ['tf_first', at('tf_yy', '1')],
    ['tf_inwin', inYears(w0, w1)],
    ['tf_recent', inYears(r0, w1)],
    ['tf_li', lastIndex((y) => `${y} <= ${w1}`)],
    ['tf_pi', lastIndex((y) => `${y} < ${w0}`)],
    ['tf_active', `(tf_inwin >= ${minPublications} AND tf_recent >= 1)`],
    ['tf_home', `CASE WHEN tf_li > 0 THEN ${at('tf_pl', 'tf_li')} ELSE -1 END`],
    ['tf_prev', `CASE WHEN tf_pi > 0 THEN ${at('tf_pl', 'tf_pi')} ELSE -1 END`],
    ['tf_young', `(tf_li > 0 AND ${at('tf_yy', 'tf_li')} - tf_first <= ${youngMaxAge})`],
    // Every place of a year before the window counts, not only the year's chosen one.
    [
      'tf_flowed',
      `(tf_first < ${w0} AND NOT ${a.has(
        map(
          filter('tf_jx', (j) => `${at('tf_ya', j)} < ${w0}`),
          (j) => at('tf_pa', j),
        ),
        'tf_home',
      )})`,
    ],
    // The ranks are sorted: the first of the largest sums is the first discipline in code-unit order.
    [
      'tf_prim',
      `CASE WHEN ${a.len('tf_dk')} = 0 THEN -1 ELSE ${a.int32(at('tf_dk', at(a.filter(a.indices('tf_dv'), dp, `${at('tf_dv', dp)} = ${a.max('tf_dv')}`), '1')))} END`,
    ],
    ['tf_mi', filter('tf_ix', (i) => `${i} > 1 AND ${at('tf_pl', `greatest(${i} - 1, 1)`)} <> ${at('tf_pl', i)}`)],
    ['tf_gi', filter('tf_ix', (i) => `${at('tf_yy', i)} BETWEEN ${w0} AND ${w1} AND ${at('tf_yy', i)} - tf_first <= ${youngMaxAge}`)],
    [
      'tf_pop',
      a.flatten(
        map('tf_ix', (i) =>
          a.map(
            a.upTo(`${untilNext(i)} - ${at('tf_yy', i)} + 1`),
            dq,
            `${a.int64(at('tf_pl', i))} * ${POP} + (${at('tf_yy', i)} + ${dq} - 1900)`,
          ),
        ),
      ),
    ],
  );
  return selectDefinitions(d, defs, from, DERIVED_COLUMNS.join(', '), ['tf_rid', 'tf_yk', 'tf_yv', 'tf_dk', 'tf_dv']);
}

/** The relations over the derived table the flow and stock queries read. */
export interface DerivedRelations {
  /** One row: researchers, active researchers. */
  counts: string;
  /** The moves (rid, s, t, year, disc = primary discipline rank or −1, cnt 1), within `years` when given. */
  moves: MovesRelation;
  researchers: ResearcherRelation;
  young: PlaceYearRelation;
  population: PlaceYearRelation;
}

/**
 * Step 4: the relations over the derived table `derived`.
 * @example flowQueries(DUCKDB, derivedRelations(DUCKDB, 'tf_derived', null).moves)
 */
export function derivedRelations(d: Dialect, derived: string, years: readonly [number, number] | null): DerivedRelations {
  const a = d.arrays;
  const at = a.at;
  const exploded = (arr: string, cols: string, where = '') => `(SELECT ${cols}, ${a.explode(arr)} AS tf_j FROM ${derived}${where}) AS tf_e`;
  return {
    counts: `SELECT count(*), ${d.countIf('tf_active')} FROM ${derived}`,
    moves: {
      head: '',
      from: exploded('tf_mi', 'tf_rid, tf_pl, tf_yy, tf_prim'),
      where: years ? `${at('tf_yy', 'tf_j')} BETWEEN ${years[0]} AND ${years[1]}` : '1 = 1',
      rid: 'tf_rid',
      s: at('tf_pl', 'tf_j - 1'),
      t: at('tf_pl', 'tf_j'),
      year: at('tf_yy', 'tf_j'),
      disc: 'tf_prim',
      cnt: a.float64('1'),
    },
    researchers: {
      head: '',
      from: derived,
      where: 'tf_active',
      home: 'tf_home',
      hasPrev: 'tf_prev >= 0',
      prev: 'tf_prev',
      young: 'tf_young',
      flowed: 'tf_flowed',
      hasPrim: 'tf_prim >= 0',
      prim: 'tf_prim',
    },
    young: {
      head: '',
      from: exploded('tf_gi', 'tf_pl, tf_yy', ' WHERE tf_active'),
      where: '1 = 1',
      place: at('tf_pl', 'tf_j'),
      year: at('tf_yy', 'tf_j'),
    },
    population: {
      head: '',
      from: exploded('tf_pop', 'tf_rid'),
      where: '1 = 1',
      place: a.intDiv('tf_j', String(POP)),
      year: `tf_j % ${POP} + 1900`,
    },
  };
}

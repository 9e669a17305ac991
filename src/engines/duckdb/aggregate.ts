/**
 * Flow aggregation for the DuckDB engine: the moves table `m(rid, s, t, year, disc, cnt)` to the
 * flow store, equal to what the shared flow queries (`src/engines/sql/flows.ts`) and
 * `flowStoreFromArrays` give, with less handed over from DuckDB to JS.
 *
 * Why not the shared queries here: reading a result costs per value (the driver copies each
 * vector of each chunk), and they return nine columns (s, t, w, r for the flows; s, t, year,
 * disc, n for the cells). Here each cell comes back as two numbers, one key that packs
 * (source, target, year, discipline) in that order and its moves, and each flow as one (its
 * researchers); the flows' moves and first and last years are sums and ends of their cells.
 * Disciplines are coded in JS order (UTF-16 code units) before the aggregation, so that the
 * cells' SQL order is already the store's.
 */
import { compareText } from '../../graph/breakdowns.ts';
import { flowStore, type FlowStore } from '../../flows/store.ts';
import type { Place } from '../../places/types.ts';
import { DUCKDB } from '../sql/dialect.ts';
import { flowQueries, flowStoreFromArrays } from '../sql/flows.ts';
import type { Session } from './session.ts';

/**
 * Aggregates `m` into the flow store over the places `nodes` (indices into `places`, ascending:
 * the graph's nodes). Falls back to the shared queries when the packed key would not be exact
 * in a double (places² × years × disciplines ≥ 2^53, far beyond any gazetteer).
 */
export async function flowStoreFromDb(
  db: Session,
  places: readonly Place[],
  nodes: readonly number[],
  options: { packed?: boolean } = {},
): Promise<FlowStore> {
  const found = await db.columns(`SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL AND disc <> ''`);
  const disciplines = ((found.disc ?? []) as string[]).slice().sort(compareText);
  const [span] = await db.rows(`SELECT min(CAST(year AS INTEGER)) AS y0, max(CAST(year AS INTEGER)) AS y1 FROM m`);
  if (span!.y0 === null) return emptyStore(places, nodes, disciplines);
  const y0 = Number(span!.y0);
  const perDiscipline = disciplines.length + 1;
  const perFlow = (Number(span!.y1) - y0 + 1) * perDiscipline;
  const perSource = places.length;
  if (options.packed === false || perSource * perSource * perFlow >= 2 ** 53) return sharedQueries(db, places, nodes);

  await db.run(`CREATE OR REPLACE TEMP TABLE dd (disc VARCHAR, di INTEGER)`);
  await db.append(
    'dd',
    disciplines.map((d, i) => [d, i]),
  );
  const key = `(CAST(m.s AS BIGINT) * ${perSource} + m.t) * ${perFlow} + (CAST(m.year AS INTEGER) - ${y0}) * ${perDiscipline} + coalesce(dd.di, -1) + 1`;
  const cells = await db.numbers(`
    SELECT CAST(key AS DOUBLE) AS k, n FROM (
      SELECT ${key} AS key, sum(CAST(m.cnt AS DOUBLE)) AS n FROM m LEFT JOIN dd ON dd.disc = m.disc GROUP BY key
    ) ORDER BY key`);
  const edges = await db.numbers(`
    SELECT CASE WHEN ${DUCKDB.countIf('rid IS NULL')} > 0 THEN -1 ELSE ${DUCKDB.distinctCount('rid')} END AS r
    FROM m GROUP BY s, t ORDER BY s, t`);
  await db.run(`DROP TABLE dd`);
  return storeFromKeys(
    places,
    nodes,
    disciplines,
    { perSource, perFlow, perDiscipline, y0 },
    cells.k as Float64Array,
    cells.n as Float64Array,
    edges.r as Int32Array,
  );
}

/** How a cell key packs (source, target, year, discipline). */
interface Packing {
  perSource: number;
  perFlow: number;
  perDiscipline: number;
  y0: number;
}

/** The store from the cells' keys and moves (key order) and the flows' researchers (flow order, −1: unknown). */
function storeFromKeys(
  places: readonly Place[],
  nodes: readonly number[],
  disciplines: string[],
  p: Packing,
  keys: Float64Array,
  cellMoves: Float64Array,
  researchersOf: Int32Array,
): FlowStore {
  const position = new Int32Array(places.length).fill(-1);
  nodes.forEach((place, i) => (position[place] = i));
  const m = keys.length;
  const flow = new Int32Array(m);
  const year = new Int32Array(m);
  const discipline = new Int32Array(m);
  const n = researchersOf.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const moves = new Float64Array(n);
  const firstYear = new Float64Array(n);
  const lastYear = new Float64Array(n);
  let e = -1;
  let previous = -1;
  for (let c = 0; c < m; c++) {
    // Every part is an exact integer in a double: `%` is exact and so is dividing out an exact multiple.
    const k = keys[c]!;
    const within = k % p.perFlow;
    const pair = (k - within) / p.perFlow;
    const d = within % p.perDiscipline;
    const y = (within - d) / p.perDiscipline + p.y0;
    if (pair !== previous) {
      previous = pair;
      e++;
      const t = pair % p.perSource;
      source[e] = position[(pair - t) / p.perSource]!;
      target[e] = position[t]!;
      firstYear[e] = y;
    }
    lastYear[e] = y;
    moves[e]! += cellMoves[c]!;
    flow[c] = e;
    year[c] = y;
    discipline[c] = d - 1;
  }
  if (e + 1 !== n) throw new Error(`DuckDB aggregation: ${e + 1} flows in the cells, ${n} in the flows`);
  const researchers = Float64Array.from(researchersOf, (r) => (r < 0 ? NaN : r));
  return flowStore({
    places: nodes.map((i) => places[i]!.id),
    disciplines,
    flows: { source, target, moves, researchers, firstYear, lastYear },
    cells: { flow, year, discipline, moves: cellMoves },
  });
}

function emptyStore(places: readonly Place[], nodes: readonly number[], disciplines: string[]): FlowStore {
  const none = () => new Float64Array(0);
  return flowStore({
    places: nodes.map((i) => places[i]!.id),
    disciplines,
    flows: {
      source: new Int32Array(0),
      target: new Int32Array(0),
      moves: none(),
      researchers: none(),
      firstYear: none(),
      lastYear: none(),
    },
    cells: { flow: new Int32Array(0), year: new Int32Array(0), discipline: new Int32Array(0), moves: none() },
  });
}

/** The shared flow queries, for the (theoretical) inputs whose cell key does not fit. */
async function sharedQueries(db: Session, places: readonly Place[], nodes: readonly number[]): Promise<FlowStore> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE dd AS
      SELECT disc, CAST(row_number() OVER (ORDER BY disc) - 1 AS INTEGER) AS di FROM (SELECT DISTINCT disc FROM m WHERE disc IS NOT NULL AND disc <> '')`);
  const names = ((await db.columns(`SELECT disc FROM dd ORDER BY di`)).disc ?? []) as string[];
  const q = flowQueries(DUCKDB, {
    head: '',
    from: 'm LEFT JOIN dd ON dd.disc = m.disc',
    where: '1 = 1',
    rid: 'm.rid',
    s: 'CAST(m.s AS INTEGER)',
    t: 'CAST(m.t AS INTEGER)',
    year: 'CAST(m.year AS INTEGER)',
    disc: 'coalesce(dd.di, -1)',
    cnt: 'CAST(m.cnt AS DOUBLE)',
  });
  const [es, et, ew, er] = Object.values(await db.numbers(q.edges)) as [Int32Array, Int32Array, Float64Array, Int32Array];
  const [cs, ct, cy, cd, cn] = Object.values(await db.numbers(q.cells)) as [Int32Array, Int32Array, Int32Array, Int32Array, Float64Array];
  await db.run(`DROP TABLE dd`);
  return flowStoreFromArrays(places, nodes, {
    names,
    span: null,
    edges: { s: es, t: et, w: ew, r: er },
    cells: { s: cs, t: ct, year: cy, di: cd, n: cn },
  });
}

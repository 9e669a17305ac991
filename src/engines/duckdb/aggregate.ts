/**
 * Flow aggregation for the DuckDB engine: the moves table `m(rid, s, t, year, disc, cnt)` to the
 * flow store through the packed queries of `src/engines/sql/flows-packed.ts` (two numbers per
 * cell, one per flow), equal to what the shared flow queries (`src/engines/sql/flows.ts`) and
 * `flowStoreFromArrays` give, which remain the fallback. Disciplines are coded in JS order
 * (UTF-16 code units) before the aggregation, so that the cells' SQL order is already the store's.
 */
import { compareText } from '../../graph/breakdowns.ts';
import { flowStore, type FlowStore } from '../../flows/store.ts';
import type { Place } from '../../places/types.ts';
import { DUCKDB } from '../sql/dialect.ts';
import { flowQueries, flowStoreFromArrays } from '../sql/flows.ts';
import { flowStoreFromKeys, keyFits, packedFlowQueries, type Packing } from '../sql/flows-packed.ts';
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
  const packing: Packing = { perSource, perFlow, perDiscipline, y0 };
  if (options.packed === false || !keyFits(packing)) return sharedQueries(db, places, nodes);

  await db.run(`CREATE OR REPLACE TEMP TABLE dd (disc VARCHAR, di INTEGER)`);
  await db.append(
    'dd',
    disciplines.map((d, i) => [d, i]),
  );
  const q = packedFlowQueries(
    DUCKDB,
    {
      head: '',
      from: 'm LEFT JOIN dd ON dd.disc = m.disc',
      where: '1 = 1',
      rid: 'm.rid',
      s: 'm.s',
      t: 'm.t',
      year: 'CAST(m.year AS INTEGER)',
      disc: 'coalesce(dd.di, -1)',
      cnt: 'CAST(m.cnt AS DOUBLE)',
    },
    { head: '', from: 'm', where: '1 = 1', rid: 'rid', s: 's', t: 't', year: 'year', disc: 'disc', cnt: 'cnt' },
    packing,
  );
  const cells = await db.numbers(q.cells);
  const edges = await db.numbers(q.flows);
  await db.run(`DROP TABLE dd`);
  return flowStoreFromKeys(places, nodes, disciplines, packing, cells.k as Float64Array, cells.n as Float64Array, edges.r as Int32Array);
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

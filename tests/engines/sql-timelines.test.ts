/**
 * The shared timeline derivation of `src/engines/sql/timelines.ts`, rendered for DuckDB, on
 * three researchers worked out by hand (window 2002–2006, the SET defaults: 3 publications in the
 * window, one in 2004–2006, young up to academic age 5). Researcher 1 has four consecutive tie
 * years, so the chained tie rule needs more than one level (the measured depth is 4).
 * The ClickHouse engine runs the same SQL (tests/engines/clickhouse-equivalence.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { duckdbAvailable, openSession, type Session } from '../../src/engines/duckdb/session.ts';
import { CLICKHOUSE, DUCKDB, SPARK } from '../../src/engines/sql/dialect.ts';
import { collectQuery, deriveQuery, depthQuery, derivedRelations } from '../../src/engines/sql/timelines.ts';

const available = await duckdbAvailable();

// (researcher, year, place, publications, discipline rank or −1)
const ROWS = [
  [1, 2000, 5, 2, 0],
  [1, 2001, 3, 1, 1],
  [1, 2001, 5, 1, 0], // tie {3, 5}: 5 was last year's place → 5
  [1, 2002, 3, 1, 1],
  [1, 2002, 5, 1, 0], // tie {3, 5}: 5 → 5
  [1, 2003, 3, 1, 1],
  [1, 2003, 7, 1, 1], // tie {3, 7}: 5 is not tied → the first place, 3
  [1, 2004, 7, 1, 1],
  [1, 2004, 3, 1, 0], // tie {3, 7}: 3 → 3
  [1, 2006, 7, 3, 2],
  [2, 2005, 2, 3, -1],
  [3, 2003, 4, 1, 0],
  [3, 2005, 4, 1, 0],
];
const WINDOW: [number, number] = [2002, 2006];

async function derive(db: Session, depth?: number) {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE k AS SELECT * FROM (VALUES ${ROWS.map((r) => `(${r.join(', ')})`).join(', ')}) v(rid, year, place, pubs, disc)`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE c AS ${collectQuery(DUCKDB, { head: '', from: 'k', where: '1 = 1', rid: 'rid', year: 'year', place: 'place', pubs: 'pubs', disc: 'disc' })}`,
  );
  const measured = Number((await db.text(depthQuery(DUCKDB, 'c')))[0]![0]);
  await db.run(`CREATE OR REPLACE TEMP TABLE d AS ${deriveQuery(DUCKDB, 'c', depth ?? measured, WINDOW)}`);
  const rows = await db.rows(
    `SELECT tf_rid, tf_pl, tf_yy, tf_active, tf_home, tf_prev, tf_young, tf_flowed, tf_prim FROM d ORDER BY tf_rid`,
  );
  const rel = derivedRelations(DUCKDB, 'd', null);
  const sel = (r: { head: string; from: string; where: string }, cols: string) =>
    db.text(`SELECT ${cols} FROM ${r.from} WHERE ${r.where} ORDER BY ALL`);
  const m = rel.moves;
  return {
    measured,
    rows,
    moves: await sel(m, `${m.rid}, ${m.s}, ${m.t}, ${m.year}, ${m.disc}`),
    young: await sel(rel.young, `${rel.young.place}, ${rel.young.year}`),
    population: await sel(rel.population, `tf_rid, ${rel.population.place}, ${rel.population.year}`),
    counts: (await db.text(rel.counts))[0],
  };
}

describe.skipIf(!available)('the shared timeline derivation', () => {
  it('derives places per year, moves, stock flags and padded place-years as worked out by hand, the tie chain to the measured depth', async () => {
    const db = await openSession({ threads: 1 });
    try {
      const r = await derive(db);
      expect(r.measured).toBe(4);
      const plain = r.rows.map((x) => ({
        ...x,
        tf_pl: [...(x.tf_pl as number[])].map(Number),
        tf_yy: [...(x.tf_yy as number[])].map(Number),
      }));
      expect(plain).toEqual([
        {
          tf_rid: 1,
          tf_pl: [5, 5, 5, 3, 3, 7],
          tf_yy: [2000, 2001, 2002, 2003, 2004, 2006],
          tf_active: true,
          tf_home: 7,
          tf_prev: 5,
          tf_young: false,
          tf_flowed: true,
          tf_prim: 0,
        },
        { tf_rid: 2, tf_pl: [2], tf_yy: [2005], tf_active: true, tf_home: 2, tf_prev: -1, tf_young: true, tf_flowed: false, tf_prim: -1 },
        {
          tf_rid: 3,
          tf_pl: [4, 4],
          tf_yy: [2003, 2005],
          tf_active: false,
          tf_home: 4,
          tf_prev: -1,
          tf_young: true,
          tf_flowed: false,
          tf_prim: 0,
        },
      ]);
      expect(r.moves).toEqual([
        ['1', '3', '7', '2006', '0'],
        ['1', '5', '3', '2003', '0'],
      ]);
      expect(r.young).toEqual([
        ['2', '2005'],
        ['3', '2003'],
        ['3', '2004'],
        ['5', '2002'],
      ]);
      const pop = (rid: number, pairs: Array<[number, number]>) => pairs.map(([p, y]) => [String(rid), String(p), String(y)]);
      expect(r.population).toEqual([
        ...pop(1, [
          [3, 2003],
          [3, 2004],
          [3, 2005],
          [5, 2000],
          [5, 2001],
          [5, 2002],
          [7, 2006],
        ]),
        ...pop(2, [[2, 2005]]),
        ...pop(3, [
          [4, 2003],
          [4, 2004],
          [4, 2005],
        ]),
      ]);
      expect(r.counts).toEqual(['3', '2']);
      // With one level of the chain, 2002 sees 2001's first tied place (3) instead of its chosen one (5).
      const short = await derive(db, 1);
      expect([...(short.rows[0]!.tf_pl as number[])].map(Number)).toEqual([5, 5, 3, 3, 3, 7]);
    } finally {
      await db.close();
    }
  });
});

describe('the shared timeline derivation rendered for each dialect', () => {
  it('names each dialect its own array functions', () => {
    const sql = (d: typeof DUCKDB) => deriveQuery(d, 'c', 2, WINDOW);
    expect(sql(DUCKDB)).toContain('list_filter(');
    expect(sql(CLICKHOUSE)).toContain('arrayFilter(');
    expect(sql(SPARK)).toContain('element_at(');
    for (const d of [DUCKDB, CLICKHOUSE, SPARK]) {
      expect(sql(d)).toContain('tf_c2');
      expect(sql(d)).not.toContain('tf_c3');
    }
  });
});

/**
 * The SQL steps of `src/engines/sql/`, which both the DuckDB and the ClickHouse engine run: the
 * DuckDB shortcuts of the row checks against the exact grammar alone (same flags on every row of
 * the bad fixtures, the rule fixtures and the shortcut cells), and the flow aggregation against a
 * flow store computed independently in JS from a seeded random moves table, through both of its
 * readers (typed arrays as the DuckDB engine reads them, text as the ClickHouse engine does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../src/pipeline/analyze-file.ts';
import { resolveAnalyzeOptions } from '../../src/pipeline/options.ts';
import { flowStoreFromDb } from '../../src/engines/duckdb/graph.ts';
import { duckdbAvailable, openSession } from '../../src/engines/duckdb/session.ts';
import { openSource, sourceKind } from '../../src/engines/duckdb/source.ts';
import { matchFields } from '../../src/engines/duckdb/validate.ts';
import { DUCKDB, SPARK, type Dialect } from '../../src/engines/sql/dialect.ts';
import { flowArraysFromRows, flowQueries, flowStoreFromArrays } from '../../src/engines/sql/flows.ts';
import { renderSteps } from '../../src/engines/sql/render.ts';
import { rowDefinitions, stepChain } from '../../src/engines/sql/rows.ts';
import { createRng } from '../../src/random.ts';
import type { Place } from '../../src/places/types.ts';

const available = await duckdbAvailable();
/** DuckDB without its shortcuts: every row through the exact grammar. */
const EXACT: Dialect = { ...DUCKDB, fast: undefined };

describe.skipIf(!available)('rowDefinitions and flowQueries rendered for DuckDB', () => {
  const files = [
    ...readdirSync('tests/fixtures/bad').map((f) => join('tests/fixtures/bad', f)),
    'tests/fixtures/engines/moves-rules.csv',
    'tests/fixtures/engines/timelines-rules.csv',
  ].filter((f) => f.endsWith('.csv'));
  it.each(files)("rowDefinitions with DuckDB's shortcuts flags every row of %s as the exact grammar does", async (path) => {
    const db = await openSession({ threads: 1 });
    try {
      const header = await openSource(db, path, sourceKind(path)!);
      const kind = detectKind(header, {});
      const fields = matchFields(header, kind, resolveAnalyzeOptions({ kind }).columns, path);
      if (fields.problems.length) return;
      const names = rowDefinitions(EXACT, { kind, header, found: fields.found }).map(([n]) => n);
      const read = async (d: Dialect) => {
        const rows = await db.rows(`SELECT * FROM (${stepChain(rowDefinitions(d, { kind, header, found: fields.found }), 'src')})`);
        // The count is read on clean rows only.
        return rows.map((r) => Object.fromEntries(names.map((n) => [n, n === 'tf_cnt' && (r.tf_bad || r.tf_blank) ? null : r[n]])));
      };
      const fast = await read(DUCKDB);
      const exact = await read(EXACT);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(exact);
      // Each fixture with a row problem has a flagged row, which the shortcuts must not hide
      // (malformed rows never reach the checks; unknown places are found at resolution).
      if (!/malformed-row|unknown-place/.test(path)) expect(fast.some((r) => r.tf_bad === true || r.tf_blank === true)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('flowQueries gives the flow store computed in JS from 3,000 seeded random moves, read as typed arrays and as text', async () => {
    const rng = createRng(11);
    const discs = ['Medicine', 'Engineering', 'Computer Science', '\u{1F600}x', '\uFF5Ex', null];
    type Move = { rid: string | null; s: number; t: number; year: number; disc: string | null; cnt: number };
    const moves: Move[] = [];
    for (let i = 0; i < 3000; i++) {
      const s = Math.floor(rng() * 8);
      const t = (s + 1 + Math.floor(rng() * 7)) % 8;
      const rid = rng() < 0.02 ? null : `r${Math.floor(rng() * 400)}`;
      moves.push({
        rid,
        s,
        t,
        year: 2000 + Math.floor(rng() * 6),
        disc: discs[Math.floor(rng() * discs.length)]!,
        cnt: 1 + Math.floor(rng() * 3),
      });
    }
    // Independently: flows in (s, t) order, cells by year then discipline (UTF-16 order of names, none first).
    const names = [...new Set(moves.map((m) => m.disc).filter((d): d is string => d !== null))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const flows = new Map<string, { w: number; ids: Set<string>; unknown: boolean; cells: Map<string, number> }>();
    for (const m of moves) {
      const key = `${m.s},${m.t}`;
      const f = flows.get(key) ?? { w: 0, ids: new Set(), unknown: false, cells: new Map() };
      flows.set(key, f);
      f.w += m.cnt;
      if (m.rid === null) f.unknown = true;
      else f.ids.add(m.rid);
      const cell = `${m.year},${m.disc === null ? -1 : names.indexOf(m.disc)}`;
      f.cells.set(cell, (f.cells.get(cell) ?? 0) + m.cnt);
    }
    const keys = [...flows.keys()].sort(
      (a, b) => a.split(',').map(Number)[0]! - b.split(',').map(Number)[0]! || a.split(',').map(Number)[1]! - b.split(',').map(Number)[1]!,
    );
    const expected = keys.map((k) => {
      const f = flows.get(k)!;
      const cells = [...f.cells]
        .map(([c, n]) => [...c.split(',').map(Number), n] as [number, number, number])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      return { flow: k, moves: f.w, researchers: f.unknown ? NaN : f.ids.size, first: cells[0]![0], last: cells.at(-1)![0], cells };
    });
    const db = await openSession({ threads: 1 });
    try {
      const values = moves.map(
        (m, i) =>
          `(${i}, ${m.rid === null ? 'NULL' : `'${m.rid}'`}, ${m.s}, ${m.t}, ${m.year}, ${m.disc === null ? 'NULL' : `'${m.disc}'`}, ${m.cnt})`,
      );
      await db.run(
        `CREATE TEMP TABLE m (okey BIGINT, rid VARCHAR, s INTEGER, t INTEGER, year INTEGER, disc VARCHAR, cnt DOUBLE); INSERT INTO m VALUES ${values.join(',')}`,
      );
      const places = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}` }) as unknown as Place);
      const nodes = places.map((_, i) => i);
      const typed = await flowStoreFromDb(db, places, nodes);
      // The shared queries, which the engine falls back to when a packed cell key would not be exact.
      const unpacked = await flowStoreFromDb(db, places, nodes, { packed: false });
      const q = flowQueries(DUCKDB, {
        head: '',
        from: 'm',
        where: '1 = 1',
        rid: 'rid',
        s: 's',
        t: 't',
        year: 'year',
        disc: `coalesce(disc, '')`,
        cnt: 'cnt',
      });
      const text = async (sql: string) => (await db.rows(sql)).map((r) => Object.values(r).map((v) => (v === null ? null : String(v))));
      const fromText = flowStoreFromArrays(
        places,
        nodes,
        flowArraysFromRows({ edges: await text(q.edges), cells: await text(q.cells), span: await text(q.span) }),
      );
      for (const store of [typed, unpacked, fromText]) {
        expect(store.disciplines).toEqual(names);
        const got = Array.from(store.flows.source, (s, e) => ({
          flow: `${s},${store.flows.target[e]}`,
          moves: store.flows.moves[e],
          researchers: store.flows.researchers[e],
          first: store.flows.firstYear[e],
          last: store.flows.lastYear[e],
          cells: Array.from(store.cells.flow, (f, j) => [f, j] as const)
            .filter(([f]) => f === e)
            .map(([, j]) => [store.cells.year[j]!, store.cells.discipline[j]!, store.cells.moves[j]!] as [number, number, number]),
        }));
        expect(got).toEqual(expected);
      }
      // Moves without a discipline are cells of discipline −1, and some flows have unknown researchers.
      expect([...typed.cells.discipline].some((d) => d === -1)).toBe(true);
      expect([...typed.flows.researchers].some((r) => Number.isNaN(r))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("rowDefinitions and flowQueries render for Spark SQL with Spark's functions", () => {
    const defs = rowDefinitions(SPARK, {
      kind: 'moves',
      header: ['researcher_id', 'from', 'to', 'year'],
      found: new Map([
        ['researcher_id', 'researcher_id'],
        ['from', 'from'],
        ['to', 'to'],
        ['year', 'year'],
      ]),
    });
    const sql = stepChain(defs, 'moves_raw');
    expect(sql).toContain('RLIKE');
    expect(sql).toContain('`from`');
    expect(sql).not.toMatch(/regexp_full_match|TRY_CAST|match\(|toFloat64/);
    expect(sql).not.toContain('TRY_CAST');
    const q = flowQueries(SPARK, {
      head: '',
      from: 'm',
      where: '1 = 1',
      rid: 'rid',
      s: 's',
      t: 't',
      year: 'year',
      disc: `coalesce(disc, '')`,
      cnt: 'cnt',
    });
    expect(q.edges).toContain('count_if(rid IS NULL)');
    expect(q.edges).toContain('count(DISTINCT rid)');
  });

  it('renderSteps for Spark SQL is the rendering docs/large-inputs.md shows', () => {
    const doc = readFileSync('docs/large-inputs.md', 'utf8');
    const block = /<!-- spark-sql:begin -->\n```sql\n([\s\S]*?)```\n<!-- spark-sql:end -->/.exec(doc);
    expect(block, 'the spark-sql block of docs/large-inputs.md').not.toBeNull();
    expect(block![1]).toBe(renderSteps(SPARK));
  });
});

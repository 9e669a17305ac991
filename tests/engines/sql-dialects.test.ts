/**
 * The SQL steps of `src/engines/sql/`, rendered for DuckDB, against the DuckDB engine's own SQL
 * (itself tested against the JS engine): the row checks on every bad fixture and the rule
 * fixtures, and the flow aggregation on a seeded random moves table. The ClickHouse engine runs
 * the same definitions rendered for ClickHouse, so the three engines cannot drift apart.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../src/pipeline/analyze-file.ts';
import { resolveAnalyzeOptions } from '../../src/pipeline/options.ts';
import { flowStoreFromDb } from '../../src/engines/duckdb/graph.ts';
import { duckdbAvailable, openSession } from '../../src/engines/duckdb/session.ts';
import { openSource, sourceKind } from '../../src/engines/duckdb/source.ts';
import { createRowsTable, matchFields } from '../../src/engines/duckdb/validate.ts';
import { DUCKDB, SPARK } from '../../src/engines/sql/dialect.ts';
import { flowArraysFromRows, flowQueries, flowStoreFromArrays } from '../../src/engines/sql/flows.ts';
import { renderSteps } from '../../src/engines/sql/render.ts';
import { rowDefinitions, stepChain } from '../../src/engines/sql/rows.ts';
import { readFileSync } from 'node:fs';
import { createRng } from '../../src/random.ts';
import type { Place } from '../../src/places/types.ts';

const available = await duckdbAvailable();

describe.skipIf(!available)('rowDefinitions and flowQueries rendered for DuckDB', () => {
  const files = [...readdirSync('tests/fixtures/bad').map((f) => join('tests/fixtures/bad', f)), 'tests/fixtures/engines/moves-rules.csv', 'tests/fixtures/engines/timelines-rules.csv'].filter((f) => f.endsWith('.csv'));
  it.each(files)('rowDefinitions flags every row of %s as the DuckDB engine does', async (path) => {
    const db = await openSession({ threads: 1 });
    try {
      const header = await openSource(db, path, sourceKind(path)!);
      const kind = detectKind(header, {});
      const fields = matchFields(header, kind, resolveAnalyzeOptions({ kind }).columns, path);
      if (fields.problems.length) return;
      await createRowsTable(db, header, kind, fields.found);
      const defs = rowDefinitions(DUCKDB, { kind, header, found: fields.found });
      const shared = await db.rows(`SELECT * FROM (${stepChain(defs, 'src')})`);
      const own = await db.rows(`SELECT * FROM rows ORDER BY ord`);
      expect(shared.length).toBe(own.length);
      const place = kind === 'moves' ? ['f', 't', 'fc', 'tc'] : ['place', 'country'];
      const cols = ['blank', 'bad', 'id', ...place, 'disc', 'year', 'cfault', ...(kind === 'moves' ? ['self'] : [])];
      // The engine keeps the year and fault texts on bad rows only, and the count on good rows.
      const mine = shared.map((r) => Object.fromEntries(cols.map((c) => [c, r[`tf_${c}`]])));
      const theirs = own.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));
      expect(mine.map((r, i) => ({ ...r, self: kind === 'moves' && !r.blank ? r.self : null, line: i }))).toEqual(
        theirs.map((r, i) => ({ ...r, self: kind === 'moves' && !r.blank ? r.self : null, line: i })),
      );
      shared.forEach((r, i) => {
        if (!own[i]!.bad && !own[i]!.blank) expect(r.tf_cnt, `row ${i}`).toBe(own[i]!.cnt);
      });
    } finally {
      await db.close();
    }
  });

  it('flowQueries gives the DuckDB engine\'s flow store on 3,000 seeded random moves', async () => {
    const rng = createRng(11);
    const discs = ['Medicine', 'Engineering', 'Computer Science', null];
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const s = Math.floor(rng() * 8);
      const t = (s + 1 + Math.floor(rng() * 7)) % 8;
      const rid = rng() < 0.02 ? 'NULL' : `'r${Math.floor(rng() * 400)}'`;
      const disc = discs[Math.floor(rng() * 4)];
      rows.push(`(${i * 3 + 1}, ${rid}, ${s}, ${t}, ${2000 + Math.floor(rng() * 6)}, ${disc === null ? 'NULL' : `'${disc}'`}, ${1 + Math.floor(rng() * 3)}.0)`);
    }
    const db = await openSession({ threads: 1 });
    try {
      await db.run(`CREATE TEMP TABLE m (okey BIGINT, rid VARCHAR, s INTEGER, t INTEGER, year INTEGER, disc VARCHAR, cnt DOUBLE); INSERT INTO m VALUES ${rows.join(',')}`);
      const q = flowQueries(DUCKDB, { head: '', from: 'm', where: '1 = 1', okey: 'okey', rid: 'rid', s: 's', t: 't', year: 'year', disc: 'disc', cnt: 'cnt' });
      const read = async (sql: string) => (await db.columns(sql).then((c) => Object.values(c))).reduce<Array<Array<string | null>>>((acc, col, j) => {
        col.forEach((v, i) => ((acc[i] ??= [])[j] = v === null ? null : String(v)));
        return acc;
      }, []);
      const shared = flowArraysFromRows({
        edges: await read(q.edges),
        byYear: await read(q.byYear),
        byDiscipline: await read(q.byDiscipline),
        byYearDiscipline: await read(q.byYearDiscipline),
        span: await read(q.span),
      });
      // Eight places, all of them nodes: place index = node position.
      const places = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}` }) as unknown as Place);
      const nodes = places.map((_, i) => i);
      const fromShared = flowStoreFromArrays(places, nodes, shared);
      const own = await flowStoreFromDb(db, places, nodes);
      expect(fromShared.disciplines).toEqual(own.disciplines);
      expect(fromShared.flows).toEqual(own.flows);
      expect(fromShared.cells).toEqual(own.cells);
      // Moves without a discipline are cells of discipline −1, and some flows have unknown researchers.
      expect([...own.cells.discipline].some((d) => d === -1)).toBe(true);
      expect([...own.flows.researchers].some((r) => Number.isNaN(r))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('rowDefinitions and flowQueries render for Spark SQL with Spark\'s functions', () => {
    const defs = rowDefinitions(SPARK, { kind: 'moves', header: ['researcher_id', 'from', 'to', 'year'], found: new Map([['researcher_id', 'researcher_id'], ['from', 'from'], ['to', 'to'], ['year', 'year']]) });
    const sql = stepChain(defs, 'moves_raw');
    expect(sql).toContain('RLIKE');
    expect(sql).toContain('`from`');
    expect(sql).not.toMatch(/regexp_full_match|TRY_CAST|match\(|toFloat64/);
    const q = flowQueries(SPARK, { head: '', from: 'm', where: '1 = 1', okey: 'okey', rid: 'rid', s: 's', t: 't', year: 'year', disc: 'disc', cnt: 'cnt' });
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

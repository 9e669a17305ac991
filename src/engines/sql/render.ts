/**
 * The shared SQL steps as one script for a dialect, for teams that run them on their own engine
 * (docs/large-inputs.md shows the Spark SQL rendering): the row checks over a moves table
 * `moves_raw` with the canonical columns, as a view `moves_checked`, and the flow aggregation over
 * a resolved moves table `m(rid, s, t, year, disc, cnt)`, and the per-place stock of timelines
 * over per-researcher and per-place-year tables.
 */
import { MOVE_FIELDS } from '../../records/columns.ts';
import type { Dialect } from './dialect.ts';
import { flowQueries } from './flows.ts';
import { rowDefinitions, stepChain } from './rows.ts';
import { stockQueries } from './stock.ts';

/**
 * The steps as text: statements separated by blank lines, each led by a comment.
 * @example renderSteps(SPARK).startsWith('-- 1.') // true
 */
export function renderSteps(d: Dialect): string {
  const columns = ['researcher_id', 'from', 'from_country', 'to', 'to_country', 'year', 'discipline', 'count'];
  const found = new Map(columns.filter((c) => (MOVE_FIELDS as readonly string[]).includes(c)).map((c) => [c, c]));
  const checks = stepChain(rowDefinitions(d, { kind: 'moves', header: columns, found, raw: (c) => d.id(c) }), 'moves_raw');
  const q = flowQueries(d, {
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
  const st = stockQueries(
    d,
    {
      head: '',
      from: 'researchers',
      where: 'active',
      home: 'home',
      hasPrev: 'prev IS NOT NULL',
      prev: 'prev',
      young: 'young',
      flowed: 'flowed',
      hasPrim: 'prim IS NOT NULL',
      prim: 'prim',
    },
    { head: '', from: 'young_years', where: '1 = 1', place: 'place', year: 'year' },
    { head: '', from: 'population', where: '1 = 1', place: 'place', year: 'year' },
  );
  return [
    `-- 1. Row checks (${d.name}): every row of moves_raw with its cleaned cells, year, count and flags;\n` +
      '--    rows with tf_bad are the problem rows, tf_blank rows are skipped.\n' +
      `CREATE VIEW moves_checked AS\n${checks};`,
    '-- 2. Flow aggregation over m(rid, s, t, year, disc, cnt): the edges, then their cells by year and discipline.\n' + `${q.edges};`,
    `${q.cells};`,
    `${q.span};`,
    '-- 3. Per-place stock (timelines) over researchers(home, prev, young, flowed, prim, active),\n' +
      '--    young_years(place, year) and population(place, year): by home, by previous place, by\n' +
      '--    primary discipline, young researchers and researchers per place-year.\n' +
      `${st.homes};`,
    `${st.previous};`,
    `${st.disciplines};`,
    `${st.youngByYear};`,
    `${st.population};`,
    '',
  ].join('\n\n');
}

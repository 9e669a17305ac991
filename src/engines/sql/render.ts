/**
 * The shared SQL steps as one script for a dialect, for teams that run them on their own engine
 * (docs/large-inputs.md shows the Spark SQL rendering): the row checks over a moves table
 * `moves_raw` with the canonical columns, as a view `moves_checked`, and the flow aggregation over
 * a resolved moves table `m(rid, s, t, year, disc, cnt)`, and the timeline derivation over resolved
 * timeline rows `timeline_rows(rid, year, place, pubs, disc)` with its flows and per-place stock.
 */
import { MOVE_FIELDS } from '../../records/columns.ts';
import type { Dialect } from './dialect.ts';
import { flowQueries } from './flows.ts';
import { rowDefinitions, stepChain } from './rows.ts';
import { stockQueries } from './stock.ts';
import { collectQuery, depthQuery, deriveQuery, derivedRelations } from './timelines.ts';

/** The window of the timeline steps as rendered (the SET report's, the default of `--window`). */
const WINDOW: [number, number] = [2019, 2023];

/**
 * The steps as text: statements separated by blank lines, each led by a comment. `tieDepth`: the
 * levels of the tie rule's chain (the result of step 3b on the data; fewer are exact only when no
 * researcher has a longer run of consecutive tie years).
 * @example renderSteps(SPARK).startsWith('-- 1.') // true
 */
export function renderSteps(d: Dialect, tieDepth = 2): string {
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
  const rel = derivedRelations(d, 'derived', null);
  const tq = flowQueries(d, rel.moves);
  const st = stockQueries(d, rel.researchers, rel.young, rel.population);
  const rows = { head: '', from: 'timeline_rows', where: '1 = 1', rid: 'rid', year: 'year', place: 'place', pubs: 'pubs', disc: 'disc' };
  return [
    `-- 1. Row checks (${d.name}): every row of moves_raw with its cleaned cells, year, count and flags;\n` +
      '--    rows with tf_bad are the problem rows, tf_blank rows are skipped.\n' +
      `CREATE VIEW moves_checked AS\n${checks};`,
    '-- 2. Flow aggregation over m(rid, s, t, year, disc, cnt): the edges, then their cells by year and discipline.\n' + `${q.edges};`,
    `${q.cells};`,
    `${q.span};`,
    '-- 3. Timelines over timeline_rows(rid, year, place, pubs, disc): place indices in code-unit order of the\n' +
      '--    place ids, disc the discipline rank in code-unit order of the names or -1.\n' +
      `--    3a. One row per researcher with the publications per (year, place) and per discipline.\nCREATE TABLE researchers AS\n${collectQuery(d, rows)};`,
    `--    3b. The longest run of consecutive tie years: render again with that many levels if it exceeds ${tieDepth}\n` +
      '--        (tsx scripts/render-sql.ts spark --tie-depth K).\n' +
      `${depthQuery(d, 'researchers')};`,
    `--    3c. Per researcher (window ${WINDOW[0]}-${WINDOW[1]}): place per year, moves, active, young, home, SET inflow, previous place,\n` +
      '--        primary discipline, young years, padded place-years.\n' +
      `CREATE TABLE derived AS\n${deriveQuery(d, 'researchers', tieDepth, WINDOW)};`,
    '--    3d. Flows of the derived moves (disc: the primary discipline rank).\n' + `${tq.edges};`,
    `${tq.cells};`,
    `${tq.span};`,
    '--    3e. Per-place stock: by home, by previous place, by primary discipline, young researchers and\n' +
      '--        researchers per place-year.\n' +
      `${st.homes};`,
    `${st.previous};`,
    `${st.disciplines};`,
    `${st.youngByYear};`,
    `${st.population};`,
    '',
  ].join('\n\n');
}

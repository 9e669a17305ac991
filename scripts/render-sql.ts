/**
 * Prints talentflow's shared SQL steps (src/engines/sql/) rendered for one dialect:
 * `tsx scripts/render-sql.ts spark [--tie-depth K]` (or duckdb, clickhouse; K: the levels of the
 * timeline tie rule's chain, default 2, see step 3b). docs/large-inputs.md embeds the
 * Spark SQL rendering of a moves table with the canonical columns; a test checks it is current.
 */
import { DIALECTS, type DialectName } from '../src/engines/sql/dialect.ts';
import { renderSteps } from '../src/engines/sql/render.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--tie-depth');
const depth = at >= 0 ? Number(args.splice(at, 2)[1]) : 2;
const name = (args[0] ?? 'spark') as DialectName;
if (!Number.isInteger(depth) || depth < 0) {
  process.stderr.write('render-sql: --tie-depth takes a whole number of levels (0 or more)\n');
  process.exit(2);
}
if (!(name in DIALECTS)) {
  process.stderr.write(`render-sql: unknown dialect ${name}; one of ${Object.keys(DIALECTS).join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(renderSteps(DIALECTS[name], depth));

/**
 * Prints talentflow's shared SQL steps (src/engines/sql/) rendered for one dialect:
 * `tsx scripts/render-sql.ts spark` (or duckdb, clickhouse). docs/large-inputs.md embeds the
 * Spark SQL rendering of a moves table with the canonical columns; a test checks it is current.
 */
import { DIALECTS, type DialectName } from '../src/engines/sql/dialect.ts';
import { renderSteps } from '../src/engines/sql/render.ts';

const name = (process.argv[2] ?? 'spark') as DialectName;
if (!(name in DIALECTS)) {
  process.stderr.write(`render-sql: unknown dialect ${name}; one of ${Object.keys(DIALECTS).join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(renderSteps(DIALECTS[name]));

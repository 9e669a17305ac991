/**
 * The engines on a seeded corpus of mutated moves and timelines files (tests/fuzz/corpus.ts),
 * in-process: on every file the JS and the DuckDB engine agree (the same InputError message, or
 * the same problems, counts and output files), neither raises anything but an InputError, and
 * rows are accounted for (records + skipped = rows read).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { analyzeFileWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { readTable } from '../../src/io/read-table.ts';
import { detectKind } from '../../src/pipeline/analyze-file.ts';
import { analyzeTable, type AnalysisRun } from '../../src/pipeline/analyze.ts';
import { buildOutputFiles } from '../../src/pipeline/outputs.ts';
import { createPlaceResolver } from '../../src/places/resolve.ts';
import { generateCorpus } from './corpus.ts';

const SEED = 20261202;
const FILES = 200;
const available = await duckdbAvailable();
const dir = mkdtempSync(join(tmpdir(), 'talentflow-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS = { stabilityRuns: 0 };
const META = { input: { path: 'input.csv', sha256: '0'.repeat(64), bytes: 0 }, packageVersion: '0.0.0' };

type Outcome = { error: string } | { run: AnalysisRun };

async function outcome(f: () => Promise<AnalysisRun>): Promise<Outcome> {
  try {
    return { run: await f() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message };
    throw error;
  }
}

/** What differs between the two outcomes, or null. */
async function difference(a: Outcome, b: Outcome): Promise<string | null> {
  if ('error' in a || 'error' in b) {
    const x = 'error' in a ? a.error : 'a run';
    const y = 'error' in b ? b.error : 'a run';
    return x === y ? null : `js: ${x} | duckdb: ${y}`;
  }
  const [js, duck] = [a.run, b.run];
  if (js.rowsRead !== js.records + js.skipped) return `js rows read ${js.rowsRead} ≠ ${js.records} records + ${js.skipped} skipped`;
  if (duck.rowsRead !== duck.records + duck.skipped) return `duckdb rows read ${duck.rowsRead} ≠ ${duck.records} + ${duck.skipped}`;
  const pa = JSON.stringify(js.problems);
  const pb = JSON.stringify(duck.problems);
  if (pa !== pb) return `problems differ: js ${pa.slice(0, 300)} | duckdb ${pb.slice(0, 300)}`;
  const counts = (r: AnalysisRun) => JSON.stringify([r.rowsRead, r.records, r.skipped, r.researchers]);
  if (counts(js) !== counts(duck)) return `counts differ: js ${counts(js)} | duckdb ${counts(duck)}`;
  const fa = await buildOutputFiles(js, META);
  const fb = await buildOutputFiles(duck, META);
  // flows.arrow is bytes: compared byte for byte, the text files as strings.
  const same = (x: string | Uint8Array | undefined, y: string | Uint8Array | undefined) =>
    typeof x === 'string' || typeof y === 'string' ? x === y : x !== undefined && y !== undefined && Buffer.from(x).equals(Buffer.from(y));
  for (const name of Object.keys(fa)) if (!same(fa[name], fb[name])) return `${name} differs`;
  return null;
}

describe.skipIf(!available)('engines on a fuzzed corpus', () => {
  it(`analyzeTable and analyzeFileWithDuckDB agree on ${FILES} mutated files (seed ${SEED})`, async () => {
    const resolvers = new Map<string, ReturnType<typeof createPlaceResolver>>();
    const resolver = createPlaceResolver({ level: 'metro' });
    resolvers.set('metro', resolver);
    const disagreements: string[] = [];
    const kinds = { refused: 0, read: 0 };
    for (const file of generateCorpus(SEED, FILES)) {
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes);
      const js = await outcome(async () => {
        const read = await readTable(path);
        return analyzeTable(read.table, read, { ...OPTIONS, kind: detectKind(read.table.columnNames()) }, { resolver });
      });
      const duck = await outcome(() => analyzeFileWithDuckDB(path, OPTIONS, { resolver, session: { threads: 1 } }));
      kinds['error' in js ? 'refused' : 'read']++;
      const diff = await difference(js, duck);
      if (diff) disagreements.push(`${file.name} [${file.mutations.join(', ')}]: ${diff}`);
    }
    expect(disagreements).toEqual([]);
    // The corpus exercises both outcomes.
    expect(kinds.refused).toBeGreaterThan(FILES / 10);
    expect(kinds.read).toBeGreaterThan(FILES / 2);
  }, 240_000);
});

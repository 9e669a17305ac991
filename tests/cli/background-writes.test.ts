// The second writing thread of `talentflow analyze` (src/cli/background-writes.ts): forced on
// small inputs with TALENTFLOW_BACKGROUND_MIN_FLOWS=0, the folder must hold the same files with
// the same bytes as a run on one thread, and --timings must say which files it wrote.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

const BIN = join(ROOT, 'bin/talentflow.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'tf-background-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function analyze(input: string, out: string, minFlows: string, extra: string[] = []) {
  const r = spawnSync(process.execPath, [BIN, 'analyze', input, '--out', out, '--quiet', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TALENTFLOW_BACKGROUND_MIN_FLOWS: minFlows },
    timeout: 300_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

/** SHA-256 of every file but the manifest, and the manifest's own list of file hashes. */
function digest(dir: string) {
  const sums: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === 'manifest.json') continue;
    sums[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return { sums, listed: manifest.files, outputs: manifest.outputs };
}

describe('writing on a second thread', () => {
  it('gives the same files as one thread for moves, and --timings lists the files written beside', () => {
    const input = 'tests/fixtures/cli/moves-small.csv';
    analyze(input, join(tmp, 'one'), 'Infinity');
    const two = analyze(input, join(tmp, 'two'), '0', ['--timings']);
    const one = digest(join(tmp, 'one'));
    const both = digest(join(tmp, 'two'));
    expect(Object.keys(both.sums)).toEqual(Object.keys(one.sums));
    expect(both.sums).toEqual(one.sums);
    // The manifest hashes what is on disk, files of either thread alike.
    expect(both.listed).toEqual(one.listed);
    expect(both.outputs).toEqual(one.outputs);
    for (const name of ['flows.arrow', 'problems.csv', 'timeseries.csv', 'flows.csv']) {
      expect(two.stderr).toMatch(new RegExp(`write ${name.replace('.', '\\.')} \\(background\\)`));
    }
    expect(two.stderr).toMatch(/wait for background writes/);
    // The main thread did not write them too.
    expect(two.stderr).not.toMatch(/write flows\.csv\s+\d/);
    expect(readdirSync(tmp).filter((e) => e.includes('partial'))).toEqual([]);
  });

  it('gives the same files for timelines, whose timeseries.csv stays on the main thread (population from the nodes)', () => {
    const input = 'data/calibrated/timelines.csv.gz';
    analyze(input, join(tmp, 't1'), 'Infinity', ['--stability-runs', '0']);
    const two = analyze(input, join(tmp, 't2'), '0', ['--stability-runs', '0', '--timings']);
    expect(digest(join(tmp, 't2')).sums).toEqual(digest(join(tmp, 't1')).sums);
    expect(two.stderr).toMatch(/write flows\.csv \(background\)/);
    expect(two.stderr).toMatch(/write timeseries\.csv\s+\d/);
    expect(two.stderr).not.toMatch(/timeseries\.csv \(background\)/);
  });

  it('stays on one thread with --strict and with a population table', () => {
    const input = 'tests/fixtures/cli/moves-small.csv';
    const population = ['--population', 'tests/fixtures/cli/population-small.csv', '--population-map', 'place=city,population=researchers'];
    const pop = analyze(input, join(tmp, 'p'), '0', ['--timings', ...population]);
    expect(pop.stderr).toMatch(/write timeseries\.csv\s+\d/);
    expect(pop.stderr).not.toMatch(/background/);
    const strict = spawnSync(process.execPath, [BIN, 'analyze', input, '--out', join(tmp, 's'), '--strict', '--timings'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TALENTFLOW_BACKGROUND_MIN_FLOWS: '0' },
    });
    expect(strict.stderr).not.toMatch(/\(background\)/);
    // --strict with problems: problems.csv and the manifest only, nothing written beside them.
    expect(strict.status).toBe(1);
    expect(readdirSync(join(tmp, 's')).sort()).toEqual(['manifest.json', 'problems.csv']);
  });
});

/**
 * `talentflow analyze` on unusable inputs and output folders: the README's exit code and one
 * line naming the file and the cause, never a stack trace; the output folder replaced as a whole
 * (manifest with every file's SHA-256), nothing temporary left behind on any way out.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { runInProcess } from './in-process.ts';
import { ROOT } from './run-cli.ts';

const available = await duckdbAvailable();
const INPUT = join(ROOT, 'tests/fixtures/cli/moves-small.csv');
const tmp = mkdtempSync(join(tmpdir(), 'talentflow-cli-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MOVES = 'researcher_id,from,from_country,to,to_country,year\nr1,Beijing,CN,Shenzhen,CN,2019\nr2,Boston,US,London,GB,2020\n';

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const analyze = (...argv: string[]) => runInProcess(runAnalyze, [...argv, '--quiet', '--stability-runs', '0']);

/** One line on stderr, naming the cause; no stack trace. */
function expectOneLine(stderr: string, cause: RegExp): void {
  expect(stderr).toMatch(cause);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('runAnalyze exit codes on unusable inputs', () => {
  it.each([
    ['a missing required column', 'missing.csv', 'researcher_id,from,year\nr1,Boston,2019\n', [], /no column "to"/],
    ['--map to a column that is not there', 'map.csv', MOVES, ['--map', 'from=nonexistent'], /no column "nonexistent"/],
    ['a binary file', 'binary.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x0a]), [], /NUL byte/],
    ['a UTF-16 file', 'utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MOVES, 'utf16le')]), [], /UTF-16 LE/],
    ['a ;-separated table', 'semi.csv', MOVES.replace(/,/g, ';'), [], /semicolon-separated/],
    ['a header-only file', 'header.csv', MOVES.split('\n')[0] + '\n', [], /no data rows/],
  ] as const)('runAnalyze exits 3 on %s, with one line naming the file', async (_what, name, content, extra, cause) => {
    const path = file(name, content);
    for (const engine of available ? ['js', 'duckdb'] : ['js']) {
      const r = await analyze(path, '--engine', engine, '--out', join(tmp, `out-${name}-${engine}`), ...extra);
      expect(r.status, `${engine}: ${r.stderr}`).toBe(3);
      expectOneLine(r.stderr, cause);
      expect(r.stderr).toContain(path);
      expect(existsSync(join(tmp, `out-${name}-${engine}`))).toBe(false);
    }
  });

  it.skipIf(!available)('runAnalyze --engine duckdb exits 3, not 70, on inputs that crashed it', async () => {
    const gz = gzipSync(MOVES.repeat(100));
    const cases: Array<[string, RegExp]> = [
      [file('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MOVES, 'utf16le').swap16()])), /UTF-16 BE/],
      [file('nul-name.csv', 'researcher_id,fr\0om,to,year\nr1,Boston,Paris,2019\n'), /line 1: holds a NUL byte/],
      [file('truncated.csv.gz', gz.subarray(0, gz.length - 30)), /truncated or damaged gzip/],
      [join(tmp, 'nodir', '*.csv'), /no such file/],
    ];
    for (const [path, cause] of cases) {
      const r = await analyze(path, '--engine', 'duckdb', '--out', join(tmp, 'out-duck'));
      expect(r.status, r.stderr).toBe(3);
      expectOneLine(r.stderr, cause);
    }
    // Publications beyond 64 bits are a bad-count problem of their row, not a failed cast.
    const pubs = file(
      'pubs.csv',
      'researcher_id,year,place,country,publications\na,2019,Boston,US,9223372036854775807\na,2020,London,GB,1e20\na,2021,Paris,FR,2\n',
    );
    const r = await analyze(pubs, '--engine', 'duckdb', '--out', join(tmp, 'out-pubs'));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(tmp, 'out-pubs', 'problems.csv'), 'utf8').match(/bad-count/g)).toHaveLength(2);
  });

  it('runAnalyze exits 2 on --seed -1 and on --window outside the years records may hold', async () => {
    const seed = await analyze(INPUT, '--seed', '-1', '--out', join(tmp, 'seed'));
    expect(seed.status).toBe(2);
    expectOneLine(seed.stderr, /--seed.*"-1".*≥ 0 and ≤ 4294967295/);
    const window = await analyze(INPUT, '--window', '1000-1001', '--out', join(tmp, 'window'));
    expect(window.status).toBe(2);
    expectOneLine(window.stderr, /--window.*1900–2100/);
  });

  it('runAnalyze clips a 1 MB cell in problems.csv and on stderr', async () => {
    const path = file('huge.csv', `researcher_id,from,to,year\nr1,${'x'.repeat(1_000_000)},Paris,2019\nr2,Boston,Paris,2019\n`);
    const out = join(tmp, 'huge');
    const r = await runInProcess(runAnalyze, [path, '--out', out, '--stability-runs', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout.length + r.stderr.length).toBeLessThan(5000);
    const problems = readFileSync(join(out, 'problems.csv'), 'utf8');
    expect(problems.length).toBeLessThan(2000);
    expect(problems).toContain('… (1000000 characters)');
  });
});

describe('runAnalyze output folders', () => {
  it('runAnalyze exits 73 at once on an --out that cannot be a folder, /proc/x included', async () => {
    const existing = file('a-file.txt', 'x');
    for (const [out, cause] of [
      ['/dev/null/x', /\/dev\/null is not a folder/],
      [existing, /exists and is not a folder/],
      ['/proc/x', /cannot create a folder in \/proc/],
    ] as const) {
      const started = Date.now();
      const r = await analyze(INPUT, '--out', out);
      expect(r.status, r.stderr).toBe(73);
      expectOneLine(r.stderr, cause);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    expect(readFileSync(existing, 'utf8')).toBe('x');
  });

  it('runAnalyze refuses to replace a folder of other files and leaves it as it was', async () => {
    const mine = join(tmp, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.docx'), 'precious');
    const r = await analyze(INPUT, '--out', mine);
    expect(r.status).toBe(73);
    expectOneLine(r.stderr, /not a talentflow result \(thesis\.docx\)/);
    expect(readdirSync(mine)).toEqual(['thesis.docx']);
  });

  it('runAnalyze replaces the folder whole: stale files go, the manifest hashes every file, nothing temporary stays', async () => {
    const out = join(tmp, 'whole');
    expect((await analyze(INPUT, '--out', out)).status).toBe(0);
    // Files of an earlier run with other options, and a temporary file left by a killed writer.
    mkdirSync(join(out, 'figures'));
    writeFileSync(join(out, 'figures', 'rai.svg'), '<svg/>');
    writeFileSync(join(out, 'flows.parquet'), 'PAR1');
    writeFileSync(join(out, '.places.csv.123.abc.tmp'), '');
    const first = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect((await analyze(INPUT, '--out', out)).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      'communities.csv',
      'flows.arrow',
      'flows.csv',
      'graph.gexf',
      'graph.json',
      'manifest.json',
      'places.csv',
      'problems.csv',
      'rai.csv',
      'resolutions.csv',
      'timeseries.csv',
      'top_destinations.csv',
      'top_sources.csv',
    ]);
    expect(Object.keys(manifest.files).sort()).toEqual(names.filter((n) => n !== 'manifest.json'));
    for (const name of Object.keys(manifest.files)) expect(manifest.files[name].sha256, name).toBe(sha256(join(out, name)));
    // The run id fingerprints input, options and outputs: the same run gives the same id.
    expect(manifest.runId).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.runId).toBe(first.runId);
    expect(readdirSync(tmp).filter((n) => n.startsWith('.whole.'))).toEqual([]);
  });

  it('runAnalyze --strict into an earlier result leaves problems.csv and a manifest saying so, not the old tables', async () => {
    const out = join(tmp, 'strict');
    expect((await analyze(INPUT, '--out', out)).status).toBe(0);
    const r = await analyze(INPUT, '--out', out, '--strict');
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'problems.csv']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outputs).toEqual(['problems.csv']);
    expect(manifest.notes[0]).toMatch(/^strict: \d+ problem\(s\) found; only problems\.csv written/);
    expect(manifest.files['problems.csv'].sha256).toBe(sha256(join(out, 'problems.csv')));
  });
});

describe('talentflow analyze interrupted', () => {
  it.skipIf(!available)(
    'an interrupted run (SIGINT) exits 130, keeps the old folder and removes its partial folder and DuckDB spill folder',
    async () => {
      const out = join(tmp, 'interrupted');
      const privateTmp = join(tmp, 'private-tmp');
      mkdirSync(privateTmp);
      expect((await analyze(INPUT, '--out', out)).status).toBe(0);
      const before = Object.fromEntries(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
      const big = join(tmp, 'big.csv');
      cpSync(join(ROOT, 'data/calibrated/timelines.csv.gz'), big + '.gz');
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/talentflow.mjs'), 'analyze', big + '.gz', '--engine', 'duckdb', '--out', out, '--quiet'],
        {
          env: { ...process.env, TMPDIR: privateTmp },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // Interrupt once both temporary folders exist, i.e. in the middle of the run.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const partial = readdirSync(tmp).some((n) => n.startsWith('.interrupted.partial-'));
        const spill = readdirSync(privateTmp).some((n) => n.startsWith('talentflow-duckdb-'));
        if (partial && spill) break;
        if (Date.now() > deadline) throw new Error(`the run did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toMatch(/interrupted \(SIGINT\)/);
      expect(readdirSync(tmp).filter((n) => n.startsWith('.interrupted.'))).toEqual([]);
      expect(readdirSync(privateTmp).filter((n) => n.startsWith('talentflow-'))).toEqual([]);
      expect(Object.fromEntries(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]))).toEqual(before);
    },
    180_000,
  );
});

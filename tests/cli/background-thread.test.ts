// startBackgroundWrites (src/cli/background-writes.ts) through the built modules, whose writing
// thread is dist/bin/write-worker.js: the files it writes equal the main thread's bytes, and a
// failure comes back as the file system's error (code, path), as the main thread's writes report it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';
import { mv, place } from '../graph/helpers.ts';

const dist = (path: string) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
const tmp = mkdtempSync(join(tmpdir(), 'tf-thread-'));
const saved = process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'];
beforeAll(() => {
  process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'] = '0';
});
afterAll(() => {
  if (saved === undefined) delete process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'];
  else process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'] = saved;
  rmSync(tmp, { recursive: true, force: true });
});

const PROBLEM = {
  file: 'moves.csv',
  line: 7,
  field: 'to',
  value: 'Zürich, "CH"',
  reason: 'unknown-place',
  severity: 'error',
  message: 'unknown place "Zürich, \\"CH\\""',
};

/** A small run through the built modules: flows with breakdowns, every measure written (columns included). */
async function smallRun() {
  const { buildFlows } = await dist('graph/build.js');
  const { analyzeGraph } = await dist('analyses/run-all.js');
  const { graph, flows } = buildFlows({
    moves: [
      mv('A', 'B', 2019, 'CS', 2, 'r1'),
      mv('A', 'B', 2021, null, 1, 'r2'),
      mv('B', 'C', 2020, 'Medicine', 4, null),
      mv('C', 'A', 2022, 'CS', 1, 'r4'),
      mv('A', 'C', 2020, 'CS', 2, 'r5'),
      mv('C', 'B', 2020, 'Medicine', 3, 'r6'),
    ],
    places: ['A', 'B', 'C'].map((id) => place(id)),
    kind: 'moves',
    level: 'metro',
  });
  return { graph, flows, analyze: () => analyzeGraph(graph, { flows, stabilityRuns: 0, backboneAlpha: 0.5 }) };
}

/** The bytes of a file source, as the writers produce them. */
async function bytesOf(source: Iterable<string | Uint8Array>): Promise<Buffer> {
  const { fileBlocks } = await dist('exports/file-blocks.js');
  return Buffer.concat([...fileBlocks(source)].map((b: Uint8Array) => Buffer.from(b)));
}

describe('startBackgroundWrites (built)', () => {
  it('writes flows.arrow, problems.csv, timeseries.csv, then flows.csv with the measure columns: the main thread bytes', async () => {
    const { startBackgroundWrites } = await dist('cli/background-writes.js');
    const sources = await dist('pipeline/output-sources.js');
    const { deferredEdges } = await dist('flows/lazy-edges.js');
    const run = await smallRun();
    const partial = mkdtempSync(join(tmp, 'ok-'));
    const background = startBackgroundWrites({ partial, graph: run.graph, flows: run.flows, problems: [PROBLEM] });
    expect(background).not.toBeNull();
    try {
      run.analyze();
      // The backbone's columns are what flows.csv carries beyond the store.
      expect(deferredEdges(run.graph).columns.map((c: { name: string }) => c.name)).toContain('disparityAlpha');
      const names = background.measuresDone(run.graph, [PROBLEM]);
      expect([...names].sort()).toEqual(['flows.arrow', 'flows.csv', 'problems.csv', 'timeseries.csv']);
      const done = await background.settled();
      expect(done.map((f: { name: string }) => f.name).sort()).toEqual([...names].sort());
      for (const f of done) expect(f.ms).toBeGreaterThanOrEqual(0);
      expect(background.rewrite()).toEqual([]);
      const expected: Record<string, Buffer> = {
        'flows.arrow': await bytesOf(sources.flowsArrowSource(run.flows)),
        'flows.csv': await bytesOf(sources.flowsCsvSource(run.graph, run.flows)),
        'problems.csv': await bytesOf(sources.problemsCsvSource([PROBLEM])),
        'timeseries.csv': await bytesOf(sources.timeSeriesCsvSource(run.graph, null)),
      };
      for (const [name, bytes] of Object.entries(expected)) expect(readFileSync(join(partial, name)).equals(bytes), name).toBe(true);
      // Real content, not two empty files: the flows and the problem are there.
      expect(readFileSync(join(partial, 'flows.csv'), 'utf8').split('\n')[1]).toMatch(/^B,B,C,C,4,/);
      expect(readFileSync(join(partial, 'problems.csv'), 'utf8')).toContain('Zürich');
    } finally {
      await background.stop();
    }
  });

  it('says which files to write again when the problems changed after they were handed over', async () => {
    const { startBackgroundWrites } = await dist('cli/background-writes.js');
    const run = await smallRun();
    const background = startBackgroundWrites({
      partial: mkdtempSync(join(tmp, 'again-')),
      graph: run.graph,
      flows: run.flows,
      problems: [],
    });
    try {
      run.analyze();
      background.measuresDone(run.graph, [PROBLEM]);
      await background.settled();
      expect(background.rewrite()).toEqual(['problems.csv']);
    } finally {
      await background.stop();
    }
  });

  it("reports a failed write with the file system's code and path", async () => {
    const { startBackgroundWrites } = await dist('cli/background-writes.js');
    const run = await smallRun();
    const missing = join(tmp, 'no-such-folder');
    const background = startBackgroundWrites({ partial: missing, graph: run.graph, flows: run.flows, problems: [] });
    try {
      run.analyze();
      background.measuresDone(run.graph, []);
      const error = await background.settled().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
      expect((error as NodeJS.ErrnoException).path).toContain(missing);
    } finally {
      await background.stop();
    }
  });

  it('stays on one thread below the flow threshold', async () => {
    const { startBackgroundWrites } = await dist('cli/background-writes.js');
    const run = await smallRun();
    process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'] = '1000';
    try {
      expect(startBackgroundWrites({ partial: tmp, graph: run.graph, flows: run.flows, problems: [] })).toBeNull();
    } finally {
      process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'] = '0';
    }
  });
});

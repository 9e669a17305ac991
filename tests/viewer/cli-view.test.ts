/**
 * `talentflow view` end to end through the real CLI entry (bin/talentflow.mjs → main → runView):
 * it builds the viewer when needed, serves the folder on 127.0.0.1, prints the URL, and stops
 * cleanly on SIGINT with exit code 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedUrl } from '../support/served-url.ts';
import { writeSyntheticAnalysis } from './fixtures/synthetic-analysis.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-cli-view-'));
  writeSyntheticAnalysis(join(dir, 'analysis'), { places: 30, flows: 120, seed: 3 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('talentflow view', () => {
  it('talentflow view serves the viewer and the analysis on 127.0.0.1 and exits 0 on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'talentflow.mjs'), 'view', join(dir, 'analysis'), '--port', '0', '--no-open'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const url = await servedUrl(child, 90_000);
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('talentflow');
      const index = (await (await fetch(new URL('data/index.json', url))).json()) as { files: string[] };
      expect(index.files).toContain('graph.json');
      const graph = (await (await fetch(new URL('data/graph.json', url))).json()) as { nodes: unknown[] };
      expect(graph.nodes).toHaveLength(30);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });
});

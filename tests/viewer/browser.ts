/**
 * Test support for the viewer's browser tests and benchmark: serves the prebuilt viewer
 * (dist/viewer, built before the tests by scripts/build.mjs, as the package ships it) with an
 * analysis folder on a free loopback port, and drives
 * Debian's Chromium through playwright-core (never a downloaded browser).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveViewer, VIEWER_DIST, type RunningServer } from '../../src/cli/serve.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the README's first command on the calibrated sample into `outDir`, with `extra` flags (e.g. `--compare`). */
export function analyzeCalibrated(outDir: string, extra: readonly string[] = []): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'talentflow.mjs'),
      'analyze',
      join(ROOT, 'data', 'calibrated', 'timelines.csv.gz'),
      '--kind',
      'timelines',
      ...extra,
      '--out',
      outDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface ViewerSession {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** The prebuilt viewer that `talentflow view` serves; builds it first when a source is newer. */
export async function prebuiltViewer(): Promise<string> {
  const { build } = await import('../../scripts/build.mjs');
  await build({ quiet: true });
  return VIEWER_DIST;
}

/** Serves `distDir` + `dataDir` and opens a headless Chromium page (1400×900) on it. */
export async function openViewer(
  distDir: string,
  dataDir: string | null,
  options: { width?: number; height?: number } = {},
): Promise<ViewerSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run "node scripts/setup.mjs --test" (apt-get install chromium)`);
  const server = await serveViewer({ distDir, dataDir, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'talentflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Functions passed to page.evaluate are compiled by esbuild (tsx, vitest), which may wrap
  // named functions in __name(...): give the page that helper.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    server,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `query` on the viewer and waits until the analysis is drawn. */
export async function gotoViewer(session: ViewerSession, query = ''): Promise<void> {
  await session.page.goto(`${session.server.url}${query}`);
  await session.page.waitForFunction(
    () => document.body.dataset['ready'] === 'true' && Number(document.getElementById('map')?.dataset['nodes'] ?? 0) > 0,
    null,
    { timeout: 30_000 },
  );
  // Two animation frames: sigma renders on the next frame after a graph change.
  await session.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Test support for the viewer's browser tests and benchmark: serves the prebuilt viewer
 * (dist/viewer, built before the tests by scripts/build.mjs, as the package ships it) with an
 * analysis folder on a free loopback port, and drives
 * Debian's Chromium through playwright-core (never a downloaded browser).
 */
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
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

/** A decoded PNG: width, height and RGBA bytes, row after row. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Decodes a PNG (a screenshot or the viewer's export: 8-bit RGB or RGBA, not interlaced) in
 * Node, so that tests read pixels without sending the image back through the page.
 */
export function decodePng(png: Buffer): Pixels {
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString();
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(`PNG of bit depth ${depth}, colour type ${colour}, interlace ${interlace}: not decoded here`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const predictor =
        filter === 0
          ? 0
          : filter === 1
            ? a
            : filter === 2
              ? b
              : filter === 3
                ? (a + b) >> 1
                : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c;
      rows[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: new Uint8Array(rows) };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) {
    rgba[j] = rows[i]!;
    rgba[j + 1] = rows[i + 1]!;
    rgba[j + 2] = rows[i + 2]!;
    rgba[j + 3] = 255;
  }
  return { width, height, rgba };
}

/** The [r, g, b] at pixel (x, y) (rounded), or null outside the image. */
export function rgbAt(pixels: Pixels, x: number, y: number): [number, number, number] | null {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= pixels.width || py >= pixels.height) return null;
  const i = (py * pixels.width + px) * 4;
  return [pixels.rgba[i]!, pixels.rgba[i + 1]!, pixels.rgba[i + 2]!];
}

/**
 * Viewer benchmark: time until the map appears, and frame times while panning and zooming,
 * in headless Debian Chromium (software WebGL: --disable-gpu, so a floor, not a GPU figure).
 *
 *   npx tsx bench/viewer/run.ts [--data DIR]... [--places 5000 --flows 50000] [--runs 3]
 *
 * Without --data it measures the calibrated sample (out/calibrated, when analysed) and a
 * synthetic analysis of --places × --flows written by tests/viewer/fixtures/synthetic-analysis.ts.
 * Prints a Markdown table; bench/viewer/RESULTS.md records the figures.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildViewerOnce, gotoViewer, openViewer } from '../../tests/viewer/browser.ts';
import { writeSyntheticAnalysis } from '../../tests/viewer/fixtures/synthetic-analysis.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    places: { type: 'string', default: '5000' },
    flows: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    frames: { type: 'string', default: '180' },
  },
});

interface Result {
  label: string;
  places: number;
  flows: number;
  loadMs: number[];
  firstFrameMs: number[];
  frame: { median: number; p95: number; max: number; fps: number };
  drag: { median: number; p95: number; max: number; fps: number };
  filterMs: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const summary = (deltas: number[]) => ({
  median: quantile(deltas, 0.5),
  p95: quantile(deltas, 0.95),
  max: Math.max(...deltas),
  fps: 1000 / (deltas.reduce((a, b) => a + b, 0) / deltas.length),
});

async function measure(label: string, dir: string, distDir: string, runs: number, frames: number): Promise<Result> {
  const session = await openViewer(distDir, dir, { width: 1400, height: 900 });
  try {
    const loadMs: number[] = [];
    const firstFrameMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = Date.now();
      await gotoViewer(session);
      // Wait for the basemap too: "the map appears" means outlines, places and flows.
      await session.page.waitForFunction(() => window.talentflow.app.timings['basemap'] !== undefined, null, { timeout: 60_000 });
      loadMs.push(Date.now() - t0);
      const t = await session.page.evaluate(() => window.talentflow.app.timings);
      firstFrameMs.push(Math.max(t['firstRender'] ?? t['data']!, t['basemap']!));
    }
    const counts = await session.page.evaluate(() => ({ places: Number(document.getElementById('map')!.dataset['nodes']), flows: Number(document.getElementById('map')!.dataset['edges']) }));
    // Pan and zoom through the camera, one step per animation frame, recording frame intervals.
    const deltas = await session.page.evaluate(async (n) => {
      const camera = window.talentflow.app.map!.sigma.getCamera();
      const out: number[] = [];
      let last = performance.now();
      for (let i = 0; i < n; i++) {
        const p = i / n;
        camera.setState({ x: 0.5 + 0.2 * Math.sin(p * 2 * Math.PI), y: 0.5 + 0.1 * Math.cos(p * 2 * Math.PI), ratio: 1 / (1 + 3 * Math.sin(p * Math.PI)) });
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      camera.setState({ x: 0.5, y: 0.5, ratio: 1 });
      return out;
    }, frames);
    // A real mouse drag across the map (events → camera → render).
    const box = (await session.page.locator('#map').boundingBox())!;
    await session.page.evaluate(() => {
      (window as any).__frames = [] as number[];
      let last = performance.now();
      const loop = () => {
        const now = performance.now();
        (window as any).__frames.push(now - last);
        last = now;
        if ((window as any).__frames.length < 10_000) (window as any).__raf = requestAnimationFrame(loop);
      };
      (window as any).__raf = requestAnimationFrame(loop);
    });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await session.page.mouse.move(cx, cy);
    await session.page.mouse.down();
    for (let i = 0; i < 60; i++) await session.page.mouse.move(cx + 200 * Math.sin((i / 60) * 2 * Math.PI), cy + 100 * Math.sin((i / 30) * Math.PI), { steps: 1 });
    await session.page.mouse.up();
    for (let i = 0; i < 5; i++) await session.page.mouse.wheel(0, -120);
    await session.page.waitForTimeout(600);
    const dragDeltas = await session.page.evaluate(() => {
      cancelAnimationFrame((window as any).__raf);
      return ((window as any).__frames as number[]).slice(1);
    });
    // One filter change (minimum flow) end to end: selection + render graph + sigma refresh.
    const filterMs = await session.page.evaluate(async () => {
      const app = window.talentflow.app;
      const t = performance.now();
      app.update({ minWeight: 10 });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const ms = performance.now() - t;
      app.update({ minWeight: 1 });
      return ms;
    });
    return { label, ...counts, loadMs, firstFrameMs, frame: summary(deltas), drag: summary(dragDeltas), filterMs };
  } finally {
    await session.close();
  }
}

const runs = Number(values.runs);
const frames = Number(values.frames);
const targets: [string, string][] = [];
let tmp: string | null = null;
if (values.data?.length) for (const d of values.data) targets.push([d, d]);
else {
  if (existsSync('out/calibrated/graph.json')) targets.push(['calibrated sample', 'out/calibrated']);
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-bench-'));
  const dir = join(tmp, 'synthetic');
  writeSyntheticAnalysis(dir, { places: Number(values.places), flows: Number(values.flows), seed: 42 });
  targets.push([`synthetic ${values.places} × ${values.flows}`, dir]);
}
const { distDir, cleanup } = await buildViewerOnce();
try {
  const results: Result[] = [];
  for (const [label, dir] of targets) {
    process.stderr.write(`bench: ${label}…\n`);
    results.push(await measure(label, dir, distDir, runs, frames));
  }
  const f = (x: number) => x.toFixed(0);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; Chromium headless, --disable-gpu (software WebGL); viewport 1400×900.\n`);
  console.log('| analysis | places | flows drawn | page open → map drawn (ms, per run) | load wall-clock (ms) | camera pan/zoom frame ms median / p95 / max (fps) | mouse drag+wheel frame ms median / p95 / max (fps) | filter change (ms) |');
  console.log('|---|---:|---:|---|---|---|---|---:|');
  for (const r of results) {
    console.log(`| ${r.label} | ${r.places} | ${r.flows} | ${r.firstFrameMs.map(f).join(', ')} | ${r.loadMs.map(f).join(', ')} | ${f(r.frame.median)} / ${f(r.frame.p95)} / ${f(r.frame.max)} (${r.frame.fps.toFixed(0)}) | ${f(r.drag.median)} / ${f(r.drag.p95)} / ${f(r.drag.max)} (${r.drag.fps.toFixed(0)}) | ${f(r.filterMs)} |`);
  }
} finally {
  cleanup();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

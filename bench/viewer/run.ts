/**
 * Viewer benchmark: how soon the map appears, and how smooth panning and zooming stay, in
 * headless Debian Chromium with software WebGL (--disable-gpu: SwiftShader on the CPU, so these
 * are floors; a GPU draws flows far faster).
 *
 *   npx tsx bench/viewer/run.ts [--data DIR]... [--places 5000 --flows 50000] [--moves 72000] [--runs 3]
 *                               [--query '?style=cluster:off']... [--dist LABEL=DIR]...
 *
 * Without --data it measures the calibrated sample (out/calibrated; run `npm run demo` first),
 * a synthetic analysis of --places × --flows written by tests/viewer/fixtures/synthetic-analysis.ts,
 * and what `talentflow analyze` writes for --moves rows of the benchmark's generated moves table
 * (bench/generate.ts over its 5,000 places; 72,000 rows give 4,950 places and 40,892 flows). The
 * synthetic analysis carries only weight and researchers on each flow and a light rai.csv; the
 * CLI's carries six attributes per flow and one rai.csv row per place and discipline (128,700):
 * what a user opens. Prints a Markdown table for bench/viewer/RESULTS.md.
 *
 * Measures, per analysis:
 *   appear      page navigation → places, flows and basemap drawn: the later of the app's own marks
 *               and the moment this script reads the flows layer back, which waits until software
 *               WebGL has rasterised the flows (a build that returned before that would otherwise look faster)
 *   all in      page navigation → the histogram, year controls and card's series shown too (the
 *               viewer draws the map before flows.arrow has been read; older builds: both at once)
 *   load task   the longest main-thread task (long-task observer) while the page opens, flows.arrow's
 *               arrival included
 *   drag        frame intervals (requestAnimationFrame) while the mouse drags the map, then
 *               zooms with the wheel: median, 95th percentile and worst
 *   pan tasks   the longest main-thread task from the start of the gesture until 3 s after it
 *               ends: every redraw after the pan or zoom (new clusters, all flows) included
 *   settle      one full drawing of every flow after the camera stops (drawing + read-back)
 *   hover       mouse onto a place → its flows emphasised on screen
 *   filter      minimum flow changed → new flows drawn
 *   png         the PNG export (drawing, labels, legend, encoding)
 *
 * Each --query (default: none, and for the synthetic analysis also ?style=cluster:off) is
 * measured in the same run, side by side. Each --dist (a built viewer folder, e.g. an earlier
 * commit's, labelled; default: this tree's dist/viewer) is measured on every analysis, one after
 * the other, so that builds are compared under the same load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prebuiltViewer, openViewer } from '../../tests/viewer/browser.ts';
import { writeSyntheticAnalysis } from '../../tests/viewer/fixtures/synthetic-analysis.ts';
import { generateMoves } from '../generate.ts';
import { benchPlaces } from '../places.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    places: { type: 'string', default: '5000' },
    flows: { type: 'string', default: '50000' },
    moves: { type: 'string', default: '72000' },
    runs: { type: 'string', default: '3' },
    query: { type: 'string', multiple: true },
    dist: { type: 'string', multiple: true },
  },
});

interface Stats {
  median: number;
  p95: number;
  max: number;
}

interface Result {
  label: string;
  loadTaskMs: number;
  panTaskMs: number;
  pngMs: number;
  places: number;
  flows: number;
  appearMs: number[];
  /** Page open → the histogram, year controls and card's series shown (flows.arrow read). */
  wholeMs: number[];
  drag: Stats;
  settleMs: number;
  hoverMs: number;
  filterMs: number;
}

const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)] ?? NaN,
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN,
    max: s[s.length - 1] ?? NaN,
  };
};

async function measure(label: string, dir: string, distDir: string, runs: number, query: string): Promise<Result> {
  const session = await openViewer(distDir, dir, { width: 1400, height: 900 });
  const page = session.page;
  await session.context.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const longest = (from: number, to = Infinity) =>
    page.evaluate(
      ([a, b]) =>
        Math.max(
          0,
          ...(window as unknown as { __long: { start: number; duration: number }[] }).__long
            .filter((t) => t.start >= a! && t.start <= b!)
            .map((t) => t.duration),
        ),
      [from, to],
    );
  const frames = () => page.evaluate(() => window.talentflow.app.map!.snapshot.lastFrameMs);
  const twoFrames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  try {
    const appearMs: number[] = [];
    const wholeMs: number[] = [];
    let loadTaskMs = 0;
    for (let i = 0; i < runs; i++) {
      await page.goto(`${session.server.url}${query}`);
      await page.waitForFunction(() => ['firstRender', 'basemap'].every((k) => window.talentflow?.app.timings[k] !== undefined), null, {
        timeout: 180_000,
      });
      // Drawn means rasterised: reading the flows layer back waits for WebGL to finish (software
      // WebGL draws in another process after the app's draw calls return).
      const rasterised = await page.evaluate(() => {
        const layer = document.querySelector<HTMLCanvasElement>('#map canvas.sigma-edges');
        if (layer) new OffscreenCanvas(1, 1).getContext('2d')!.drawImage(layer, 0, 0, 1, 1);
        return performance.now();
      });
      // The flow store may come after the map is drawn: the opening's longest task includes it.
      await page.waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 180_000 });
      const t = await page.evaluate(() => window.talentflow.app.timings);
      appearMs.push(Math.max(t['firstRender']!, t['basemap']!, rasterised));
      wholeMs.push(Math.max(t['firstRender']!, t['basemap']!, t['flowsShown'] ?? t['data']!));
      loadTaskMs = Math.max(loadTaskMs, await longest(0));
    }
    const counts = await page.evaluate(() => ({
      places: Number(document.getElementById('map')!.dataset['nodes']),
      flows: Number(document.getElementById('map')!.dataset['edges']),
    }));
    // Let the first full drawing finish before interacting.
    await page.waitForTimeout(2000);

    const box = (await page.locator('#map').boundingBox())!;
    const x0 = box.x + 30;
    const y0 = box.y + box.height - 30;
    await page.mouse.move(x0, y0);
    const gestureStart = await page.evaluate(() => performance.now());
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __raf: number };
      w.__frames = [];
      let last = performance.now();
      const loop = () => {
        const now = performance.now();
        w.__frames.push(now - last);
        last = now;
        w.__raf = requestAnimationFrame(loop);
      };
      w.__raf = requestAnimationFrame(loop);
    });
    await page.mouse.down();
    for (let i = 0; i < 40; i++) await page.mouse.move(x0 + 220 * Math.sin(i / 6), y0 - 120 - 90 * Math.cos(i / 8), { steps: 2 });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy, { steps: 4 });
    // Zoom while the button is still down: a pan-and-zoom gesture without a redraw in between.
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, i < 3 ? -200 : 200);
    const dragFrames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __raf: number };
      cancelAnimationFrame(w.__raf);
      return w.__frames.slice(1);
    });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await twoFrames();
    await page.waitForFunction(() => !window.talentflow.app.map!.sigma.getCamera().isAnimated());
    await twoFrames();
    const settleMs = await frames();
    await page.waitForTimeout(3000);
    const panTaskMs = await longest(gestureStart);

    // Hover the largest place drawn.
    await page.evaluate(() => window.talentflow.app.map!.setCamera(null));
    await twoFrames();
    const biggest = await page.evaluate(() => window.talentflow.app.order[0]!);
    // At a clustered zoom the largest place may be inside a cluster: hover the largest marker drawn.
    const at = await page.evaluate((p) => {
      const map = window.talentflow.app.map!;
      const g = map.sigma.getGraph();
      const node = g.hasNode(p)
        ? p
        : g.reduceNodes(
            (best: string | null, n, a) => (best === null || (a.value ?? 0) > (g.getNodeAttribute(best, 'value') ?? 0) ? n : best),
            null,
          );
      return node === null ? null : map.nodeViewport(node);
    }, biggest);
    let t = Date.now();
    let hoverMs = NaN;
    if (at) {
      await page.mouse.move(box.x + at.x, box.y + at.y);
      await twoFrames();
      hoverMs = Date.now() - t;
    }
    await page.mouse.move(1, 1);
    await twoFrames();

    t = Date.now();
    await page.evaluate(() => window.talentflow.app.update({ minWeight: 10 }));
    await twoFrames();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    const filterMs = Date.now() - t;

    await page.waitForTimeout(1000);
    const pngMs = await page.evaluate(async () => {
      const t0 = performance.now();
      await window.talentflow.app.exportPng();
      return performance.now() - t0;
    });
    return { label, ...counts, appearMs, wholeMs, loadTaskMs, drag: stats(dragFrames), panTaskMs, settleMs, hoverMs, filterMs, pngMs };
  } finally {
    await session.close();
  }
}

const runs = Number(values.runs);
const targets: [string, string, string][] = [];
let tmp: string | null = null;
const queries = values.query?.length ? values.query : null;
if (values.data?.length) for (const d of values.data) for (const q of queries ?? ['']) targets.push([`${d}${q ? ` ${q}` : ''}`, d, q]);
else {
  if (existsSync('out/calibrated/graph.json'))
    for (const q of queries ?? ['']) targets.push([`calibrated sample${q ? ` ${q}` : ''}`, 'out/calibrated', q]);
  else process.stderr.write('bench: no out/calibrated (run "npm run demo"); measuring the synthetic analysis only\n');
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-bench-'));
  const dir = join(tmp, 'synthetic');
  writeSyntheticAnalysis(dir, { places: Number(values.places), flows: Number(values.flows), seed: 42 });
  for (const q of queries ?? ['', '?style=cluster:off'])
    targets.push([`synthetic ${values.places} places × ${values.flows} flows${q ? ` ${q}` : ''}`, dir, q]);
  const moves = join(tmp, 'moves.csv');
  const cliDir = join(tmp, 'analyze');
  generateMoves(moves, Number(values.moves), benchPlaces(), 1);
  // The CLI runs from the build (dist/), made here if missing or stale.
  await prebuiltViewer();
  // Rows whose place name is ambiguous are reported and left out, as for any user (exit 0).
  execFileSync(process.execPath, [join('bin', 'talentflow.mjs'), 'analyze', moves, '--out', cliDir, '--quiet'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  for (const q of queries ?? ['']) targets.push([`talentflow analyze of ${values.moves} generated moves${q ? ` ${q}` : ''}`, cliDir, q]);
}
const dists: [string, string][] = values.dist?.length
  ? values.dist.map((d) => {
      const at = d.indexOf('=');
      return at < 0 ? [d, d] : [d.slice(0, at), d.slice(at + 1)];
    })
  : [['', await prebuiltViewer()]];
try {
  const results: Result[] = [];
  for (const [label, dir, query] of targets) {
    for (const [name, distDir] of dists) {
      const full = name ? `${label} [${name}]` : label;
      process.stderr.write(`bench: ${full}…\n`);
      results.push(await measure(full, dir, distDir, runs, query));
    }
  }
  const f = (x: number) => Math.round(x).toLocaleString('en-US');
  const cpu = cpus()[0]?.model ?? '?';
  console.log(
    `${cpus().length} × ${cpu}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} at the end; Chromium headless, --disable-gpu (software WebGL); viewport 1400×900; ${new Date().toISOString().slice(0, 10)}.\n`,
  );
  console.log(
    '| analysis | places | flows selected | page open → map drawn, ms (each run) | page open → histogram in, ms (each run) | longest task while opening, ms | drag + wheel frame ms: median / p95 / worst | longest task, gesture → 3 s after, ms | full redraw, ms | hover → emphasis, ms | filter change → redrawn, ms | PNG export, ms |',
  );
  console.log('|---|---:|---:|---|---|---:|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${f(r.places)} | ${f(r.flows)} | ${r.appearMs.map(f).join(', ')} | ${r.wholeMs.map(f).join(', ')} | ${f(r.loadTaskMs)} | ${f(r.drag.median)} / ${f(r.drag.p95)} / ${f(r.drag.max)} | ${f(r.panTaskMs)} | ${f(r.settleMs)} | ${f(r.hoverMs)} | ${f(r.filterMs)} | ${f(r.pngMs)} |`,
    );
  }
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

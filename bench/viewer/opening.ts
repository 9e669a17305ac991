/**
 * One page opening, step by step: when each file was requested and in (resource timing), the
 * app's marks (talentflow:fetched, :parsed, :built, :flows), its timings (map set-up, basemap,
 * first drawing) and the page's long tasks. Where run.ts says how long the opening takes, this
 * says where the time went; bench/viewer/RESULTS.md quotes both.
 *
 *   npx tsx bench/viewer/opening.ts --data DIR [--dist DIR] [--runs 3]
 *
 * Files a worker fetches do not appear in the page's resource timing.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openViewer, prebuiltViewer } from '../../tests/viewer/browser.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, dist: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
if (!values.data) throw new Error('--data DIR: an analysis folder (e.g. out/calibrated)');

const session = await openViewer(values.dist ?? (await prebuiltViewer()), values.data, { width: 1400, height: 900 });
const page = session.page;
await session.context.addInitScript(() => {
  const w = window as unknown as { __long: [number, number][] };
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
});
try {
  for (let i = 0; i < Number(values.runs); i++) {
    await page.goto(session.server.url);
    await page.waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 180_000 });
    // The long tasks just after `ready` (the histogram's panels) belong to the opening too.
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => {
      const ms = (x: number) => Math.round(x);
      const files = performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .map(
          (e) =>
            `  ${e.name.split('/').pop()}: requested ${ms(e.startTime)}, first byte ${ms(e.responseStart)}, in ${ms(e.responseEnd)} (${e.encodedBodySize} B)`,
        );
      const marks = performance.getEntriesByType('mark').map((m) => `${m.name.replace('talentflow:', '')} ${ms(m.startTime)}`);
      const timings = Object.entries(window.talentflow.app.timings).map(([k, v]) => `${k} ${ms(v)}`);
      const long = (window as unknown as { __long: [number, number][] }).__long.map(([at, d]) => `${at}+${d}`);
      return { files, marks, timings, long };
    });
    console.log(`run ${i + 1} (load average ${loadavg()[0]!.toFixed(1)}), ms from page open:`);
    console.log(seen.files.join('\n'));
    console.log(`  marks: ${seen.marks.join(', ')}`);
    console.log(`  app timings: ${seen.timings.join(', ')}`);
    console.log(`  long tasks (start+duration): ${seen.long.join(', ')}`);
  }
} finally {
  await session.close();
}

/**
 * The map is drawn before flows.arrow arrives, in a real browser on the calibrated sample: the
 * flow store's download is held back by the browser's request interception, and the test checks
 * what a user has meanwhile (every place drawn and clickable, the histogram's room kept) and what
 * comes with the store (the histogram's bars, as flows.arrow counts them, read here with
 * flechette). A link with a year filter must draw only that year's flows, never all first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from '@uwdata/flechette';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCalibrated, openViewer, prebuiltViewer, type ViewerSession } from './browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');

interface ArrowFlow {
  source: string;
  target: string;
  breakdown: { year: number; moves: number }[];
}

let tmp: string;
let session: ViewerSession;
let arrow: ArrowFlow[];
let graphEdges: number;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-staged-test-'));
  const dataDir = join(tmp, 'calibrated');
  analyzeCalibrated(dataDir);
  arrow = tableFromIPC(readFileSync(join(dataDir, 'flows.arrow'))).toArray() as unknown as ArrowFlow[];
  graphEdges = (JSON.parse(readFileSync(join(dataDir, 'graph.json'), 'utf8')) as { edges: unknown[] }).edges.length;
  session = await openViewer(await prebuiltViewer(), dataDir);
});

afterAll(async () => {
  await session?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const page = () => session.page;

/** Holds every request for flows.arrow until `release()`; `requested` tells whether one came. */
async function holdFlowStore(): Promise<{ release(): void; requested(): boolean }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page().route('**/flows.arrow', async (route) => {
    requested = true;
    await gate;
    await route.continue();
  });
  return { release, requested: () => requested };
}

/** Every value the map's drawn-flow count takes from the page's start (recorded in the page). */
async function recordEdgeCounts(): Promise<void> {
  await page().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __edgeCounts: string[] }).__edgeCounts = seen;
    new MutationObserver(() => {
      const edges = document.getElementById('map')?.dataset['edges'];
      if (edges !== undefined && seen.at(-1) !== edges) seen.push(edges);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-edges'] });
  });
}

const histogram = () =>
  page().$$eval('#year-histogram g[data-year]', (gs) =>
    gs.map((g) => [Number(g.getAttribute('data-year')), Number(g.getAttribute('data-all'))]),
  );

describe('map drawn before flows.arrow', () => {
  it('draws every flow and opens a place’s card while flows.arrow is held back; the histogram fills in when it arrives', async () => {
    const held = await holdFlowStore();
    await page().goto(session.server.url);
    await page().waitForFunction(() => Number(document.getElementById('map')?.dataset['nodes'] ?? 0) > 0, null, { timeout: 30_000 });
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(held.requested()).toBe(true);
    expect(await page().evaluate(() => document.body.dataset['ready'])).toBeUndefined();
    // The default view draws every flow of graph.json, without the store.
    expect(Number(await page().locator('#map').getAttribute('data-edges'))).toBe(graphEdges);
    // The histogram's room is there from the start, saying what it waits for: the map keeps its size.
    await expect.poll(() => page().locator('#timeline').isVisible()).toBe(true);
    expect(await page().locator('#timeline').textContent()).toContain('loading flows.arrow');
    expect(await histogram()).toEqual([]);
    expect(await page().locator('#year-from').isDisabled()).toBe(true);
    const mapBox = (await page().locator('#map').boundingBox())!;
    mkdirSync(ARTIFACTS, { recursive: true });
    await page().screenshot({ path: join(ARTIFACTS, 'viewer-before-flows-arrow.png') });

    // A place is clickable at once: its card opens.
    const at = (await page().evaluate(() => window.talentflow.nodeViewport('Shenzhen')))!;
    await page().mouse.click(mapBox.x + at.x, mapBox.y + at.y);
    await page().waitForFunction(() => document.getElementById('card')?.getAttribute('data-place') === 'Shenzhen', null, {
      timeout: 5_000,
    });
    const before = (await page().evaluate(() => window.talentflow.drawnFlows())).map((f) => f.join(' ')).sort();

    held.release();
    await page().waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 30_000 });
    await page().unroute('**/flows.arrow');
    // The histogram: each year's moves into and out of the selected Shenzhen, as flows.arrow's cells sum them.
    const expected = new Map<number, number>();
    for (const f of arrow)
      if (f.source === 'Shenzhen' || f.target === 'Shenzhen')
        for (const c of f.breakdown) expected.set(c.year, (expected.get(c.year) ?? 0) + c.moves);
    const bars = await histogram();
    expect(bars.length).toBeGreaterThan(1);
    for (const [year, all] of bars) expect(all).toBe(expected.get(year!) ?? 0);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(bars.reduce((sum, [, all]) => sum + all!, 0));
    // The year controls follow the store; the map, its size and the open card stay.
    expect(await page().locator('#year-from').isDisabled()).toBe(false);
    expect(await page().locator('#year-from option').count()).toBe(bars.length);
    expect((await page().evaluate(() => window.talentflow.drawnFlows())).map((f) => f.join(' ')).sort()).toEqual(before);
    expect(await page().locator('#map').boundingBox()).toEqual(mapBox);
    expect(await page().locator('#card').getAttribute('data-place')).toBe('Shenzhen');
    // The card's yearly series, which reads the store, is there now.
    expect(await page().locator('#card-series').count()).toBe(1);
    await page().screenshot({ path: join(ARTIFACTS, 'viewer-after-flows-arrow.png') });
  });

  it('a link with a year filter waits for flows.arrow and draws only those years’ flows', async () => {
    const inYears = arrow.filter((f) => f.breakdown.some((c) => c.year >= 2019 && c.year <= 2020 && c.moves > 0)).length;
    expect(inYears).toBeGreaterThan(0);
    expect(inYears).toBeLessThan(graphEdges);
    await recordEdgeCounts();
    const held = await holdFlowStore();
    await page().goto(`${session.server.url}?years=2019-2020`);
    // Release once the request is held (the rest of the files may be parsed meanwhile).
    await expect.poll(() => held.requested(), { timeout: 30_000 }).toBe(true);
    held.release();
    await page().waitForFunction(() => document.body.dataset['ready'] === 'true', null, { timeout: 30_000 });
    await page().unroute('**/flows.arrow');
    // Every drawing the page made was of the linked years' flows.
    expect(await page().evaluate(() => (window as unknown as { __edgeCounts: string[] }).__edgeCounts)).toEqual([String(inYears)]);
  });
});

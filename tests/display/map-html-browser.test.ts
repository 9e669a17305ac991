/**
 * The map helpers in a real browser (Debian's chromium through playwright-core, as the viewer's
 * tests): flowMapHtml's inline script highlights a place's flows on hover and zooms on the wheel;
 * sigmaMapHtml with the built map script draws with WebGL and hides its fallback; the interactive
 * map committed in notebook 02 draws as a reader opens it and answers the pointer where a place
 * is drawn.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowMapHtml } from '../../src/display/map-html.ts';
import { sigmaMapHtml } from '../../src/display/map-sigma.ts';
import { buildMapEmbed } from '../../scripts/notebooks/map-embed/build.mjs';
import { mapGraph } from './fixtures.ts';
import { readNotebook } from '../../scripts/notebooks/lib.mjs';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

let context: BrowserContext;
let profile: string;
let mapScript: string;

beforeAll(async () => {
  mapScript = readFileSync(await buildMapEmbed(), 'utf8');
  profile = mkdtempSync(join(tmpdir(), 'talentflow-map-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
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
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('flowMapHtml in a browser', () => {
  it('flowMapHtml dims the flows of other places on hover and zooms with the wheel', async () => {
    const page = await context.newPage();
    // two copies on one page: each script must drive only its own map
    const html = flowMapHtml(mapGraph());
    await page.setContent(`<!doctype html><body style="margin:0">${html}<div id="second">${html}</div></body>`);
    const opacities = () =>
      page.$$eval('body > .talentflow-map .flow', (els) =>
        els.map((e) => [e.getAttribute('data-source'), e.getAttribute('data-target'), (e as SVGElement).style.strokeOpacity]),
      );
    expect((await opacities()).every(([, , o]) => o === '')).toBe(true);

    await page.hover('body > .talentflow-map circle[data-place="London"]');
    const hovered = await opacities();
    // London's only flow is Boston → London: kept; every other flow dimmed
    for (const [source, target, opacity] of hovered) {
      expect(opacity).toBe(source === 'London' || target === 'London' ? '0.9' : '0.05');
    }
    const second = await page.$$eval('#second .flow', (els) => els.map((e) => (e as SVGElement).style.strokeOpacity));
    expect(second.every((o) => o === '')).toBe(true);

    const viewBox = () => page.$eval('body > .talentflow-map svg', (s) => s.getAttribute('viewBox'));
    const before = await viewBox();
    const box = (await page.$('body > .talentflow-map svg'))!;
    const rect = (await box.boundingBox())!;
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(50);
    const after = (await viewBox())!.split(' ').map(Number);
    const [, , w0] = before!.split(' ').map(Number);
    expect(after[2]).toBeCloseTo(w0! * 0.8, 1);
    await page.close();
  });

  it('sigmaMapHtml draws the viewer sigma map with WebGL and hides the static fallback', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const graph = mapGraph();
    graph.forEachNode((key) => graph.setNodeAttribute(key, 'pagerank', 0.2));
    await page.setContent(`<!doctype html><body style="margin:0;width:900px">${sigmaMapHtml(graph, { script: mapScript })}</body>`);
    await page.waitForSelector('.talentflow-sigma-map[data-drawn="sigma"]', { timeout: 20_000 });
    expect(errors).toEqual([]);
    expect(await page.$eval('.talentflow-sigma-map .fallback', (e) => (e as HTMLElement).style.display)).toBe('none');
    const canvases = await page.$$eval('.talentflow-sigma-map .stage canvas', (els) => els.map((e) => (e as HTMLCanvasElement).width));
    expect(canvases.length).toBeGreaterThanOrEqual(3);
    expect(canvases.every((w) => w > 0)).toBe(true);
    // the basemap layer is painted: both the ocean (#e8eef3) and the land (#fbfaf7) colours appear
    const colours = await page.$eval('.talentflow-sigma-map .stage canvas.sigma-basemap', (c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ocean = 0;
      let land = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] === 0xe8 && d[i + 1] === 0xee && d[i + 2] === 0xf3) ocean++;
        if (d[i] === 0xfb && d[i + 1] === 0xfa && d[i + 2] === 0xf7) land++;
      }
      return { ocean, land, total: d.length / 4 };
    });
    expect(colours.ocean / colours.total).toBeGreaterThan(0.2);
    expect(colours.land / colours.total).toBeGreaterThan(0.05);
    await page.close();
  });

  it("notebook 02's committed interactive map draws and highlights the place under the pointer", async () => {
    const nb = readNotebook(join(import.meta.dirname, '..', '..', 'notebooks', '02-communities.ipynb'));
    const cell = nb.cells.find((c) => c.id === 'sigma-map');
    const html = cell?.outputs?.map((o) => o.data?.['text/html']).find((v) => v !== undefined);
    expect(html).toBeDefined();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.setContent(`<!doctype html><body style="margin:0;width:960px">${Array.isArray(html) ? html.join('') : html}</body>`);
    await page.waitForSelector('.talentflow-sigma-map[data-drawn="sigma"]', { timeout: 30_000 });
    expect(errors).toEqual([]);
    // the cell embeds every place of the calibrated sample and its 400 largest flows
    const drawn = await page.$eval('.talentflow-sigma-map', (root) => {
      const map = (root as unknown as { talentflowMap: { getGraph(): { order: number; size: number } } }).talentflowMap;
      return { order: map.getGraph().order, size: map.getGraph().size };
    });
    expect(drawn.size).toBe(400);
    expect(drawn.order).toBeGreaterThan(40);
    // where Shenzhen is drawn on screen: its display position through sigma's own camera
    const at = await page.$eval('.talentflow-sigma-map', (root) => {
      type Map = {
        getNodeDisplayData(n: string): { x: number; y: number } | undefined;
        framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
        getContainer(): HTMLElement;
      };
      const map = (root as unknown as { talentflowMap: Map }).talentflowMap;
      const d = map.getNodeDisplayData('Shenzhen')!;
      const v = map.framedGraphToViewport(d);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + v.x, y: box.top + v.y };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(200);
    // Shenzhen is the focus (its label forced), not Hong Kong drawn over it; its neighbours keep
    // their colour and the rest fade
    const shown = await page.$eval('.talentflow-sigma-map', (root) => {
      type Map = { getNodeDisplayData(n: string): { color: string; forceLabel?: boolean } | undefined };
      const map = (root as unknown as { talentflowMap: Map }).talentflowMap;
      return ['Shenzhen', 'Hong Kong', 'Zurich'].map((n) => map.getNodeDisplayData(n));
    });
    expect(shown.map((d) => d?.forceLabel === true)).toEqual([true, false, false]);
    expect(shown[1]?.color).not.toBe('#d5d8dc');
    expect(shown[2]?.color).toBe('#d5d8dc');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'notebook-02-sigma-map-hover.png') });
    await page.close();
  });
});

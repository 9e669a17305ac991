/**
 * flowMapHtml in a real browser (Debian's chromium through playwright-core, as the viewer's
 * tests): the inline script highlights a place's flows on hover and zooms on the wheel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowMapHtml } from '../../src/display/map-html.ts';
import { mapGraph } from './fixtures.ts';

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'talentflow-map-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
      page.$$eval('body > .talentflow-map .flow', (els) => els.map((e) => [e.getAttribute('data-source'), e.getAttribute('data-target'), (e as SVGElement).style.strokeOpacity]));
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
});

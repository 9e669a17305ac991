/**
 * The map's readability in a real browser (Debian's Chromium through playwright-core): the
 * strongest flows above the discs on the calibrated sample, and clustering on a 5,000-place /
 * 50,000-flow synthetic analysis. Expected values come from the analysis files through the
 * library (topSources) or from an independent recount, not from the page's own numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFromJson } from '../../src/exports/graph-json.ts';
import { topSources } from '../../src/analyses/top-sources.ts';
import type { FlowGraph } from '../../src/graph/types.ts';
import { prebuiltViewer, gotoViewer, openViewer, type ViewerSession } from './browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');

let tmp: string;
let dist: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-map-test-'));
  dist = await prebuiltViewer();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const twoFrames = (s: ViewerSession) => s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Colours (rgb) of the map's screenshot at viewport points of the map. */
async function pixelsAt(s: ViewerSession, points: { x: number; y: number }[]): Promise<number[][]> {
  const box = (await s.page.locator('#map').boundingBox())!;
  const png = await s.page.screenshot({ clip: box });
  return s.page.evaluate(
    async ({ b64, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return points.map(({ x, y }) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)]);
    },
    { b64: png.toString('base64'), points },
  );
}

describe('the report’s top-5 figure on the calibrated sample', () => {
  let session: ViewerSession;
  let graph: FlowGraph;

  beforeAll(async () => {
    const dataDir = join(tmp, 'calibrated');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'talentflow.mjs'), 'analyze', join(ROOT, 'data', 'calibrated', 'timelines.csv.gz'), '--kind', 'timelines', '--out', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    graph = graphFromJson(readFileSync(join(dataDir, 'graph.json'), 'utf8'));
    session = await openViewer(dist, dataDir);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('at world zoom draws the Guangzhou → Shenzhen flow visibly beside the two discs (pixel check on its path)', async () => {
    // The flow is in the figure: Guangzhou is one of Shenzhen's five largest sources of ≥ 100 moves.
    expect(topSources(graph, { k: 5, minWeight: 100 })['Shenzhen']!.map((f) => f.place)).toContain('Guangzhou');
    await gotoViewer(session, '?top=on,5,100');
    await session.page.mouse.move(1, 1);
    await twoFrames(session);
    const probe = () =>
      session.page.evaluate(() => {
        const map = window.talentflow.app.map!;
        const edge = map.sigma.getGraph().edge('Guangzhou', 'Shenzhen')!;
        const c = map.strong.curve(edge)!;
        const at = (u: number) => ({ x: (1 - u) ** 2 * c.s.x + 2 * u * (1 - u) * c.c.x + u ** 2 * c.t.x, y: (1 - u) ** 2 * c.s.y + 2 * u * (1 - u) * c.c.y + u ** 2 * c.t.y });
        const discs = ['Guangzhou', 'Shenzhen'].map((p) => ({ ...window.talentflow.nodeViewport(p)!, r: map.sigma.scaleSize(map.sigma.getNodeDisplayData(p)!.size) }));
        const path = Array.from({ length: 41 }, (_, i) => at(0.1 + (0.8 * i) / 40));
        return { path, discs, chord: Math.hypot(c.t.x - c.s.x, c.t.y - c.s.y), color: map.sigma.getGraph().getEdgeAttribute(edge, 'color') };
      });
    const { path, discs, chord, color } = await probe();
    // World zoom: a plain arc would show less than a pen stroke's length between the two discs.
    expect(chord - discs[0]!.r - discs[1]!.r).toBeLessThan(24);
    // The points of the drawn path outside both discs (where a disc cannot be the reason for the colour).
    const outside = path.filter((p) => discs.every((d) => Math.hypot(p.x - d.x, p.y - d.y) > d.r + 2));
    expect(outside.length).toBeGreaterThanOrEqual(10);
    const want = hex(color);
    const distance = (rgb: number[]) => rgb.reduce((sum, v, i) => sum + Math.abs(v - want[i]!), 0);
    const inColour = async () => (await pixelsAt(session, outside)).filter((rgb) => distance(rgb) < 60).length;
    // A good part of that path shows the flow's colour: at world zoom a dozen heavier flows into
    // Beijing loop across the same ground, so it cannot be all of it.
    await session.page.screenshot({ path: join(ARTIFACTS, 'viewer-top5.png') });
    const shown = await inColour();
    expect(shown).toBeGreaterThanOrEqual(Math.ceil(outside.length / 4));

    // Without the layer of strongest flows the same path is mostly not the flow: the check can fail.
    await session.page.evaluate(() => {
      window.talentflow.app.map!.strong.visible = false;
      window.talentflow.app.map!.sigma.refresh();
    });
    await twoFrames(session);
    expect(await inColour()).toBeLessThan(shown / 2);
    await session.page.evaluate(() => {
      window.talentflow.app.map!.strong.visible = true;
      window.talentflow.app.map!.sigma.refresh();
    });
    expect(session.errors).toEqual([]);
  });
});

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
import { prebuiltViewer, gotoViewer, openViewer, type ViewerSession, analyzeCalibrated, decodePng, rgbAt } from './browser.ts';
import { writeSyntheticAnalysis } from './fixtures/synthetic-analysis.ts';

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
  const pixels = decodePng(await s.page.screenshot({ clip: box }));
  // Outside the image: black, as getImageData answers there.
  return points.map(({ x, y }) => rgbAt(pixels, x, y) ?? [0, 0, 0]);
}

describe('the report’s top-5 figure on the calibrated sample', () => {
  let session: ViewerSession;
  let graph: FlowGraph;

  beforeAll(async () => {
    const dataDir = join(tmp, 'calibrated');
    analyzeCalibrated(dataDir);
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
        const at = (u: number) => ({
          x: (1 - u) ** 2 * c.s.x + 2 * u * (1 - u) * c.c.x + u ** 2 * c.t.x,
          y: (1 - u) ** 2 * c.s.y + 2 * u * (1 - u) * c.c.y + u ** 2 * c.t.y,
        });
        const discs = ['Guangzhou', 'Shenzhen'].map((p) => ({
          ...window.talentflow.nodeViewport(p)!,
          r: map.sigma.scaleSize(map.sigma.getNodeDisplayData(p)!.size),
        }));
        const path = Array.from({ length: 41 }, (_, i) => at(0.1 + (0.8 * i) / 40));
        return {
          path,
          discs,
          chord: Math.hypot(c.t.x - c.s.x, c.t.y - c.s.y),
          color: map.sigma.getGraph().getEdgeAttribute(edge, 'color'),
        };
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
    await twoFrames(session);
    // The flow under each inked point of the loop is that flow: picked by its curve on the layer
    // above the discs, not by the WebGL arc beneath (a disc there still wins a hover, as it should).
    const inked = (await pixelsAt(session, outside)).filter((rgb) => distance(rgb) < 60).length;
    const picked = await session.page.evaluate((ps) => {
      const map = window.talentflow.app.map!;
      const edge = map.sigma.getGraph().edge('Guangzhou', 'Shenzhen');
      return ps.filter((p) => map.flowAt(p) === edge).length;
    }, outside);
    expect(picked).toBeGreaterThanOrEqual(inked);
    await session.page.mouse.move(1, 1);
    expect(session.errors).toEqual([]);
  });

  it('map style: width and opacity multiply each flow as drawn, tapered flows use the tessellated program, labels can be turned off; all in the URL', async () => {
    await gotoViewer(session, '?style=width:2,opacity:0.5,flows:taper');
    const drawn = await session.page.evaluate(() => {
      const sigma = window.talentflow.app.map!.sigma;
      const edge = sigma.getGraph().edge('Guangzhou', 'Shenzhen')!;
      const a = sigma.getGraph().getEdgeAttributes(edge);
      const d = sigma.getEdgeDisplayData(edge)!;
      return { size: a.size, color: a.color, shownSize: d.size, shownColor: d.color, type: d.type };
    });
    expect(drawn.shownSize).toBeCloseTo(2 * drawn.size, 9);
    expect(drawn.type).toBe('curvedFlow');
    // Alpha halved (the colour is premultiplied for WebGL, the alpha byte is the opacity).
    expect(parseInt(drawn.shownColor.slice(7, 9), 16)).toBe(Math.round((parseInt(drawn.color.slice(7, 9), 16) / 255) * 0.5 * 255));
    await session.page.locator('#style-labels').selectOption('none');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('style')?.includes('labels:none'));
    // The link keeps the whole style, in a fixed order.
    expect(new URL(session.page.url()).searchParams.get('style')).toBe('opacity:0.5,width:2,labels:none,flows:taper');
    await twoFrames(session);
    const ink = await session.page.evaluate(() => {
      const canvas = window.talentflow.app.map!.sigma.getCanvases()['labels']!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    // Hub rings are drawn on the label layer too; without any label far less ink remains.
    expect(ink).toBeLessThan(20000);
    expect(session.errors).toEqual([]);
  });

  it('the basemap (outlines projected at build time) is land where the land is, sea where the sea is, at world zoom and zoomed in (1:50m)', async () => {
    await gotoViewer(session);
    await session.page.waitForFunction(() => window.talentflow.app.timings['basemap'] !== undefined);
    // Points well inside a country or an ocean in both outline scales, as [lon, lat, land?].
    const points: [number, number, boolean][] = [
      [121, -24, true], // Western Australia (away from the country's name, drawn at its centre)
      [-55, -10, true], // Brazil
      [100, 62, true], // Siberia
      [-30, -25, false], // South Atlantic
      [-150, 20, false], // Pacific
      [75, -10, false], // Indian Ocean
      [119, -16.5, false], // off Western Australia's north-west coast
    ];
    /** The basemap layer's colour at each point (its own canvas: no flow or disc over it). */
    const colours = () =>
      session.page.evaluate((pts) => {
        const sigma = window.talentflow.app.map!.sigma;
        const canvas = sigma.getCanvases()['basemap']!;
        const ctx = canvas.getContext('2d')!;
        const ratio = canvas.width / sigma.getDimensions().width;
        return pts.map(([lon, lat]) => {
          // Web Mercator in the map's degree units (projection.ts).
          const y = (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
          const v = sigma.graphToViewport({ x: lon, y });
          const inside = v.x >= 0 && v.y >= 0 && v.x < canvas.width / ratio && v.y < canvas.height / ratio;
          return inside ? [...ctx.getImageData(Math.round(v.x * ratio), Math.round(v.y * ratio), 1, 1).data].slice(0, 3) : null;
        });
      }, points);
    const land = hex('#fbfaf7');
    const sea = hex('#e8eef3');
    const near = (c: number[] | null, e: number[]) => c?.every((v, i) => Math.abs(v - e[i]!) <= 2) === true;
    const world = await colours();
    points.forEach(([, , isLand], i) => expect(near(world[i]!, isLand ? land : sea), `${points[i]}: ${world[i]}`).toBe(true));
    // Close in on the Australian point: the detailed outlines are loaded and drawn there.
    await session.page.evaluate(() => {
      const sigma = window.talentflow.app.map!.sigma;
      const y = (Math.log(Math.tan(Math.PI / 4 + (-24 * Math.PI) / 360)) * 180) / Math.PI;
      const d = sigma.viewportToFramedGraph(sigma.graphToViewport({ x: 121, y }));
      // setState, not animate with duration 0: sigma's animate ends at once when a millisecond
      // passes between its start and its first step, before its callback is set, and never resolves.
      sigma.getCamera().setState({ x: d.x, y: d.y, ratio: 0.2 });
    });
    await session.page.waitForFunction(() => window.talentflow.app.map!.basemap.detailDrawn, null, { timeout: 20_000 });
    const close = await colours();
    expect(near(close[0]!, land), `Western Australia zoomed in: ${close[0]}`).toBe(true);
    expect(near(close[6]!, sea), `off the coast zoomed in: ${close[6]}`).toBe(true);
    expect(session.errors).toEqual([]);
  });
});

describe('clustering on a 5,000-place / 50,000-flow analysis', () => {
  let session: ViewerSession;
  let graph: FlowGraph;

  beforeAll(async () => {
    const dataDir = join(tmp, 'big');
    writeSyntheticAnalysis(dataDir, { places: 5000, flows: 50000, seed: 42 });
    graph = graphFromJson(readFileSync(join(dataDir, 'graph.json'), 'utf8'));
    session = await openViewer(dist, dataDir);
    await session.page.goto(session.server.url);
    // Loading 50,000 flows takes a while with software WebGL on a shared machine: no timing asserted here (bench/viewer).
    await session.page.waitForFunction(
      () => document.body.dataset['ready'] === 'true' && (document.getElementById('map')?.dataset['clusterZoom'] ?? '') !== '',
      null,
      { timeout: 180_000 },
    );
    await twoFrames(session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('at world zoom draws a bounded number of markers; each cluster’s totals and each flow between markers equal a recount from graph.json', async () => {
    const drawn = await session.page.evaluate(() => {
      const map = window.talentflow.app.map!;
      const level = map.clusterLevel()!;
      const g = map.sigma.getGraph();
      return {
        zoom: level.zoom,
        markers: level.markers.map((m) => ({
          id: m.id,
          members: m.members,
          value: g.getNodeAttribute(m.id, 'value') as number,
          label: g.getNodeAttribute(m.id, 'label'),
        })),
        flows: g.mapEdges((_e, a, s, t) => [s, t, a.weight] as [string, string, number]),
        hidden: map.hiddenFlows,
      };
    });
    expect(drawn.markers.length).toBeLessThanOrEqual(400);
    expect(drawn.markers.length).toBeGreaterThan(20);
    // Every place is in exactly one marker.
    const all = drawn.markers.flatMap((m) => m.members);
    expect(all.length).toBe(graph.order);
    expect(new Set(all).size).toBe(graph.order);
    // A cluster's size value is the sum of its places' PageRank in graph.json; it is named after the largest.
    const pagerank = (p: string) => graph.getNodeAttribute(p, 'pagerank') as number;
    for (const m of drawn.markers) {
      expect(m.value).toBeCloseTo(
        m.members.reduce((sum, p) => sum + pagerank(p), 0),
        9,
      );
      const largest = [...m.members].sort((a, b) => pagerank(b) - pagerank(a))[0]!;
      const name = (graph.getNodeAttribute(largest, 'label') as string) || largest;
      expect(m.label).toBe(m.members.length > 1 ? `${name} +${m.members.length - 1}` : name);
    }
    // Flows between markers: the sum of graph.json's flows between their places, recounted here.
    const markerOf = new Map(drawn.markers.flatMap((m) => m.members.map((p) => [p, m.id] as const)));
    const recount = new Map<string, number>();
    graph.forEachEdge((_e, a, s, t) => {
      const ms = markerOf.get(s)!;
      const mt = markerOf.get(t)!;
      if (ms !== mt) recount.set(`${ms}>${mt}`, (recount.get(`${ms}>${mt}`) ?? 0) + a.weight);
    });
    expect(drawn.flows.length + drawn.hidden).toBe(recount.size);
    for (const [s, t, w] of drawn.flows) expect(w).toBe(recount.get(`${s}>${t}`));
    // The ones drawn are the largest.
    const smallestDrawn = Math.min(...drawn.flows.map((f) => f[2]));
    const drawnKeys = new Set(drawn.flows.map(([s, t]) => `${s}>${t}`));
    expect([...recount].filter(([k, w]) => !drawnKeys.has(k) && w > smallestDrawn)).toEqual([]);
    await session.page.screenshot({ path: join(ARTIFACTS, 'viewer-big.png') });
    expect(session.errors).toEqual([]);
  });

  it('zooming in splits clusters: more markers, the same places', async () => {
    const before = await session.page.evaluate(() => window.talentflow.app.map!.clusterLevel()!.markers.length);
    await session.page.evaluate(() => window.talentflow.app.map!.setCamera({ x: 0.5, y: 0.5, ratio: 0.25 }));
    await session.page.waitForFunction((n) => (window.talentflow.app.map!.clusterLevel()?.markers.length ?? 0) > n, before, {
      timeout: 60_000,
    });
    const after = await session.page.evaluate(() => window.talentflow.app.map!.clusterLevel()!.markers.flatMap((m) => m.members).length);
    expect(after).toBe(graph.order);
  });
});

describe('the Scholarly Migration Database country flows', () => {
  let session: ViewerSession;
  let graph: FlowGraph;

  beforeAll(async () => {
    const dataDir = join(tmp, 'countries');
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'talentflow.mjs'),
        'analyze',
        join(ROOT, 'data', 'scholarly-migration', 'scopus_2024_V1_scholarlymigration_countryflows_enriched.csv.gz'),
        '--level',
        'country',
        '--map',
        'from=iso3codefrom,to=iso3codeto,count=n_migrations',
        '--out',
        dataDir,
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    graph = graphFromJson(readFileSync(join(dataDir, 'graph.json'), 'utf8'));
    session = await openViewer(dist, dataDir);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('draws the 3,000 largest of the country flows by default, says how many are left out, and all of them with style=most:-1', async () => {
    expect(graph.size).toBeGreaterThan(3000);
    await gotoViewer(session);
    await session.page.mouse.move(1, 1);
    await session.page.waitForTimeout(500);
    await session.page.screenshot({ path: join(ARTIFACTS, 'viewer-countries.png') });
    const drawn = await session.page.evaluate(() => window.talentflow.drawnFlows().map(([, , w]) => w));
    const weights = graph.mapEdges((_e, a) => a.weight).sort((a, b) => b - a);
    expect(drawn.length).toBe(3000);
    expect(drawn.sort((a, b) => b - a)).toEqual(weights.slice(0, 3000));
    expect(await session.page.locator('#status-drawn').textContent()).toContain(
      `${(graph.size - 3000).toLocaleString('en-US')} smaller not drawn`,
    );
    await gotoViewer(session, '?style=most:-1');
    expect(await session.page.evaluate(() => window.talentflow.drawnFlows().length)).toBe(graph.size);
    expect(session.errors).toEqual([]);
  });

  it('draws the map at the size of its panel, which is wider without RAI (no layer left at the size before the panels were laid out)', async () => {
    await gotoViewer(session);
    const sizes = await session.page.evaluate(() => {
      const map = document.getElementById('map')!;
      const canvases = window.talentflow.app.map!.sigma.getCanvases();
      return {
        panel: [map.offsetWidth, map.offsetHeight],
        sigma: Object.values(window.talentflow.app.map!.sigma.getDimensions()),
        layers: ['edges', 'nodes', 'labels'].map((k) => [canvases[k]!.offsetWidth, canvases[k]!.offsetHeight]),
      };
    });
    // Without RAI the heatmap column is narrow, so the map is wider than its default 1400 × 900 layout share.
    expect(sizes.panel[0]).toBeGreaterThan(800);
    expect(sizes.sigma).toEqual(sizes.panel);
    for (const layer of sizes.layers) expect(layer).toEqual(sizes.panel);
  });
});

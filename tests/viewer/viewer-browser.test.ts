/**
 * The viewer in a real browser (Debian's Chromium through playwright-core): the calibrated
 * sample analysed by the CLI into a temporary folder, the prebuilt viewer (dist/viewer) served on a
 * free loopback port, then driven like a user. Expectations are computed from the analysis
 * files with the library (filterFlows, topSources), not read back from the page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFromJson } from '../../src/exports/graph-json.ts';
import { filterFlows as filterStore, type FilterOptions } from '../../src/flows/filter.ts';
import { graphWithFlows } from '../../src/flows/graph.ts';
import { findFlow, forEachCell, type FlowStore } from '../../src/flows/store.ts';
import { flowStoreFromArrow } from '../../src/exports/flows-arrow.ts';
import { topDestinations, topSources } from '../../src/analyses/top-sources.ts';
import type { FlowGraph } from '../../src/graph/types.ts';
import { parseTable, type TextRow } from '../../viewer/src/data/analysis.ts';
import { netInflowColor } from '../../viewer/src/scales.ts';
import { prebuiltViewer, gotoViewer, openViewer, type ViewerSession, analyzeCalibrated, decodePng, rgbAt } from './browser.ts';
import { writeSyntheticAnalysis } from './fixtures/synthetic-analysis.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');

let tmp: string;
let dataDir: string;
let session: ViewerSession;
let graph: FlowGraph;
let flows: FlowStore;
/** The analysis graph filtered as the viewer filters it: the library's filterFlows on flows.arrow. */
const filterFlows = (g: FlowGraph, options?: FilterOptions) => graphWithFlows(g, filterStore(flows, options));
let places: Map<string, TextRow>;
let rai: TextRow[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-viewer-test-'));
  dataDir = join(tmp, 'calibrated');
  // The README's first command, into a temporary folder.
  analyzeCalibrated(dataDir, ['--compare', '2011-2016,2018-2023']);
  graph = graphFromJson(readFileSync(join(dataDir, 'graph.json'), 'utf8'));
  flows = flowStoreFromArrow(readFileSync(join(dataDir, 'flows.arrow')));
  places = new Map(parseTable(readFileSync(join(dataDir, 'places.csv'), 'utf8'), 'places.csv').rows.map((r) => [r['place']!, r]));
  rai = parseTable(readFileSync(join(dataDir, 'rai.csv'), 'utf8'), 'rai.csv').rows;
  session = await openViewer(await prebuiltViewer(), dataDir);
});

afterAll(async () => {
  await session?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const page = () => session.page;
const flowKey = ([s, t, w]: [string, string, number]) => `${s} → ${t}: ${w}`;
const expectedFlows = (g: FlowGraph) => g.mapEdges((_e, a, s, t) => flowKey([s, t, a.weight])).sort();
const drawnFlows = async () => (await page().evaluate(() => window.talentflow.drawnFlows())).map(flowKey).sort();
const drawnCount = async () => Number(await page().locator('#map').getAttribute('data-edges'));
/** Waits until the map draws `n` flows. */
const waitForEdges = (n: number) =>
  page().waitForFunction((count) => document.getElementById('map')?.dataset['edges'] === String(count), n, { timeout: 20_000 });

/** Pixels of the map area: how many differ from the basemap's sea and land, and the colour at given points. */
async function mapPixels(points: { x: number; y: number }[] = []) {
  const box = (await page().locator('#map').boundingBox())!;
  const pixels = decodePng(await page().screenshot({ clip: box }));
  const background = [
    [0xe8, 0xee, 0xf3],
    [0xfb, 0xfa, 0xf7],
    [0xc9, 0xce, 0xd4],
  ];
  const data = pixels.rgba;
  let drawn = 0;
  for (let i = 0; i < data.length; i += 4) {
    const near = background.some(([r, g, b]) => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 24);
    if (!near) drawn++;
  }
  const at = points.map(({ x, y }) => rgbAt(pixels, x, y) ?? [0, 0, 0]);
  return { total: data.length / 4, drawn, at };
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

describe('viewer on the calibrated sample', () => {
  it('viewer opens the analysis with every place and flow drawn over the world map (pixel check)', async () => {
    await gotoViewer(session);
    await page().mouse.move(1, 1);
    expect(Number(await page().locator('#map').getAttribute('data-nodes'))).toBe(
      graph.filterNodes((_n, a) => typeof a.lat === 'number' && typeof a.lon === 'number').length,
    );
    expect(await drawnCount()).toBe(graph.size);
    await page().waitForFunction(() => window.talentflow.app.timings['basemap'] !== undefined);
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const beijing = (await page().evaluate(() => window.talentflow.nodeViewport('Beijing')))!;
    const color = await page().evaluate(() => window.talentflow.app.render!.places.getNodeAttribute('Beijing', 'color'));
    const pixels = await mapPixels([beijing]);
    // Flows and places cover a good part of the map; the basemap alone would leave ~0%.
    expect(pixels.drawn / pixels.total).toBeGreaterThan(0.03);
    // Beijing's disc has Beijing's colour at its centre.
    const [r, g, b] = pixels.at[0]!;
    const [er, eg, eb] = hex(color);
    expect(Math.abs(r! - er!) + Math.abs(g! - eg!) + Math.abs(b! - eb!)).toBeLessThan(40);
    expect(session.errors).toEqual([]);
  });

  it('viewer saves a screenshot of the default view as a test artifact', async () => {
    await gotoViewer(session);
    await page().waitForFunction(() => window.talentflow.app.timings['basemap'] !== undefined);
    await page().mouse.move(1, 1);
    await page().waitForTimeout(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = await page().screenshot({ path: join(ARTIFACTS, 'viewer-default.png') });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The heatmap and the legend are on screen beside the map.
    expect(await page().locator('#rai-table tbody tr').count()).toBeGreaterThan(20);
    expect(await page().locator('#legend li').count()).toBeGreaterThan(5);
  });

  it('viewer: the minimum-flow control draws exactly the flows of at least that many moves', async () => {
    await gotoViewer(session);
    for (const min of [20, 5, 100]) {
      const expected = filterFlows(graph, { minWeight: min });
      await page().locator('#min-weight').fill(String(min));
      await page().locator('#min-weight').blur();
      await waitForEdges(expected.size);
      expect(await drawnFlows()).toEqual(expectedFlows(expected));
      expect(await page().locator('#status-flows').textContent()).toContain(`${expected.size.toLocaleString('en-US')} of`);
    }
    expect(filterFlows(graph, { minWeight: 100 }).size).toBeLessThan(filterFlows(graph, { minWeight: 20 }).size);
  });

  it('viewer: "Backbone only" draws exactly the flows graph.json marks as backbone; the state is in the URL', async () => {
    await gotoViewer(session);
    const backbone = graph.filterEdges((_e, a) => a['backbone'] === true);
    expect(backbone.length).toBeGreaterThan(0);
    expect(backbone.length).toBeLessThan(graph.size);
    await page().locator('#backbone-only').check();
    await waitForEdges(backbone.length);
    expect(await drawnFlows()).toEqual(
      backbone.map((e) => flowKey([graph.source(e), graph.target(e), graph.getEdgeAttribute(e, 'weight')])).sort(),
    );
    expect(page().url()).toContain('backbone=on');
    await page().locator('#backbone-only').uncheck();
    await waitForEdges(graph.size);
  });

  it('viewer: the discipline filter keeps only that discipline’s flows, weighted by its moves', async () => {
    await gotoViewer(session);
    const discipline = 'Computer Science';
    const expected = filterFlows(graph, { disciplines: [discipline] });
    expect(expected.size).toBeGreaterThan(0);
    await page().locator('#discipline').selectOption(discipline);
    await waitForEdges(expected.size);
    const drawn = await page().evaluate(() => window.talentflow.drawnFlows());
    expect(drawn.map(flowKey).sort()).toEqual(expectedFlows(expected));
    // Each drawn weight is the flow's Computer Science moves in flows.arrow, summed here cell by cell.
    for (const [s, t, w] of drawn) {
      let moves = 0;
      forEachCell(flows, findFlow(flows, s, t), (_y, d, n) => (moves += d === discipline ? n : 0));
      expect(w).toBe(moves);
    }
    expect(new URL(page().url()).searchParams.get('discipline')).toBe(discipline);
  });

  it('viewer: clicking Shenzhen on the map opens a card whose figures equal its places.csv row', async () => {
    await gotoViewer(session);
    await page().evaluate(() => window.talentflow.app.map!.zoomTo('Shenzhen', 0.03));
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const at = (await page().evaluate(() => window.talentflow.nodeViewport('Shenzhen')))!;
    const box = (await page().locator('#map').boundingBox())!;
    await page().mouse.click(box.x + at.x, box.y + at.y);
    await page().waitForSelector('#card:not([hidden])');
    expect(await page().locator('#card').getAttribute('data-place')).toBe('Shenzhen');
    expect(await page().locator('#card-title').textContent()).toBe('Shenzhen');
    const row = places.get('Shenzhen')!;
    const cells = await page().$$eval('#card tr[data-field]', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-field')!, tr.getAttribute('data-value')!, tr.querySelector('td')!.textContent!]),
    );
    const fields = cells.map(([f]) => f);
    expect(fields).toEqual(expect.arrayContaining(['stock', 'inflow', 'outflow', 'net_inflow', 'inflow_ratio', 'hub_class']));
    for (const [field, value, shown] of cells) {
      expect(value).toBe(row[field!]);
      const n = Number(row[field!]);
      if (field === 'inflow_ratio') expect(Number(shown!.replace('%', ''))).toBeCloseTo(n * 100, 1);
      else if (['stock', 'inflow', 'outflow'].includes(field!)) expect(Number(shown!.replace(/,/g, ''))).toBe(n);
      else if (field === 'net_inflow') expect(Number(shown!.replace(/,/g, '').replace('+', '').replace('−', '-'))).toBe(n);
      else if (field === 'hub_class' || field === 'community_label' || field === 'quadrant') expect(shown).toBe(row[field!]);
    }
    // Top five sources and destinations: the library's topSources / topDestinations of graph.json.
    const listed = (id: string) =>
      page().$$eval(`#${id} li`, (lis) => lis.map((li) => `${li.getAttribute('data-place')}:${li.getAttribute('data-weight')}`));
    expect(await listed('card-sources')).toEqual(
      topSources(graph, { k: 5, minWeight: 0 })['Shenzhen']!.map((f) => `${f.place}:${f.weight}`),
    );
    expect(await listed('card-destinations')).toEqual(
      topDestinations(graph, { k: 5, minWeight: 0 })['Shenzhen']!.map((f) => `${f.place}:${f.weight}`),
    );
    // What the lists cover is said, and flows under the report's 100-move minimum are greyed.
    expect(await page().locator('#card-figures-note').textContent()).toContain('places.csv');
    expect(await page().locator('#card-lists-note').textContent()).toContain('every year and discipline');
    const greyed = await page().$$eval('#card-sources li.below-min', (lis) => lis.map((li) => Number(li.getAttribute('data-weight'))));
    expect(greyed).toEqual(
      topSources(graph, { k: 5, minWeight: 0 })
        ['Shenzhen']!.filter((f) => f.weight < 100)
        .map((f) => f.weight),
    );
    // Its RAI row, as written in rai.csv.
    const chips = await page().$$eval('#card-rai li', (lis) =>
      lis.map((li) => `${li.getAttribute('data-discipline')}=${li.getAttribute('data-value')}`),
    );
    expect(chips.sort()).toEqual(
      rai
        .filter((r) => r['place'] === 'Shenzhen')
        .map((r) => `${r['discipline']}=${r['rai']}`)
        .sort(),
    );
    // Its yearly series: one sparkline bar per year, the net inflow summed here from flows.arrow's cells.
    const net: Record<string, number> = {};
    for (let f = 0; f < flows.flows.source.length; f++) {
      const s = flows.places[flows.flows.source[f]!];
      const t = flows.places[flows.flows.target[f]!];
      forEachCell(flows, f, (y, _d, n) => {
        if (t === 'Shenzhen') net[y] = (net[y] ?? 0) + n;
        if (s === 'Shenzhen') net[y] = (net[y] ?? 0) - n;
      });
    }
    const bars = await page().$$eval('#card-series rect[data-year]', (rs) =>
      rs.map((r) => `${r.getAttribute('data-year')}:${r.getAttribute('data-value')}`),
    );
    expect(bars).toEqual(
      Object.keys(net)
        .sort()
        .map((y) => `${y}:${net[y]}`),
    );
    await page()
      .locator('#card')
      .screenshot({ path: join(ARTIFACTS, 'viewer-card.png') });
  });

  it('viewer: at the default view, clicking the drawn centre of each of the ten largest places by PageRank opens its card', async () => {
    await gotoViewer(session);
    const largest = [...places.values()]
      .sort((a, b) => Number(b['pagerank']) - Number(a['pagerank']))
      .slice(0, 10)
      .map((r) => r['place']!);
    expect(largest).toEqual(expect.arrayContaining(['Beijing', 'Boston']));
    const box = (await page().locator('#map').boundingBox())!;
    const opened: string[] = [];
    for (const place of largest) {
      const at = (await page().evaluate((p) => window.talentflow.nodeViewport(p), place))!;
      await page().mouse.click(box.x + at.x, box.y + at.y);
      await page()
        .waitForFunction((p) => document.getElementById('card')?.getAttribute('data-place') === p, place, { timeout: 5_000 })
        .catch(() => undefined);
      // As a person clicks: two clicks within sigma's double-click delay are a double click (a zoom).
      await page().waitForTimeout(400);
      opened.push((await page().locator('#card').getAttribute('data-place')) ?? '(none)');
    }
    expect(opened).toEqual(largest);
  });

  it('viewer: hovering a flow where it is drawn shows its places and moves', async () => {
    await gotoViewer(session, '?min=20');
    const box = (await page().locator('#map').boundingBox())!;
    const flows = await page().evaluate(() => window.talentflow.drawnFlows());
    const at = async (p: string) => (await page().evaluate((q) => window.talentflow.nodeViewport(q), p))!;
    // The longest flow on screen: its middle lies far from any disc.
    let best: { s: string; t: string; w: number; a: { x: number; y: number }; b: { x: number; y: number }; len: number } | null = null;
    for (const [s, t, w] of flows) {
      const a = await at(s);
      const b = await at(t);
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (!best || len > best.len) best = { s, t, w, a, b, len };
    }
    expect(best!.len).toBeGreaterThan(150);
    const { a, b, len } = best!;
    const normal = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
    const labels = new Map([...places.values()].map((r) => [r['place']!, r['label'] || r['place']!]));
    const tips: string[] = [];
    /** Whether the map showed ink there before the pointer came (a flow drawn under it, not the basemap). */
    const inkAt: boolean[] = [];
    for (const side of [1, -1]) {
      // Points of the arc, a quadratic Bézier whose control point is curvature·length off the middle
      // (on one side or the other, depending on the y axis), away from any disc.
      const c = { x: (a.x + b.x) / 2 + side * 0.25 * len * normal.x, y: (a.y + b.y) / 2 + side * 0.25 * len * normal.y };
      for (const t of [0.35, 0.5, 0.65]) {
        const x = (1 - t) ** 2 * a.x + 2 * t * (1 - t) * c.x + t ** 2 * b.x;
        const y = (1 - t) ** 2 * a.y + 2 * t * (1 - t) * c.y + t ** 2 * b.y;
        if (await page().evaluate((p) => window.talentflow.app.map!.placeAt(p), { x, y })) continue;
        await page().mouse.move(1, 1);
        await page().waitForTimeout(100);
        const before = await mapPixels([{ x, y }]);
        await page().mouse.move(box.x + x, box.y + y);
        await page().waitForTimeout(100);
        const tip = (await page().locator('#tooltip').isVisible()) ? (await page().locator('#tooltip').textContent())! : '';
        if (tip.includes('→')) {
          tips.push(tip);
          const [r, g, b] = before.at[0]!;
          const background = [
            [0xe8, 0xee, 0xf3],
            [0xfb, 0xfa, 0xf7],
          ];
          inkAt.push(!background.some(([br, bg, bb]) => Math.abs(r! - br!) + Math.abs(g! - bg!) + Math.abs(b! - bb!) < 12));
        }
      }
    }
    const weight = (s: string, t: string) => flows.find(([fs, ft]) => fs === s && ft === t)?.[2];
    const expected = [
      [best!.s, best!.t],
      [best!.t, best!.s],
    ]
      .filter(([s, t]) => weight(s!, t!) !== undefined)
      .map(([s, t]) => `${labels.get(s!)} → ${labels.get(t!)}: ${weight(s!, t!)!.toLocaleString('en-US')} moves`);
    expect(tips.length).toBeGreaterThan(0);
    for (const tip of tips) expect(expected).toContain(tip);
    // Picked by geometry (picking.ts): a tooltip only where the flow is drawn.
    expect(inkAt.every(Boolean), `ink under each point that showed a tooltip: ${inkAt}`).toBe(true);
    await page().mouse.move(1, 1);
  });

  it('viewer: hovering a place draws its label on the hover layers, which are not shown while nothing is emphasised', async () => {
    await gotoViewer(session);
    await page().mouse.move(1, 1);
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shown = () =>
      page().evaluate(() =>
        Object.fromEntries(
          ['edgeLabels', 'hovers', 'hoverNodes'].map((n) => [
            n,
            getComputedStyle(document.querySelector(`#map canvas.sigma-${n}`)!).display !== 'none',
          ]),
        ),
      );
    // Sigma clears these at every frame; without a GPU a shown layer is read back at each frame.
    expect(await shown()).toEqual({ edgeLabels: false, hovers: false, hoverNodes: false });
    const at = (await page().evaluate(() => window.talentflow.nodeViewport('Beijing')))!;
    const box = (await page().locator('#map').boundingBox())!;
    await page().mouse.move(box.x + at.x, box.y + at.y);
    await page().waitForFunction(() => window.talentflow.app.map!.sigma.getNodeDisplayData('Beijing')?.highlighted === true);
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await shown()).toEqual({ edgeLabels: false, hovers: true, hoverNodes: true });
    // The hovered place's label is inked on the hover layer, beside its disc.
    const inked = await page().evaluate((p) => {
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas.sigma-hovers')!;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const r = Math.round(80 * ratio);
      const x0 = Math.max(0, Math.round(p.x * ratio) - r);
      const y0 = Math.max(0, Math.round(p.y * ratio) - r);
      const d = canvas.getContext('2d')!.getImageData(x0, y0, 2 * r, 2 * r).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 128) n++;
      return n;
    }, at);
    expect(inked).toBeGreaterThan(50);
    await page().mouse.move(1, 1);
    await page().waitForFunction(() => window.talentflow.app.map!.sigma.getNodeDisplayData('Beijing')?.highlighted !== true);
    expect(await shown()).toEqual({ edgeLabels: false, hovers: false, hoverNodes: false });
  });

  it('viewer: no place label runs off the map’s right edge (labels there go left of their disc)', async () => {
    await gotoViewer(session);
    const edgeInk = await page().evaluate(() => {
      const canvas = window.talentflow.app.map!.sigma.getCanvases()['labels']!;
      const data = canvas.getContext('2d')!.getImageData(canvas.width - 3, 0, 3, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return ink;
    });
    expect(edgeInk).toBe(0);
  });

  it('viewer: colouring by the change between periods draws compare.csv’s net inflow change, red rising, blue falling', async () => {
    await gotoViewer(session, '?color=netChange');
    const rows = parseTable(readFileSync(join(dataDir, 'compare.csv'), 'utf8'), 'compare.csv').rows;
    const drawn = await page().evaluate(() => window.talentflow.app.map!.sigma.getGraph().nodes());
    const change = new Map(
      rows
        .filter((r) => drawn.includes(r['place']!) && r['net_inflow_change'] !== '')
        .map((r) => [r['place']!, Number(r['net_inflow_change'])]),
    );
    const max = Math.max(...[...change.values()].map(Math.abs));
    const byChange = [...change.entries()].sort((a, b) => a[1] - b[1]);
    for (const [place, value] of [byChange[0]!, byChange[byChange.length - 1]!]) {
      const colour = await page().evaluate((p) => window.talentflow.app.map!.sigma.getGraph().getNodeAttribute(p, 'color'), place);
      expect(colour, place).toBe(netInflowColor(value, max));
    }
    expect(byChange[0]![1]).toBeLessThan(0);
    expect(byChange[byChange.length - 1]![1]).toBeGreaterThan(0);
    expect(await page().locator('#legend').textContent()).toContain('change in net inflow (2018-2023 less 2011-2016)');
  });

  it('viewer: filters that leave no flow say so on the map and how to loosen them', async () => {
    await gotoViewer(session, '?min=1000000');
    await waitForEdges(0);
    expect(await page().locator('#empty').isVisible()).toBe(true);
    expect(await page().locator('#empty').textContent()).toContain('of at least 1000000 moves');
    await gotoViewer(session);
    expect(await page().locator('#empty').isVisible()).toBe(false);
  });

  it('viewer: heatmap cells above 1 are red-ish, below 1 blue-ish, about 1 grey', async () => {
    await gotoViewer(session);
    const cells = await page().$$eval('#rai-table td', (tds) =>
      tds.map((td) => [td.getAttribute('data-rai')!, getComputedStyle(td).backgroundColor]),
    );
    expect(cells.length).toBeGreaterThan(100);
    let red = 0;
    let blue = 0;
    for (const [text, css] of cells) {
      if (text === '') continue;
      const rai = Number(text);
      const [r, , b] = css!.match(/\d+/g)!.map(Number) as [number, number, number];
      if (rai > 1.15) {
        expect(r - b, `${text} ${css}`).toBeGreaterThan(15);
        red++;
      } else if (rai < 0.87) {
        expect(b - r, `${text} ${css}`).toBeGreaterThan(15);
        blue++;
      } else if (Math.abs(rai - 1) < 0.02) expect(Math.abs(r - b)).toBeLessThan(12);
    }
    expect(red).toBeGreaterThan(10);
    expect(blue).toBeGreaterThan(10);
  });

  it('viewer: heatmap rows follow the map order: re-sorted when the size measure changes, left as they are by a minimum flow', async () => {
    await gotoViewer(session, '?size=inflow');
    const rows = () => page().$$eval('#rai-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-place')!));
    const inflow = new Map<string, number>();
    graph.forEachEdge((_e, a, s, t) => {
      if (s !== t) inflow.set(t, (inflow.get(t) ?? 0) + a.weight);
    });
    const withRai = new Set(rai.map((r) => r['place']!));
    const byInflow = graph
      .nodes()
      .filter((p) => withRai.has(p))
      .sort((a, b) => (inflow.get(b) ?? 0) - (inflow.get(a) ?? 0) || (a < b ? -1 : 1));
    expect(await rows()).toEqual(byInflow);
    const table = await page().$('#rai-table');
    // A minimum flow thins what is drawn, not the flows places are sized by: the rows stay, table and all.
    await page().evaluate(() => window.talentflow.app.update({ minWeight: 3 }));
    expect(await rows()).toEqual(byInflow);
    expect(await page().evaluate((t) => t === document.getElementById('rai-table'), table)).toBe(true);
    await page().locator('#size-by').selectOption('outflow');
    const outflow = new Map<string, number>();
    graph.forEachEdge((_e, a, s, t) => {
      if (s !== t) outflow.set(s, (outflow.get(s) ?? 0) + a.weight);
    });
    expect(await rows()).toEqual(byInflow.slice().sort((a, b) => (outflow.get(b) ?? 0) - (outflow.get(a) ?? 0) || (a < b ? -1 : 1)));
  });

  it('viewer: heatmap: clicking a place selects it on the map, clicking a discipline filters the flows, sorting reorders rows', async () => {
    await gotoViewer(session);
    await page().locator('#rai-table tr[data-place="Boston"] th button').click();
    await page().waitForSelector('#card[data-place="Boston"]:not([hidden])');
    expect(await page().evaluate(() => window.talentflow.app.state.selected)).toBe('Boston');

    const discipline = 'Medicine';
    await page().locator(`#rai-table th.disc[data-discipline="${discipline}"] button.filter`).click();
    // The selected place draws only its own flows (in and out).
    const medicine = filterFlows(graph, { disciplines: [discipline] });
    await waitForEdges(medicine.filterEdges('Boston', () => true).length);
    expect(await page().locator('#discipline').inputValue()).toBe(discipline);

    await page().locator(`#rai-table th.disc[data-discipline="${discipline}"] button.sort`).click();
    const order = await page().$$eval('#rai-table tbody tr', (trs) =>
      trs.map((tr) => Number(tr.querySelector('td[data-discipline="Medicine"]')!.getAttribute('data-rai') || '-1')),
    );
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('viewer: a URL with the view state reproduces the same view', async () => {
    await gotoViewer(session);
    await page().locator('#size-by').selectOption('inflow');
    await page().locator('#node-color').selectOption('netInflow');
    await page().locator('#discipline').selectOption('Engineering');
    await page().locator('#min-weight').fill('3');
    await page().locator('#min-weight').blur();
    await page().locator('#top-sources').check();
    await page().locator('#rai-table tr[data-place="London"] th button').click();
    await page().evaluate(() => window.talentflow.app.map!.sigma.getCamera().setState({ x: 0.4, y: 0.55, ratio: 0.5 }));
    await page().waitForTimeout(400);
    const before = await page().evaluate(() => ({ state: window.talentflow.app.state, flows: window.talentflow.drawnFlows().length }));
    const url = page().url();
    expect(new URL(url).searchParams.get('top')).toBe('on,5,100');

    const other = await session.context.newPage();
    try {
      await other.goto(url);
      await other.waitForFunction(() => document.body.dataset['ready'] === 'true' && window.talentflow.app.map !== null);
      const after = await other.evaluate(() => ({ state: window.talentflow.app.state, flows: window.talentflow.drawnFlows().length }));
      expect(after.flows).toBe(before.flows);
      const { camera: c1, ...s1 } = before.state;
      const { camera: c2, ...s2 } = after.state;
      expect(s2).toEqual(s1);
      expect(c2!.x).toBeCloseTo(c1!.x, 4);
      expect(c2!.y).toBeCloseTo(c1!.y, 4);
      expect(c2!.ratio).toBeCloseTo(c1!.ratio, 4);
      expect(await other.locator('#card').getAttribute('data-place')).toBe('London');
      expect(await other.locator('#size-by').inputValue()).toBe('inflow');
      expect(await other.locator('#top-sources').isChecked()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('decodePng (the tests’ PNG reader) gives the pixels Chromium decodes from the same screenshot', async () => {
    await gotoViewer(session, '?min=50');
    const png = await page().screenshot();
    const pixels = decodePng(png);
    const size = page().viewportSize()!;
    expect([pixels.width, pixels.height]).toEqual([size.width, size.height]);
    const points = Array.from({ length: 60 }, (_, i) => ({ x: (i * 397) % pixels.width, y: (i * 211) % pixels.height }));
    const byChromium = await page().evaluate(
      async ({ b64, points }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return points.map(({ x, y }) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
      },
      { b64: png.toString('base64'), points },
    );
    expect(points.map(({ x, y }) => rgbAt(pixels, x, y))).toEqual(byChromium);
    // Not a blank picture: the points differ.
    expect(new Set(byChromium.map((c) => c.join(','))).size).toBeGreaterThan(3);
  });

  it('viewer: exports the map as PNG and the drawn flows and places as CSV', async () => {
    await gotoViewer(session, '?min=50');
    const n = await drawnCount();
    const [png] = await Promise.all([page().waitForEvent('download'), page().locator('#export-png').click()]);
    const pngPath = join(tmp, 'map.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'viewer-export.png'), bytes);
    // Place labels are in the PNG: dark text pixels where Beijing's label is drawn (right of its disc).
    const at = (await page().evaluate(() => window.talentflow.nodeViewport('Beijing')))!;
    const radius = await page().evaluate(() => window.talentflow.app.map!.sigma.getNodeDisplayData('Beijing')!.size);
    const labelBox = { x: Math.round(at.x + radius + 3), y: Math.round(at.y - 10), w: 48, h: 16 };
    const exported = decodePng(bytes);
    let dark = 0;
    for (let y = labelBox.y; y < labelBox.y + labelBox.h; y++) {
      for (let x = labelBox.x; x < labelBox.x + labelBox.w; x++) {
        const [r, g, b] = rgbAt(exported, x, y) ?? [255, 255, 255];
        if (r < 80 && g < 80 && b < 80) dark++;
      }
    }
    expect(dark).toBeGreaterThan(25);

    const [csv] = await Promise.all([page().waitForEvent('download'), page().locator('#export-flows').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    const table = parseTable(text, 'flows.csv');
    expect(table.columns.slice(0, 5)).toEqual(['source', 'source_label', 'target', 'target_label', 'weight']);
    expect(table.rows.length).toBe(n);
    expect(table.rows.map((r) => flowKey([r['source']!, r['target']!, Number(r['weight'])])).sort()).toEqual(
      expectedFlows(filterFlows(graph, { minWeight: 50 })),
    );

    const [placesCsv] = await Promise.all([page().waitForEvent('download'), page().locator('#export-places').click()]);
    const ptable = parseTable(readFileSync((await placesCsv.path())!, 'utf8'), 'places.csv');
    const shenzhen = ptable.rows.find((r) => r['place'] === 'Shenzhen')!;
    expect(shenzhen['inflow']).toBe(places.get('Shenzhen')!['inflow']);
    // No year or discipline filter: the selected in-flow is every move into Shenzhen.
    expect(Number(shenzhen['selected_inflow'])).toBe(graph.reduceInEdges('Shenzhen', (sum, _e, a) => sum + a.weight, 0));
  });

  it('viewer: opens another analysis folder from disk, and a graph.json dropped on the page', async () => {
    await gotoViewer(session);
    const other = join(tmp, 'other');
    writeSyntheticAnalysis(other, { places: 24, flows: 90, seed: 11 });
    await page().locator('#folder-input').setInputFiles(other);
    await page().waitForFunction(() => document.getElementById('map')?.dataset['nodes'] === '24');
    expect(await page().locator('#dataset-name').textContent()).toBe('other');
    expect(await drawnCount()).toBe(90);
    expect(await page().locator('#rai-table tbody tr').count()).toBe(24);

    // Drop the calibrated graph.json alone: places come from its node attributes.
    const text = readFileSync(join(dataDir, 'graph.json'), 'utf8');
    await page().evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'graph.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await waitForEdges(graph.size);
    expect(await page().locator('#dataset-name').textContent()).toBe('graph.json');
    expect(await page().locator('#heatmap').textContent()).toContain('It has no rai.csv');
  });

  it('viewer: the search box finds a place, selects it and zooms onto it', async () => {
    await gotoViewer(session);
    // The names it suggests: every place's label once, sorted, there once the box is focused.
    await page().locator('#search').focus();
    const names = await page()
      .locator('#place-names option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const labels = [...new Set(graph.mapNodes((n, a) => (typeof a.label === 'string' && a.label ? a.label : n)))].sort();
    expect(names).toEqual(labels);
    expect(names).toContain('Hong Kong');
    await page().locator('#search').fill('hong kong');
    await page().locator('#search').press('Enter');
    await page().waitForSelector('#card[data-place="Hong Kong"]:not([hidden])');
    await page().waitForFunction(() => window.talentflow.app.map!.sigma.getCamera().ratio < 0.2);
    expect(new URL(page().url()).searchParams.get('place')).toBe('Hong Kong');
  });

  it('viewer: the network view lays places out with ForceAtlas2, the same way every time', async () => {
    await gotoViewer(session, '?layout=network');
    expect(await page().locator('#map').getAttribute('data-layout')).toBe('network');
    const a = await page().evaluate(() => window.talentflow.app.render!.places.getNodeAttributes('Shenzhen'));
    await gotoViewer(session, '?layout=network');
    const b = await page().evaluate(() => window.talentflow.app.render!.places.getNodeAttributes('Shenzhen'));
    expect([b.x, b.y]).toEqual([a.x, a.y]);
    expect(await page().locator('canvas.sigma-basemap').isVisible()).toBe(false);
  });
});

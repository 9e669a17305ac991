/**
 * The analyst's controls in a real browser, on the calibrated sample analysed by the CLI: the
 * year histogram's brush and play button, the clickable place legend, the flows table and the
 * in / out / both switch. Expectations are computed independently of the viewer and of the
 * library's flow filters: flows.arrow read row by row with flechette (each flow's breakdown
 * summed here), flows.csv and graph.json read as plain data.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from '@uwdata/flechette';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../viewer/src/data/analysis.ts';
import { HIGHLIGHT_CASING } from '../../viewer/src/table/flow-highlight.ts';
import { gotoViewer, openViewer, prebuiltViewer, type ViewerSession, analyzeCalibrated } from './browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');

interface ArrowFlow {
  source: string;
  target: string;
  moves: number;
  breakdown: { year: number; discipline: string | null; moves: number }[];
}
interface JsonGraph {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: { weight: number } }[];
}

let tmp: string;
let session: ViewerSession;
let arrow: ArrowFlow[];
let json: JsonGraph;
let csv: Record<string, string>[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-controls-test-'));
  const dataDir = join(tmp, 'calibrated');
  analyzeCalibrated(dataDir);
  arrow = tableFromIPC(readFileSync(join(dataDir, 'flows.arrow'))).toArray() as unknown as ArrowFlow[];
  json = JSON.parse(readFileSync(join(dataDir, 'graph.json'), 'utf8')) as JsonGraph;
  csv = parseTable(readFileSync(join(dataDir, 'flows.csv'), 'utf8'), 'flows.csv').rows;
  session = await openViewer(await prebuiltViewer(), dataDir);
});

afterAll(async () => {
  await session?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const page = () => session.page;
const key = (s: string, t: string, w: number) => `${s} → ${t}: ${w}`;
const drawnFlows = async () => (await page().evaluate(() => window.talentflow.drawnFlows())).map(([s, t, w]) => key(s, t, w)).sort();
const drawnPlaces = async () => (await page().evaluate(() => window.talentflow.app.render!.places.nodes())).sort();
const waitForEdges = (n: number) =>
  page().waitForFunction((count) => document.getElementById('map')?.dataset['edges'] === String(count), n, { timeout: 20_000 });
const query = () => new URL(page().url()).searchParams;
async function shot(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page().waitForTimeout(300);
  await page().screenshot({ path: join(ARTIFACTS, name) });
}

/** The flows of the years [a, b]: each flow's breakdown cells in those years summed, flows with a move kept. */
function flowsInYears(a: number, b: number): string[] {
  const out: string[] = [];
  for (const f of arrow) {
    const moves = f.breakdown.reduce((sum, c) => sum + (c.year >= a && c.year <= b ? c.moves : 0), 0);
    if (moves > 0) out.push(key(f.source, f.target, moves));
  }
  return out.sort();
}

/** Moves by arrival year over every flow of flows.arrow. */
function movesByYear(): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of arrow) for (const c of f.breakdown) out.set(c.year, (out.get(c.year) ?? 0) + c.moves);
  return out;
}

/** Drags the histogram's brush from the bar of year `a` to the bar of year `b`. */
async function brush(a: number, b: number): Promise<void> {
  const from = (await page().locator(`#year-histogram g[data-year="${a}"] rect.bar-all`).boundingBox())!;
  const to = (await page().locator(`#year-histogram g[data-year="${b}"] rect.bar-all`).boundingBox())!;
  await page().mouse.move(from.x + from.width / 2, from.y + from.height - 2);
  await page().mouse.down();
  await page().mouse.move((from.x + to.x) / 2 + from.width / 2, to.y + to.height - 2, { steps: 4 });
  await page().mouse.move(to.x + to.width / 2, to.y + to.height - 2, { steps: 4 });
  await page().mouse.up();
}

describe('year histogram', () => {
  it('the histogram shows every year’s moves as flows.arrow counts them', async () => {
    await gotoViewer(session);
    const bars = await page().$$eval('#year-histogram g[data-year]', (gs) =>
      gs.map((g) => [Number(g.getAttribute('data-year')), Number(g.getAttribute('data-all')), Number(g.getAttribute('data-drawn'))]),
    );
    const expected = movesByYear();
    const years = [...expected.keys()].sort((x, y) => x - y);
    expect(bars.map(([y]) => y)).toEqual(Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_v, i) => years[0]! + i));
    for (const [year, all, drawn] of bars) {
      expect(all).toBe(expected.get(year!) ?? 0);
      // Every flow is drawn by default: the dark bar is the whole bar.
      expect(drawn).toBe(all);
    }
    await shot('viewer-controls-default.png');
  });

  it('the brush sets the years in the URL and the map draws the flows of those years as flows.arrow says', async () => {
    await gotoViewer(session);
    const expected = flowsInYears(2019, 2020);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(arrow.length);
    await brush(2019, 2020);
    await waitForEdges(expected.length);
    expect(query().get('years')).toBe('2019-2020');
    expect(await drawnFlows()).toEqual(expected);
    // The dark bars hold the drawn moves, only inside the brushed years.
    const bars = await page().$$eval('#year-histogram g[data-year]', (gs) =>
      gs.map((g) => [Number(g.getAttribute('data-year')), Number(g.getAttribute('data-drawn'))]),
    );
    const byYear = movesByYear();
    for (const [year, drawn] of bars) expect(drawn).toBe(year === 2019 || year === 2020 ? byYear.get(year!) : 0);
    expect(await page().locator('#year-from').inputValue()).toBe('2019');
    expect(await page().locator('#year-to').inputValue()).toBe('2020');
    await shot('viewer-controls-brush.png');
    // Brushing backwards over one bar selects that year alone.
    await brush(2021, 2021);
    await waitForEdges(flowsInYears(2021, 2021).length);
    expect(query().get('years')).toBe('2021');
    expect(await drawnFlows()).toEqual(flowsInYears(2021, 2021));
    // The keyboard: Shift+→ widens the selection by a year, ← moves it a year earlier.
    await page().locator('.timeline-chart').focus();
    await page().keyboard.press('Shift+ArrowRight');
    await page().waitForFunction(() => new URL(location.href).searchParams.get('years') === '2021-2022');
    await page().keyboard.press('ArrowLeft');
    await page().waitForFunction(() => new URL(location.href).searchParams.get('years') === '2020-2021');
    await waitForEdges(flowsInYears(2020, 2021).length);
    expect(await drawnFlows()).toEqual(flowsInYears(2020, 2021));
    await page().locator('#timeline-all').click();
    await waitForEdges(arrow.length);
    expect(query().has('years')).toBe(false);
  });

  it('play steps one year at a time from the first year, each step drawing that year’s flows', async () => {
    await gotoViewer(session);
    const first = Math.min(...movesByYear().keys());
    await page().locator('#timeline-play').click();
    await page().waitForFunction((y) => new URL(location.href).searchParams.get('years') === String(y), first, { timeout: 20_000 });
    await waitForEdges(flowsInYears(first, first).length);
    await page().waitForFunction((y) => new URL(location.href).searchParams.get('years') === String(y), first + 1, { timeout: 20_000 });
    await page().locator('#timeline-play').click();
    expect(await page().locator('#timeline-play').getAttribute('aria-pressed')).toBe('false');
    // Paused on one year (a step may have landed before the click): that year's flows are drawn and stay.
    const year = Number(query().get('years'));
    expect(year).toBeGreaterThanOrEqual(first + 1);
    await waitForEdges(flowsInYears(year, year).length);
    expect(await drawnFlows()).toEqual(flowsInYears(year, year));
    await page().waitForTimeout(1500);
    expect(query().get('years')).toBe(String(year));
  });

  it('play moves a brushed window one year later at each step, as wide as it is', async () => {
    await gotoViewer(session, '?years=2018-2020');
    await page().locator('#timeline-play').click();
    await page().waitForFunction(() => new URL(location.href).searchParams.get('years') === '2019-2021', null, { timeout: 20_000 });
    await page().locator('#timeline-play').click();
    const [a, b] = query().get('years')!.split('-').map(Number);
    expect(b! - a!).toBe(2);
    await waitForEdges(flowsInYears(a!, b!).length);
    expect(await drawnFlows()).toEqual(flowsInYears(a!, b!));
  });
});

/** Places of graph.json with coordinates (the ones the map can draw), and whether one passes `keep`. */
const mapped = (keep: (a: Record<string, unknown>) => boolean) =>
  json.nodes
    .filter((n) => typeof n.attributes['lat'] === 'number' && keep(n.attributes))
    .map((n) => n.key)
    .sort();
function flowsAmong(places: string[]): string[] {
  const set = new Set(places);
  return json.edges
    .filter((e) => set.has(e.source) && set.has(e.target))
    .map((e) => key(e.source, e.target, e.attributes.weight))
    .sort();
}

describe('place legend', () => {
  it('clicking a community in the place legend draws exactly that community’s places and the flows between them; again shows every place', async () => {
    await gotoViewer(session);
    const places = mapped((a) => a['community'] === 2);
    expect(places.length).toBeGreaterThan(3);
    await page().locator('#place-legend li[data-key="2"] button.entry').click();
    await waitForEdges(flowsAmong(places).length);
    expect(await drawnPlaces()).toEqual(places);
    expect(await drawnFlows()).toEqual(flowsAmong(places));
    expect(query().get('only')).toBe('community:2');
    await shot('viewer-controls-legend.png');
    await page().locator('#place-legend li[data-key="2"] button.entry').click();
    await waitForEdges(json.edges.length);
    expect(query().has('only')).toBe(false);
  });

  it('the colour legend’s swatches filter too, Ctrl-click adds a community, and the link reopens the same view', async () => {
    await gotoViewer(session);
    await page().locator('#legend li[data-community="0"]').click();
    await page().locator('#legend li[data-community="0"]').waitFor();
    const zero = mapped((a) => a['community'] === 0);
    await waitForEdges(flowsAmong(zero).length);
    expect(await drawnPlaces()).toEqual(zero);
    await page()
      .locator('#place-legend li[data-key="3"] button.entry')
      .click({ modifiers: ['Control'] });
    const both = mapped((a) => a['community'] === 0 || a['community'] === 3);
    await waitForEdges(flowsAmong(both).length);
    expect(await drawnPlaces()).toEqual(both);
    expect(query().get('only')).toBe('community:0|3');
    await gotoViewer(session, `?${query().toString()}`);
    expect(await drawnPlaces()).toEqual(both);
    expect(await drawnFlows()).toEqual(flowsAmong(both));
  });

  it('the region tab filters by region; a checkbox hides one region and keeps the others', async () => {
    await gotoViewer(session);
    await page().locator('#place-legend button[data-by="region"]').click();
    await page().locator('#place-legend li[data-key="Europe"] button.entry').click();
    const europe = mapped((a) => a['region'] === 'Europe');
    await waitForEdges(flowsAmong(europe).length);
    expect(await drawnPlaces()).toEqual(europe);
    expect(query().get('only')).toBe('region:Europe');
    await page().locator('#place-legend-clear, #place-filter-clear').click();
    await waitForEdges(json.edges.length);
    await page().locator('#place-legend button[data-by="region"]').click();
    await page().locator('#place-legend li[data-key="Asia"] input').uncheck();
    const notAsia = mapped((a) => a['region'] !== 'Asia');
    await waitForEdges(flowsAmong(notAsia).length);
    expect(await drawnPlaces()).toEqual(notAsia);
  });
});

/** flows.csv's rows as the table's rows: source and target labels, moves, researchers. */
function csvRows() {
  return csv.map((r) => ({
    source: r['source']!,
    target: r['target']!,
    sl: r['source_label']!,
    tl: r['target_label']!,
    moves: Number(r['weight']),
    researchers: r['researchers'] === '' ? null : Number(r['researchers']),
  }));
}
type CsvRow = ReturnType<typeof csvRows>[number];
const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The table's documented order, written out again here: the column, then moves (largest first), source and target (names by label, then id). */
function expectedOrder(column: 'source' | 'target' | 'moves' | 'researchers', descending: boolean): string[] {
  const sign = descending ? -1 : 1;
  const bySource = (a: CsvRow, b: CsvRow) => cmpText(a.sl, b.sl) || cmpText(a.source, b.source);
  const byTarget = (a: CsvRow, b: CsvRow) => cmpText(a.tl, b.tl) || cmpText(a.target, b.target);
  const primary = (a: CsvRow, b: CsvRow): number => {
    if (column === 'source') return sign * bySource(a, b);
    if (column === 'target') return sign * byTarget(a, b);
    if (column === 'moves') return sign * (a.moves - b.moves);
    if (a.researchers === null || b.researchers === null) return (a.researchers === null ? 1 : 0) - (b.researchers === null ? 1 : 0);
    return sign * (a.researchers - b.researchers);
  };
  return csvRows()
    .sort((a, b) => primary(a, b) || b.moves - a.moves || bySource(a, b) || byTarget(a, b))
    .map((r) => `${r.source}→${r.target}`);
}
const tableOrder = () =>
  page().$$eval('#flows-table-rows tbody tr', (trs) =>
    trs.map((tr) => `${tr.getAttribute('data-source')}→${tr.getAttribute('data-target')}`),
  );

describe('flows table', () => {
  it('the table lists the top 100 flows by moves, each column sorting it as an independent sort of flows.csv does', async () => {
    await gotoViewer(session);
    expect(await tableOrder()).toEqual(expectedOrder('moves', true).slice(0, 100));
    const total = csvRows().reduce((s, r) => s + r.moves, 0);
    const first = csvRows().find((r) => `${r.source}→${r.target}` === expectedOrder('moves', true)[0])!;
    expect(await page().locator('#flows-table-rows tbody tr').first().locator('td').nth(5).textContent()).toBe(
      `${((100 * first.moves) / total).toFixed(1)}%`,
    );
    for (const [column, firstDescending] of [
      ['researchers', true],
      ['source', false],
      ['target', false],
      ['moves', true],
    ] as const) {
      await page().locator(`#flows-table-rows th button[data-column="${column}"]`).click();
      expect(await tableOrder()).toEqual(expectedOrder(column, firstDescending).slice(0, 100));
      await page().locator(`#flows-table-rows th button[data-column="${column}"]`).click();
      expect(await tableOrder()).toEqual(expectedOrder(column, !firstDescending).slice(0, 100));
      expect(query().get('table')).toBe(`${column},${firstDescending ? 'asc' : 'desc'}`);
    }
    await page().locator('.flows-table button.more').click();
    expect(await page().locator('#flows-table-rows tbody tr').count()).toBe(200);
  });

  it('the table follows the filters: minimum flow and years', async () => {
    await gotoViewer(session, '?min=100&years=2019-2023');
    const expected = arrow
      .map((f) => ({ f, moves: f.breakdown.reduce((s, c) => s + (c.year >= 2019 ? c.moves : 0), 0) }))
      .filter((x) => x.moves >= 100)
      .sort((a, b) => b.moves - a.moves || cmpText(a.f.source, b.f.source) || cmpText(a.f.target, b.f.target));
    expect(await page().locator('#flows-table-count').getAttribute('data-count')).toBe(String(expected.length));
    const moves = await page().$$eval('#flows-table-rows tbody tr td:nth-child(4)', (tds) =>
      tds.map((td) => Number(td.textContent!.replace(/,/g, ''))),
    );
    expect(moves).toEqual(expected.map((x) => x.moves));
  });

  it('clicking a row highlights that flow on the map (pixel check on its curve), clicking again clears it', async () => {
    await gotoViewer(session);
    const row = page().locator('#flows-table-rows tbody tr').nth(2);
    const [s, t] = [await row.getAttribute('data-source'), await row.getAttribute('data-target')];
    await row.click();
    await page().waitForSelector('#flows-table-rows tbody tr.highlighted');
    expect(await page().evaluate(() => window.talentflow.app.panels.highlighted)).toBe(
      await page().evaluate(
        ([a, b]) => {
          const flows = window.talentflow.app.render!.flows;
          return flows.keys[flows.find(a!, b!)];
        },
        [s, t],
      ),
    );
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const pixel = await page().evaluate(() => {
      const mid = window.talentflow.app.panels.highlight!.midpoint()!;
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas.sigma-flowHighlight')!;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const d = canvas.getContext('2d')!.getImageData(Math.round(mid.x * ratio), Math.round(mid.y * ratio), 1, 1).data;
      const edge = window.talentflow.app.panels.highlighted!;
      return {
        rgba: [...d],
        color: window.talentflow.app.render!.flows.attributes(window.talentflow.app.render!.flows.indexOf(edge)).color.slice(0, 7),
        visible: canvas.style.display !== 'none',
      };
    });
    expect(pixel.visible).toBe(true);
    // The curve's middle is drawn opaque in the flow's colour (inside its dark casing).
    const hex = [1, 3, 5].map((i) => parseInt(pixel.color.slice(i, i + 2), 16));
    expect(pixel.rgba[3]).toBe(255);
    expect(Math.abs(pixel.rgba[0]! - hex[0]!) + Math.abs(pixel.rgba[1]! - hex[1]!) + Math.abs(pixel.rgba[2]! - hex[2]!)).toBeLessThan(12);
    expect(pixel.color).not.toBe(HIGHLIGHT_CASING);
    await shot('viewer-controls-highlight.png');
    await page().locator('#flows-table-rows tbody tr.highlighted').click();
    await page().waitForSelector('#flows-table-rows tbody tr.highlighted', { state: 'detached' });
    expect(await page().evaluate(() => document.querySelector<HTMLCanvasElement>('#map canvas.sigma-flowHighlight')!.style.display)).toBe(
      'none',
    );
  });
});

describe('in / out / both', () => {
  const of = (place: string, direction: 'in' | 'out' | 'both') =>
    json.edges
      .filter((e) => (direction !== 'out' && e.target === place) || (direction !== 'in' && e.source === place))
      .map((e) => key(e.source, e.target, e.attributes.weight))
      .sort();

  it('a selected place draws and lists its flows; the switch keeps those into it or out of it', async () => {
    await gotoViewer(session, '?place=Shenzhen');
    await waitForEdges(of('Shenzhen', 'both').length);
    expect(await drawnFlows()).toEqual(of('Shenzhen', 'both'));
    expect(await page().locator('#flows-table-count').getAttribute('data-count')).toBe(String(of('Shenzhen', 'both').length));
    await page().locator('#card [data-direction="in"]').click();
    await waitForEdges(of('Shenzhen', 'in').length);
    expect(await drawnFlows()).toEqual(of('Shenzhen', 'in'));
    expect(query().get('dir')).toBe('in');
    const targets = await page().$$eval('#flows-table-rows tbody tr', (trs) => [
      ...new Set(trs.map((tr) => tr.getAttribute('data-target'))),
    ]);
    expect(targets).toEqual(['Shenzhen']);
    await shot('viewer-controls-in.png');
    await page().locator('.flows-table [data-direction="out"]').click();
    await waitForEdges(of('Shenzhen', 'out').length);
    expect(await drawnFlows()).toEqual(of('Shenzhen', 'out'));
    expect(await page().locator('#card [data-direction="out"]').getAttribute('aria-checked')).toBe('true');
    // Closing the card draws every flow again.
    await page().keyboard.press('Escape');
    await waitForEdges(json.edges.length);
    expect(session.errors).toEqual([]);
  });
});

/**
 * Checks of the SYNTHETIC calibrated sample against the SET 2024 report's figures, measured
 * from the rows alone (measure.ts). `verifySample` returns what `targets.json` holds: each
 * target with its published value, the achieved value, the tolerance and whether it passes.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { createRng } from '../../src/random.ts';
import type { TimelineRow } from './csv.ts';
import { measureSample, weightedPagerank, type SampleMeasures } from './measure.ts';
import { PLACES, SET_METROS, placeOf } from './places.ts';
import {
  PUBLISHED_FLOWS,
  PUBLISHED_RAI,
  PUBLISHED_STOCK_TARGETS,
  PUBLISHED_YOUNG_GROWTH_SCORES,
  WINDOW,
} from './targets.ts';

export interface Check {
  target: string;
  /** report: a published figure; derived: recovered from published scores; design: a structural requirement of the sample. */
  source: 'report' | 'derived' | 'design';
  published: number | string | null;
  achieved: number | string;
  tolerance: string;
  ok: boolean;
}

export interface SampleReport {
  title: string;
  synthetic: true;
  seed: number;
  /** "1:20": one sampled researcher (or move) per 20 in the report's counts. */
  scale: string;
  rows: number;
  researchers: number;
  activeResearchers: number;
  checks: Check[];
}

const US_METROS = ['Boston', 'New York', 'San Francisco', 'Los Angeles', 'Seattle', 'Chicago', 'San Diego', 'Washington D.C.', 'Austin', 'Dallas'];
const GBA = ['Shenzhen', 'Hong Kong', 'Guangzhou'];
const EUROPE_METROS = ['London', 'Paris', 'Berlin', 'Munich', 'Amsterdam', 'Stockholm', 'Copenhagen', 'Zurich', 'Dublin'];
const EAST_ASIA_PACIFIC_METROS = ['Tokyo', 'Seoul', 'Singapore', 'Sydney', 'Melbourne'];
/** Louvain seeds the community checks must hold for (the toolkit's default 42 first). */
const LOUVAIN_SEEDS = [42, 1, 2, 3, 4, 5, 6, 7, 8, 9];

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Measures the rows and checks every target. */
export function verifySample(rows: readonly TimelineRow[], options: { seed: number; scale: number }): SampleReport {
  const m = measureSample(rows);
  const checks: Check[] = [];
  const add = (c: Omit<Check, 'ok'>, ok: boolean) => checks.push({ ...c, ok });
  const full = 1 / options.scale;
  const stock = (k: string) => m.places.get(k)?.stock ?? 0;
  const pct = (k: string, f: 'young' | 'inflowSet') => (stock(k) > 0 ? (100 * m.places.get(k)![f]) / stock(k) : NaN);

  // 1–2. Inflow ratio and young share of the 15 talent-potential cities.
  for (const [city, t] of Object.entries(PUBLISHED_STOCK_TARGETS)) {
    const a = pct(city, 'inflowSet');
    add({ target: `inflow ratio % ${city}`, source: 'derived', published: t.inflowRatioPct, achieved: round(a), tolerance: '±1.0 pp' }, Math.abs(a - t.inflowRatioPct) <= 1.0);
  }
  for (const [city, t] of Object.entries(PUBLISHED_STOCK_TARGETS)) {
    const a = pct(city, 'young');
    add({ target: `young active share % ${city}`, source: 'derived', published: t.youngSharePct, achieved: round(a), tolerance: '±1.5 pp' }, Math.abs(a - t.youngSharePct) <= 1.5);
  }
  const inflows = SET_METROS.map((k) => [k, pct(k, 'inflowSet')] as const).sort((a, b) => b[1] - a[1]);
  add({ target: 'highest inflow ratio of the 30', source: 'report', published: 'Shenzhen', achieved: inflows[0]![0], tolerance: 'exact' }, inflows[0]![0] === 'Shenzhen');
  const lowest = inflows.at(-1)!;
  add({ target: 'lowest inflow ratio % of the 30', source: 'derived', published: 5.0, achieved: `${round(lowest[1])} (${lowest[0]})`, tolerance: '±1.0 pp' }, Math.abs(lowest[1] - 5) <= 1);
  const rest = inflows.filter(([k]) => !(k in PUBLISHED_STOCK_TARGETS));
  add(
    { target: 'inflow ratio % of the other 15 metros', source: 'derived', published: '5–16', achieved: `${round(Math.min(...rest.map((r) => r[1])))}–${round(Math.max(...rest.map((r) => r[1])))}`, tolerance: '[4, 17]' },
    rest.every(([, v]) => v >= 4 && v <= 17),
  );
  const youngest = SET_METROS.map((k) => [k, pct(k, 'young')] as const).sort((a, b) => a[1] - b[1])[0]!;
  add({ target: 'lowest young active share % of the 30', source: 'derived', published: 15.2, achieved: `${round(youngest[1])} (${youngest[0]})`, tolerance: '±1.5 pp' }, Math.abs(youngest[1] - 15.2) <= 1.5);

  // 3. RAI of each metro's five listed disciplines, world = every place of the sample.
  const worldTotal = [...m.places.values()].reduce((a, p) => a + p.stock, 0);
  const worldBy = new Map<string, number>();
  for (const p of m.places.values()) for (const [dd, n] of Object.entries(p.byDiscipline)) worldBy.set(dd, (worldBy.get(dd) ?? 0) + n);
  for (const [city, discipline, rai] of PUBLISHED_RAI) {
    const p = m.places.get(city);
    const a = p ? (p.byDiscipline[discipline] ?? 0) / p.stock / ((worldBy.get(discipline) ?? 0) / worldTotal) : NaN;
    add({ target: `RAI ${city} / ${discipline}`, source: 'report', published: rai, achieved: round(a), tolerance: '±0.1' }, Math.abs(a - rai) <= 0.1);
  }

  flowChecks(m, full, add);
  youngGrowthChecks(m, add);

  // 8. Stock sizes: the largest metros in the report's order of size.
  const bySize = SET_METROS.slice().sort((a, b) => stock(b) - stock(a)).slice(0, 5);
  const expected = ['Beijing', 'Boston', 'Shanghai', 'London', 'New York'];
  add({ target: 'five largest stocks', source: 'design', published: expected.join(', '), achieved: bySize.join(', '), tolerance: 'same order' }, bySize.join() === expected.join());

  // Structure of the file.
  add({ target: 'raw places that resolve', source: 'design', published: 'all', achieved: m.unresolved.length === 0 ? 'all' : m.unresolved.join('; '), tolerance: 'all' }, m.unresolved.length === 0);
  add({ target: 'researcher-years with a tied place', source: 'design', published: 0, achieved: m.tiedYears, tolerance: 'exact' }, m.tiedYears === 0);
  add({ target: 'researchers with several disciplines', source: 'design', published: 0, achieved: m.mixedDisciplines, tolerance: 'exact' }, m.mixedDisciplines === 0);
  add({ target: 'years spanned', source: 'design', published: '2010–2023', achieved: `${m.years[0]}–${m.years[1]}`, tolerance: 'within' }, m.years[0] >= 2010 && m.years[1] <= WINDOW[1]);
  add({ target: 'rows', source: 'design', published: '≤ 600000', achieved: m.rows, tolerance: '≤ 600000' }, m.rows <= 600_000);

  return {
    title: 'SYNTHETIC calibrated researcher timelines: targets from the SET Index 2024 report and the values this sample achieves',
    synthetic: true,
    seed: options.seed,
    scale: `1:${round(full, 4)}`,
    rows: m.rows,
    researchers: m.researchers,
    activeResearchers: m.active,
    checks,
  };
}

type Add = (c: Omit<Check, 'ok'>, ok: boolean) => void;

/** 4–6: named flows, hubs (strength and PageRank), the magnet, domestic shares and communities. */
function flowChecks(m: SampleMeasures, full: number, add: Add): void {
  const w = (a: string, b: string) => m.flows.get(`${a}\t${b}`) ?? 0;
  const keys = PLACES.map((p) => p.key);
  const inS = new Map(keys.map((k) => [k, 0]));
  const outS = new Map(keys.map((k) => [k, 0]));
  for (const [edge, n] of m.flows) {
    const [a, b] = edge.split('\t') as [string, string];
    outS.set(a, (outS.get(a) ?? 0) + n);
    inS.set(b, (inS.get(b) ?? 0) + n);
  }
  const sources = keys.map((k) => [k, w(k, 'Shenzhen')] as const).sort((a, b) => b[1] - a[1]);
  const top3 = sources.slice(0, 3).map(([k]) => k);
  add({ target: "Shenzhen's three largest sources", source: 'report', published: PUBLISHED_FLOWS.shenzhenTopSources.join(' > '), achieved: sources.slice(0, 3).map(([k, n]) => `${k} ${n}`).join(' > '), tolerance: 'same order' }, top3.join() === PUBLISHED_FLOWS.shenzhenTopSources.join());
  const bj = w('Beijing', 'Shenzhen') * full;
  add({ target: 'Beijing → Shenzhen (full scale)', source: 'report', published: `> ${PUBLISHED_FLOWS.beijingToShenzhenMin}`, achieved: bj, tolerance: 'above' }, bj > PUBLISHED_FLOWS.beijingToShenzhenMin);
  const three = (w('Beijing', 'Shenzhen') + w('Hong Kong', 'Shenzhen') + w('Guangzhou', 'Shenzhen')) * full;
  add({ target: 'Beijing + Hong Kong + Guangzhou → Shenzhen (full scale)', source: 'report', published: `> ${PUBLISHED_FLOWS.gbaAndBeijingToShenzhenMin}`, achieved: three, tolerance: 'above' }, three > PUBLISHED_FLOWS.gbaAndBeijingToShenzhenMin);
  const top5 = (from: string) => SET_METROS.filter((k) => k !== from).map((k) => w(from, k)).sort((a, b) => b - a).slice(0, 5).reduce((a, b) => a + b, 0);
  const b5 = top5('Beijing') * full;
  const bos5 = top5('Boston') * full;
  add({ target: "Beijing → its five largest SET destinations (full scale)", source: 'report', published: `> ${PUBLISHED_FLOWS.beijingTop5Min}`, achieved: b5, tolerance: 'above' }, b5 > PUBLISHED_FLOWS.beijingTop5Min);
  add({ target: "Beijing's five largest SET outflows / Boston's", source: 'report', published: PUBLISHED_FLOWS.beijingOverBoston, achieved: round(b5 / bos5), tolerance: '1.7–2.3' }, b5 / bos5 >= 1.7 && b5 / bos5 <= 2.3);

  const rank = (s: Map<string, number>, k: string) => [...s.values()].filter((v) => v > s.get(k)!).length + 1;
  for (const hub of ['Beijing', 'Boston']) {
    const r = `in ${rank(inS, hub)}, out ${rank(outS, hub)}`;
    add({ target: `${hub} is a hub: rank by in- and out-strength`, source: 'report', published: 'top 2 (≤ 3)', achieved: r, tolerance: 'both ≤ 3' }, rank(inS, hub) <= 3 && rank(outS, hub) <= 3);
  }
  // PageRank (α 0.85, weights = moves) rewards inflow from places that themselves receive a lot.
  const pr = Object.entries(weightedPagerank(m.flows, keys)).sort((a, b) => b[1] - a[1]);
  const prTop = pr.slice(0, 3).map(([k, v]) => `${k} ${round(v, 4)}`).join(', ');
  const prTwo = pr.slice(0, 2).map(([k]) => k).sort();
  add({ target: 'Beijing and Boston are the two largest by weighted PageRank (α 0.85)', source: 'report', published: 'Beijing, Boston', achieved: prTop, tolerance: 'top 2' }, prTwo.join() === 'Beijing,Boston');
  const magnet = inS.get('Shenzhen')! / outS.get('Shenzhen')!;
  add({ target: 'Shenzhen inflow / outflow (magnet)', source: 'report', published: '≥ 2', achieved: round(magnet), tolerance: '≥ 2' }, magnet >= 2);
  const net = keys.map((k) => [k, inS.get(k)! - outS.get(k)!] as const).sort((a, b) => b[1] - a[1]);
  add({ target: 'largest net inflow of every place (magnet)', source: 'report', published: 'Shenzhen', achieved: net.slice(0, 2).map(([k, v]) => `${k} ${v * full}`).join(', '), tolerance: 'first' }, net[0]![0] === 'Shenzhen');
  const gbaLinks = GBA.flatMap((a) => GBA.filter((b) => b !== a).map((b) => w(a, b)));
  add({ target: 'Greater Bay Area exchange both ways: smallest of the six flows (full scale)', source: 'report', published: 'heavy', achieved: Math.min(...gbaLinks) * full, tolerance: '≥ 500' }, Math.min(...gbaLinks) * full >= 500);

  // Domestic share = moves with both ends in the country / moves with at least one end in it
  // (the strictest reading); the shares of its outflow and of its inflow are shown alongside.
  for (const [cc, lo, hi, label] of [['CN', 0.85, 0.9, '85–90 %'], ['US', 0.76, 0.84, '≈ 80 %']] as const) {
    let within = 0;
    let touching = 0;
    let from = 0;
    let into = 0;
    for (const [edge, n] of m.flows) {
      const [a, b] = edge.split('\t').map((k) => placeOf(k).country === cc) as [boolean, boolean];
      if (a && b) within += n;
      if (a || b) touching += n;
      if (a) from += n;
      if (b) into += n;
    }
    const share = within / touching;
    const detail = `${round(100 * share, 1)} (of outflow ${round((100 * within) / from, 1)}, of inflow ${round((100 * within) / into, 1)})`;
    add({ target: `domestic share of moves touching ${cc}`, source: 'report', published: label, achieved: detail, tolerance: `${100 * lo}–${100 * hi} %` }, share >= lo && share <= hi);
  }

  // Louvain's result for a seed depends on the order nodes and edges are met: add them in
  // code-point order of their keys (places, then from–to), the order talentflow builds its graph
  // in, so that a seed here gives the partition the toolkit shows for that seed.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const g = new UndirectedGraph();
  for (const k of [...keys].sort(byText)) g.addNode(k);
  for (const [edge, n] of [...m.flows].sort((a, b) => byText(a[0], b[0]))) {
    const [a, b] = edge.split('\t') as [string, string];
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (x: number) => x + n);
    else g.addEdge(a, b, { weight: n });
  }
  let gbaOk = 0;
  let usOk = 0;
  const own = { gba: [] as number[], europe: [] as number[] };
  let sizes = '';
  for (const seed of LOUVAIN_SEEDS) {
    const c = louvain(g, { getEdgeWeight: 'weight', resolution: 1, rng: createRng(seed) });
    const members = (k: string) => keys.filter((x) => c[x] === c[k]);
    if (GBA.every((k) => c[k] === c.Shenzhen)) gbaOk++;
    const usCommunity = c.Boston;
    const usOnly = members('Boston').every((k) => ['US', 'CA'].includes(placeOf(k).country));
    if (US_METROS.every((k) => c[k] === usCommunity) && usOnly) usOk++;
    // The Greater Bay Area on its own: no other SET metro (Beijing, Shanghai ...) in its community.
    const gbaSet = members('Shenzhen').filter((k) => placeOf(k).set);
    if (GBA.every((k) => c[k] === c.Shenzhen) && gbaSet.length === GBA.length) own.gba.push(seed);
    // Europe on its own: the European metros together, with no East Asia–Pacific metro and no US or Chinese place.
    const europe = members('London');
    const apart = europe.every((k) => !EAST_ASIA_PACIFIC_METROS.includes(k) && !['US', 'CN'].includes(placeOf(k).country));
    if (EUROPE_METROS.every((k) => c[k] === c.London) && apart) own.europe.push(seed);
    if (seed === LOUVAIN_SEEDS[0]) {
      // Each community named by its three largest members by in + out moves, as the toolkit labels them.
      const strength = (k: string) => inS.get(k)! + outS.get(k)!;
      const groups = [...new Set(keys.map((k) => c[k]!))].map((id) => keys.filter((k) => c[k] === id).sort((a, b) => strength(b) - strength(a)));
      const total = (ms: string[]) => ms.reduce((a, k) => a + strength(k), 0);
      sizes = groups.sort((a, b) => total(b) - total(a)).map((ms) => `${ms.slice(0, 3).join(' – ')} (${ms.length})`).join('; ');
    }
  }
  const n = LOUVAIN_SEEDS.length;
  const first = LOUVAIN_SEEDS[0]!;
  const most = (seeds: number[]) => seeds.includes(first) && seeds.length >= Math.ceil(0.8 * n);
  add({ target: 'Louvain: Shenzhen, Hong Kong, Guangzhou in one community (seeds passing)', source: 'report', published: 'together', achieved: `${gbaOk}/${n}`, tolerance: 'every seed' }, gbaOk === n);
  add({ target: 'Louvain: the 10 large US metros in one North American community (seeds passing)', source: 'report', published: 'together', achieved: `${usOk}/${n}`, tolerance: 'every seed' }, usOk === n);
  add(
    { target: 'Louvain: the Greater Bay Area its own community, without Beijing, Shanghai or another SET metro (seeds passing)', source: 'report', published: 'own community', achieved: `${own.gba.length}/${n} (seed ${first}: ${sizes})`, tolerance: `seed ${first} and ≥ ${Math.ceil(0.8 * n)}/${n}` },
    most(own.gba),
  );
  add(
    { target: 'Louvain: the 9 European metros one community apart from East Asia–Pacific, the US and China (seeds passing)', source: 'design', published: 'own community', achieved: `${own.europe.length}/${n}`, tolerance: `seed ${first} and ≥ ${Math.ceil(0.8 * n)}/${n}` },
    most(own.europe),
  );
}

/** 7: young growth, CAGR of young researchers 2019 → 2023, and its min–max score over the 30. */
function youngGrowthChecks(m: SampleMeasures, add: Add): void {
  const [w0, w1] = WINDOW;
  const growth = new Map<string, number>();
  for (const [k, p] of m.places) {
    const a = p.youngByYear[w0]!;
    const b = p.youngByYear[w1]!;
    if (a > 0) growth.set(k, (b / a) ** (1 / (w1 - w0)) - 1);
  }
  const all = [...growth].sort((a, b) => b[1] - a[1]);
  add({ target: 'highest young growth of every place', source: 'report', published: 'Shenzhen', achieved: `${all[0]![0]} ${round(100 * all[0]![1], 1)} %`, tolerance: 'exact' }, all[0]![0] === 'Shenzhen');
  const negative = all.filter(([, v]) => v <= 0).map(([k]) => k);
  add({ target: 'young growth positive everywhere', source: 'report', published: 'positive', achieved: negative.length === 0 ? 'all positive' : negative.join(', '), tolerance: 'all' }, negative.length === 0 && growth.size === PLACES.length);
  const set = SET_METROS.map((k) => growth.get(k) ?? NaN);
  const lo = Math.min(...set);
  const hi = Math.max(...set);
  for (const [city, score] of Object.entries(PUBLISHED_YOUNG_GROWTH_SCORES)) {
    const s = 60 + (40 * (growth.get(city)! - lo)) / (hi - lo);
    add({ target: `young growth score ${city}`, source: 'report', published: score, achieved: round(s, 1), tolerance: '±3' }, Math.abs(s - score) <= 3);
  }
}

/** The checks as a plain-text table, failures first. */
export function formatChecks(report: SampleReport): string {
  const failed = report.checks.filter((c) => !c.ok);
  const lines = failed.map((c) => `FAIL  ${c.target}: published ${c.published}, achieved ${c.achieved} (${c.tolerance})`);
  lines.push(`${report.checks.length - failed.length}/${report.checks.length} checks pass (seed ${report.seed}, scale ${report.scale}, ${report.rows} rows)`);
  return lines.join('\n');
}

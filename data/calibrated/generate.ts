/**
 * Generator of the SYNTHETIC calibrated sample `data/calibrated/timelines.csv.gz`: affiliation
 * timelines of invented researchers, calibrated so that the toolkit's pipeline reproduces the
 * SET Index 2024 report's published figures (see README.md and targets.json).
 *
 *   npx tsx data/calibrated/generate.ts [--seed 42] [--scale 0.05]
 *
 * Steps, all seeded: plan the flows between places (flows.ts); per destination, split its
 * arrivals into SET inflowers, earlier arrivals, early-career movers and inactive movers, and
 * fill the rest of its stock with stayers so that the inflow ratio and young share come out as
 * targeted; set each place's young count in 2019 so that young growth hits its CAGR; give each
 * place's active researchers the discipline mix fitted to the RAI targets (disciplines.ts);
 * name places the way affiliations read; then verify everything from the rows (verify.ts).
 */
import { createRng } from '../../src/random.ts';
import type { TimelineRow } from './csv.ts';
import { DISCIPLINE_NAMES, fitDisciplineCounts } from './disciplines.ts';
import { planFlows, sampleFlows } from './flows.ts';
import { PLACES } from './places.ts';
import {
  addYoungYear,
  delayFirstYear,
  Draw,
  firstYear,
  inactiveMover,
  inactiveStayer,
  preWindowMover,
  seniorStayer,
  setInflower,
  youngMover,
  youngStayer,
  type Draft,
} from './researchers.ts';
import { PUBLISHED_RAI, SAMPLE_SCALE, SAMPLE_SEED, STOCK_TARGETS, WINDOW } from './targets.ts';

export interface GenerateOptions {
  /** Seed of every random draw (default 42). */
  seed?: number;
  /** Share of the report's full-scale counts the sample holds (default 1/20). */
  scale?: number;
}

/** Shares of the arrivals that are not SET inflows: active before the window, early-career; the rest are inactive. */
const PRE_WINDOW_SHARE = 0.45;
const YOUNG_MOVER_SHARE = 0.15;
/** Inactive researchers who never moved, per active researcher. */
const INACTIVE_STAYERS = 0.06;
/** Stayers whose affiliation switches between two member cities of their metro (a move only at city level). */
const MEMBER_SWITCH = 0.05;

/**
 * Generates the sample's rows in memory, sorted by researcher then year.
 *
 * @example
 * const rows = generateTimelines({ seed: 42, scale: 1 / 1000 }); // a small sample for tests
 */
export function generateTimelines(options: GenerateOptions = {}): TimelineRow[] {
  const seed = options.seed ?? SAMPLE_SEED;
  const scale = options.scale ?? SAMPLE_SCALE;
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  const d = new Draw(createRng(seed));
  const flows = sampleFlows(planFlows(), scale);
  const drafts: Draft[] = [];

  PLACES.forEach((spec, t) => {
    const target = STOCK_TARGETS.get(spec.key)!;
    const stock = Math.round(spec.stock * scale);
    const arrivals = d.shuffle(flows.flatMap((row, s) => new Array<number>(row[t]!).fill(s)));
    const nSet = Math.min(arrivals.length, Math.round(target.inflowRatio * stock));
    const others = arrivals.length - nSet;
    let nYoungMovers = Math.round(YOUNG_MOVER_SHARE * others);
    let nPreWindow = Math.round(PRE_WINDOW_SHARE * others);
    const young = Math.round(target.youngShare * stock);
    const nYoungSet = Math.min(nSet, Math.round(nSet * Math.min(0.35, 0.7 * target.youngShare)), young);
    nYoungMovers = Math.min(nYoungMovers, young - nYoungSet);
    nPreWindow = Math.max(0, Math.min(nPreWindow, stock - nSet - nYoungMovers - (young - nYoungSet - nYoungMovers)));
    const nYoungStayers = young - nYoungSet - nYoungMovers;
    const nSeniorStayers = stock - nSet - nPreWindow - nYoungMovers - nYoungStayers;

    arrivals.forEach((s, k) => {
      if (k < nSet) drafts.push(setInflower(d, s, t, k < nYoungSet));
      else if (k < nSet + nPreWindow) drafts.push(preWindowMover(d, s, t));
      else if (k < nSet + nPreWindow + nYoungMovers) drafts.push(youngMover(d, s, t));
      else drafts.push(inactiveMover(d, s, t));
    });
    for (let k = 0; k < nYoungStayers; k++) drafts.push(youngStayer(d, t));
    for (let k = 0; k < nSeniorStayers; k++) drafts.push(seniorStayer(d, t));
    const nInactive = Math.round(INACTIVE_STAYERS * stock);
    for (let k = 0; k < nInactive; k++) drafts.push(inactiveStayer(d, t));
  });

  calibrateYoungGrowth(drafts, d);
  assignDisciplines(drafts, d);
  return toRows(d.shuffle(drafts), d);
}

/**
 * Young growth is the CAGR of a place's young researchers (academic age ≤ 5 in that year)
 * from 2019 to 2023. The 2023 count follows from the stock; the 2019 count is set to
 * count2023 / (1 + growth)^4 by giving 2019 rows to stayers who started 2014–2018, or by
 * moving young stayers' first year from 2019 to 2020.
 */
function calibrateYoungGrowth(drafts: Draft[], d: Draw): void {
  const [w0, w1] = WINDOW;
  const n = PLACES.length;
  const c19 = new Array<number>(n).fill(0);
  const c23 = new Array<number>(n).fill(0);
  const canAdd: Draft[][] = PLACES.map(() => []);
  const canDelay: Draft[][] = PLACES.map(() => []);
  for (const r of drafts) {
    if (!r.active) continue;
    const first = firstYear(r);
    let has19 = false;
    for (const row of r.rows) {
      if (row.year === w0 && first >= w0 - 5) c19[row.place]!++;
      if (row.year === w1 && first >= w1 - 5) c23[row.place]!++;
      has19 ||= row.year === w0;
    }
    const stays = r.kind === 'senior-stayer' || r.kind === 'young-stayer' || r.kind === 'pre-window-mover';
    if (stays && !has19 && first >= w0 - 5 && first < w0) canAdd[r.home]!.push(r);
    if (r.kind === 'young-stayer' && first === w0) canDelay[r.home]!.push(r);
  }
  PLACES.forEach((spec, p) => {
    const growth = STOCK_TARGETS.get(spec.key)!.youngGrowth;
    const want = Math.round(c23[p]! / (1 + growth) ** (w1 - w0));
    if (want > c19[p]!) for (const r of d.shuffle(canAdd[p]!).slice(0, want - c19[p]!)) addYoungYear(r, d);
    if (want < c19[p]!) for (const r of d.shuffle(canDelay[p]!).slice(0, c19[p]! - want)) delayFirstYear(r);
  });
}

/** Active researchers get their home's fitted discipline mix exactly; inactive ones draw from it. */
function assignDisciplines(drafts: Draft[], d: Draw): void {
  const members: Draft[][] = PLACES.map(() => []);
  for (const r of drafts) if (r.active) members[r.home]!.push(r);
  const targets = new Map<string, Map<string, number>>();
  for (const [city, discipline, rai] of PUBLISHED_RAI) {
    if (!targets.has(city)) targets.set(city, new Map());
    targets.get(city)!.set(discipline, rai);
  }
  const counts = fitDisciplineCounts(PLACES.map((spec, p) => ({ spec, stock: members[p]!.length })), targets);
  PLACES.forEach((spec, p) => {
    const c = counts.get(spec.key)!;
    const labels = d.shuffle(c.flatMap((k, i) => new Array<string>(k).fill(DISCIPLINE_NAMES[i]!)));
    members[p]!.forEach((r, k) => (r.discipline = labels[k]!));
  });
  const mix = PLACES.map((spec) => {
    const c = counts.get(spec.key)!;
    return DISCIPLINE_NAMES.map((name, i) => [name, c[i]! + 0.01] as const);
  });
  for (const r of drafts) if (!r.active) r.discipline = d.weighted(mix[r.rows[0]!.place]!);
}

/** Researcher ids in shuffled order; raw place names chosen per stint (a run of rows at one place). */
function toRows(drafts: readonly Draft[], d: Draw): TimelineRow[] {
  const out: TimelineRow[] = [];
  drafts.forEach((r, i) => {
    const researcherId = `SYN${String(i + 1).padStart(7, '0')}`;
    let name = '';
    let switchAt = -1;
    if (r.kind.endsWith('stayer') && r.rows.length >= 2 && PLACES[r.home < 0 ? r.rows[0]!.place : r.home]!.names.length > 1 && d.chance(MEMBER_SWITCH)) {
      switchAt = d.int(1, r.rows.length - 1);
    }
    r.rows.forEach((row, k) => {
      const spec = PLACES[row.place]!;
      if (k === 0 || row.place !== r.rows[k - 1]!.place) name = d.weighted(spec.names);
      else if (k === switchAt) name = d.weighted(spec.names.filter(([n]) => n !== name));
      out.push({ researcherId, year: row.year, place: name, country: spec.country, discipline: r.discipline, publications: row.publications });
    });
  });
  return out;
}

async function main(): Promise<void> {
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const { dirname, join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { formatTimelinesCsv } = await import('./csv.ts');
  const { verifySample, formatChecks } = await import('./verify.ts');
  const { replaceSection, targetTables } = await import('./readme-tables.ts');
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const seed = arg('--seed') ?? SAMPLE_SEED;
  const scale = arg('--scale') ?? SAMPLE_SCALE;
  const here = dirname(fileURLToPath(import.meta.url));
  const rows = generateTimelines({ seed, scale });
  const csv = formatTimelinesCsv(rows);
  const gz = gzipSync(Buffer.from(csv, 'utf8'), { level: 9 });
  writeFileSync(join(here, 'timelines.csv.gz'), gz);
  const report = verifySample(rows, { seed, scale });
  writeFileSync(join(here, 'targets.json'), JSON.stringify(report, null, 2) + '\n');
  const readme = join(here, 'README.md');
  if (existsSync(readme)) writeFileSync(readme, replaceSection(readFileSync(readme, 'utf8'), targetTables(report)));
  process.stdout.write(formatChecks(report) + `\nwrote ${rows.length} rows, ${(gz.length / 1e6).toFixed(2)} MB\n`);
  if (report.checks.some((c) => !c.ok)) process.exitCode = 1;
}

// Run as a script (`npx tsx data/calibrated/generate.ts`), not when imported.
if (typeof process !== 'undefined' && /generate\.ts$/.test(process.argv[1] ?? '')) await main();

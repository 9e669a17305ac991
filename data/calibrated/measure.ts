/**
 * An independent reading of timeline rows by the SET report's rules (window 2019–2023), written
 * for the sample's verification and kept apart from the generator: it sees only the rows.
 *
 *   place of a researcher-year   the place with most publications that year (ties counted)
 *   move                         change of place between consecutive publication years; its year
 *                                is the arrival year; the flow graph counts every move in the file
 *   active                       ≥ 3 publications in 2019–2023 and ≥ 1 in 2021–2023
 *   academic age                 latest (≤ 2023) − first publication year; young = active, age ≤ 5
 *   home                         place of the most recent publication year in the window
 *   stock of A                   active researchers whose home is A
 *   SET inflow into A            active, published before 2019, no pre-2019 row at A, home A
 *   young in year t at A         active, year-t place A, t − first ≤ 5 (the toolkit's youngByYear)
 *   primary discipline           most publications over the whole timeline
 */
import type { TimelineRow } from './csv.ts';
import { resolveRaw } from './places.ts';
import { WINDOW } from './targets.ts';

export interface PlaceMeasures {
  stock: number;
  young: number;
  inflowSet: number;
  /** Young researchers per window year: { 2019: n, ..., 2023: n }. */
  youngByYear: Record<number, number>;
  byDiscipline: Record<string, number>;
}

export interface SampleMeasures {
  /** Place key → window figures (places with at least one active researcher or young year). */
  places: Map<string, PlaceMeasures>;
  /** `from\tto` → moves over the whole file. */
  flows: Map<string, number>;
  researchers: number;
  active: number;
  rows: number;
  /** Researcher-years whose place is a tie between places (the sample should have none). */
  tiedYears: number;
  /** Researchers with rows in more than one discipline. */
  mixedDisciplines: number;
  /** Raw (place, country) pairs that resolve to no place. */
  unresolved: string[];
  years: [number, number];
}

function placeEntry(map: Map<string, PlaceMeasures>, key: string): PlaceMeasures {
  let e = map.get(key);
  if (!e) {
    const youngByYear: Record<number, number> = {};
    for (let t = WINDOW[0]; t <= WINDOW[1]; t++) youngByYear[t] = 0;
    map.set(key, (e = { stock: 0, young: 0, inflowSet: 0, youngByYear, byDiscipline: {} }));
  }
  return e;
}

/** Reads rows (any order) into per-place window figures and the flow graph's edge weights. */
export function measureSample(rows: readonly TimelineRow[]): SampleMeasures {
  const [w0, w1] = WINDOW;
  const byResearcher = new Map<string, TimelineRow[]>();
  const unresolved = new Set<string>();
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const r of rows) {
    let list = byResearcher.get(r.researcherId);
    if (!list) byResearcher.set(r.researcherId, (list = []));
    list.push(r);
    minYear = Math.min(minYear, r.year);
    maxYear = Math.max(maxYear, r.year);
  }
  const places = new Map<string, PlaceMeasures>();
  const flows = new Map<string, number>();
  let active = 0;
  let tiedYears = 0;
  let mixedDisciplines = 0;

  for (const list of byResearcher.values()) {
    const rowPlaces = list.map((r) => {
      const key = resolveRaw(r.place, r.country);
      if (key === undefined) unresolved.add(`${r.place}|${r.country}`);
      return key ?? `?${r.place}, ${r.country}`;
    });
    // One place per year: most publications, summed per place.
    const perYear = new Map<number, Map<string, number>>();
    const perDiscipline = new Map<string, number>();
    list.forEach((r, i) => {
      let m = perYear.get(r.year);
      if (!m) perYear.set(r.year, (m = new Map()));
      m.set(rowPlaces[i]!, (m.get(rowPlaces[i]!) ?? 0) + r.publications);
      perDiscipline.set(r.discipline, (perDiscipline.get(r.discipline) ?? 0) + r.publications);
    });
    const years = [...perYear.keys()].sort((a, b) => a - b);
    const yearPlace = new Map<number, string>();
    const yearPubs = new Map<number, number>();
    for (const y of years) {
      const entries = [...perYear.get(y)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (entries.length > 1 && entries[0]![1] === entries[1]![1]) tiedYears++;
      yearPlace.set(y, entries[0]![0]);
      yearPubs.set(y, entries.reduce((a, [, n]) => a + n, 0));
    }
    for (let k = 1; k < years.length; k++) {
      const a = yearPlace.get(years[k - 1]!)!;
      const b = yearPlace.get(years[k]!)!;
      if (a !== b) flows.set(`${a}\t${b}`, (flows.get(`${a}\t${b}`) ?? 0) + 1);
    }
    if (perDiscipline.size > 1) mixedDisciplines++;

    let inWindow = 0;
    let recent = 0;
    for (const y of years) {
      if (y >= w0 && y <= w1) inWindow += yearPubs.get(y)!;
      if (y >= w1 - 2 && y <= w1) recent += yearPubs.get(y)!;
    }
    if (inWindow < 3 || recent < 1) continue;
    active++;
    const first = years[0]!;
    const latest = years.filter((y) => y <= w1).at(-1)!;
    const lastInWindow = years.filter((y) => y >= w0 && y <= w1).at(-1)!;
    const home = yearPlace.get(lastInWindow)!;
    const e = placeEntry(places, home);
    e.stock++;
    if (latest - first <= 5) e.young++;
    const pre = list.map((r, i) => [r.year, rowPlaces[i]!] as const).filter(([y]) => y < w0);
    if (pre.length > 0 && pre.every(([, p]) => p !== home)) e.inflowSet++;
    const discipline = [...perDiscipline].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    e.byDiscipline[discipline] = (e.byDiscipline[discipline] ?? 0) + 1;
    for (const y of years) {
      if (y >= w0 && y <= w1 && y - first <= 5) placeEntry(places, yearPlace.get(y)!).youngByYear[y]!++;
    }
  }
  return {
    places,
    flows,
    researchers: byResearcher.size,
    active,
    rows: rows.length,
    tiedYears,
    mixedDisciplines,
    unresolved: [...unresolved].sort(),
    years: [minYear, maxYear],
  };
}

/**
 * Weighted PageRank of the flow graph, by plain power iteration (written here rather than taken
 * from the toolkit, so that the check is independent of it):
 *
 *   PR(j) = (1 − α)/N + α · ( Σ_{i→j} PR(i) · w(i→j) / out(i)  +  Σ_{d: out(d) = 0} PR(d) / N )
 *
 * with w the moves on an edge and out(i) the moves out of i; a place without outflow spreads its
 * rank evenly. Iterates until the ranks change by less than 1e-12 in total.
 *
 * @example weightedPagerank(new Map([['A\tB', 1]]), ['A', 'B']) // { A: 0.3509, B: 0.6491 }
 */
export function weightedPagerank(flows: ReadonlyMap<string, number>, keys: readonly string[], alpha = 0.85): Record<string, number> {
  const n = keys.length;
  const index = new Map(keys.map((k, i) => [k, i]));
  const out = new Array<number>(n).fill(0);
  const edges: Array<[number, number, number]> = [];
  for (const [edge, w] of flows) {
    const [a, b] = edge.split('\t') as [string, string];
    const s = index.get(a);
    const t = index.get(b);
    if (s === undefined || t === undefined) throw new Error(`flow ${a} → ${b} between unknown places`);
    edges.push([s, t, w]);
    out[s]! += w;
  }
  let pr = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const dangling = pr.reduce((acc, p, i) => acc + (out[i] === 0 ? p : 0), 0);
    const next = new Array<number>(n).fill((1 - alpha) / n + (alpha * dangling) / n);
    for (const [s, t, w] of edges) next[t]! += (alpha * pr[s]! * w) / out[s]!;
    const change = next.reduce((acc, p, i) => acc + Math.abs(p - pr[i]!), 0);
    pr = next;
    if (change < 1e-12) break;
  }
  return Object.fromEntries(keys.map((k, i) => [k, pr[i]!]));
}

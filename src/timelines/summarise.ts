/**
 * Moves and per-place stock from affiliation timelines (domain.md "Units" and "Inflow ratio";
 * SET report §2.3.3). Per researcher the rules of `researcher.ts` apply; per place A:
 *
 *   stock          active researchers whose home place (most recent in-window publication year) is A
 *   young          those of them who are young (academic age ≤ 5 at the window's end)
 *   inflowSet      those of them who flowed into A by the SET rule
 *   presentBefore  active researchers whose last place before the window (place of their latest
 *                  pre-window publication year) is A
 *   leftSet        those of them whose home place is not A
 *   youngByYear    for each window year t: active researchers who published in t with A as that
 *                  year's place and whose academic age at t (t − first publication year) is ≤ 5;
 *                  every window year is a key, zeros included (young growth is a CAGR over them)
 *   byDiscipline   stock by primary discipline (most publications over the whole timeline);
 *                  researchers without any discipline are in `stock` only
 *   researchersByYear  for every year t of the timelines: researchers placed at A in t, padded
 *                  (`population.ts`); the population the yearly migration rates divide by
 *
 * Each researcher counts once in `stock` and at most once in `presentBefore`, so both sum over
 * places to the number of active researchers (with pre-window publications, for presentBefore).
 */
import { compareText } from '../graph/breakdowns.ts';
import type { PlaceStock } from '../graph/types.ts';
import type { ResolvedMove } from '../records/types.ts';
import { profileMoves } from './derive-moves.ts';
import { forEachProfile } from './profiles.ts';
import { PaddedPopulation } from './population.ts';
import {
  checkTimelineOptions,
  flowedIn,
  homePlace,
  isActive,
  isYoung,
  lastPlaceBefore,
  TIMELINE_DEFAULTS,
  type TimelineOptions,
} from './researcher.ts';
import type { TimelineRows } from './rows.ts';

/** Defaults of {@link summariseTimelines} (the SET report's rules). */
export const DEFAULTS: Readonly<TimelineOptions> = TIMELINE_DEFAULTS;

export interface TimelineSummary {
  /** Every move in the timelines (whole timeline, not only the window). */
  moves: ResolvedMove[];
  /** Place id → figures over the window; places with no active researcher before or in it are absent. */
  stock: Map<string, PlaceStock>;
  /** Researchers with at least one row. */
  researchers: number;
  /** Active researchers in the window. */
  active: number;
  /** The options used, defaults filled in. */
  options: TimelineOptions;
}

/**
 * Derives moves and per-place stock from resolved timeline rows in one pass.
 *
 * @param rows - timeline rows with place ids (`resolveTimelines` or `timelineRows`).
 * @param options - `window` (default [2019, 2023]), `minPublications` (3), `recentYears` (3), `youngMaxAge` (5).
 * @throws OptionError on an invalid option.
 * @example
 * const { moves, stock } = summariseTimelines(rows, { window: [2019, 2023] });
 * stock.get('Shenzhen')?.inflowSet / stock.get('Shenzhen')!.stock // SET inflow ratio
 */
export function summariseTimelines(rows: TimelineRows, options?: Partial<TimelineOptions>): TimelineSummary {
  const o = checkTimelineOptions(options);
  const [w0, w1] = o.window;
  const W = w1 - w0 + 1;
  const P = rows.placeIds.length;
  const D = rows.disciplines.length;
  const stock = new Int32Array(P);
  const young = new Int32Array(P);
  const inflow = new Int32Array(P);
  const before = new Int32Array(P);
  const left = new Int32Array(P);
  const youngByYear = new Int32Array(P * W);
  const byDiscipline = new Map<number, number>();
  const moves: ResolvedMove[] = [];
  const population = new PaddedPopulation(rows);
  let researchers = 0;
  let active = 0;

  forEachProfile(rows, (p) => {
    researchers++;
    profileMoves(p, rows, moves);
    population.add(p);
    if (!isActive(p, o)) return;
    active++;
    const home = homePlace(p, o)!;
    const first = p.years[0]!;
    stock[home]!++;
    if (isYoung(p, o)) young[home]!++;
    if (flowedIn(p, o)) inflow[home]!++;
    const previous = lastPlaceBefore(p, o);
    if (previous !== undefined) {
      before[previous]!++;
      if (previous !== home) left[previous]!++;
    }
    for (let k = 0; k < p.length; k++) {
      const t = p.years[k]!;
      if (t >= w0 && t <= w1 && t - first <= o.youngMaxAge) youngByYear[p.places[k]! * W + (t - w0)]!++;
    }
    if (p.discipline >= 0) {
      const key = home * D + p.discipline;
      byDiscipline.set(key, (byDiscipline.get(key) ?? 0) + 1);
    }
  });

  const disciplinesOf = new Map<number, Record<string, number>>();
  const entries = [...byDiscipline].map(([key, n]) => {
    const place = Math.floor(key / D);
    return { place, name: rows.disciplines[key - place * D]!, n };
  });
  entries.sort((a, b) => a.place - b.place || compareText(a.name, b.name));
  for (const { place, name, n } of entries) {
    let rec = disciplinesOf.get(place);
    if (!rec) disciplinesOf.set(place, (rec = {}));
    rec[name] = n;
  }

  const out = new Map<string, PlaceStock>();
  for (let a = 0; a < P; a++) {
    let anyYoung = false;
    const years: Record<string, number> = {};
    for (let t = 0; t < W; t++) {
      const n = youngByYear[a * W + t]!;
      years[String(w0 + t)] = n;
      anyYoung ||= n > 0;
    }
    const researchersByYear = population.of(a);
    if (stock[a] === 0 && before[a] === 0 && !anyYoung && researchersByYear === null) continue;
    out.set(rows.placeIds[a]!, {
      stock: stock[a]!,
      young: young[a]!,
      inflowSet: inflow[a]!,
      leftSet: left[a]!,
      presentBefore: before[a]!,
      youngByYear: years,
      byDiscipline: disciplinesOf.get(a) ?? {},
      researchersByYear: researchersByYear ?? {},
    });
  }
  return { moves, stock: out, researchers, active, options: o };
}

/** A place's stock figures when it has none of them: zeros, with every window year in `youngByYear`. */
export function emptyPlaceStock(window: [number, number]): PlaceStock {
  const youngByYear: Record<string, number> = {};
  for (let t = window[0]; t <= window[1]; t++) youngByYear[String(t)] = 0;
  return { stock: 0, young: 0, inflowSet: 0, leftSet: 0, presentBefore: 0, youngByYear, byDiscipline: {}, researchersByYear: {} };
}

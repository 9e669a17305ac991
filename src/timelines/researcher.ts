/**
 * Per-researcher rules over a publication timeline (domain.md "Units"; SET report §2.3.3).
 *
 * A researcher's timeline is reduced to one place per publication year (see `profiles.ts` for
 * how that place is chosen). Over the window [W0, W1] (default 2019–2023):
 *   active        ≥ 3 publications in [W0, W1] and ≥ 1 in its last 3 years [W1−2, W1]
 *   academic age  latest − first publication year, where first is the earliest year of the whole
 *                 timeline (often before W0) and latest is the latest year not after W1: a
 *                 status at the end of the window cannot depend on later publications
 *   young         active and academic age ≤ 5
 *   home place    the place of the most recent publication year in [W0, W1]
 *   flowed in     (1) published before W0 and no pre-window row (raw affiliations, not only the
 *                 place chosen per year) is at the home place, and (2) the most recent in-window
 *                 publication is at the home place (true by definition of the home place)
 *   last place before the window   the place of the latest publication year before W0
 *                 (basis of `presentBefore` and `leftSet`, see `summarise.ts`)
 */
import { checkNumber, withDefaults } from '../analyses/option-checks.ts';
import { OptionError } from '../errors.ts';
import { checkYears } from '../graph/breakdowns.ts';

/** The rules' parameters; {@link TIMELINE_DEFAULTS} holds the SET report's values. */
export interface TimelineOptions {
  /** [first, last] year of the window, inclusive. */
  window: [number, number];
  /** Publications needed in the window to be active. */
  minPublications: number;
  /** The window's last `recentYears` years must hold at least one publication. */
  recentYears: number;
  /** Largest academic age that counts as young. */
  youngMaxAge: number;
}

/** SET report values: window 2019–2023, 3 publications, 1 in the last 3 years, young ≤ 5 years. */
export const TIMELINE_DEFAULTS: Readonly<TimelineOptions> = Object.freeze({
  window: [2019, 2023] as [number, number],
  minPublications: 3,
  recentYears: 3,
  youngMaxAge: 5,
});

/** Merges `options` over the defaults and validates them, throwing `OptionError` naming the option. */
export function checkTimelineOptions(options?: Partial<TimelineOptions>): TimelineOptions {
  const o = withDefaults(TIMELINE_DEFAULTS, options);
  const window = checkYears(o.window, 'window');
  if (window === null) throw new OptionError('window', o.window, 'two whole-number years [first, last] with first ≤ last');
  return {
    window,
    minPublications: checkNumber('minPublications', o.minPublications, { integer: true, min: 1 }),
    recentYears: checkNumber('recentYears', o.recentYears, { integer: true, min: 1 }),
    youngMaxAge: checkNumber('youngMaxAge', o.youngMaxAge, { integer: true, min: 0 }),
  };
}

/**
 * One researcher's timeline reduced for the rules: entries `[0, length)` of `years` (distinct,
 * ascending), `publications` (all of that year's publications) and `places` (the place chosen
 * for that year); entries `[0, rowCount)` of `rowYears` / `rowPlaces` are the raw rows in year
 * order. Places may be ids or indices (`P`); only equality is used.
 */
export interface ResearcherProfile<P = number> {
  length: number;
  years: ArrayLike<number>;
  publications: ArrayLike<number>;
  places: ArrayLike<P>;
  rowCount: number;
  rowYears: ArrayLike<number>;
  rowPlaces: ArrayLike<P>;
}

/** Publications in years [from, to], inclusive. */
export function publicationsBetween(p: ResearcherProfile<unknown>, from: number, to: number): number {
  let sum = 0;
  for (let k = 0; k < p.length; k++) {
    const y = p.years[k]!;
    if (y >= from && y <= to) sum += p.publications[k]!;
  }
  return sum;
}

/**
 * Active in the window: ≥ `minPublications` publications in it and ≥ 1 in its last `recentYears` years.
 * @example isActive(profile) // 3 publications 2019, 2020, 2021 → true; 3 in 2019–2020 → false
 */
export function isActive(p: ResearcherProfile<unknown>, o: TimelineOptions = TIMELINE_DEFAULTS): boolean {
  const [w0, w1] = o.window;
  return publicationsBetween(p, w0, w1) >= o.minPublications && publicationsBetween(p, Math.max(w0, w1 - o.recentYears + 1), w1) >= 1;
}

/** Index of the latest year ≤ `year`, or -1. */
export function latestIndexUpTo(p: ResearcherProfile<unknown>, year: number): number {
  let k = p.length - 1;
  while (k >= 0 && p.years[k]! > year) k--;
  return k;
}

/**
 * Academic age at the window's end: latest publication year ≤ W1 minus the first publication
 * year; null when nothing was published up to W1.
 * @example academicAge(profile) // years 2016, 2019, 2023 → 7
 */
export function academicAge(p: ResearcherProfile<unknown>, o: TimelineOptions = TIMELINE_DEFAULTS): number | null {
  const k = latestIndexUpTo(p, o.window[1]);
  return k < 0 ? null : p.years[k]! - p.years[0]!;
}

/** Young: active with academic age ≤ `youngMaxAge`. */
export function isYoung(p: ResearcherProfile<unknown>, o: TimelineOptions = TIMELINE_DEFAULTS): boolean {
  if (!isActive(p, o)) return false;
  const age = academicAge(p, o);
  return age !== null && age <= o.youngMaxAge;
}

/** The place of the most recent publication year in the window, or undefined when none is in it. */
export function homePlace<P>(p: ResearcherProfile<P>, o: TimelineOptions = TIMELINE_DEFAULTS): P | undefined {
  const k = latestIndexUpTo(p, o.window[1]);
  return k >= 0 && p.years[k]! >= o.window[0] ? p.places[k] : undefined;
}

/** The place of the latest publication year before the window, or undefined when there is none. */
export function lastPlaceBefore<P>(p: ResearcherProfile<P>, o: TimelineOptions = TIMELINE_DEFAULTS): P | undefined {
  const k = latestIndexUpTo(p, o.window[0] - 1);
  return k >= 0 ? p.places[k] : undefined;
}

/**
 * Flowed into the home place by the SET rule (report §2.3.3): published before the window, no
 * pre-window row at the home place, and an in-window publication (whose latest year is at home).
 * Does not check activity; the SET inflow ratio counts active researchers only.
 * @example flowedIn(profile) // rows B 2016, A 2021, A 2023 → true (home A); rows A 2016, B 2017, A 2023 → false
 */
export function flowedIn<P>(p: ResearcherProfile<P>, o: TimelineOptions = TIMELINE_DEFAULTS): boolean {
  const home = homePlace(p, o);
  if (home === undefined || p.length === 0 || p.years[0]! >= o.window[0]) return false;
  for (let i = 0; i < p.rowCount && p.rowYears[i]! < o.window[0]; i++) {
    if (p.rowPlaces[i] === home) return false;
  }
  return true;
}

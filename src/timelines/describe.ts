/**
 * One row per researcher with every per-researcher rule's outcome: the readable side of
 * `summariseTimelines`, for notebooks, audits ("who counts as Shenzhen's inflow?") and tests.
 * It runs the same rules on the same profiles, so it agrees with the place counts by construction.
 */
import { forEachProfile } from './profiles.ts';
import {
  academicAge,
  checkTimelineOptions,
  flowedIn,
  homePlace,
  isActive,
  isYoung,
  lastPlaceBefore,
  type TimelineOptions,
} from './researcher.ts';
import type { TimelineRows } from './rows.ts';

export interface ResearcherSummary {
  researcherId: string;
  /** Primary discipline (most publications overall; ties alphabetical), or null. */
  discipline: string | null;
  /** One entry per publication year: the place chosen for it and that year's publications. */
  years: Array<{ year: number; place: string; publications: number }>;
  active: boolean;
  /** Latest publication year ≤ window end − first publication year; null if nothing up to the window's end. */
  academicAge: number | null;
  young: boolean;
  /** Place of the most recent in-window publication year, or null. */
  home: string | null;
  /** Flowed into `home` by the SET rule (independent of `active`). */
  flowedIn: boolean;
  /** Place of the latest pre-window publication year, or null. */
  lastPlaceBefore: string | null;
}

/**
 * Applies the per-researcher rules to every researcher.
 *
 * @param options - as {@link summariseTimelines}: `window` [2019, 2023], `minPublications` 3, `recentYears` 3, `youngMaxAge` 5.
 * @example
 * describeResearchers(rows).filter((r) => r.active && r.flowedIn && r.home === 'Shenzhen')
 */
export function describeResearchers(rows: TimelineRows, options?: Partial<TimelineOptions>): ResearcherSummary[] {
  const o = checkTimelineOptions(options);
  const out: ResearcherSummary[] = [];
  forEachProfile(rows, (p) => {
    const active = isActive(p, o);
    const age = academicAge(p, o);
    const home = homePlace(p, o);
    const previous = lastPlaceBefore(p, o);
    const years = [];
    for (let k = 0; k < p.length; k++)
      years.push({ year: p.years[k]!, place: rows.placeIds[p.places[k]!]!, publications: p.publications[k]! });
    out.push({
      researcherId: rows.researcherIds[p.researcher]!,
      discipline: p.discipline < 0 ? null : rows.disciplines[p.discipline]!,
      years,
      active,
      academicAge: age,
      young: isYoung(p, o),
      home: home === undefined ? null : rows.placeIds[home]!,
      flowedIn: flowedIn(p, o),
      lastPlaceBefore: previous === undefined ? null : rows.placeIds[previous]!,
    });
  });
  return out;
}

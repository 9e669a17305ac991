/**
 * Timelines of individual SYNTHETIC researchers, one builder per kind of career. Each builder
 * guarantees by construction the status the calibration counts on (window 2019–2023):
 *
 *   active        ≥ 3 publications in the window and ≥ 1 in 2021–2023 (the last row carries ≥ 3)
 *   young         academic age (latest − first publication year) ≤ 5
 *   SET inflow    published before 2019, no pre-2019 row at the home place, home = last place
 *
 * One row per researcher-year, so the per-year place is never a tie. Rows carry a place index;
 * raw names are chosen later, per stint.
 */
import { FIRST_YEAR, WINDOW } from './targets.ts';

export type Kind =
  | 'senior-stayer'
  | 'young-stayer'
  | 'set-inflow'
  | 'pre-window-mover'
  | 'young-mover'
  | 'inactive-mover'
  | 'inactive';

export interface DraftRow {
  year: number;
  place: number;
  publications: number;
}

export interface Draft {
  kind: Kind;
  /** Active in the window by construction. */
  active: boolean;
  /** Place index of the home place (active researchers), or -1. */
  home: number;
  rows: DraftRow[];
  discipline: string;
}

const [W0, W1] = WINDOW;

/** Seeded draws used by the builders. */
export class Draw {
  constructor(readonly rng: () => number) {}
  /** Whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  /** One of `values` with the given weights. */
  weighted<T>(values: readonly (readonly [T, number])[]): T {
    const total = values.reduce((a, [, w]) => a + w, 0);
    let u = this.rng() * total;
    for (const [v, w] of values) if ((u -= w) < 0) return v;
    return values[values.length - 1]![0];
  }
  /** Publications in one year: small counts, rarely many. */
  pubs(min: number, max: number): number {
    return min + Math.floor(this.rng() ** 2 * (max - min + 1));
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

const LATEST: ReadonlyArray<readonly [number, number]> = [[2021, 0.15], [2022, 0.25], [2023, 0.6]];

function sorted(rows: DraftRow[]): DraftRow[] {
  return rows.sort((a, b) => a.year - b.year);
}

/** Senior stayer: every row at `p`, first year ≤ latest − 6. Those first publishing 2014–2018 get no 2019 row here (see `addYoungYear`). */
export function seniorStayer(d: Draw, p: number): Draft {
  const latest = d.weighted(LATEST);
  const first = d.int(FIRST_YEAR, latest - 6);
  const rows: DraftRow[] = [{ year: first, place: p, publications: d.pubs(1, 3) }];
  if (first + 1 <= W0 - 1 && d.chance(0.35)) rows.push({ year: d.int(first + 1, W0 - 1), place: p, publications: d.pubs(1, 4) });
  if (d.chance(0.3)) rows.push({ year: first <= 2013 ? d.int(W0, latest - 1) : d.int(W0 + 1, latest - 1), place: p, publications: d.pubs(1, 3) });
  rows.push({ year: latest, place: p, publications: d.pubs(3, 8) });
  return { kind: 'senior-stayer', active: true, home: p, rows: dedupe(rows), discipline: '' };
}

/** Young stayer: every row at `p`, first year 2018–2023, latest 2022 or 2023. Only those starting in 2019 have a 2019 row. */
export function youngStayer(d: Draw, p: number): Draft {
  const latest = d.chance(0.88) ? W1 : W1 - 1;
  const first = Math.max(latest - 5, d.weighted([[2018, 0.2], [2019, 0.25], [2020, 0.25], [2021, 0.2], [2022, 0.1]] as const));
  const rows: DraftRow[] = [];
  if (first === latest) rows.push({ year: first, place: p, publications: d.pubs(3, 5) });
  else {
    rows.push({ year: first, place: p, publications: d.pubs(1, 3) });
    if (latest - first >= 2 && d.chance(0.4)) {
      const mid = d.int(first + 1, latest - 1);
      if (mid !== W0) rows.push({ year: mid, place: p, publications: d.pubs(1, 3) });
    }
    rows.push({ year: latest, place: p, publications: d.pubs(3, 6) });
  }
  return { kind: 'young-stayer', active: true, home: p, rows: dedupe(rows), discipline: '' };
}

/** SET inflower: pre-2019 rows at `s` only, arrival at `t` in 2019–2023, home `t`. */
export function setInflower(d: Draw, s: number, t: number, young: boolean): Draft {
  const arrival = d.weighted([[2019, 0.18], [2020, 0.2], [2021, 0.22], [2022, 0.22], [2023, 0.18]] as const);
  const latest = d.chance(0.6) ? W1 : d.int(Math.max(arrival, W1 - 2), W1);
  const first = young ? (latest <= W1 - 1 && d.chance(0.3) ? 2017 : 2018) : d.int(FIRST_YEAR, Math.min(2016, latest - 6));
  const rows: DraftRow[] = [{ year: first, place: s, publications: d.pubs(1, 3) }];
  if (!young && d.chance(0.4)) rows.push({ year: d.int(first + 1, W0 - 1), place: s, publications: d.pubs(1, 4) });
  if (arrival >= W0 + 1 && d.chance(0.5)) rows.push({ year: d.int(W0, arrival - 1), place: s, publications: d.pubs(1, 2) });
  rows.push({ year: arrival, place: t, publications: latest === arrival ? d.pubs(3, 6) : d.pubs(1, 3) });
  if (latest > arrival) rows.push({ year: latest, place: t, publications: d.pubs(3, 6) });
  return { kind: 'set-inflow', active: true, home: t, rows: dedupe(rows), discipline: '' };
}

/** Active researcher who moved `s` → `t` in 2011–2018 and stayed: not a SET inflow (pre-2019 rows at home). Senior. */
export function preWindowMover(d: Draw, s: number, t: number): Draft {
  const arrival = d.int(FIRST_YEAR + 1, W0 - 1);
  const latest = d.weighted(LATEST);
  const first = d.int(FIRST_YEAR, Math.min(arrival - 1, latest - 6));
  const rows: DraftRow[] = [{ year: first, place: s, publications: d.pubs(1, 3) }];
  if (arrival - first >= 2 && d.chance(0.3)) rows.push({ year: d.int(first + 1, arrival - 1), place: s, publications: d.pubs(1, 3) });
  rows.push({ year: arrival, place: t, publications: d.pubs(1, 3) });
  if (d.chance(0.25)) rows.push({ year: d.int(W0 + 1, latest - 1), place: t, publications: d.pubs(1, 3) });
  rows.push({ year: latest, place: t, publications: d.pubs(3, 8) });
  return { kind: 'pre-window-mover', active: true, home: t, rows: dedupe(rows), discipline: '' };
}

/** Early-career researcher who started at `s` in 2019–2021 and moved to `t`: young, active, not a SET inflow. */
export function youngMover(d: Draw, s: number, t: number): Draft {
  const first = d.weighted([[2019, 0.4], [2020, 0.35], [2021, 0.25]] as const);
  const arrival = d.int(first + 1, W1);
  const latest = arrival >= W1 - 2 ? arrival : d.int(W1 - 2, W1);
  const rows: DraftRow[] = [{ year: first, place: s, publications: d.pubs(1, 2) }];
  rows.push({ year: arrival, place: t, publications: latest === arrival ? d.pubs(3, 5) : d.pubs(1, 2) });
  if (latest > arrival) rows.push({ year: latest, place: t, publications: d.pubs(3, 5) });
  return { kind: 'young-mover', active: true, home: t, rows: dedupe(rows), discipline: '' };
}

/** Researcher who moved `s` → `t` in 2011–2023 but is not active: at most 2 publications in the window. */
export function inactiveMover(d: Draw, s: number, t: number): Draft {
  const arrival = d.int(FIRST_YEAR + 1, W1);
  const first = d.int(Math.max(FIRST_YEAR, arrival - 5), arrival - 1);
  const rows: DraftRow[] = [
    { year: first, place: s, publications: first >= W0 ? 1 : d.pubs(1, 3) },
    { year: arrival, place: t, publications: arrival >= W0 ? 1 : d.pubs(1, 3) },
  ];
  const inWindow = rows.filter((r) => r.year >= W0).length;
  if (arrival < W1 && d.chance(0.3)) {
    const later = d.int(arrival + 1, W1);
    // One publication per window row and at most 2 of them: never active.
    if (later < W0 || inWindow < 2) rows.push({ year: later, place: t, publications: later >= W0 ? 1 : d.pubs(1, 3) });
  }
  return { kind: 'inactive-mover', active: false, home: -1, rows: dedupe(rows), discipline: '' };
}

/** Researcher who never moved and is not active: left research before the window, or published too little in it. */
export function inactiveStayer(d: Draw, p: number): Draft {
  const rows: DraftRow[] = [];
  if (d.chance(0.6)) {
    const first = d.int(FIRST_YEAR, W0 - 2);
    rows.push({ year: first, place: p, publications: d.pubs(1, 4) });
    if (d.chance(0.5)) rows.push({ year: d.int(first + 1, W0 - 1), place: p, publications: d.pubs(1, 4) });
  } else {
    rows.push({ year: d.int(W0, W1), place: p, publications: d.pubs(1, 2) });
  }
  return { kind: 'inactive', active: false, home: -1, rows: dedupe(rows), discipline: '' };
}

/** Rows in year order with one row per year (a repeated year keeps the first row's place and adds publications). */
function dedupe(rows: DraftRow[]): DraftRow[] {
  const out: DraftRow[] = [];
  for (const r of sorted(rows)) {
    const last = out[out.length - 1];
    if (last && last.year === r.year) last.publications += r.publications;
    else out.push({ ...r });
  }
  return out;
}

/** First publication year. */
export function firstYear(r: Draft): number {
  return r.rows[0]!.year;
}

/** Adds a 2019 row at the researcher's home (used to set a place's young count in 2019). */
export function addYoungYear(r: Draft, d: Draw): void {
  r.rows.push({ year: W0, place: r.home, publications: d.pubs(1, 2) });
  r.rows.sort((a, b) => a.year - b.year);
}

/** Moves a young stayer's first year from 2019 to 2020 (merging into a 2020 row if there is one). */
export function delayFirstYear(r: Draft): void {
  const row = r.rows[0]!;
  const next = r.rows[1];
  if (next && next.year === W0 + 1) {
    next.publications += row.publications;
    r.rows.shift();
  } else row.year = W0 + 1;
}

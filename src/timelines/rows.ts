/**
 * Resolved affiliation timelines in columns: one entry per input row, researchers, places and
 * disciplines stored as indices into their id lists. Ten million rows take about 200 MB here
 * instead of gigabytes as objects, and the derivations walk them without allocating per row.
 */
import { OptionError } from '../errors.ts';

/** Timeline rows whose places are resolved to place ids (graph node keys). */
export interface TimelineRows {
  readonly length: number;
  /** Index into `researcherIds`. */
  readonly researcher: Int32Array;
  readonly year: Int32Array;
  /** Index into `placeIds`. */
  readonly place: Int32Array;
  /** Publications the row stands for (≥ 1). */
  readonly publications: Int32Array;
  /** Index into `disciplines`, or -1 when the row has none. */
  readonly discipline: Int32Array;
  readonly researcherIds: readonly string[];
  readonly placeIds: readonly string[];
  readonly disciplines: readonly string[];
}

/** One timeline row as plain values, for {@link timelineRows} (tests, notebooks, small inputs). */
export interface TimelineEntry {
  researcherId: string;
  year: number;
  /** Place id (graph node key). */
  place: string;
  /** Default 1: one row is one publication. */
  publications?: number;
  discipline?: string | null;
}

/** Accumulates rows into {@link TimelineRows}, interning ids; arrays grow by doubling. */
export class TimelineRowsBuilder {
  private n = 0;
  private researcher: Int32Array;
  private year: Int32Array;
  private place: Int32Array;
  private publications: Int32Array;
  private discipline: Int32Array;
  private readonly researcherIndex = new Map<string, number>();
  private readonly placeIndex = new Map<string, number>();
  private readonly disciplineIndex = new Map<string, number>();
  readonly researcherIds: string[] = [];
  readonly placeIds: string[] = [];
  readonly disciplines: string[] = [];

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.researcher = new Int32Array(c);
    this.year = new Int32Array(c);
    this.place = new Int32Array(c);
    this.publications = new Int32Array(c);
    this.discipline = new Int32Array(c);
  }

  /** Appends one row; `publications` must be a whole number ≥ 1 (validated upstream by the parser). */
  add(researcherId: string, year: number, placeId: string, publications: number, discipline: string | null): void {
    if (this.n === this.year.length) this.grow();
    const i = this.n++;
    this.researcher[i] = intern(researcherId, this.researcherIndex, this.researcherIds);
    this.year[i] = year;
    this.place[i] = intern(placeId, this.placeIndex, this.placeIds);
    this.publications[i] = publications;
    this.discipline[i] = discipline === null || discipline === '' ? -1 : intern(discipline, this.disciplineIndex, this.disciplines);
  }

  /** The rows added so far (arrays trimmed to length; the builder should not be used afterwards). */
  build(): TimelineRows {
    const n = this.n;
    return {
      length: n,
      researcher: this.researcher.slice(0, n),
      year: this.year.slice(0, n),
      place: this.place.slice(0, n),
      publications: this.publications.slice(0, n),
      discipline: this.discipline.slice(0, n),
      researcherIds: this.researcherIds,
      placeIds: this.placeIds,
      disciplines: this.disciplines,
    };
  }

  private grow(): void {
    const c = this.year.length * 2;
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    this.researcher = bigger(this.researcher);
    this.year = bigger(this.year);
    this.place = bigger(this.place);
    this.publications = bigger(this.publications);
    this.discipline = bigger(this.discipline);
  }
}

function intern(id: string, index: Map<string, number>, ids: string[]): number {
  let i = index.get(id);
  if (i === undefined) {
    i = ids.length;
    ids.push(id);
    index.set(id, i);
  }
  return i;
}

/**
 * Timeline rows from plain entries whose places are already place ids.
 *
 * @example
 * timelineRows([
 *   { researcherId: 'r1', year: 2017, place: 'Beijing' },
 *   { researcherId: 'r1', year: 2021, place: 'Shenzhen', publications: 3, discipline: 'Computer Science' },
 * ]).length // 2
 */
export function timelineRows(entries: Iterable<TimelineEntry>): TimelineRows {
  const builder = new TimelineRowsBuilder();
  for (const e of entries) {
    const publications = e.publications ?? 1;
    if (!Number.isInteger(e.year)) throw new OptionError('entries', e, 'a whole-number year on every entry');
    if (!Number.isInteger(publications) || publications < 1) {
      throw new OptionError('entries', e, 'publications a whole number ≥ 1 (or absent, meaning 1) on every entry');
    }
    if (typeof e.researcherId !== 'string' || typeof e.place !== 'string') {
      throw new OptionError('entries', e, 'string researcherId and place on every entry');
    }
    builder.add(e.researcherId, e.year, e.place, publications, e.discipline ?? null);
  }
  return builder.build();
}

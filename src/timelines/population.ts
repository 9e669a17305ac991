/**
 * The researcher population of each place and year from affiliation timelines: the default
 * denominator of the yearly migration rates (`analyses/time-series.ts`).
 *
 * Rule (after the Scholarly Migration Database's padded population of researchers): a researcher
 * counts at place A in year t when t lies between their first and last publication years and A
 * is their place (`profiles.ts`: most publications that year) in their latest publication year
 * ≤ t. Publication years count where they are; a year without publications between two
 * publication years counts at the earlier year's place (the researcher is assumed to stay until
 * the year of their next publication, which is the arrival year of a move). Before the first and
 * after the last publication a researcher counts nowhere. Each researcher counts once per year,
 * so the populations of one year sum over places to the researchers active that year.
 */
import type { ResearcherProfile } from './researcher.ts';
import type { TimelineRows } from './rows.ts';

/** Accumulates padded researcher-years per place while profiles are walked. */
export class PaddedPopulation {
  private readonly first: number;
  private readonly span: number;
  private readonly counts: Int32Array;

  constructor(rows: TimelineRows) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < rows.length; i++) {
      const y = rows.year[i]!;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    this.first = rows.length ? lo : 0;
    this.span = rows.length ? hi - lo + 1 : 0;
    this.counts = new Int32Array(rows.placeIds.length * this.span);
  }

  /** Adds one researcher's years (place indices into `rows.placeIds`). */
  add(p: ResearcherProfile<number>): void {
    for (let k = 0; k < p.length; k++) {
      const from = p.years[k]!;
      const to = k + 1 < p.length ? p.years[k + 1]! - 1 : from;
      const base = p.places[k]! * this.span - this.first;
      for (let t = from; t <= to; t++) this.counts[base + t]!++;
    }
  }

  /** Place index → year → researchers, years with none left out; null when the place has none. */
  of(place: number): Record<string, number> | null {
    let out: Record<string, number> | null = null;
    const base = place * this.span;
    for (let k = 0; k < this.span; k++) {
      const n = this.counts[base + k]!;
      if (n > 0) (out ??= {})[String(this.first + k)] = n;
    }
    return out;
  }
}

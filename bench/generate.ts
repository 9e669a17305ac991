/**
 * Seeded benchmark data: affiliation timelines and moves tables of a given number of rows over
 * the 5,000 places of `places.ts`, with the skew of real affiliation data: Zipf popularity (a few
 * hubs, many small places), moves that stay in the same country 60% of the time (regional
 * clusters), careers of 1–25 years with 1–9 publications a year, occasional second affiliations
 * in the same year (ties for the per-year place rule), a skewed discipline mix, and one bad row in
 * 100,000 (bad year, unknown place, empty id) so that the problem path is exercised too.
 *
 * The same seed always gives the same bytes.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { createRng } from '../src/random.ts';
import type { BenchPlace } from './places.ts';

/** ASJC subject areas, most frequent first. */
export const DISCIPLINES = [
  'Medicine',
  'Engineering',
  'Computer Science',
  'Biochemistry, Genetics and Molecular Biology',
  'Physics and Astronomy',
  'Materials Science',
  'Chemistry',
  'Agricultural and Biological Sciences',
  'Social Sciences',
  'Mathematics',
  'Environmental Science',
  'Earth and Planetary Sciences',
  'Chemical Engineering',
  'Neuroscience',
  'Immunology and Microbiology',
  'Pharmacology, Toxicology and Pharmaceutics',
  'Energy',
  'Psychology',
  'Business, Management and Accounting',
  'Nursing',
  'Economics, Econometrics and Finance',
  'Arts and Humanities',
  'Decision Sciences',
  'Health Professions',
  'Veterinary',
  'Dentistry',
];

const BAD_ROW_EVERY = 100_000;

class Sampler {
  private readonly cum: Float64Array;
  constructor(
    private readonly items: number[],
    weights: number[],
  ) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    weights.forEach((w, i) => (this.cum[i] = s += w));
  }
  pick(u: number): number {
    const x = u * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

class World {
  readonly global: Sampler;
  readonly byCountry: Sampler[];
  readonly disciplines: Sampler;
  constructor(
    readonly places: BenchPlace[],
    private readonly rng: () => number,
  ) {
    this.global = new Sampler(
      places.map((_, i) => i),
      places.map((p) => p.weight),
    );
    const groups = new Map<string, number[]>();
    places.forEach((p, i) => groups.set(p.country, [...(groups.get(p.country) ?? []), i]));
    const samplers = new Map(
      [...groups].map(([c, idx]) => [
        c,
        new Sampler(
          idx,
          idx.map((i) => places[i]!.weight),
        ),
      ]),
    );
    this.byCountry = places.map((p) => samplers.get(p.country)!);
    this.disciplines = new Sampler(
      DISCIPLINES.map((_, i) => i),
      DISCIPLINES.map((_, i) => 1 / (i + 2)),
    );
  }
  /** A destination other than `from`: same country 60% of the time (when it has another place), else anywhere. */
  next(from: number): number {
    for (let tries = 0; tries < 8; tries++) {
      const to = this.rng() < 0.6 ? this.byCountry[from]!.pick(this.rng()) : this.global.pick(this.rng());
      if (to !== from) return to;
    }
    return from === 0 ? 1 : 0;
  }
  discipline(primary: number): string {
    return DISCIPLINES[this.rng() < 0.9 ? primary : this.disciplines.pick(this.rng())]!;
  }
}

class Writer {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(
    private readonly path: string,
    header: string,
  ) {
    this.fd = openSync(`${path}.tmp`, 'w');
    this.line(header);
  }
  line(s: string): void {
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    if (this.buf.length) this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.tmp`, this.path);
  }
}

function badRow(kind: number, id: string, place: BenchPlace, year: number): [string, string, number | string] {
  if (kind % 3 === 0) return [id, place.name, `${year}x`];
  if (kind % 3 === 1) return [id, 'Atlantis of the Deep', year];
  return ['', place.name, year];
}

/** Writes `rows` timeline rows (researcher_id,year,place,country,discipline,publications) to `path`. */
export function generateTimelines(path: string, rows: number, places: BenchPlace[], seed = 1): void {
  const rng = createRng(seed);
  const world = new World(places, rng);
  const out = new Writer(path, 'researcher_id,year,place,country,discipline,publications');
  let n = 0;
  let bad = 0;
  for (let r = 1; n < rows; r++) {
    const id = `R${String(r).padStart(8, '0')}`;
    const primary = world.disciplines.pick(rng());
    const start = 1990 + Math.floor(rng() * 34);
    const end = Math.min(2023, start + Math.floor(rng() * 25));
    let at = world.global.pick(rng());
    for (let year = start; year <= end && n < rows; year++) {
      if (year > start && rng() < 0.07) at = world.next(at);
      if (rng() > 0.75 && year !== start) continue;
      const pubs = 1 + Math.min(8, Math.floor(-Math.log(1 - rng()) * 1.2));
      let p = places[at]!;
      if (++n % BAD_ROW_EVERY === 0) {
        const [bid, bplace, byear] = badRow(bad++, id, p, year);
        out.line(`${bid},${byear},${bplace},${p.country},"${world.discipline(primary)}",${pubs}`);
        continue;
      }
      out.line(`${id},${year},${p.name},${p.country},"${world.discipline(primary)}",${pubs}`);
      if (rng() < 0.06 && n < rows) {
        p = places[world.byCountry[at]!.pick(rng())]!;
        n++;
        out.line(`${id},${year},${p.name},${p.country},"${world.discipline(primary)}",${1 + Math.floor(rng() * 2)}`);
      }
    }
  }
  out.close();
}

/** Writes `rows` move rows (researcher_id,from,from_country,to,to_country,year,discipline) to `path`. */
export function generateMoves(path: string, rows: number, places: BenchPlace[], seed = 1): void {
  const rng = createRng(seed);
  const world = new World(places, rng);
  const out = new Writer(path, 'researcher_id,from,from_country,to,to_country,year,discipline');
  let n = 0;
  let bad = 0;
  for (let r = 1; n < rows; r++) {
    const id = `R${String(r).padStart(8, '0')}`;
    const primary = world.disciplines.pick(rng());
    let year = 1995 + Math.floor(rng() * 28);
    let at = world.global.pick(rng());
    const moves = 1 + Math.floor(-Math.log(1 - rng()) * 0.8);
    for (let k = 0; k < moves && year <= 2023 && n < rows; k++) {
      const to = world.next(at);
      const a = places[at]!;
      const b = places[to]!;
      if (++n % BAD_ROW_EVERY === 0) {
        const [bid, bplace, byear] = badRow(bad++, id, b, year);
        out.line(`${bid},${a.name},${a.country},${bplace},${b.country},${byear},"${world.discipline(primary)}"`);
      } else {
        out.line(`${id},${a.name},${a.country},${b.name},${b.country},${year},"${world.discipline(primary)}"`);
      }
      at = to;
      year += 1 + Math.floor(rng() * 4);
    }
  }
  out.close();
}

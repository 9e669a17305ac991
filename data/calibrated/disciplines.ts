/**
 * Disciplines of the SYNTHETIC calibrated sample: Scopus ASJC subject areas (science and
 * engineering), and the fitting that gives each place a discipline mix whose RAI reproduces
 * the SET report's published values (set2024_rai_top5.csv).
 *
 * RAI of place X in discipline Y = (active at X in Y / active at X) / (active in Y / active),
 * with "everywhere" = every place of the sample and the discipline = the researcher's primary
 * one. With the world mix fixed, a place's share of Y is RAI × world share of Y.
 */
import type { PlaceSpec, Region } from './places.ts';

/** ASJC subject areas with an invented, plausible world share of active researchers (sums to 1). */
export const DISCIPLINES: ReadonlyArray<readonly [name: string, worldShare: number]> = [
  ['Medicine', 0.2],
  ['Biochemistry, Genetics and Molecular Biology', 0.1],
  ['Engineering', 0.12],
  ['Computer Science', 0.08],
  ['Physics and Astronomy', 0.07],
  ['Chemistry', 0.065],
  ['Materials Science', 0.055],
  ['Agricultural and Biological Sciences', 0.06],
  ['Environmental Science', 0.04],
  ['Earth and Planetary Sciences', 0.035],
  ['Mathematics', 0.035],
  ['Neuroscience', 0.025],
  ['Chemical Engineering', 0.025],
  ['Immunology and Microbiology', 0.02],
  ['Pharmacology, Toxicology and Pharmaceutics', 0.02],
  ['Energy', 0.015],
  ['Psychology', 0.015],
  ['Veterinary', 0.01],
  ['Dentistry', 0.01],
];

export const DISCIPLINE_NAMES: readonly string[] = DISCIPLINES.map(([d]) => d);

// Regional leanings that shape the disciplines the report does not list for a place (and the
// whole mix of the non-SET cities): multipliers of the world share, 1 where absent.
const LEANINGS: Partial<Record<Region, Readonly<Record<string, number>>>> = {
  'Greater China': { Engineering: 1.4, 'Materials Science': 1.7, Chemistry: 1.5, 'Chemical Engineering': 1.6, Energy: 1.7, 'Computer Science': 1.2, 'Environmental Science': 1.3, Medicine: 0.7, Neuroscience: 0.5, Psychology: 0.3, Dentistry: 0.5 },
  'East Asia': { Engineering: 1.2, 'Materials Science': 1.3, Chemistry: 1.2, 'Physics and Astronomy': 1.2, Psychology: 0.5 },
  'South Asia': { Engineering: 1.5, 'Computer Science': 1.5, Chemistry: 1.3, 'Materials Science': 1.3, Medicine: 0.7, Neuroscience: 0.4, Psychology: 0.3 },
  'Middle East & Africa': { Engineering: 1.5, 'Materials Science': 1.3, Energy: 1.6, Chemistry: 1.2, Neuroscience: 0.5, Psychology: 0.5 },
  'North America': { Medicine: 1.25, 'Biochemistry, Genetics and Molecular Biology': 1.35, Neuroscience: 1.5, Psychology: 1.6, 'Immunology and Microbiology': 1.3, Engineering: 0.6, 'Materials Science': 0.6, Chemistry: 0.8, 'Chemical Engineering': 0.6 },
  Europe: { Medicine: 1.1, 'Biochemistry, Genetics and Molecular Biology': 1.15, 'Physics and Astronomy': 1.1, Psychology: 1.3, Engineering: 0.75, 'Materials Science': 0.8 },
  Oceania: { Medicine: 1.1, 'Agricultural and Biological Sciences': 1.3, 'Environmental Science': 1.3, Psychology: 1.3, Engineering: 0.8 },
  'Latin America': { 'Agricultural and Biological Sciences': 1.5, Medicine: 1.1, Veterinary: 1.8, Dentistry: 2.0, Engineering: 0.8 },
};

/** A place's leaning in one discipline (1 when it has none). */
function leaning(region: Region, discipline: string): number {
  return LEANINGS[region]?.[discipline] ?? 1;
}

/**
 * Fits each place's discipline mix. The world mix is fixed at `DISCIPLINES`' shares; a listed
 * (place, discipline) cell is then RAI × world share × stock, exactly; the other cells are fitted
 * by iterative proportional fitting to what each place and each discipline has left, starting
 * from world share × regional leaning.
 *
 * @param places - the places, with their active stock in the sample.
 * @param targets - place key → discipline → target RAI.
 * @returns place key → whole counts per discipline (in DISCIPLINE_NAMES order), summing to the stock.
 * @throws Error when the targets leave a place or a discipline nothing for the other cells.
 */
export function fitDisciplineCounts(
  places: ReadonlyArray<{ spec: PlaceSpec; stock: number }>,
  targets: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Map<string, number[]> {
  const D = DISCIPLINE_NAMES.length;
  const world = DISCIPLINES.map(([, s]) => s);
  const total = places.reduce((a, p) => a + p.stock, 0);
  const fixed = places.map(({ spec }) => DISCIPLINE_NAMES.map((d) => targets.get(spec.key)?.get(d)));
  const cells = places.map(({ spec, stock }, p) =>
    DISCIPLINE_NAMES.map((d, i) => {
      const rai = fixed[p]![i];
      return rai !== undefined ? rai * world[i]! * stock : world[i]! * leaning(spec.region, d);
    }),
  );
  const rowLeft = places.map(({ spec, stock }, p) => {
    const left = stock - cells[p]!.reduce((a, v, i) => a + (fixed[p]![i] !== undefined ? v : 0), 0);
    if (stock > 0 && left <= 0.02 * stock) throw new Error(`the RAI targets of ${spec.key} leave no room for its other disciplines`);
    return left;
  });
  const colLeft = world.map((w, i) => {
    const left = w * total - places.reduce((a, _, p) => a + (fixed[p]![i] !== undefined ? cells[p]![i]! : 0), 0);
    if (total > 0 && left <= 0) throw new Error(`the RAI targets of ${DISCIPLINE_NAMES[i]} exceed its world share`);
    return left;
  });
  for (let iter = 0; iter < 2000; iter++) {
    let worst = 0;
    places.forEach((_, p) => {
      let free = 0;
      for (let i = 0; i < D; i++) if (fixed[p]![i] === undefined) free += cells[p]![i]!;
      for (let i = 0; i < D; i++) if (fixed[p]![i] === undefined && free > 0) cells[p]![i]! *= rowLeft[p]! / free;
    });
    for (let i = 0; i < D; i++) {
      let free = 0;
      places.forEach((_, p) => fixed[p]![i] === undefined && (free += cells[p]![i]!));
      const f = free > 0 ? colLeft[i]! / free : 1;
      worst = Math.max(worst, Math.abs(f - 1));
      places.forEach((_, p) => fixed[p]![i] === undefined && (cells[p]![i]! *= f));
    }
    if (worst < 1e-12) break;
  }
  const counts = new Map<string, number[]>();
  places.forEach(({ spec, stock }, p) => counts.set(spec.key, largestRemainder(cells[p]!, stock)));
  return counts;
}

/**
 * Whole numbers proportional to `weights` that sum exactly to `total` (Hamilton's method;
 * ties go to the lower index so the result is deterministic).
 * @example largestRemainder([1, 1, 2], 5) // [1, 1, 3]: quotas 1.25, 1.25, 2.5, the spare unit to the largest remainder
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (w / sum) * total);
  const out = quotas.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]![1]]!++;
  return out;
}

/**
 * Small pieces shared by building and filtering the flow graph: edge keys, year-range checks,
 * and the arithmetic on an edge's breakdowns (byYear, byDiscipline, byYearDiscipline).
 */
import { OptionError } from '../errors.ts';

/** The key of edge A → B: `"A->B"`. */
export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

/** Adds `n` to `record[key]`. */
export function increment(record: Record<string, number>, key: string, n: number): void {
  record[key] = (record[key] ?? 0) + n;
}

/** Throws OptionError unless `years` is null or [first, last] whole numbers with first ≤ last. */
export function checkYears(years: unknown, option = 'years'): [number, number] | null {
  if (years === null || years === undefined) return null;
  if (!Array.isArray(years) || years.length !== 2 || !years.every(Number.isInteger) || years[0] > years[1]) {
    throw new OptionError(option, years, 'null or two whole-number years [first, last] with first ≤ last');
  }
  return [years[0], years[1]];
}

/** The breakdowns of an edge restricted to some years and disciplines, with their total. */
export interface Breakdowns {
  weight: number;
  byYear: Record<string, number>;
  byDiscipline: Record<string, number>;
  byYearDiscipline: Record<string, Record<string, number>>;
}

/**
 * Restricts an edge's breakdowns to years in `years` (null: all) and disciplines in
 * `disciplines` (null: all, including moves without a discipline). With a discipline filter every
 * figure is recomputed from byYearDiscipline, since a move without a discipline is in byYear but
 * in no discipline; with only a year filter, byYear gives the weight and byYearDiscipline the
 * discipline totals.
 *
 * @example
 * restrictBreakdowns({ weight: 5, byYear: { 2019: 2, 2020: 3 }, byDiscipline: { Medicine: 4 },
 *   byYearDiscipline: { 2019: { Medicine: 2 }, 2020: { Medicine: 2 } } }, [2020, 2020], null)
 * // { weight: 3, byYear: { 2020: 3 }, byDiscipline: { Medicine: 2 }, byYearDiscipline: { 2020: { Medicine: 2 } } }
 */
export function restrictBreakdowns(edge: Breakdowns, years: [number, number] | null, disciplines: ReadonlySet<string> | null): Breakdowns {
  const inYears = (y: string) => years === null || (Number(y) >= years[0] && Number(y) <= years[1]);
  const byYear: Record<string, number> = {};
  const byDiscipline: Record<string, number> = {};
  const byYearDiscipline: Record<string, Record<string, number>> = {};
  let weight = 0;
  for (const [y, perDiscipline] of Object.entries(edge.byYearDiscipline)) {
    if (!inYears(y)) continue;
    for (const [d, n] of Object.entries(perDiscipline)) {
      if (disciplines !== null && !disciplines.has(d)) continue;
      increment((byYearDiscipline[y] ??= {}), d, n);
      increment(byDiscipline, d, n);
      if (disciplines !== null) {
        increment(byYear, y, n);
        weight += n;
      }
    }
  }
  if (disciplines === null) {
    for (const [y, n] of Object.entries(edge.byYear)) {
      if (!inYears(y)) continue;
      byYear[y] = n;
      weight += n;
    }
  }
  return { weight, byYear, byDiscipline, byYearDiscipline };
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

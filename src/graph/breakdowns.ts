/**
 * Small pieces shared by building and filtering the flow graph and the flow store: edge keys,
 * year-range checks, counting into records, code-unit order.
 */
import { OptionError } from '../errors.ts';
import { compareKeys } from '../compare-keys.ts';

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

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return compareKeys(a, b);
}

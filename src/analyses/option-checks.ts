/**
 * Option checking shared by the library and the CLI. Every measure validates its options once, at
 * entry, through these helpers, so that a typo or an out-of-range value fails with an
 * `OptionError` naming the option instead of silently producing a wrong figure.
 */
import { OptionError } from '../errors.ts';

/**
 * Merges `options` over `defaults`, rejecting keys the measure does not know (a misspelt option
 * would otherwise be ignored) and `undefined` values (which fall back to the default).
 */
export function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionError('options', options, 'an options object');
  }
  const known = Object.keys(defaults);
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!known.includes(key)) throw new OptionError(key, value, `one of the options ${known.join(', ')}`);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Exclude `min` itself. */
  minExclusive?: boolean;
  /** Exclude `max` itself. */
  maxExclusive?: boolean;
  integer?: boolean;
}

/** Throws `OptionError` unless `value` is a finite number within the rule. */
export function checkNumber(name: string, value: unknown, rule: NumberRule = {}): number {
  const lo = rule.min === undefined ? '' : `${rule.minExclusive ? '>' : '≥'} ${rule.min}`;
  const hi = rule.max === undefined ? '' : `${rule.maxExclusive ? '<' : '≤'} ${rule.max}`;
  const expected = [rule.integer ? 'an integer' : 'a finite number', [lo, hi].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new OptionError(name, value, expected);
  if (rule.integer && !Number.isInteger(value)) throw new OptionError(name, value, expected);
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) {
    throw new OptionError(name, value, expected);
  }
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) {
    throw new OptionError(name, value, expected);
  }
  return value;
}

export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new OptionError(name, value, 'true or false');
  return value;
}

export function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new OptionError(name, value, `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
  }
  return value as T;
}

/** Largest seed: the generator (`random.ts`) takes 32 bits, so larger or negative seeds would alias others. */
export const MAX_SEED = 2 ** 32 - 1;

/** A seed of the seeded generator: an integer in [0, 2³² − 1]. */
export function checkSeed(name: string, value: unknown): number {
  return checkNumber(name, value, { min: 0, max: MAX_SEED, integer: true });
}

/**
 * A size limit where 0 and Infinity mean "no limit" (returned as Infinity); otherwise an integer ≥ 1.
 * `alsoAuto` only changes the message, for options that also take 'auto'.
 */
export function checkLimit(name: string, value: unknown, alsoAuto = false): number {
  if (value === 0 || value === Infinity) return Infinity;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new OptionError(name, value, `an integer ≥ 1, or 0 or Infinity for no limit${alsoAuto ? ", or 'auto'" : ''}`);
}

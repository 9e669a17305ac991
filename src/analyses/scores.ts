/**
 * Scores and composite indices.
 *
 * Definition (domain.md, "Scores and composite indices"; SET Index 2024 report, appendix 2):
 * each raw indicator is min–max scaled to [60, 100] across the compared places, best = 100 and
 * worst = 60,
 *
 *   score(x) = 60 + 40 · (x − min) / (max − min)          (higher is better)
 *   score(x) = 60 + 40 · (max − x) / (max − min)          (lower is better)
 *
 * and a composite index is the weighted sum of scores with weights summing to 1:
 *
 *   index(A) = Σ_i w_i · score_i(A),   Σ_i w_i = 1
 *
 * The report's "talent potential" = 0.4 · young share score + 0.2 · young growth score +
 * 0.4 · inflow ratio score (Shenzhen: 0.4 · 91.31 + 0.2 · 100 + 0.4 · 100 = 96.52).
 */
import { OptionError } from '../errors.ts';
import { checkBoolean, checkChoice, checkNumber, withDefaults } from './option-checks.ts';
import type { NodeMeasure } from './types.ts';

export interface MinMaxOptions {
  /** Score of the worst place. */
  min?: number;
  /** Score of the best place. */
  max?: number;
  /** true: the largest value is best; false: the smallest is. */
  higherIsBetter?: boolean;
}

/** Defaults of {@link minMaxScore} (the SET report's scale): `min` _number_ (60), `max` _number_ (100), `higherIsBetter` _boolean_ (true). */
export const MINMAX_DEFAULTS: Readonly<Required<MinMaxOptions>> = Object.freeze({ min: 60, max: 100, higherIsBetter: true });

export interface CompositeOptions {
  /** 'minmax': scale each raw indicator with {@link minMaxScore} first; 'none': indicators are scores already. */
  scale?: 'minmax' | 'none';
  /** Score range for 'minmax'. */
  min?: number;
  max?: number;
  /** For 'minmax': one direction for all indicators, or per indicator (missing ones default to true). */
  higherIsBetter?: boolean | Record<string, boolean>;
}

/**
 * Defaults of {@link compositeIndex}: `scale` _'minmax' | 'none'_ ('minmax'), `min` _number_ (60),
 * `max` _number_ (100), `higherIsBetter` _boolean | object_ (true).
 */
export const COMPOSITE_DEFAULTS: Readonly<Required<CompositeOptions>> = Object.freeze({
  scale: 'minmax',
  min: 60,
  max: 100,
  higherIsBetter: true,
});

/** Defaults of the scores module, for the CLI, README and viewer. */
export const DEFAULTS = Object.freeze({ minMax: MINMAX_DEFAULTS, composite: COMPOSITE_DEFAULTS });

/** Tolerance on Σ w = 1 (weights written with a few decimals, such as thirds, pass). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

function checkValues(values: unknown, name: string): Record<string, number | null> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new OptionError(name, values, 'an object place → number or null');
  }
  for (const [place, v] of Object.entries(values as Record<string, unknown>)) {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
      throw new OptionError(name, values, `a finite number or null for every place (${JSON.stringify(place)}: ${String(v)})`);
    }
  }
  return values as Record<string, number | null>;
}

/**
 * Min–max score of every place: best = `max` (100), worst = `min` (60), linear in between;
 * nulls stay null. When every non-null value is equal no place is worse than another and all get
 * `max`.
 *
 * @param values - place → raw indicator value or null.
 * @param options - `min` (60), `max` (100), `higherIsBetter` (true).
 * @returns place → score or null, same keys and order.
 * @throws OptionError on a non-finite value or bad options (min ≥ max).
 * @example
 * minMaxScore({ Shenzhen: 23.9, 'Hong Kong': 14.9, Lowest: 5.0 });
 * // { Shenzhen: 100, 'Hong Kong': 80.95, Lowest: 60 }
 */
export function minMaxScore(values: Record<string, number | null>, options?: MinMaxOptions): NodeMeasure {
  const o = withDefaults(MINMAX_DEFAULTS, options);
  const min = checkNumber('min', o.min);
  const max = checkNumber('max', o.max, { min, minExclusive: true });
  const higher = checkBoolean('higherIsBetter', o.higherIsBetter);
  checkValues(values, 'values');
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of Object.values(values)) {
    if (v === null) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out: NodeMeasure = {};
  for (const [place, v] of Object.entries(values)) {
    if (v === null) out[place] = null;
    else if (hi === lo) out[place] = max;
    else out[place] = min + ((max - min) * (higher ? v - lo : hi - v)) / (hi - lo);
  }
  return out;
}

/**
 * Weighted sum of indicator scores per place, weights summing to 1 (appendix 2 of the report).
 * With `scale: 'minmax'` (default) each indicator is first min–max scaled across the places it
 * covers; with `'none'` the indicators are used as given (already scores). A place that lacks an
 * indicator (absent or null) gets null: a composite from part of its indicators would not be
 * comparable with the others.
 *
 * @param indicators - indicator name → (place → value or null).
 * @param weights - indicator name → weight ≥ 0; the same names as `indicators`, summing to 1.
 * @param options - `scale` ('minmax'), `min` (60), `max` (100), `higherIsBetter` (true).
 * @returns place → index or null, places in order of first appearance.
 * @throws OptionError when weights do not match the indicators, are negative or do not sum to 1.
 * @example
 * compositeIndex(
 *   { youngShare: { Shenzhen: 91.31 }, youngGrowth: { Shenzhen: 100 }, inflowRatio: { Shenzhen: 100 } },
 *   { youngShare: 0.4, youngGrowth: 0.2, inflowRatio: 0.4 },
 *   { scale: 'none' },
 * ); // { Shenzhen: 96.524 }
 */
export function compositeIndex(
  indicators: Record<string, Record<string, number | null>>,
  weights: Record<string, number>,
  options?: CompositeOptions,
): NodeMeasure {
  const o = withDefaults(COMPOSITE_DEFAULTS, options);
  const scale = checkChoice('scale', o.scale, ['minmax', 'none'] as const);
  if (typeof indicators !== 'object' || indicators === null) throw new OptionError('indicators', indicators, 'an object name → values');
  if (typeof weights !== 'object' || weights === null) throw new OptionError('weights', weights, 'an object name → weight');
  const names = Object.keys(indicators);
  if (names.length === 0) throw new OptionError('indicators', indicators, 'at least one indicator');
  let sum = 0;
  for (const name of names) {
    const w = weights[name];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new OptionError('weights', weights, `a weight ≥ 0 for indicator ${JSON.stringify(name)}`);
    }
    sum += w;
  }
  for (const name of Object.keys(weights)) {
    if (!(name in indicators)) throw new OptionError('weights', weights, `only indicators that are given (no ${JSON.stringify(name)})`);
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) throw new OptionError('weights', weights, `weights summing to 1 (they sum to ${sum})`);
  const direction = o.higherIsBetter;
  if (typeof direction !== 'boolean' && (typeof direction !== 'object' || direction === null)) {
    throw new OptionError('higherIsBetter', direction, 'true, false, or an object indicator → boolean');
  }

  const scores: Record<string, Record<string, number | null>> = {};
  const places: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const values = checkValues(indicators[name], `indicators.${name}`);
    for (const p of Object.keys(values)) if (!seen.has(p)) seen.add(p), places.push(p);
    if (scale === 'none') scores[name] = values;
    else {
      const higherIsBetter = typeof direction === 'boolean' ? direction : (direction[name] ?? true);
      scores[name] = minMaxScore(values, { min: o.min, max: o.max, higherIsBetter });
    }
  }
  const out: NodeMeasure = {};
  for (const p of places) {
    let total = 0;
    let complete = true;
    for (const name of names) {
      const s = scores[name]![p];
      if (s === null || s === undefined) {
        complete = false;
        break;
      }
      total += weights[name]! * s;
    }
    out[p] = complete ? total : null;
  }
  return out;
}

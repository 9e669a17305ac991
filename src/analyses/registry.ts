/**
 * Every per-place measure, in the order `analyzeGraph` computes them (a measure may read the
 * attributes of those before it: net inflow reads inflow and outflow, the classes read strength,
 * talent potential reads the inflow ratio). Adding a measure: its file (with its
 * `defineMeasure` entry), its test, and one line here. The places table, the viewer's card and
 * map fields, the notebook map, the test fixtures and the README's measure table read this list.
 */
import { balanceClassMeasure } from './balance-class.ts';
import { betweennessMeasure } from './betweenness.ts';
import { communitiesMeasure } from './communities.ts';
import { communityStabilityMeasure } from './community-stability.ts';
import { eigenvectorMeasure } from './eigenvector.ts';
import { hitsMeasure } from './hits.ts';
import { hubClassMeasure } from './hub-class.ts';
import { inflowRatioMeasure } from './inflow-ratio.ts';
import { inflowShareMeasure } from './inflow-share.ts';
import type { MeasureAttribute, MeasureDefinition, MeasureView } from './measure.ts';
import { netInflowMeasure } from './net-inflow.ts';
import { pagerankMeasure } from './pagerank.ts';
import { quadrantsMeasure } from './quadrants.ts';
import { retentionMeasure } from './retention.ts';
import { strengthMeasure } from './strength.ts';
import { talentPotentialMeasure } from './talent-potential.ts';

/** The registry. */
export const MEASURES = Object.freeze([
  strengthMeasure,
  netInflowMeasure,
  inflowRatioMeasure,
  retentionMeasure,
  talentPotentialMeasure,
  pagerankMeasure,
  hitsMeasure,
  betweennessMeasure,
  eigenvectorMeasure,
  hubClassMeasure,
  balanceClassMeasure,
  communitiesMeasure,
  communityStabilityMeasure,
  quadrantsMeasure,
  inflowShareMeasure,
] as const);

/** A measure of the registry, whatever its options. */
// biome-ignore lint/suspicious/noExplicitAny: a list of measures with different option types (compute is contravariant in them)
export type AnyMeasure = MeasureDefinition<any, unknown>;

/** Every node attribute the registry's measures write, in order, with the measure that writes it. */
export function measureAttributes(
  measures: readonly AnyMeasure[] = MEASURES,
): (MeasureAttribute & { measure: string; needsTimelines: boolean })[] {
  return measures.flatMap((m) => m.attributes.map((a) => ({ ...a, measure: m.id, needsTimelines: m.needsTimelines })));
}

/** The node attributes shown in one view (the viewer's place card, the sigma map). */
export function attributesShownIn(view: MeasureView, measures: readonly AnyMeasure[] = MEASURES): MeasureAttribute[] {
  return measureAttributes(measures).filter((a) => a.views?.includes(view));
}

/** The options of every measure with their defaults, merged; throws when two measures give one option different defaults. */
export function measureDefaults(measures: readonly AnyMeasure[] = MEASURES): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of measures) {
    for (const [key, value] of Object.entries(m.defaults as object)) {
      if (key in out && out[key] !== value)
        throw new Error(`measures disagree on the default of option ${key}: ${String(out[key])} and ${String(value)} (${m.id})`);
      out[key] = value;
    }
  }
  return out;
}

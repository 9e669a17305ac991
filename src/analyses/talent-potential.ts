/**
 * Talent potential of each place.
 *
 * Definition (domain.md, "Scores and composite indices"; SET Index 2024 report, appendix 2 and
 * the talent-potential table): each of three raw indicators is min–max scaled to [60, 100]
 * across the graph's places with stock (`scores.ts`), then
 *
 *   talentPotential = 0.4 · score(young share) + 0.2 · score(young growth) + 0.4 · score(inflow ratio)
 *
 * young share and young growth as in `young.ts`, inflow ratio as in `inflow-ratio.ts`. The report
 * computes it over its 30 metros; here the compared places are every place of the graph whose
 * three indicators are known, so the scores depend on which places the graph holds.
 */
import { inflowRatio } from './inflow-ratio.ts';
import { checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import type { AnyGraph } from './graph-input.ts';
import { compositeIndex, minMaxScore } from './scores.ts';
import type { NodeMeasure } from './types.ts';
import { youngGrowth, youngShare } from './young.ts';
import { defineMeasure } from './measure.ts';

export interface TalentPotentialWeights {
  youngShare: number;
  youngGrowth: number;
  inflowRatio: number;
}

export interface TalentPotentialOptions {
  /** Weights of the three scores, summing to 1. */
  weights?: TalentPotentialWeights;
  /** Score range. */
  min?: number;
  max?: number;
}

/**
 * Defaults of {@link talentPotential} (the report's): `weights` _object_ ({ youngShare: 0.4,
 * youngGrowth: 0.2, inflowRatio: 0.4 }), `min` _number_ (60), `max` _number_ (100).
 */
export const DEFAULTS: Readonly<Required<TalentPotentialOptions>> = Object.freeze({
  weights: Object.freeze({ youngShare: 0.4, youngGrowth: 0.2, inflowRatio: 0.4 }),
  min: 60,
  max: 100,
});

export interface TalentPotentialResult {
  /** node key → talent potential, null where an indicator is unknown. */
  index: NodeMeasure;
  /** The raw indicators (shares and rate). */
  raw: { youngShare: NodeMeasure; youngGrowth: NodeMeasure; inflowRatio: NodeMeasure };
  /** Their [min, max] scores over the places where all three are known. */
  scores: { youngShare: NodeMeasure; youngGrowth: NodeMeasure; inflowRatio: NodeMeasure };
}

function compute(graph: AnyGraph, options?: TalentPotentialOptions): TalentPotentialResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const min = checkNumber('min', o.min);
  const max = checkNumber('max', o.max, { min, minExclusive: true });
  const raw = { youngShare: youngShare(graph), youngGrowth: youngGrowth(graph), inflowRatio: inflowRatio(graph) };
  // Score only the places where all three are known, so that every score compares the same places.
  const complete = (node: string) => raw.youngShare[node] != null && raw.youngGrowth[node] != null && raw.inflowRatio[node] != null;
  const restrict = (m: NodeMeasure): NodeMeasure => {
    const out: NodeMeasure = {};
    for (const [k, v] of Object.entries(m)) out[k] = complete(k) ? v : null;
    return out;
  };
  const scores = {
    youngShare: minMaxScore(restrict(raw.youngShare), { min, max }),
    youngGrowth: minMaxScore(restrict(raw.youngGrowth), { min, max }),
    inflowRatio: minMaxScore(restrict(raw.inflowRatio), { min, max }),
  };
  const index = compositeIndex(scores, { ...o.weights }, { scale: 'none' });
  return { index, raw, scores };
}

/** Writes node attributes `youngShare`, `youngGrowth` and `talentPotential`. */
function assign(graph: AnyGraph, options?: TalentPotentialOptions): TalentPotentialResult {
  const r = compute(graph, options);
  graph.updateEachNodeAttributes(
    (node, attr) => ({
      ...attr,
      youngShare: r.raw.youngShare[node],
      youngGrowth: r.raw.youngGrowth[node],
      talentPotential: r.index[node],
    }),
    { attributes: ['youngShare', 'youngGrowth', 'talentPotential'] },
  );
  return r;
}

/**
 * The report's talent potential from a timelines graph: 0.4 / 0.2 / 0.4 weighted [60, 100]
 * scores of young share, young growth and inflow ratio.
 *
 * @param graph - a flow graph built from timelines.
 * @param options - `weights`, `min` (60), `max` (100).
 * @returns `{ index, raw, scores }`; all null on a graph without stock.
 * @throws OptionError when weights do not sum to 1 or min ≥ max.
 * @example
 * talentPotential(graph).index.Shenzhen; // 96.5
 */
export const talentPotential = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const talentPotentialMeasure = defineMeasure({
  id: 'talentPotential',
  name: 'young share, young growth, talent potential',
  definition:
    'young / stock; CAGR over the window of young active researchers affiliated in each year (academic age at that year ≤ 5) (`analyses/young.ts`); ' +
    'talent potential = 0.4 young share + 0.2 young growth + 0.4 inflow ratio, each min–max scored to [60, 100], reproduces the published table',
  file: 'analyses/talent-potential.ts',
  needsTimelines: true,
  attributes: [
    { attribute: 'youngShare', column: null, label: 'Young share', description: 'young / stock, 0..1', format: 'share' },
    {
      attribute: 'youngGrowth',
      column: null,
      label: 'Young growth',
      description: 'yearly growth rate of young active researchers over the window',
      format: 'share',
    },
    {
      attribute: 'talentPotential',
      column: null,
      label: 'Talent potential',
      description: 'weighted [60, 100] scores of young share, young growth and inflow ratio',
      format: 'score',
    },
  ],
  defaults: {},
  compute: (graph) => talentPotential.assign(graph),
});

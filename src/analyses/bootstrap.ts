/**
 * Uncertainty of the place measures by a seeded bootstrap: how much net inflow, the inflow ratio,
 * RAI and each place's PageRank rank would move if the same process had produced another sample.
 *
 * Method (Efron 1979; the percentile interval, Efron & Tibshirani 1993 §13): the observations are
 * resampled with replacement, as many as there are, `replicates` times; every measure is
 * recomputed on each replicate, and the 90 % interval of a measure is the 5th to 95th percentile
 * (type-7 quantile) of its replicate values; for ranks, the 5th and 95th percentiles as ranks
 * (type 1: the smallest replicate rank with at least that share of replicates at or below it).
 *
 * What is resampled (the unit whose independence the interval assumes):
 * - timelines: researchers. A researcher drawn k times brings k times their moves (flows), their
 *   home (stock), whether they flowed in by the SET rule, and their primary discipline (RAI).
 * - moves tables: moves. A replicate is a multinomial draw of as many moves as the table holds
 *   over its cells (flow × discipline, and flow without discipline), with probabilities the cells'
 *   shares of the moves (drawn one move at a time with Walker's alias method).
 *
 * Measures per replicate, as the point estimates define them: net inflow = in − out; inflow ratio
 * = inflowSet / stock (timelines); RAI(X, Y) = (n_XY / n_X) / (N_Y / N) with the replicate's
 * places as the world; PageRank (α = 0.85, weights = moves) and the rank of each place (1 = highest).
 *
 * What the intervals are read for (`distinguishable`):
 * - net inflow: the interval excludes 0 (a magnet or an exporter, not noise);
 * - inflow ratio: the interval excludes 0;
 * - RAI: the interval excludes 1 (the world average: a specialisation or an under-representation);
 * - PageRank rank: the place ranks above the next place of the point ranking in at least
 *   (1 + level) / 2 = 95 % of replicates (`aboveNext`): it is distinguishable from its neighbour.
 *
 * Deterministic: one mulberry32 generator seeded with `seed` (the run's seed), draws in a fixed order.
 */
import { OptionError } from '../errors.ts';
import { createRng, DEFAULT_SEED } from '../random.ts';
import { checkNumber, checkSeed, withDefaults } from './option-checks.ts';
import { pagerankIteration } from './pagerank.ts';
import { quantile } from './quantile.ts';

/** Flows (places and flow endpoints as indices) shared by both kinds of unit. */
interface FlowFrame {
  /** Place keys; indices below point into it. */
  places: string[];
  /** Endpoints of each flow. */
  source: Int32Array;
  target: Int32Array;
  disciplines: string[];
}

/** Moves table: cells of a flow and a discipline (−1: none) with their moves. */
export interface MoveUnits extends FlowFrame {
  kind: 'moves';
  cellFlow: Int32Array;
  cellDiscipline: Int32Array;
  cellWeight: Float64Array;
}

/**
 * Timelines: one unit per researcher; their moves as flow indices in rows unitStart[u] …
 * unitStart[u + 1] − 1 of `unitFlow`; home place (−1: not active), SET inflow flag, primary
 * discipline (−1: none).
 */
export interface ResearcherUnits extends FlowFrame {
  kind: 'researchers';
  unitStart: Int32Array;
  unitFlow: Int32Array;
  home: Int32Array;
  flowedIn: Uint8Array;
  discipline: Int32Array;
}

export type BootstrapUnits = MoveUnits | ResearcherUnits;

export interface BootstrapOptions {
  /** Replicates (≥ 1; 200 is usual for 90 % percentile intervals). */
  replicates?: number;
  /** Seed of the resampling (the run's seed). */
  seed?: number;
  /** Coverage of the intervals, in (0, 1). */
  level?: number;
  /** PageRank damping for the ranks. */
  alpha?: number;
}

/** Defaults of {@link bootstrap}: `replicates` (200), `seed` (42), `level` (0.9), `alpha` (0.85). */
export const DEFAULTS: Readonly<Required<BootstrapOptions>> = Object.freeze({
  replicates: 200,
  seed: DEFAULT_SEED,
  level: 0.9,
  alpha: 0.85,
});

export type IntervalMeasure = 'net_inflow' | 'inflow_ratio' | 'rai' | 'pagerank_rank';

/** One interval: a measure of a place (and a discipline for RAI). */
export interface Interval {
  place: string;
  measure: IntervalMeasure;
  /** The discipline (RAI), else null. */
  discipline: string | null;
  /** Point estimate on the data as observed. */
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** Share of replicates in which the place ranks above the next place of the point ranking (rank only; null for the last). */
  aboveNext: number | null;
  /** See the file's header: excludes 0 (net inflow, inflow ratio), excludes 1 (RAI), outranks the next (rank). */
  distinguishable: boolean | null;
}

export interface BootstrapResult {
  unit: 'researchers' | 'moves';
  replicates: number;
  seed: number;
  level: number;
  intervals: Interval[];
}

/** Per-replicate aggregates: flow weights, stock and SET inflow per place, counts per place × discipline. */
interface Sample {
  flow: Float64Array;
  stock: Float64Array | null;
  inflowSet: Float64Array | null;
  byDiscipline: Float64Array;
}

/** Walker's alias table over weights: draws index i with probability w_i / Σ w. */
export function aliasTable(weights: ArrayLike<number>): (rng: () => number) => number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i]! * n) / total;
    (prob[i]! < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    alias[s] = l;
    prob[l] = prob[l]! + prob[s]! - 1;
    if (prob[l]! < 1) small.push(large.pop()!);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (rng) => {
    const u = rng() * n;
    const i = Math.min(n - 1, Math.floor(u));
    return u - i < prob[i]! ? i : alias[i]!;
  };
}

function draw(units: BootstrapUnits, rng: () => number, next: (() => number) | null): Sample {
  const P = units.places.length;
  const D = units.disciplines.length;
  const flow = new Float64Array(units.source.length);
  const byDiscipline = new Float64Array(P * D);
  if (units.kind === 'moves') {
    let moves = 0;
    for (const w of units.cellWeight) moves += w;
    for (let m = 0; m < moves; m++) {
      const c = next!();
      const f = units.cellFlow[c]!;
      flow[f]!++;
      const d = units.cellDiscipline[c]!;
      if (d >= 0) byDiscipline[units.target[f]! * D + d]!++;
    }
    return { flow, stock: null, inflowSet: null, byDiscipline };
  }
  const U = units.home.length;
  const stock = new Float64Array(P);
  const inflowSet = new Float64Array(P);
  const times = new Int32Array(U);
  for (let k = 0; k < U; k++) times[Math.min(U - 1, Math.floor(rng() * U))]!++;
  for (let u = 0; u < U; u++) {
    const t = times[u]!;
    if (t === 0) continue;
    for (let j = units.unitStart[u]!; j < units.unitStart[u + 1]!; j++) flow[units.unitFlow[j]!]! += t;
    const h = units.home[u]!;
    if (h < 0) continue;
    stock[h]! += t;
    if (units.flowedIn[u]) inflowSet[h]! += t;
    if (units.discipline[u]! >= 0) byDiscipline[h * D + units.discipline[u]!]! += t;
  }
  return { flow, stock, inflowSet, byDiscipline };
}

/** Node key order of the ranks: PageRank descending, ties by position (the graph's order). */
function ranks(pr: Float64Array): Int32Array {
  const order = Array.from(pr.keys()).sort((a, b) => pr[b]! - pr[a]! || a - b);
  const rank = new Int32Array(pr.length);
  order.forEach((p, r) => (rank[p] = r + 1));
  return rank;
}

/** Measures of one sample: net inflow, inflow ratio, RAI (P × D, NaN where undefined), PageRank. */
function measuresOf(units: BootstrapUnits, s: Sample, alpha: number) {
  const P = units.places.length;
  const D = units.disciplines.length;
  const net = new Float64Array(P);
  for (let f = 0; f < s.flow.length; f++) {
    if (units.source[f] === units.target[f]) continue;
    net[units.target[f]!]! += s.flow[f]!;
    net[units.source[f]!]! -= s.flow[f]!;
  }
  const ratio = new Float64Array(P).fill(NaN);
  if (s.stock && s.inflowSet) for (let p = 0; p < P; p++) if (s.stock[p]! > 0) ratio[p] = s.inflowSet[p]! / s.stock[p]!;
  const rai = new Float64Array(P * D).fill(NaN);
  const nX = new Float64Array(P);
  const nY = new Float64Array(D);
  let n = 0;
  for (let p = 0; p < P; p++) {
    for (let d = 0; d < D; d++) {
      const v = s.byDiscipline[p * D + d]!;
      nX[p]! += v;
      nY[d]! += v;
      n += v;
    }
  }
  for (let p = 0; p < P; p++) {
    if (!(nX[p]! > 0)) continue;
    for (let d = 0; d < D; d++) if (nY[d]! > 0) rai[p * D + d] = s.byDiscipline[p * D + d]! / nX[p]! / (nY[d]! / n);
  }
  // PageRank on the replicate's flows (rows by source, flow order within a row); as `pagerank`,
  // flows of no moves (not drawn in this replicate) and self-loops are not edges.
  const used = (f: number) => s.flow[f]! > 0 && units.source[f] !== units.target[f];
  const starts = new Int32Array(P + 1);
  for (let f = 0; f < s.flow.length; f++) if (used(f)) starts[units.source[f]! + 1]!++;
  for (let p = 0; p < P; p++) starts[p + 1]! += starts[p]!;
  const at = starts.slice(0, P);
  const targets = new Int32Array(starts[P]!);
  const weights = new Float64Array(starts[P]!);
  for (let f = 0; f < s.flow.length; f++) {
    if (!used(f)) continue;
    const k = at[units.source[f]!]!++;
    targets[k] = units.target[f]!;
    weights[k] = s.flow[f]!;
  }
  const pr = pagerankIteration({ nodes: units.places, starts, targets, weights, edgeCount: starts[P]! }, alpha, 1000, 1e-10);
  return { net, ratio, rai, pr };
}

/**
 * Resamples `units` `replicates` times and returns the intervals of net inflow, inflow ratio
 * (timelines), RAI and PageRank rank of every place, with the point estimates computed the same
 * way on the data as observed.
 *
 * @param units - from `moveUnits(graph)` or `researcherUnits(...)`.
 * @param options - see {@link DEFAULTS}.
 * @throws OptionError on a bad option.
 * @example
 * const b = bootstrap(moveUnits(graph), { replicates: 200, seed: 42 });
 * b.intervals.filter((i) => i.measure === 'net_inflow' && !i.distinguishable); // not told apart from 0
 */
export function bootstrap(units: BootstrapUnits, options?: BootstrapOptions): BootstrapResult {
  const o = withDefaults(DEFAULTS, options);
  const replicates = checkNumber('replicates', o.replicates, { min: 1, integer: true });
  const seed = checkSeed('seed', o.seed);
  const level = checkNumber('level', o.level, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  const alpha = checkNumber('alpha', o.alpha, { min: 0, max: 1, maxExclusive: true });
  if (units.kind === 'moves') {
    for (const w of units.cellWeight)
      if (!Number.isInteger(w) || w < 0) throw new OptionError('units.cellWeight', w, 'whole numbers of moves ≥ 0');
  }
  const P = units.places.length;
  const D = units.disciplines.length;
  const observed = measuresOf(units, observedSample(units), alpha);
  const pointRank = ranks(observed.pr);
  const byRank = Array.from(pointRank.keys()).sort((a, b) => pointRank[a]! - pointRank[b]!);

  const rng = createRng(seed);
  const next = units.kind === 'moves' && units.cellWeight.some((w) => w > 0) ? aliasTable(units.cellWeight) : null;
  const net = new Float64Array(replicates * P);
  const ratio = new Float64Array(replicates * P);
  const rai = new Float64Array(replicates * P * D);
  const rank = new Float64Array(replicates * P);
  const above = new Int32Array(P);
  for (let r = 0; r < replicates; r++) {
    const m = measuresOf(
      units,
      draw(units, () => rng(), next ? () => next(rng) : null),
      alpha,
    );
    net.set(m.net, r * P);
    ratio.set(m.ratio, r * P);
    rai.set(m.rai, r * P * D);
    const rk = ranks(m.pr);
    for (let p = 0; p < P; p++) rank[r * P + p] = rk[p]!;
    for (let k = 0; k + 1 < P; k++) if (rk[byRank[k]!]! < rk[byRank[k + 1]!]!) above[byRank[k]!]!++;
  }

  const lowQ = (1 - level) / 2;
  const interval = (values: Float64Array, offset: number, stride: number, ranked = false): [number | null, number | null] => {
    const xs: number[] = [];
    for (let r = 0; r < replicates; r++) {
      const v = values[offset + r * stride]!;
      if (!Number.isNaN(v)) xs.push(v);
    }
    // A measure undefined in most replicates (a place that rarely has stock) gets no interval.
    if (xs.length < replicates / 2) return [null, null];
    if (ranked) {
      // Ranks: bounds that are ranks (the inverse of the empirical distribution), not a mean of two.
      xs.sort((a, b) => a - b);
      const at = (q: number) => xs[Math.max(0, Math.ceil(q * xs.length) - 1)]!;
      return [at(lowQ), at(1 - lowQ)];
    }
    return [quantile(xs, lowQ), quantile(xs, 1 - lowQ)];
  };
  const excludes = (low: number | null, high: number | null, value: number) =>
    low === null || high === null ? null : low > value || high < value;
  const finite = (v: number) => (Number.isNaN(v) ? null : v);
  const intervals: Interval[] = [];
  for (let p = 0; p < P; p++) {
    const place = units.places[p]!;
    const [nl, nh] = interval(net, p, P);
    intervals.push({
      place,
      measure: 'net_inflow',
      discipline: null,
      estimate: observed.net[p]!,
      low: nl,
      high: nh,
      aboveNext: null,
      distinguishable: excludes(nl, nh, 0),
    });
    if (units.kind === 'researchers') {
      const [il, ih] = interval(ratio, p, P);
      intervals.push({
        place,
        measure: 'inflow_ratio',
        discipline: null,
        estimate: finite(observed.ratio[p]!),
        low: il,
        high: ih,
        aboveNext: null,
        distinguishable: excludes(il, ih, 0),
      });
    }
    const position = pointRank[p]! - 1;
    const share = position + 1 < P ? above[p]! / replicates : null;
    const [rl, rh] = interval(rank, p, P, true);
    intervals.push({
      place,
      measure: 'pagerank_rank',
      discipline: null,
      estimate: pointRank[p]!,
      low: rl,
      high: rh,
      aboveNext: share,
      distinguishable: share === null ? null : share >= (1 + level) / 2,
    });
    for (let d = 0; d < D; d++) {
      const estimate = finite(observed.rai[p * D + d]!);
      if (estimate === null) continue;
      const [al, ah] = interval(rai, p * D + d, P * D);
      intervals.push({
        place,
        measure: 'rai',
        discipline: units.disciplines[d]!,
        estimate,
        low: al,
        high: ah,
        aboveNext: null,
        distinguishable: excludes(al, ah, 1),
      });
    }
  }
  return { unit: units.kind, replicates, seed, level, intervals };
}

/** The data as observed, as a sample with every unit once. */
function observedSample(units: BootstrapUnits): Sample {
  const P = units.places.length;
  const D = units.disciplines.length;
  const flow = new Float64Array(units.source.length);
  const byDiscipline = new Float64Array(P * D);
  if (units.kind === 'moves') {
    for (let c = 0; c < units.cellFlow.length; c++) {
      const f = units.cellFlow[c]!;
      flow[f]! += units.cellWeight[c]!;
      const d = units.cellDiscipline[c]!;
      if (d >= 0) byDiscipline[units.target[f]! * D + d]! += units.cellWeight[c]!;
    }
    return { flow, stock: null, inflowSet: null, byDiscipline };
  }
  const stock = new Float64Array(P);
  const inflowSet = new Float64Array(P);
  for (let u = 0; u < units.home.length; u++) {
    for (let j = units.unitStart[u]!; j < units.unitStart[u + 1]!; j++) flow[units.unitFlow[j]!]!++;
    const h = units.home[u]!;
    if (h < 0) continue;
    stock[h]!++;
    if (units.flowedIn[u]) inflowSet[h]!++;
    if (units.discipline[u]! >= 0) byDiscipline[h * D + units.discipline[u]!]!++;
  }
  return { flow, stock, inflowSet, byDiscipline };
}

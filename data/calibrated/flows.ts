/**
 * The flow plan of the SYNTHETIC calibrated sample: how many moves go from each place to each
 * other place over 2010–2023, at full (report) scale, before sampling.
 *
 * A gravity-style model fitted by iterative proportional fitting (IPF):
 * - margins: moves into a place = its SET inflowers (inflow ratio × stock) plus other arrivals
 *   (before the window, early-career, inactive: `NON_SET_ARRIVALS` × stock); moves out = moves
 *   in × a ratio by kind of place (net exporters, magnets, hubs), rescaled so totals balance;
 * - interaction: a domestic preference by country and a regional affinity, strong enough that
 *   Chinese and US flows stay mostly domestic as the report observes;
 * - fixed cells for the flows the SET report names (Shenzhen's sources, the Greater Bay Area's
 *   two-way exchange, Beijing's and Boston's largest SET destinations), and caps that keep the
 *   named ones the largest.
 */
import { PLACES, placeOf, type PlaceSpec } from './places.ts';
import { STOCK_TARGETS } from './targets.ts';

/** Arrivals that are not SET inflows, per active researcher of the destination. */
function nonSetArrivals(p: PlaceSpec): number {
  if (p.key === 'Beijing') return 0.085; // a receiving hub: many arrivals before the window
  if (p.key === 'Shenzhen') return 0.07;
  return p.set ? 0.06 : 0.05;
}

const DEVELOPING = new Set(['IN', 'IR', 'TR', 'EG', 'BR', 'MX', 'RU']);

/** Moves out per move in, before balancing: SET metros import, the other cities export, most of all the developing ones. */
function outPerIn(p: PlaceSpec): number {
  if (p.key === 'Shenzhen') return 0.35; // the report's magnet
  if (p.set) return 0.8;
  if (p.country === 'CN') return 1.6;
  if (p.country === 'US') return 2.0;
  if (DEVELOPING.has(p.country)) return 2.5;
  return 1.3;
}

/** Outflow of the two hubs, full scale: the report's places "central to both sending and receiving". */
const HUB_OUT: Readonly<Record<string, number>> = { Beijing: 36_000, Boston: 28_000 };
/** Places whose outflow is not rescaled when totals are balanced: the hubs and the magnet. */
const isPinned = (p: PlaceSpec) => p.key in HUB_OUT || p.key === 'Shenzhen';

/**
 * Preference for a partner in the same country, relative to 1 for a partner in another region.
 * A domestic cell competes with some 60 foreign ones, so the factors are large: these values
 * bring the domestic share of moves touching China to ≈ 87 % and the United States to ≈ 81 %
 * (the report: mostly domestic). The Chinese one also keeps Beijing's many domestic moves off
 * its five largest SET destinations, which the named flows set.
 */
const DOMESTIC: Readonly<Record<string, number>> = { CN: 2000, US: 150, JP: 10, KR: 6, IN: 8, AU: 6, CA: 4, GB: 5, DE: 5, FR: 5, ES: 5, IT: 5 };
const DOMESTIC_DEFAULT = 3;
/** Preference for another country of the same region. */
const REGION_AFFINITY = 3;
/**
 * Hong Kong and the mainland exchange far more than regional neighbours: without this Hong Kong's
 * ties abroad outweigh its ties to Shenzhen and Guangzhou, and Louvain puts it with the rest of
 * the world instead of the Greater Bay Area.
 */
const HONG_KONG_MAINLAND = 60;

/**
 * Flows the report names, full scale. Shenzhen's sources: Guangzhou > Shanghai > Beijing (over
 * 2,700), Beijing + Hong Kong + Guangzhou over 5,000. Beijing's five largest SET destinations sum
 * to over 9,300, about twice Boston's five.
 */
export const NAMED_FLOWS: ReadonlyArray<readonly [from: string, to: string, moves: number]> = [
  ['Guangzhou', 'Shenzhen', 3300],
  ['Shanghai', 'Shenzhen', 3060],
  ['Beijing', 'Shenzhen', 2860],
  ['Hong Kong', 'Shenzhen', 1300],
  // The Greater Bay Area exchanges heavily both ways.
  ['Shenzhen', 'Guangzhou', 1400],
  ['Shenzhen', 'Hong Kong', 900],
  ['Guangzhou', 'Hong Kong', 800],
  ['Hong Kong', 'Guangzhou', 700],
  ['Beijing', 'Shanghai', 3000],
  ['Beijing', 'Guangzhou', 1900],
  ['Beijing', 'Hong Kong', 1100],
  ['Beijing', 'Boston', 700],
  ['Boston', 'New York', 1200],
  ['Boston', 'San Francisco', 1060],
  ['Boston', 'Washington D.C.', 900],
  ['Boston', 'Los Angeles', 800],
  ['Boston', 'Chicago', 700],
];

/** Upper bounds (full scale) that keep the named flows on top after fitting. */
function capOf(from: PlaceSpec, to: PlaceSpec): number {
  if ((from.key === 'Beijing' || from.key === 'Boston') && to.set) return 600;
  if (to.key === 'Shenzhen') return 1000;
  return Infinity;
}

export interface FlowPlan {
  keys: string[];
  /** matrix[s][d]: moves from keys[s] to keys[d] (full scale, real-valued). */
  matrix: number[][];
  /** Planned moves in and out per place (full scale). */
  inflow: number[];
  outflow: number[];
}

/** Interaction weight of a move from `a` to `b` before fitting. */
function affinity(a: PlaceSpec, b: PlaceSpec): number {
  if (a.key === b.key) return 0;
  if (a.country === b.country) return DOMESTIC[a.country] ?? DOMESTIC_DEFAULT;
  const pair = [a.country, b.country].sort().join();
  if (pair === 'CN,HK') return HONG_KONG_MAINLAND;
  return a.region === b.region ? REGION_AFFINITY : 1;
}

/** Builds the full-scale flow plan (deterministic: no randomness). */
export function planFlows(): FlowPlan {
  const keys = PLACES.map((p) => p.key);
  const n = keys.length;
  const index = new Map(keys.map((k, i) => [k, i]));
  const inflow = PLACES.map((p) => p.stock * (STOCK_TARGETS.get(p.key)!.inflowRatio + nonSetArrivals(p)));
  const base = PLACES.map((p, i) => inflow[i]! * outPerIn(p));
  const pinned = PLACES.map(isPinned);
  const pinnedOut = PLACES.map((p, i) => HUB_OUT[p.key] ?? base[i]!);
  const totalIn = inflow.reduce((a, b) => a + b, 0);
  const pinnedSum = pinnedOut.reduce((a, b, i) => a + (pinned[i] ? b : 0), 0);
  const freeSum = base.reduce((a, b, i) => a + (pinned[i] ? 0 : b), 0);
  const k = (totalIn - pinnedSum) / freeSum;
  const outflow = base.map((b, i) => (pinned[i] ? pinnedOut[i]! : b * k));

  const fixed: (number | null)[][] = keys.map(() => new Array<number | null>(n).fill(null));
  for (const [from, to, moves] of NAMED_FLOWS) fixed[index.get(from)!]![index.get(to)!] = moves;
  const seed = PLACES.map((a) => PLACES.map((b) => affinity(a, b)));

  // Fit, then pin any cell above its cap at the cap and fit again, until none is above.
  for (let round = 0; round < 50; round++) {
    const matrix = ipf(seed, fixed, outflow, inflow);
    let capped = false;
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < n; d++) {
        const cap = capOf(placeOf(keys[s]!), placeOf(keys[d]!));
        if (fixed[s]![d] === null && matrix[s]![d]! > cap) {
          fixed[s]![d] = cap;
          capped = true;
        }
      }
    }
    if (!capped) return { keys, matrix, inflow, outflow };
  }
  throw new Error('flow caps did not settle');
}

/** IPF of the free cells of `seed` to row sums `rows` and column sums `cols`, fixed cells kept. */
function ipf(seed: number[][], fixed: (number | null)[][], rows: number[], cols: number[]): number[][] {
  const n = rows.length;
  const x = seed.map((r, s) => r.map((v, d) => fixed[s]![d] ?? v));
  const isFree = (s: number, d: number) => fixed[s]![d] === null;
  for (let iter = 0; iter < 5000; iter++) {
    let worst = 0;
    for (let s = 0; s < n; s++) {
      let free = 0;
      let pin = 0;
      for (let d = 0; d < n; d++) (isFree(s, d) ? (free += x[s]![d]!) : (pin += x[s]![d]!));
      const f = free > 0 ? (rows[s]! - pin) / free : 1;
      if (f < 0) throw new Error(`named flows from ${PLACES[s]!.key} exceed its planned outflow`);
      for (let d = 0; d < n; d++) if (isFree(s, d)) x[s]![d]! *= f;
    }
    for (let d = 0; d < n; d++) {
      let free = 0;
      let pin = 0;
      for (let s = 0; s < n; s++) (isFree(s, d) ? (free += x[s]![d]!) : (pin += x[s]![d]!));
      const f = free > 0 ? (cols[d]! - pin) / free : 1;
      if (f < 0) throw new Error(`named flows into ${PLACES[d]!.key} exceed its planned inflow`);
      for (let s = 0; s < n; s++) if (isFree(s, d)) x[s]![d]! *= f;
      worst = Math.max(worst, Math.abs(f - 1));
    }
    if (worst < 1e-10) break;
  }
  return x;
}

/**
 * The plan at the sample's scale: each cell rounded to whole moves.
 * @example sampleFlows(planFlows(), 1 / 20)[s][d] // moves keys[s] → keys[d] in the sample
 */
export function sampleFlows(plan: FlowPlan, scale: number): number[][] {
  return plan.matrix.map((row) => row.map((v) => Math.round(v * scale)));
}

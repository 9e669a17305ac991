/**
 * The flow plan of the SYNTHETIC calibrated sample: how many moves go from each place to each
 * other place over 2010–2023, at full (report) scale, before sampling.
 *
 * A gravity-style model fitted by iterative proportional fitting (IPF):
 * - margins: moves into a place = its SET inflowers (inflow ratio × stock) plus other arrivals
 *   (before the window, early-career, inactive: `NON_SET_ARRIVALS` × stock); moves out = moves
 *   in × a ratio by kind of place (net exporters, magnets, hubs), rescaled so totals balance;
 * - interaction: a domestic preference by country and a regional affinity, strong enough that
 *   Chinese and US flows stay mostly domestic as the report observes, that Europe exchanges
 *   mostly within Europe, and that the United States and Canada form one North American pool;
 * - fixed cells for the flows the SET report names (Shenzhen's sources, the Greater Bay Area's
 *   two-way exchange, Beijing's and Boston's largest SET destinations) and for the Greater Bay
 *   Area's ties to Beijing, and caps that keep the named ones the largest.
 *
 * What the model is shaped to show at first sight (README "How it is built"): the Greater Bay
 * Area, the rest of China, the US, Europe and East Asia–Pacific as separate flow communities,
 * and Beijing and Boston as the two hubs by PageRank as well as by strength.
 */
import { PLACES, placeOf, type PlaceSpec } from './places.ts';
import { STOCK_TARGETS } from './targets.ts';

/**
 * Arrivals that are not SET inflows (before the window, early-career, inactive), per active
 * researcher of the destination. Beijing, the receiving hub, gets many: its arrivals per
 * researcher over 2010–2023 (≈ 22 %) then match Boston's, while its inflow ratio, which counts
 * only SET inflows, stays at the published 6.82 %. Guangzhou's and Hong Kong's arrivals are
 * mostly their SET inflowers, so that most of the Greater Bay Area's intake comes from within the
 * area and from Beijing and Shanghai (see NAMED_FLOWS) rather than from everywhere.
 */
function nonSetArrivals(p: PlaceSpec): number {
  if (p.key === 'Beijing') return 0.15;
  if (p.key === 'Shenzhen') return 0.08;
  if (p.key === 'Guangzhou') return 0.01;
  if (p.key === 'Hong Kong') return 0.04;
  return p.set ? 0.06 : 0.05;
}

const DEVELOPING = new Set(['IN', 'IR', 'TR', 'EG', 'BR', 'MX', 'RU']);

/**
 * Moves out per move in, before balancing: SET metros import, the other cities export, most of
 * all the developing ones. Guangzhou feeds Shenzhen (the report's largest source of the magnet);
 * Hong Kong keeps most of its arrivals.
 * The other Chinese cities export just enough to feed Beijing, Shanghai and the Greater Bay
 * Area: more would spill abroad and break the mostly domestic Chinese flows.
 */
function outPerIn(p: PlaceSpec): number {
  if (p.key === 'Shenzhen') return 0.42; // the report's magnet
  if (p.key === 'Guangzhou') return 1.35;
  if (p.key === 'Hong Kong') return 0.7;
  if (p.set) return 0.8;
  if (p.country === 'CN') return 1.5;
  if (p.country === 'US') return 2.0;
  if (DEVELOPING.has(p.country)) return 2.5;
  return 1.3;
}

/** Outflow of the two hubs, full scale: the report's places "central to both sending and receiving". */
const HUB_OUT: Readonly<Record<string, number>> = { Beijing: 46_000, Boston: 28_000 };
/** Places whose outflow is not rescaled when totals are balanced: the hubs and the magnet. */
const isPinned = (p: PlaceSpec) => p.key in HUB_OUT || p.key === 'Shenzhen';

/**
 * Preference for a partner in the same country, relative to 1 for a partner in another region.
 * A domestic cell competes with some 60 foreign ones, so the factors are large: these values
 * bring the domestic share of moves touching China to ≈ 87 % and the United States to ≈ 79 %
 * (the report: mostly domestic). The Chinese one also keeps Beijing's many domestic moves off
 * its five largest SET destinations, which the named flows set.
 */
const DOMESTIC: Readonly<Record<string, number>> = { CN: 2000, US: 150, JP: 10, KR: 6, IN: 8, AU: 6, CA: 4, GB: 5, DE: 5, FR: 5, ES: 5, IT: 5 };
const DOMESTIC_DEFAULT = 3;
/** Preference for another country of the same region, or of a neighbouring one (NEIGHBOURS). */
const REGION_AFFINITY = 3;
const NEIGHBOURS: ReadonlySet<string> = new Set(['Europe|Middle East & Africa', 'Latin America|North America']);
/**
 * European researchers move within the European research area far more than to other regions;
 * at the default regional affinity Louvain merges Europe with East Asia–Pacific into one
 * rest-of-the-world community.
 */
const EUROPE_AFFINITY = 15;
/** The United States and Canada as one North American pool (Toronto, Montréal, Vancouver join the US community). */
const NORTH_AMERICA_AFFINITY = 10;
/** East Asia, Southeast Asia and Oceania exchange as one Asia–Pacific pool (Tokyo, Seoul, Singapore, Sydney ...). */
const ASIA_PACIFIC: ReadonlySet<string> = new Set(['East Asia', 'Southeast Asia', 'Oceania']);
const ASIA_PACIFIC_AFFINITY = 5;
/**
 * Returnees: a foreign SET metro's researchers move to Beijing twice as readily as to another
 * foreign place. Inflow from large, well-connected places is what PageRank rewards.
 */
const RETURNEE_AFFINITY = 2;
/**
 * The Greater Bay Area: Shenzhen, Guangzhou, Hong Kong. It exchanges with the rest of China
 * through the named flows (Shanghai and Beijing to Shenzhen, Beijing both ways); any other pair of
 * one of its cities with a Greater China city outside it (the rest of the mainland, Taipei) gets
 * only the regional affinity. With the
 * full domestic preference, Guangzhou's and Shenzhen's intakes from the other Chinese cities tie
 * the area to Beijing and Shanghai more than modularity allows (Louvain merges them: the link
 * between two groups must stay below k_GBA · k_rest / 2m), and the area is no community of its own.
 */
const GREATER_BAY_AREA: ReadonlySet<string> = new Set(['Shenzhen', 'Guangzhou', 'Hong Kong']);

/**
 * Flows the report names, full scale. Shenzhen's sources: Guangzhou > Shanghai > Beijing (over
 * 2,700), Beijing + Hong Kong + Guangzhou over 5,000. Beijing's five largest SET destinations sum
 * to over 9,300, about twice Boston's five.
 */
export const NAMED_FLOWS: ReadonlyArray<readonly [from: string, to: string, moves: number]> = [
  ['Guangzhou', 'Shenzhen', 6000],
  ['Shanghai', 'Shenzhen', 3060],
  ['Beijing', 'Shenzhen', 2860],
  ['Hong Kong', 'Shenzhen', 2000],
  // The Greater Bay Area exchanges heavily both ways, mostly between the two mainland cities
  // (Hong Kong is abroad for China's domestic share).
  ['Shenzhen', 'Guangzhou', 4000],
  ['Shenzhen', 'Hong Kong', 1000],
  ['Guangzhou', 'Hong Kong', 1200],
  ['Hong Kong', 'Guangzhou', 1500],
  // Beijing's five largest SET destinations.
  ['Beijing', 'Shanghai', 5000],
  ['Beijing', 'Guangzhou', 600],
  ['Beijing', 'Hong Kong', 500],
  ['Beijing', 'Boston', 700],
  // Returnees from the Greater Bay Area to Beijing: the area's only other ties to the rest of China.
  ['Shenzhen', 'Beijing', 800],
  ['Guangzhou', 'Beijing', 600],
  ['Hong Kong', 'Beijing', 500],
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
  if (GREATER_BAY_AREA.has(a.key) !== GREATER_BAY_AREA.has(b.key) && a.region === 'Greater China' && b.region === 'Greater China') {
    return REGION_AFFINITY;
  }
  if (a.country === b.country) return DOMESTIC[a.country] ?? DOMESTIC_DEFAULT;
  if (b.key === 'Beijing' && a.set) return RETURNEE_AFFINITY;
  if (a.region === 'Europe' && b.region === 'Europe') return EUROPE_AFFINITY;
  if (a.region === 'North America' && b.region === 'North America') return NORTH_AMERICA_AFFINITY;
  if (ASIA_PACIFIC.has(a.region) && ASIA_PACIFIC.has(b.region)) return ASIA_PACIFIC_AFFINITY;
  if (a.region === b.region || NEIGHBOURS.has([a.region, b.region].sort().join('|'))) return REGION_AFFINITY;
  return 1;
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

/**
 * What the SYNTHETIC calibrated sample must reproduce, and the assumptions that fill the gaps.
 *
 * Published facts come from the "Global Innovation Cities Education–Science–Talent (SET) Index
 * 2024" report (tables in `set2024_*.csv`, see /data/README provenance); the inflow ratios and
 * young shares of the 15 talent-potential cities are the ones recovered from the report's
 * min–max scores (`set2024_derived_targets.csv`). Values marked `assumed` are not published:
 * they are chosen to be plausible and consistent with the published ranks (for example Tokyo
 * carries the lowest inflow ratio, 5.0 %, and young share, 15.2 %, that the scores imply).
 */
import { PLACES, type PlaceSpec } from './places.ts';

/** Default seed of the committed sample (the toolkit's DEFAULT_SEED). */
export const SAMPLE_SEED = 42;

/** Default scale: the sample holds 1 of every 20 researchers (and moves) of the report's counts. */
export const SAMPLE_SCALE = 1 / 20;

/** The SET window and the years the timelines span. */
export const WINDOW: readonly [number, number] = [2019, 2023];
export const FIRST_YEAR = 2010;

/** Inflow ratio (%) and young active share (%) of the 15 talent-potential cities (set2024_derived_targets.csv). */
export const PUBLISHED_STOCK_TARGETS: Readonly<Record<string, { inflowRatioPct: number; youngSharePct: number }>> = {
  Shenzhen: { inflowRatioPct: 23.9, youngSharePct: 38.29 },
  Guangzhou: { inflowRatioPct: 8.82, youngSharePct: 44.7 },
  'Hong Kong': { inflowRatioPct: 14.9, youngSharePct: 30.18 },
  Shanghai: { inflowRatioPct: 7.14, youngSharePct: 41.8 },
  Beijing: { inflowRatioPct: 6.82, youngSharePct: 38.87 },
  Austin: { inflowRatioPct: 19.77, youngSharePct: 22.89 },
  Dallas: { inflowRatioPct: 18.31, youngSharePct: 21.99 },
  Chicago: { inflowRatioPct: 16.8, youngSharePct: 21.58 },
  Boston: { inflowRatioPct: 16.92, youngSharePct: 21.46 },
  Seattle: { inflowRatioPct: 17.9, youngSharePct: 19.99 },
  Zurich: { inflowRatioPct: 16.53, youngSharePct: 22.08 },
  'San Francisco': { inflowRatioPct: 19.2, youngSharePct: 18.5 },
  Munich: { inflowRatioPct: 13.55, youngSharePct: 27.37 },
  'New York': { inflowRatioPct: 15.83, youngSharePct: 21.8 },
  'San Diego': { inflowRatioPct: 19.7, youngSharePct: 17.13 },
};

/** Young growth scores (min–max [60, 100] over the 30 metros) of the talent-potential table. */
export const PUBLISHED_YOUNG_GROWTH_SCORES: Readonly<Record<string, number>> = {
  Shenzhen: 100.0, Guangzhou: 86.31, 'Hong Kong': 90.94, Shanghai: 81.43, Beijing: 82.42,
  Austin: 67.86, Dallas: 65.07, Chicago: 72.6, Boston: 70.52, Seattle: 69.87,
  Zurich: 68.72, 'San Francisco': 66.66, Munich: 66.08, 'New York': 69.23, 'San Diego': 64.54,
};

/**
 * The report publishes young growth only as scores. Raw CAGRs are recovered with two assumed
 * anchors: score 60 (the lowest of the 30) = 10 % a year, score 100 (Shenzhen) = 30 % a year.
 */
export const YOUNG_GROWTH_ANCHORS = { low: 0.1, high: 0.3 } as const;

/** Young growth CAGR for a published score, by the anchors above. */
export function growthFromScore(score: number): number {
  const { low, high } = YOUNG_GROWTH_ANCHORS;
  return low + ((score - 60) / 40) * (high - low);
}

/** Each SET metro's five listed disciplines with RAI, as published (set2024_rai_top5.csv). */
export const PUBLISHED_RAI: ReadonlyArray<readonly [city: string, discipline: string, rai: number]> = parseRai(`
New York|B|1.83;New York|Medicine|1.52;New York|Neuroscience|2.56;New York|Computer Science|0.59;New York|Physics and Astronomy|0.52
Chicago|B|1.79;Chicago|Medicine|1.27;Chicago|Computer Science|0.54;Chicago|Physics and Astronomy|0.71;Chicago|Chemistry|0.67
Toronto|B|1.74;Toronto|Medicine|1.13;Toronto|Engineering|0.54;Toronto|Computer Science|0.74;Toronto|Materials Science|0.48
Boston|B|1.60;Boston|Medicine|1.75;Boston|Engineering|0.38;Boston|Computer Science|0.73;Boston|Physics and Astronomy|0.92
San Diego|B|1.36;San Diego|Medicine|2.47;San Diego|Engineering|0.47;San Diego|Computer Science|0.52;San Diego|Physics and Astronomy|0.75
San Francisco|B|1.31;San Francisco|Medicine|1.66;San Francisco|Engineering|0.40;San Francisco|Computer Science|0.88;San Francisco|Physics and Astronomy|1.49
Seattle|B|1.29;Seattle|Medicine|1.15;Seattle|Agricultural and Biological Sciences|0.73;Seattle|Engineering|0.42;Seattle|Computer Science|1.94
Washington D.C.|B|1.29;Washington D.C.|Medicine|1.29;Washington D.C.|Agricultural and Biological Sciences|1.04;Washington D.C.|Physics and Astronomy|0.92;Washington D.C.|Earth and Planetary Sciences|1.95
Los Angeles|B|1.27;Los Angeles|Medicine|1.29;Los Angeles|Computer Science|0.85;Los Angeles|Physics and Astronomy|1.31;Los Angeles|Earth and Planetary Sciences|1.80
Dallas|B|1.12;Dallas|Medicine|1.24;Dallas|Engineering|0.90;Dallas|Computer Science|0.94;Dallas|Materials Science|0.91
Austin|B|0.72;Austin|Medicine|0.87;Austin|Engineering|1.02;Austin|Computer Science|1.42;Austin|Physics and Astronomy|1.26
Amsterdam|B|1.82;Amsterdam|Medicine|1.03;Amsterdam|Neuroscience|2.20;Amsterdam|Computer Science|0.79;Amsterdam|Physics and Astronomy|0.96
London|B|1.67;London|Medicine|1.14;London|Engineering|0.49;London|Computer Science|0.82;London|Physics and Astronomy|0.64
Dublin|B|1.54;Dublin|Medicine|0.75;Dublin|Engineering|0.54;Dublin|Computer Science|1.06;Dublin|Physics and Astronomy|0.67
Stockholm|B|1.32;Stockholm|Medicine|1.58;Stockholm|Engineering|0.60;Stockholm|Computer Science|0.79;Stockholm|Physics and Astronomy|0.88
Copenhagen|B|1.30;Copenhagen|Medicine|1.42;Copenhagen|Agricultural and Biological Sciences|0.88;Copenhagen|Engineering|0.45;Copenhagen|Physics and Astronomy|0.96
Paris|B|1.09;Paris|Medicine|1.26;Paris|Engineering|0.59;Paris|Computer Science|0.85;Paris|Physics and Astronomy|1.93
Berlin|B|1.07;Berlin|Medicine|1.24;Berlin|Computer Science|0.86;Berlin|Physics and Astronomy|1.30;Berlin|Chemistry|1.06
Munich|B|1.03;Munich|Medicine|1.15;Munich|Engineering|1.08;Munich|Computer Science|1.47;Munich|Physics and Astronomy|1.65
Zurich|B|0.87;Zurich|Medicine|1.25;Zurich|Engineering|0.75;Zurich|Computer Science|1.21;Zurich|Physics and Astronomy|1.33
Sydney|B|1.46;Sydney|Medicine|0.80;Sydney|Agricultural and Biological Sciences|0.68;Sydney|Engineering|0.60;Sydney|Computer Science|0.89
Melbourne|B|1.45;Melbourne|Medicine|1.02;Melbourne|Agricultural and Biological Sciences|0.62;Melbourne|Engineering|0.57;Melbourne|Computer Science|0.79
Tokyo|B|1.24;Tokyo|Medicine|1.11;Tokyo|Engineering|1.02;Tokyo|Computer Science|0.92;Tokyo|Physics and Astronomy|1.48
Seoul|B|0.97;Seoul|Medicine|1.18;Seoul|Engineering|1.27;Seoul|Computer Science|1.16;Seoul|Materials Science|1.89
Guangzhou|B|0.97;Guangzhou|Medicine|1.44;Guangzhou|Agricultural and Biological Sciences|1.04;Guangzhou|Engineering|0.88;Guangzhou|Materials Science|1.25
Singapore|B|0.93;Singapore|Medicine|0.99;Singapore|Engineering|1.20;Singapore|Computer Science|1.63;Singapore|Materials Science|1.68
Shanghai|B|0.85;Shanghai|Medicine|1.32;Shanghai|Engineering|1.27;Shanghai|Computer Science|0.99;Shanghai|Materials Science|1.59
Hong Kong|B|0.67;Hong Kong|Medicine|0.89;Hong Kong|Engineering|1.32;Hong Kong|Computer Science|2.11;Hong Kong|Materials Science|1.51
Shenzhen|B|0.62;Shenzhen|Medicine|1.23;Shenzhen|Engineering|1.21;Shenzhen|Computer Science|2.20;Shenzhen|Materials Science|1.94
Beijing|B|0.53;Beijing|Engineering|1.33;Beijing|Computer Science|1.25;Beijing|Earth and Planetary Sciences|2.21;Beijing|Materials Science|1.26
`);

function parseRai(text: string): Array<readonly [string, string, number]> {
  return text
    .trim()
    .split(/[;\n]/)
    .map((cell) => {
      const [city, d, rai] = cell.split('|') as [string, string, string];
      // "B" abbreviates the one ASJC name that contains commas.
      return [city, d === 'B' ? 'Biochemistry, Genetics and Molecular Biology' : d, Number(rai)] as const;
    });
}

/** Published flow facts (full scale: researchers in the report). */
export const PUBLISHED_FLOWS = {
  /** Shenzhen's largest sources, in order (domain.md "Communities"). */
  shenzhenTopSources: ['Guangzhou', 'Shanghai', 'Beijing'],
  /** Beijing → Shenzhen: "over 2,700". */
  beijingToShenzhenMin: 2700,
  /** Beijing + Hong Kong + Guangzhou → Shenzhen: "over 5,000". */
  gbaAndBeijingToShenzhenMin: 5000,
  /** Beijing → its five largest SET destinations: "over 9,300", "twice Boston". */
  beijingTop5Min: 9300,
  beijingOverBoston: 2,
} as const;

/** Per-place calibration inputs: share of stock that flowed in (SET rule), young share, young growth (CAGR). */
export interface StockTarget {
  inflowRatio: number;
  youngShare: number;
  youngGrowth: number;
  source: 'published' | 'assumed';
}

// Assumed values for the 15 SET metros outside the talent-potential table. Tokyo carries the
// lowest inflow ratio (5.0 %), young share (15.2 %) and young growth (10 %, score 60) of the 30.
const ASSUMED_SET: Readonly<Record<string, readonly [inflowPct: number, youngPct: number, growthPct: number]>> = {
  London: [12.5, 20.5, 12.0],
  Paris: [9.5, 21.0, 11.0],
  Tokyo: [5.0, 15.2, 10.0],
  Seoul: [6.5, 27.5, 13.5],
  'Los Angeles': [15.0, 20.0, 13.0],
  'Washington D.C.': [14.0, 19.0, 11.5],
  Singapore: [14.0, 24.0, 12.0],
  Toronto: [12.0, 21.0, 12.5],
  Melbourne: [11.0, 22.0, 11.5],
  Sydney: [11.5, 21.5, 11.0],
  Berlin: [12.0, 23.0, 12.0],
  Amsterdam: [13.0, 21.0, 11.5],
  Copenhagen: [12.0, 22.0, 11.0],
  Stockholm: [11.0, 21.0, 10.5],
  Dublin: [13.5, 24.0, 13.0],
};

// Assumed values for the other cities, by country (falls back to the region's).
const ASSUMED_OTHER_BY_COUNTRY: Readonly<Record<string, readonly [number, number, number]>> = {
  CN: [7.0, 38.0, 16.0],
  TW: [8.0, 22.0, 10.5],
  JP: [5.5, 17.0, 10.5],
  KR: [7.0, 26.0, 12.5],
  IN: [5.0, 36.0, 15.0],
  IR: [4.5, 34.0, 13.0],
  TR: [5.5, 32.0, 13.0],
  EG: [4.5, 33.0, 12.0],
  RU: [5.0, 25.0, 11.0],
  US: [12.0, 21.0, 12.0],
  CA: [11.5, 21.0, 11.5],
  AU: [11.0, 22.0, 11.0],
  BR: [5.0, 30.0, 12.0],
  MX: [5.5, 29.0, 12.0],
};
const ASSUMED_OTHER_DEFAULT: readonly [number, number, number] = [10.0, 22.0, 11.0];

/** The calibration inputs of one place: published where the report gives them, assumed elsewhere. */
export function stockTarget(place: PlaceSpec): StockTarget {
  const pub = PUBLISHED_STOCK_TARGETS[place.key];
  if (pub) {
    const score = PUBLISHED_YOUNG_GROWTH_SCORES[place.key]!;
    return { inflowRatio: pub.inflowRatioPct / 100, youngShare: pub.youngSharePct / 100, youngGrowth: growthFromScore(score), source: 'published' };
  }
  const a = (place.set ? ASSUMED_SET[place.key] : ASSUMED_OTHER_BY_COUNTRY[place.country]) ?? ASSUMED_OTHER_DEFAULT;
  return { inflowRatio: a[0] / 100, youngShare: a[1] / 100, youngGrowth: a[2] / 100, source: 'assumed' };
}

/** Calibration inputs of every place, by node key. */
export const STOCK_TARGETS: ReadonlyMap<string, StockTarget> = new Map(PLACES.map((p) => [p.key, stockTarget(p)]));

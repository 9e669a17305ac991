/**
 * Result shapes shared by analyses, exports, the report, the viewer and the notebooks.
 *
 * The node attributes the analyses write, with their places.csv columns, labels and formats, are
 * listed once, in the measure registry (`registry.ts`, each entry in its measure's file).
 */

/** Size class of a place (`hub-class.ts`). */
export type HubClass = 'hub' | 'large' | 'medium' | 'peripheral';

/** Balance class of a place (`balance-class.ts`). */
export type BalanceClass = 'magnet' | 'balanced' | 'exporter';

/** A per-node numeric measure: node key → value (null where it does not apply). */
export type NodeMeasure = Record<string, number | null>;

export interface TopFlow {
  /** The other end of the flow (a source for top sources, a target for top destinations). */
  place: string;
  weight: number;
  researchers: number | null;
  /** 1-based rank among the place's flows. */
  rank: number;
}

/** Top sources (or destinations) per place: place key → flows, largest first, ties by key. */
export type TopFlows = Record<string, TopFlow[]>;

export interface CommunityInfo {
  /** 0-based community index, ordered by total strength (largest community is 0). */
  id: number;
  /** Readable label from the largest members: "Shenzhen – Hong Kong – Guangzhou". */
  label: string;
  size: number;
  /** Member node keys, largest (by in+out strength) first. */
  members: string[];
  dominantCountry: string | null;
  /** Share of the community's members' strength in the dominant country, 0..1. */
  dominantCountryShare: number;
  dominantRegion: string | null;
}

export interface CommunitiesResult {
  /** node key → community id. */
  assignment: Record<string, number>;
  communities: CommunityInfo[];
  modularity: number;
  resolution: number;
  seed: number;
}

export interface RaiCell {
  place: string;
  discipline: string;
  /** Researchers (stock basis) or inflowing moves (inflow basis) of the place in the discipline. */
  researchers: number;
  rai: number | null;
}

export interface RaiResult {
  basis: 'stock' | 'inflow';
  places: string[];
  disciplines: string[];
  cells: RaiCell[];
  /** World share N_Y / N of each discipline used as the denominator (from the graph or the `reference` option). */
  worldShares?: Record<string, number>;
}

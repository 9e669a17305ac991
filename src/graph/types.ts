/**
 * The flow graph: a graphology DirectedGraph (simple: at most one edge A→B) whose nodes are
 * places and whose edge A→B carries every move from A to B, with breakdowns by year and
 * discipline so that views can filter without re-reading the input.
 *
 * This is also the schema of `graph.json` (graphology's serialisation), the input of the
 * viewer and the notebooks. Analyses add their results to node attributes with `.assign`.
 */
import type { DirectedGraph } from 'graphology';
import type { PlaceLevel } from '../places/types.ts';

/** Per-place figures derived from affiliation timelines over the window (absent for moves tables). */
export interface PlaceStock {
  /** Active researchers whose most recent in-window affiliation is this place (domain.md). */
  stock: number;
  /** Young active researchers among them (academic age ≤ 5). */
  young: number;
  /** Active researchers who flowed in by the SET rule (domain.md, report §2.3.3). */
  inflowSet: number;
  /** Active researchers who were here before the window and are elsewhere at its end (retention's complement). */
  leftSet: number;
  /** Active researchers who were here before the window (base for retention). */
  presentBefore: number;
  /** Young active researchers affiliated here in each window year: { "2019": 12, ... } (young growth). */
  youngByYear: Record<string, number>;
  /** Active researchers by primary discipline (RAI from stock). */
  byDiscipline: Record<string, number>;
  /**
   * Researchers placed here in each year of the timelines, padded over the years between two
   * publications (`timelines/population.ts`): the population of the yearly migration rates.
   */
  researchersByYear?: Record<string, number>;
}

export interface PlaceAttributes extends Partial<PlaceStock> {
  label: string;
  level: PlaceLevel;
  country: string | null;
  countryName: string | null;
  region: string | null;
  subregion: string | null;
  lat: number | null;
  lon: number | null;
  /** Analysis results written by `.assign`; see each analysis for its attribute names. */
  [attribute: string]: unknown;
}

export interface FlowAttributes {
  /** Number of moves A → B. */
  weight: number;
  /** Distinct researchers behind those moves; null when the input is aggregated (no researcher ids). */
  researchers: number | null;
  /** Moves by arrival year: { "2019": 4, ... }. */
  byYear: Record<string, number>;
  /** Moves by discipline ("" key for moves without discipline is never written; those appear only in weight). */
  byDiscipline: Record<string, number>;
  /** Moves by year then discipline: { "2019": { "Medicine": 2 } }, for combined filters. */
  byYearDiscipline: Record<string, Record<string, number>>;
  [attribute: string]: unknown;
}

export interface FlowGraphAttributes {
  /** The level the places were resolved at. */
  level: PlaceLevel;
  /** The years of moves that entered the graph [first, last], after `years` filtering. */
  years: [number, number] | null;
  /** The window used for stock, young and SET inflow, when the input was timelines. */
  window: [number, number] | null;
  kind: 'moves' | 'timelines';
  /** Moves whose source and target resolved to the same place at this level (not flows; counted, not dropped silently). */
  movesWithinPlace: number;
  [attribute: string]: unknown;
}

export type FlowGraph = DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>;

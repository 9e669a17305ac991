/**
 * A measure described once, as data (after Gephi Lite's metric descriptions): what it is called,
 * the node attributes it writes with their places.csv column, label and format, its options with
 * their defaults, whether it needs timelines, and how to compute it. The registry
 * (`registry.ts`) lists them in the order `analyzeGraph` runs them; the places table, the viewer's
 * fields, the notebook map, the test fixtures and the README's measure table all read that list.
 */
import type { AnyGraph } from './graph-input.ts';

/** How a value is shown: whole number, signed number, share 0..1, score (3 significant digits), text. */
export type MeasureFormat = 'integer' | 'signed' | 'share' | 'score' | 'text';

/** Where a node attribute is shown besides places.csv and graph.json. */
export type MeasureView = 'card' | 'map';

/** One node attribute a measure writes. */
export interface MeasureAttribute {
  /** Node attribute name (graph.json, `.assign`). */
  attribute: string;
  /** places.csv column; null: kept in graph.json only. */
  column: string | null;
  /** Short label (viewer card, legends). */
  label: string;
  /** What the value is, with its unit or range (places.csv documentation). */
  description: string;
  format: MeasureFormat;
  /** Viewer place card, the viewer's and the notebooks' sigma map (the attributes its render code reads). */
  views?: readonly MeasureView[];
  /** Written only when an option turns it on (listed in the summary's `measures` only then). */
  optional?: boolean;
}

/** What a measure's `compute` may use besides the graph and its options. */
export interface MeasureContext {
  /** Non-fatal notes for the run's summary (a cap that changed what was computed, …). */
  warnings: string[];
}

/**
 * A measure of the registry. `O` are its options under the names `analyzeGraph` takes (and the CLI
 * spells in kebab case); `R` is what `compute` returns (kept in the run's summary).
 */
export interface MeasureDefinition<O extends object = object, R = unknown> {
  /** Identifier, also the stage name of `--timings`. */
  id: string;
  /** Name in the README's measure table. */
  name: string;
  /** Definition in the README's measure table (one paragraph, markdown). */
  definition: string;
  /** Source file, from src/. */
  file: string;
  /** True when the attributes are null on a graph built from moves (they need timeline stock). */
  needsTimelines: boolean;
  /** A power iteration: if it does not converge, its attributes are left null with a warning instead of failing the run. */
  converges?: boolean;
  attributes: readonly MeasureAttribute[];
  /** Options and their defaults (merged into `analyzeGraph`'s DEFAULTS). */
  defaults: Readonly<O>;
  /** Computes the measure and writes its attributes onto the graph's nodes. */
  compute(graph: AnyGraph, options: Readonly<O>, context: MeasureContext): R;
}

/** Identity with the types checked: `export const measure = defineMeasure({ … })`. */
export function defineMeasure<O extends object, R>(definition: MeasureDefinition<O, R>): MeasureDefinition<O, R> {
  return Object.freeze({ ...definition, attributes: Object.freeze(definition.attributes.map((a) => Object.freeze({ ...a }))) });
}

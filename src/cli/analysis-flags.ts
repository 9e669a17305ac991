/**
 * The analysis options of `talentflow analyze` described once: each flag is the kebab-case name of
 * the library option it sets (`--top-k` → `topK`), with its default read from the library's
 * ANALYZE_DEFAULTS. The help lines and the parsing are generated from this list, so that the CLI,
 * the library and the README cannot disagree on names or defaults.
 */
import { ANALYZE_DEFAULTS, ANALYZE_OPTION_CHECKS, type AnalyzeOptions, type NumericAnalyzeOption } from '../pipeline/options.ts';
import { parseFlagValue } from './args.ts';

type NumericOption = NumericAnalyzeOption;

export interface AnalysisFlag {
  /** The library option (AnalyzeOptions); the flag is its kebab-case name. */
  option: NumericOption;
  /** Placeholder of the value in the help. */
  arg: string;
  /** Help text; "(default: …)" is appended from ANALYZE_DEFAULTS. */
  help: string;
  /** Earlier name of the flag, still read. */
  alias?: string;
}

/** kebab-case of a camelCase option name: topMinWeight → top-min-weight. */
export const flagOf = (option: string): string => option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const ANALYSIS_FLAGS: readonly AnalysisFlag[] = [
  { option: 'seed', arg: 'n', help: 'seed of Louvain and everything random' },
  { option: 'resolution', arg: 'x', help: 'Louvain resolution' },
  { option: 'topK', arg: 'n', help: 'top sources/destinations per place' },
  {
    option: 'topMinWeight',
    arg: 'n',

    alias: 'min-flow',
    help: 'minimum moves for a top source/destination (--min-flow: its earlier name)',
  },
  { option: 'stabilityRuns', arg: 'n', help: 'Louvain runs for the community stability figure, 0 = off' },
  {
    option: 'stabilityMaxFlows',
    arg: 'n',

    help: 'skip the stability runs, with a warning, on graphs of more flows than this; 0 = run them on any graph (each run is a full Louvain run, about 0.1 s per 100,000 flows; memory grows as places²)',
  },
  {
    option: 'betweennessMaxFlows',
    arg: 'n|auto',

    help:
      'betweenness is exact up to this many flows; beyond, it is computed on the strongest flows (weight ≥ t, t the smallest whole number leaving at most n) and the ' +
      'threshold is reported; 0 = always exact, which takes places × flows steps (hours on a million flows). auto: max(5,000, 25,000,000 / places)',
  },
  {
    option: 'backboneAlpha',
    arg: 'x',

    help: 'significance level of the disparity backbone: a flow is in it when its disparity α (flows.csv disparity_alpha) is below x, in (0, 1]',
  },
  {
    option: 'gravityMaxPlaces',
    arg: 'n',

    help: 'fit the gravity model (flows.csv expected, excess) when there are at most n places with coordinates; its cost grows as places² (a second for about 1,000 places, 8 s for 1,500); 0 = off',
  },
  {
    option: 'bootstrap',
    arg: 'n',

    help:
      'resample n times (researchers from timelines, moves from moves tables; seeded with --seed) and write intervals.csv: 90% intervals of net inflow, inflow ratio, ' +
      'RAI and PageRank rank; 200 is usual; with --engine auto the input is then read by the JS engine; 0 = off',
  },
];

/** The parseArgs spec of the flags (and their aliases). */
export function analysisFlagSpec(): Record<string, { type: 'string' }> {
  const spec: Record<string, { type: 'string' }> = {};
  for (const f of ANALYSIS_FLAGS) {
    spec[flagOf(f.option)] = { type: 'string' };
    if (f.alias) spec[f.alias] = { type: 'string' };
  }
  return spec;
}

const WIDTH = 100;
const INDENT = 24;

function wrap(text: string, first: string): string {
  const lines: string[] = [];
  let line = first.length >= INDENT - 1 ? `${first}\n${' '.repeat(INDENT)}` : first.padEnd(INDENT);
  let column = line.length - (line.lastIndexOf('\n') + 1);
  for (const word of text.split(' ')) {
    if (column + word.length > WIDTH && column > INDENT) {
      lines.push(line.trimEnd());
      line = ' '.repeat(INDENT);
      column = INDENT;
    }
    line += `${word} `;
    column += word.length + 1;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** The help lines of the analysis options, generated from {@link ANALYSIS_FLAGS} and ANALYZE_DEFAULTS. */
export function analysisFlagsHelp(): string {
  return ANALYSIS_FLAGS.map((f) =>
    wrap(`${f.help} (default: ${String(ANALYZE_DEFAULTS[f.option])})`, `  --${flagOf(f.option)} <${f.arg}>`),
  ).join('\n');
}

/**
 * Reads the analysis flags into library options, each checked as the library checks it
 * (ANALYZE_OPTION_CHECKS, the flag named in errors); an unset flag gives the library default.
 */
export function parseAnalysisFlags(values: Record<string, string | boolean | undefined>): Pick<Required<AnalyzeOptions>, NumericOption> {
  const out: Record<string, unknown> = {};
  for (const f of ANALYSIS_FLAGS) {
    const flag = flagOf(f.option);
    let name = `--${flag}`;
    let raw = values[flag] as string | undefined;
    if (raw === undefined && f.alias && values[f.alias] !== undefined) {
      name = `--${f.alias}`;
      raw = values[f.alias] as string;
    }
    out[f.option] =
      raw === undefined ? ANALYZE_DEFAULTS[f.option] : parseFlagValue(name, raw, (n, v) => ANALYZE_OPTION_CHECKS[f.option](n, v));
  }
  return out as Pick<Required<AnalyzeOptions>, NumericOption>;
}

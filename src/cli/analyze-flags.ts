/**
 * The flags of `talentflow analyze`, described once: its parseArgs spec, the options of its help
 * and its option list in README.md are generated from {@link ANALYZE_FLAGS}. Each analysis flag is
 * the kebab-case name of the library option it sets (`--top-k` → `topK`), its default read from
 * ANALYZE_DEFAULTS and its value checked by ANALYZE_OPTION_CHECKS, as the library checks it.
 */
import { DEFAULTS as CLICKHOUSE_DEFAULTS } from '../engines/clickhouse/defaults.ts';
import { DEFAULTS as ENGINE_DEFAULTS } from '../engines/choose.ts';
import { ENCODINGS } from '../io/inspect-input.ts';
import { PLACE_LEVELS } from '../places/types.ts';
import { GEXF_AUTO_MAX_FLOWS } from '../pipeline/outputs.ts';
import { ANALYZE_DEFAULTS, ANALYZE_OPTION_CHECKS, type AnalyzeOptions, type NumericAnalyzeOption } from '../pipeline/options.ts';
import { SOURCE_KINDS } from '../sources/types.ts';
import { parseFlagValue } from './args.ts';
import { type Flag, flagOf, groupThousands, shownDefault } from './flags.ts';

/** A flag that sets a numeric library option of the same (kebab-case) name. */
export interface AnalysisFlag extends Flag {
  option: NumericAnalyzeOption;
}

function analysisFlag(option: NumericAnalyzeOption, flag: Omit<Flag, 'name'>): AnalysisFlag {
  return { name: flagOf(option), default: shownDefault(ANALYZE_DEFAULTS[option]), ...flag, option };
}

/** The parsed flags of `talentflow analyze` (names from ANALYZE_FLAGS). */
export type AnalyzeFlagValues = { [flag: string]: string | boolean | undefined } & {
  [F in 'kind' | 'engine' | 'clickhouse-url' | 'clickhouse-cluster' | 'clickhouse-table' | 'input-table' | 'encoding']?: string;
} & { [F in 'level' | 'window' | 'years' | 'map' | 'aliases' | 'population' | 'population-map' | 'compare' | 'out']?: string } & {
  [F in 'parquet' | 'gexf' | 'timings' | 'figures' | 'strict' | 'quiet' | 'help']?: boolean;
};

/** What `--kind` takes: `auto` (from the columns), a records table, or a source of real records. */
export const ANALYZE_KINDS = ['auto', 'moves', 'timelines', ...SOURCE_KINDS] as const;
export const ENGINES = ['auto', 'js', 'duckdb', 'clickhouse'] as const;

const flows = groupThousands;

/** The numeric analysis options, in the order of the help. */
export const ANALYSIS_FLAGS: readonly AnalysisFlag[] = [
  analysisFlag('seed', {
    value: 'n',
    type: 'integer in [0, 2³² − 1]',
    help: 'seed of Louvain and everything random; recorded in the manifest and `graph.json`.',
  }),
  analysisFlag('resolution', { value: 'x', type: 'number > 0', help: 'Louvain resolution; above 1 gives more, smaller communities.' }),
  analysisFlag('topK', { value: 'n', type: 'integer ≥ 1', help: 'top sources/destinations per place.' }),
  analysisFlag('topMinWeight', {
    value: 'n',
    type: 'number ≥ 0',
    alias: 'min-flow',
    help: "minimum moves for a top source/destination (the report's threshold); `--min-flow` is its earlier name, still read.",
  }),
  analysisFlag('stabilityRuns', {
    value: 'n',
    type: 'integer ≥ 0',
    help: 'Louvain runs over consecutive seeds for the stability figure; 0 = off.',
  }),
  analysisFlag('stabilityMaxFlows', {
    value: 'n',
    type: 'integer ≥ 0',
    help:
      'above this many flows the stability runs are skipped with a note; 0 = never skip (recorded as `null` in `manifest.json`): ' +
      'each run is a full Louvain run (about 0.1 s per 100,000 flows; memory grows as places²), and above that size the 20 runs ' +
      'cost about as much as every other measure together.',
  }),
  analysisFlag('betweennessMaxFlows', {
    value: 'n|auto',
    type: 'integer ≥ 0 | auto',
    default: 'auto = max(5,000, 25,000,000 / places)',
    help:
      'betweenness is exact up to this many flows; beyond, it runs on the strongest flows (weight ≥ t, t the smallest whole number ' +
      'leaving at most that many), and the threshold is said on stderr and in the report; 0 = always exact (places × flows steps, ' +
      'hours on a million flows; recorded as `null` in `manifest.json`).',
  }),
  analysisFlag('backboneAlpha', {
    value: 'x',
    type: 'number in (0, 1]',
    help:
      'a flow is in the disparity backbone when its disparity α (`flows.csv` `disparity_alpha`) is below this; the report says how many ' +
      'flows and what share of moves the backbone keeps.',
  }),
  analysisFlag('gravityMaxPlaces', {
    value: 'n',
    type: 'integer ≥ 0',
    help:
      'the gravity model (`flows.csv` `expected`, `excess`) is fitted when at most this many places have coordinates; its cost grows ' +
      'as places² (about 2 s at 1,000 places, 0.2 s for the 211 SMD countries); above, it is left out with a note; 0 = off.',
  }),
  analysisFlag('bootstrap', {
    value: 'n',
    type: 'integer ≥ 0',
    help:
      'resample this many times (200 is usual; 0 = off), seeded with `--seed`, and write `intervals.csv`: 90 % intervals of net inflow, ' +
      'inflow ratio, RAI and PageRank rank; the report marks net inflows not distinguishable from zero and ranks not distinguishable ' +
      'from the next. With `--engine auto` the input is then read by the JS engine (resampling researchers needs the timeline ' +
      'records in memory). Each replicate draws every researcher (or move) once and runs PageRank: time grows as replicates × ' +
      '(researchers or moves), about 5 s of CPU for 200 replicates of the calibrated sample, 8 s for the 1.8 M moves of the SMD country flows.',
  }),
];

/** Every flag of `talentflow analyze`, in the order of its help and README list. */
export const ANALYZE_FLAGS: readonly Flag[] = [
  {
    name: 'kind',
    value: 'k',
    type: ANALYZE_KINDS.join(' | '),
    default: 'auto',
    help:
      'input kind; auto reads a table with a `place` column as timelines, otherwise as moves; the sources of real records take ' +
      'several files (see `talentflow import --help`).',
  },
  {
    name: 'engine',
    value: 'e',
    type: ENGINES.join(' | '),
    default: ENGINE_DEFAULTS.engine,
    help:
      `what reads, validates and aggregates the input; all give identical outputs (auto: DuckDB for Parquet and for inputs of ` +
      `${ENGINE_DEFAULTS.duckdbMinBytes / 2 ** 20} MiB or more when \`@duckdb/node-api\` is installed; clickhouse only when asked for).`,
  },
  {
    name: 'clickhouse-url',
    value: 'u',
    type: 'URL[,URL…]',
    default: 'none; required with `--engine clickhouse`',
    help:
      'HTTP interface of a server of the ClickHouse cluster, e.g. `http://127.0.0.1:8123`; one URL per shard, comma-separated, ' +
      'to create the row tables shard by shard, else `ON CLUSTER`.',
  },
  {
    name: 'clickhouse-cluster',
    value: 'c',
    type: 'name',
    default: 'the only cluster the server knows',
    help: "the cluster in the server's `remote_servers`.",
  },
  {
    name: 'clickhouse-table',
    value: 't',
    type: 'db.name',
    default: `\`${CLICKHOUSE_DEFAULTS.table}\``,
    help: 'the `Distributed` table the input is loaded into (`<name>_local` on every shard); kept after the run.',
  },
  {
    name: 'input-table',
    value: 't',
    type: 'db.name',
    help: 'analyse this existing ClickHouse table instead of an input file (no `<input>`).',
  },
  {
    name: 'encoding',
    value: 'e',
    type: ENCODINGS.join(' | '),
    default: 'utf8',
    help:
      'text encoding of a CSV, TSV or JSON-lines input; `latin1` reads ISO-8859-1 (JS and DuckDB engines); with utf8, lines that are ' +
      'not UTF-8 are skipped as `bad-encoding` problems.',
  },
  { name: 'level', value: 'l', type: PLACE_LEVELS.join(' | '), default: ANALYZE_DEFAULTS.level, help: 'node level.' },
  {
    name: 'window',
    value: 'A-B',
    type: 'A-B',
    default: shownDefault(ANALYZE_DEFAULTS.window),
    help: 'window for active researchers, stock, young share and SET inflow (timelines).',
  },
  { name: 'years', value: 'A-B', type: 'A-B', default: 'all', help: 'only moves arriving in these years enter the graph.' },
  {
    name: 'map',
    value: 'f=col,...',
    type: 'field=column,...',
    help: 'input column names for canonical fields, e.g. `from=iso3codefrom,to=iso3codeto,count=n_migrations` (the library option `columns`).',
  },
  {
    name: 'aliases',
    value: 'file',
    type: 'file',
    help: 'alias CSV `name,country,target,target_country` extending or overriding metro membership.',
  },
  {
    name: 'population',
    value: 'file',
    type: 'file',
    default: 'none; from timelines: researchers placed at each place per year',
    help:
      'researchers per place and year (CSV `place,year,population`; optional `country`, and `inflow,outflow` to check the flows ' +
      'against), the denominator of the rates in `timeseries.csv` ([Population and rates](#population-and-rates)); from moves ' +
      'without it the rates are empty.',
  },
  {
    name: 'population-map',
    value: 'f=col,...',
    type: 'field=column,...',
    help: 'column names of the population file, as `--map` does, e.g. `place=countrycode,population=padded_population_of_researchers` (the `columns` of `parsePopulation`).',
  },
  {
    name: 'compare',
    value: 'A-B,C-D',
    type: 'A-B,C-D',
    help:
      'compare two periods of arrival years: writes `compare.csv` (each measure in both, change, ranks, rank change) and adds ' +
      '"Rising and falling" to the report (largest gains and losses of net inflow with their ranks, and the places that switched ' +
      'between net sender and net receiver).',
  },
  ...ANALYSIS_FLAGS,
  { name: 'out', value: 'dir', type: 'dir', default: '`out/<input name>`', help: 'output folder.' },
  { name: 'figures', help: 'also write SVG figures into `<out>/figures/`.' },
  {
    name: 'parquet',
    help: 'also write every table as Parquet, and `flows.parquet`: the flows with their breakdowns (the columns of `flows.arrow`; needs `@duckdb/node-api`).',
  },
  {
    name: 'gexf',
    help:
      `write \`graph.gexf\` at any size. By default it is written up to ${flows(GEXF_AUTO_MAX_FLOWS)} flows and skipped above, with a ` +
      'note on stderr and the reason in `manifest.json` (`skipped`): a GEXF of hundreds of thousands of flows takes seconds to ' +
      'write and is more than Gephi opens comfortably. Every other output is always written.',
  },
  {
    name: 'timings',
    help:
      'print the wall time and memory (peak resident set so far, V8 heap) of each stage (start-up, read, validate, resolve, ' +
      'aggregate, graph, each measure, each output file) to stderr, and record them in `manifest.json` (`timings`). ' +
      'On runs of 50,000 flows or more, flows.arrow, problems.csv and timeseries.csv are written on a second thread while ' +
      'the measures run, and flows.csv beside graph.json: those are listed as `write NAME (background)`, timed on that ' +
      'thread and left out of the total, and `wait for background writes` is what the main thread waited for them. ' +
      'The total on stderr is the whole time from the process start: `between the stages above` is the work no stage ' +
      'names, and `manifest and folder swap` (stderr only: the manifest is written in it) the end of the run.',
  },
  { name: 'strict', help: 'any problem is fatal: write `problems.csv` (and the manifest) only, exit 1.' },
  { name: 'quiet', help: 'no report on stdout (problems still go to stderr).' },
  { name: 'help', short: 'h', help: 'this help.' },
];

/**
 * Reads the analysis flags into library options, each checked as the library checks it
 * (ANALYZE_OPTION_CHECKS, the flag named in errors); an unset flag gives the library default.
 */
export function parseAnalysisFlags(
  values: Record<string, string | boolean | undefined>,
): Pick<Required<AnalyzeOptions>, NumericAnalyzeOption> {
  const out: Record<string, unknown> = {};
  for (const f of ANALYSIS_FLAGS) {
    let name = `--${f.name}`;
    let raw = values[f.name] as string | undefined;
    if (raw === undefined && f.alias && values[f.alias] !== undefined) {
      name = `--${f.alias}`;
      raw = values[f.alias] as string;
    }
    out[f.option] =
      raw === undefined ? ANALYZE_DEFAULTS[f.option] : parseFlagValue(name, raw, (n, v) => ANALYZE_OPTION_CHECKS[f.option](n, v));
  }
  return out as Pick<Required<AnalyzeOptions>, NumericAnalyzeOption>;
}

/** `talentflow analyze`: its command line read into library options and an output folder (the run itself: `analyze-run.ts`). */
import { basename, join } from 'node:path';
import { ANALYZE_DEFAULTS, type AnalyzeOptions } from '../pipeline/options.ts';
import { GEXF_AUTO_MAX_FLOWS } from '../pipeline/outputs.ts';
import { readFile } from 'node:fs/promises';
import { parseAliasCsv } from '../places/aliases.ts';
import { PLACE_LEVELS } from '../places/types.ts';
import { InputError, OptionError } from '../errors.ts';
import { openOutputFolder } from '../exports/output-folder.ts';
import { parseColumnMap } from '../records/columns.ts';
import type { Problem } from '../records/types.ts';
import { parseChoice, parseCommandLine, parseYearRange } from './args.ts';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.ts';
import { ANALYZE_FLAGS, ANALYZE_KINDS, type AnalyzeFlagValues, ENGINES, parseAnalysisFlags } from './analyze-flags.ts';
import { analyzeInto } from './analyze-run.ts';
import { flagSpec, flagsHelp, groupThousands } from './flags.ts';
import { SOURCE_KINDS } from '../sources/types.ts';
import { DEFAULTS as ENGINE_DEFAULTS } from '../engines/choose.ts';

const SOURCES = SOURCE_KINDS;

export const ANALYZE_HELP = `Usage: talentflow analyze <input> [options]
       talentflow analyze --kind <source> <file>... [options]

Reads migration records (CSV, TSV or JSON lines; .gz too), builds the weighted directed graph of
places and writes places.csv, flows.csv, flows.arrow (the flows with their breakdowns by year and
discipline), top_sources.csv, communities.csv, rai.csv, problems.csv, timeseries.csv, graph.json,
graph.gexf (up to ${groupThousands(GEXF_AUTO_MAX_FLOWS)} flows unless --gexf) and manifest.json into the output folder, then prints a short report.

Options:
${flagsHelp(ANALYZE_FLAGS)}

${EXIT_CODES_HELP}
`;

/** "1998-2004,2012-2018" → [[1998, 2004], [2012, 2018]]. */
export function parseComparePeriods(value: string): [[number, number], [number, number]] {
  const parts = value.split(',');
  if (parts.length !== 2) throw new OptionError('--compare', value, 'two periods of years, e.g. 1998-2004,2012-2018');
  return [parseYearRange('--compare', parts[0]!), parseYearRange('--compare', parts[1]!)];
}

/** out/<input name without extensions>. */
export function defaultOutDir(input: string): string {
  const name = basename(input).replace(/(\.(csv|tsv|jsonl|ndjson|json|xml|gz|parquet))+$/i, '');
  return join('out', name || 'analysis');
}

export async function runAnalyze(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, flagSpec(ANALYZE_FLAGS), 'analyze');
  const values = parsed.values as AnalyzeFlagValues;
  const positionals = parsed.positionals;
  if (values.help) {
    process.stdout.write(ANALYZE_HELP);
    return EXIT.ok;
  }
  const kind = parseChoice('--kind', values.kind, ANALYZE_KINDS, 'auto');
  const isSource = (SOURCES as readonly string[]).includes(kind);
  const engineChoice = parseChoice('--engine', values.engine, ENGINES, ENGINE_DEFAULTS.engine);
  const inputTable = values['input-table'];
  if (engineChoice !== 'clickhouse') {
    for (const flag of ['clickhouse-url', 'clickhouse-cluster', 'clickhouse-table', 'input-table'] as const) {
      if (values[flag] !== undefined) throw new OptionError(`--${flag}`, values[flag], 'only with --engine clickhouse');
    }
  } else if (values['clickhouse-url'] === undefined) {
    throw new OptionError(
      '--clickhouse-url',
      '(none)',
      'the HTTP URL of a ClickHouse server, e.g. http://127.0.0.1:8123, with --engine clickhouse',
    );
  }
  if (inputTable !== undefined && positionals.length > 0) {
    process.stderr.write(`talentflow analyze: --input-table reads a ClickHouse table; give no input file.\n\n${ANALYZE_HELP}`);
    return EXIT.usage;
  }
  const input = inputTable !== undefined ? `clickhouse:${inputTable}` : positionals[0];
  if (input === undefined || (positionals.length > 1 && !isSource)) {
    process.stderr.write(`talentflow analyze: expected one input file, got ${positionals.length}.\n\n${ANALYZE_HELP}`);
    return EXIT.usage;
  }
  const options: AnalyzeOptions = {
    level: parseChoice('--level', values.level, PLACE_LEVELS, ANALYZE_DEFAULTS.level),
    window: values.window ? parseYearRange('--window', values.window) : ANALYZE_DEFAULTS.window,
    years: values.years ? parseYearRange('--years', values.years) : null,
    ...parseAnalysisFlags(values),
    columns: values.map ? parseColumnMap(values.map) : {},
    compare: values.compare ? parseComparePeriods(values.compare) : null,
  };
  const populationColumns = values['population-map'] ? parseColumnMap(values['population-map'], 'population', 'population-map') : {};
  if (values['population-map'] && !values.population) {
    throw new OptionError('population-map', values['population-map'], 'a --population file to map the columns of');
  }
  const outDir = values.out ?? defaultOutDir(input);
  const aliasProblems: Problem[] = [];
  if (values.aliases) {
    const text = await readFile(values.aliases, 'utf8').catch((error: unknown) => {
      throw new InputError(values.aliases as string, 'cannot read the alias file', { cause: error });
    });
    const aliases = parseAliasCsv(text, values.aliases);
    options.aliases = aliases.aliases;
    aliasProblems.push(...aliases.problems);
  }

  // The output folder is prepared first: an unwritable --out fails before the analysis runs.
  const out = await openOutputFolder(outDir);
  try {
    return await analyzeInto(out, {
      input,
      kind,
      isSource,
      engine: engineChoice,
      inputTable,
      options,
      aliasProblems,
      populationColumns,
      values,
      positionals,
      argv,
    });
  } catch (error) {
    await out.discard();
    throw error;
  }
}

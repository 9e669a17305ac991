/**
 * `talentflow analyze` once its command line is read (`analyze.ts`): reads the input with the
 * chosen engine, runs the analysis, writes the output folder and prints the report.
 */
import { stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { analyzeTable, analyzeTimelineRecords, type AnalysisRun, type RunHooks, type Stage } from '../pipeline/analyze.ts';
import type { AnalyzeOptions } from '../pipeline/options.ts';
import { outputFileSources, skippedOutputs, type OutputMeta, type OutputSource } from '../pipeline/outputs.ts';
import { chunksToString } from '../exports/chunks.ts';
import { createTimings, type Timings } from './timings.ts';
import { startBackgroundWrites, type BackgroundWrites } from './background-writes.ts';
import { detectKind } from '../pipeline/analyze-file.ts';
import { readTable } from '../io/read-table.ts';
import { ENCODINGS } from '../io/inspect-input.ts';
import { InputError, OptionError } from '../errors.ts';
import { sha256OfFile } from '../exports/checksum.ts';
import { sealManifest, type OutputFolder } from '../exports/output-folder.ts';
import { formatReport } from '../report/report.ts';
import { parsePopulation } from '../records/parse-population.ts';
import { addPopulation } from '../pipeline/population.ts';
import { summariseProblems, formatProblemSummary } from '../records/problems.ts';
import type { ColumnMap, Problem, RecordKind } from '../records/types.ts';
import type { FlowGraph } from '../graph/types.ts';
import type { FlowStore } from '../flows/store.ts';
import { parseChoice } from './args.ts';
import { EXIT } from './exit-codes.ts';
import type { ANALYZE_KINDS, AnalyzeFlagValues, ENGINES } from './analyze-flags.ts';
import { createProgress } from './progress.ts';
import type { SourceKind } from '../sources/types.ts';
import { packageVersion } from './version.ts';
import { chooseEngine } from '../engines/choose.ts';

/** What `talentflow analyze` was asked, read from its command line. */
export interface AnalyzeRequest {
  /** The input file, or `clickhouse:<table>` with `--input-table`. */
  input: string;
  kind: (typeof ANALYZE_KINDS)[number];
  /** A source of real records (`--kind openalex-works` …), which takes several files. */
  isSource: boolean;
  engine: (typeof ENGINES)[number];
  inputTable: string | undefined;
  options: AnalyzeOptions;
  /** Problems of the `--aliases` file, listed first in problems.csv. */
  aliasProblems: Problem[];
  populationColumns: ColumnMap;
  values: AnalyzeFlagValues;
  positionals: string[];
  argv: string[];
}

/** Runs the analysis into the opened output folder `out`; returns the exit code. */
export async function analyzeInto(out: OutputFolder, request: AnalyzeRequest): Promise<number> {
  const { input, engine: engineChoice, inputTable, aliasProblems, values } = request;
  const bytes = inputTable !== undefined ? 0 : ((await stat(input).catch(() => null))?.size ?? 0);
  const encoding = parseChoice('--encoding', values.encoding, ENCODINGS, 'utf8');
  if (engineChoice === 'clickhouse' && encoding !== 'utf8')
    throw new OptionError('--encoding', encoding, 'utf8 with --engine clickhouse (convert the file with iconv first)');
  const progress = createProgress(`reading ${basename(input)}`, bytes);
  const stageProgress = createProgress('analysing', 5);
  const stages: Stage[] = ['parse', 'resolve', 'derive', 'graph', 'analyses'];
  const timings = values.timings ? createTimings() : null;
  // Files the measures do not change are written on a second thread while they run (large runs only).
  let background: BackgroundWrites | null = null;
  const hooks = {
    onStage: (s: Stage) => stageProgress.update(stages.indexOf(s) + 1),
    ...(timings ? { onTiming: (stage: string, ms: number) => timings.record(stage, ms) } : {}),
    ...(values.strict || values.population
      ? {}
      : {
          onPrepared: (graph: FlowGraph, flows: FlowStore, problems: readonly Problem[]) => {
            background = startBackgroundWrites({ partial: out.partial, graph, flows, problems: [...aliasProblems, ...problems] });
          },
        }),
  };
  // The input's checksum for the manifest is read beside the analysis, whose longest stages wait
  // on DuckDB's threads, rather than after it (1.0 s for a 567 MB file). A run that fails stops the
  // reading; its own error is the one reported, so this promise's rejection goes unheard.
  const hashing = new AbortController();
  const inputHash = inputTable === undefined ? sha256OfFile(input, { signal: hashing.signal }) : null;
  inputHash?.catch(() => undefined);
  try {
    return await analyzeRun(out, request, {
      progress,
      stageProgress,
      timings,
      hooks,
      bytes,
      encoding,
      background: () => background,
      inputHash,
    });
  } finally {
    hashing.abort();
    await (background as BackgroundWrites | null)?.stop();
  }
}

async function analyzeRun(
  out: OutputFolder,
  request: AnalyzeRequest,
  context: {
    progress: ReturnType<typeof createProgress>;
    stageProgress: ReturnType<typeof createProgress>;
    timings: Timings | null;
    hooks: RunHooks;
    bytes: number;
    encoding: (typeof ENCODINGS)[number];
    background: () => BackgroundWrites | null;
    /** The input's SHA-256, being read (null for a ClickHouse table). */
    inputHash: Promise<string> | null;
  },
): Promise<number> {
  const {
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
  } = request;
  const { progress, stageProgress, timings, hooks, bytes, encoding } = context;
  const outDir = out.dir;

  let run: AnalysisRun;
  if (isSource) {
    const { readSourceTimelines } = await import('../sources/node/read-source.ts');
    const read = await readSourceTimelines(kind as SourceKind, positionals, {
      onProgress: (done: number, total?: number) => progress.update(done, total),
    });
    progress.done();
    timings?.lap('read');
    run = analyzeTimelineRecords(read, input, { ...options, kind: 'timelines' }, hooks);
  } else if (engineChoice === 'clickhouse') {
    const { analyzeWithClickHouse } = await import('../engines/clickhouse/analyze.ts');
    const target = {
      url: values['clickhouse-url']!,
      ...(values['clickhouse-cluster'] !== undefined ? { cluster: values['clickhouse-cluster'] } : {}),
      ...(values['clickhouse-table'] !== undefined ? { table: values['clickhouse-table'] } : {}),
      ...(inputTable !== undefined ? { inputTable } : {}),
    };
    run = await analyzeWithClickHouse(input, { ...options, kind: kind as RecordKind | 'auto' }, target, hooks);
    progress.done();
  } else {
    // Resampling researchers needs the timeline records in memory, which only the JS engine keeps.
    const engine = engineChoice === 'auto' && (options.bootstrap ?? 0) > 0 ? 'js' : engineChoice;
    const pick = (duckdb: boolean) => chooseEngine({ engine, path: input, bytes, duckdb });
    // Loading the DuckDB driver costs about 0.1–0.3 s: ask whether it is installed only when `auto` would use it.
    const wantsDuckdb = pick(true) === 'duckdb';
    const duckdb = wantsDuckdb && engine === 'auto' ? await (await import('../engines/duckdb/session.ts')).duckdbAvailable() : wantsDuckdb;
    if (pick(duckdb) === 'duckdb') {
      const { analyzeFileWithDuckDB } = await import('../engines/duckdb/analyze.ts');
      run = await analyzeFileWithDuckDB(input, { ...options, kind: kind as RecordKind | 'auto', encoding }, hooks);
      progress.done();
    } else {
      const read = await readTable(input, { encoding, onProgress: (done: number, total?: number) => progress.update(done, total) });
      progress.done();
      timings?.lap('read');
      const resolvedKind: RecordKind = kind === 'auto' ? detectKind(read.table.columnNames(), options.columns ?? {}) : (kind as RecordKind);
      run = analyzeTable(read.table, read, { ...options, kind: resolvedKind }, hooks);
    }
  }
  stageProgress.done();
  run.problems.unshift(...aliasProblems);
  if (values.population) {
    const file = values.population;
    const table = await readTable(file);
    const parsed = parsePopulation(table.table, { ...table, file, columns: populationColumns });
    // Without its columns the table cannot give any rate the user asked for: an unreadable input.
    const missing = parsed.problems.filter((p) => p.reason === 'missing-column');
    if (missing.length) throw new InputError(file, missing.map((p) => p.message).join('; '));
    addPopulation(run, parsed, file);
  }

  // Top-level CSV tables get a Parquet copy with --parquet, converted from the written CSV files;
  // flows.parquet is the flow store with its breakdowns, not a copy of flows.csv.
  const tables = [
    'places.csv',
    'top_sources.csv',
    'top_destinations.csv',
    'communities.csv',
    'rai.csv',
    'problems.csv',
    'timeseries.csv',
    ...(options.compare ? ['compare.csv'] : []),
    ...(run.intervals ? ['intervals.csv'] : []),
  ];
  const strict = values.strict === true && run.problems.length > 0;
  timings?.lap('checksum');
  const outputMeta: OutputMeta = {
    input: {
      path: inputTable !== undefined ? input : relativeOrSame(input),
      sha256:
        inputTable !== undefined
          ? await (await import('../engines/clickhouse/analyze.ts')).tableFingerprint(values['clickhouse-url']!, inputTable)
          : await context.inputHash!,
      bytes,
    },
    gexf: values.gexf === true ? true : 'auto',
    ...(timings ? { timings: timings.stages } : {}),
    packageVersion: packageVersion(),
    createdBy: `talentflow analyze ${argv.join(' ')}`,
    figures: values.figures === true && !strict,
    ...(values.parquet && !strict ? { alsoWritten: [...tables.map((t) => t.replace(/\.csv$/, '.parquet')), 'flows.parquet'] } : {}),
    ...(strict ? { only: ['problems.csv'] } : {}),
  };
  const { 'manifest.json': manifest, ...files } = await outputFileSources(run, outputMeta);

  if (strict) {
    // The whole folder is replaced: problems.csv and a manifest saying the run stopped there,
    // never beside the tables of an earlier run.
    await out.write({ 'problems.csv': files['problems.csv']! });
    await out.commit((hashes) => sealManifest(manifestText(manifest!), hashes));
    process.stderr.write(formatProblemSummary(summariseProblems(run.problems)) + '\n');
    process.stderr.write(
      `talentflow analyze: --strict: ${run.problems.length} problem(s); only ${join(outDir, 'problems.csv')} and the manifest were written.\n`,
    );
    return EXIT.problems;
  }

  // Files are produced one at a time as they are written, into a partial folder that replaces
  // the output folder whole once the manifest (with every file's SHA-256) is written.
  const background = context.background();
  const elsewhere = new Set(background?.measuresDone(run.graph, run.problems) ?? []);
  const here = Object.fromEntries(Object.entries(files).filter(([name]) => !elsewhere.has(name)));
  await out.write(timings ? timings.timeFiles(here) : here);
  if (background) {
    const done = await out.adopt(background.settled());
    for (const f of done) {
      out.written(f.name, f.digest);
      timings?.background(`write ${f.name}`, f.ms, f.rssMiB, f.heapMiB);
    }
    timings?.lap('wait for background writes');
    const again = background.rewrite();
    if (again.length) {
      const { 'manifest.json': _m, ...fresh } = await outputFileSources(run, outputMeta);
      await out.write(Object.fromEntries(again.map((name) => [name, fresh[name]!])));
    }
  }
  if (values.parquet) {
    const { csvFilesToParquet, flowStoreToParquet } = await import('../engines/duckdb/parquet.ts');
    await out.write(await csvFilesToParquet(out.partial, tables));
    await out.write({ 'flows.parquet': await flowStoreToParquet(run.flows) });
    timings?.lap('write *.parquet');
  }
  const written = await out.commit((hashes) => sealManifest(manifestText(manifest!), hashes));
  // On stderr only: the manifest is written inside this stage.
  timings?.lap('manifest and folder swap');
  // Limits that changed what was computed (betweenness on the strongest flows, stability skipped)
  // and iterations that did not converge: said once each, even with --quiet.
  for (const warning of run.analyses.warnings) process.stderr.write(`talentflow analyze: note: ${warning}\n`);
  const skipped = skippedOutputs(run, { gexf: values.gexf === true ? true : 'auto' });
  for (const s of skipped) process.stderr.write(`talentflow analyze: note: ${s.file} not written: ${s.reason}; ${s.flag} writes it\n`);
  if (timings) process.stderr.write(`talentflow analyze: timings\n${timings.format()}`);
  if (!values.quiet) {
    process.stdout.write(formatReport(run));
    process.stdout.write(
      `\nWrote ${written.length} files to ${outDir}/: ${written
        .map((p) => relative(outDir, p))
        .sort()
        .join(', ')}\n`,
    );
    for (const s of skipped) process.stdout.write(`Not written: ${s.file} (${s.reason}); ${s.flag} writes it\n`);
  } else if (run.problems.length) {
    process.stderr.write(formatProblemSummary(summariseProblems(run.problems)) + '\n');
  }
  return EXIT.ok;
}

/** The manifest's text: produced now when it was left lazy (with --timings it holds the files' write times). */
function manifestText(manifest: OutputSource): string {
  return typeof manifest === 'string' ? manifest : chunksToString(manifest);
}

function relativeOrSame(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

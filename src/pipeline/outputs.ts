/**
 * The files of an analysis folder: as chunk sources produced while they are written
 * ({@link outputFileSources}, what `writeAnalysis` writes) or as strings in memory
 * ({@link buildOutputFiles}, for tests and notebooks on small runs). The writers (`writeOutputs`)
 * put them on disk atomically. Kept apart from the CLI so that notebooks and tests produce
 * identical files.
 */
import type { AnalysisRun } from './analyze.ts';
import { chunksToString, lazyChunks, type FileChunk } from '../exports/chunks.ts';
import { tableCsvChunks, type Table } from '../exports/csv.ts';
import { placesTable } from '../exports/places-table.ts';
import { flowsCsvChunks } from '../exports/flows-table.ts';
import { communitiesTable } from '../exports/communities-table.ts';
import { raiTable } from '../exports/rai-table.ts';
import { problemsTable, countProblemsByReason } from '../exports/problems-table.ts';
import { resolutionsTable } from '../exports/resolutions-table.ts';
import { topFlowsTable } from '../exports/top-flows-table.ts';
import { intervalsTable } from '../exports/intervals-table.ts';
import { timeSeries } from '../analyses/time-series.ts';
import { timeSeriesTable } from '../exports/timeseries-table.ts';
import { runComparison } from './compare.ts';
import { compareTable } from '../exports/compare-table.ts';
import { assertJsonSafe, graphJsonChunks } from '../exports/graph-json.ts';
import { gexfChunks } from '../exports/gexf.ts';
import { buildManifest, manifestToJson } from '../exports/manifest.ts';
import { sealManifest, type FileHashes } from '../exports/output-folder.ts';
import { sha256OfData } from '../exports/checksum.ts';

export interface OutputMeta {
  input: { path: string; sha256: string; bytes: number };
  packageVersion: string;
  createdBy?: string;
  /** Also render SVG figures into figures/. */
  figures?: boolean;
  /** Files the caller writes beside these (e.g. Parquet copies of the tables): listed in the manifest too. */
  alsoWritten?: readonly string[];
  /**
   * Only these files are written (`--strict` with problems: problems.csv): the manifest lists
   * them alone and its notes say why the others are missing.
   */
  only?: readonly string[];
}

/** Content of one output file: text, or chunks of text/bytes produced as they are consumed. */
export type OutputSource = string | Iterable<FileChunk>;

/**
 * Every output file of a run as text: name → content, the bytes `writeAnalysis` writes.
 * `manifest.json` lists the others with their size and SHA-256 (see `sealManifest`).
 */
export async function buildOutputFiles(run: AnalysisRun, meta: OutputMeta): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [name, source] of Object.entries(await outputFileSources(run, meta))) {
    files[name] = typeof source === 'string' ? source : chunksToString(source);
  }
  const hashes: FileHashes = {};
  for (const [name, text] of Object.entries(files)) {
    if (name !== 'manifest.json') hashes[name] = { bytes: Buffer.byteLength(text), sha256: sha256OfData(text) };
  }
  files['manifest.json'] = sealManifest(files['manifest.json']!, hashes);
  return files;
}

/**
 * Every output file of a run, the same names and bytes as {@link buildOutputFiles}, but each file
 * (the manifest and figures aside) is a generator that builds its table or document only when it
 * is first read and yields it in chunks of about 64 K characters. Handed to `writeOutputs`, the
 * files are produced one at a time while they are written, and none is ever held whole: an
 * analysis of millions of flows is written in bounded memory. Each source can be read once.
 *
 * Checked before anything is produced: the graph holds no NaN or ±Infinity (`TalentFlowError`,
 * as `graph.json` would throw), so a bad value fails the run before a file is written.
 *
 * @example await writeOutputs('out/run1', await outputFileSources(run, meta));
 */
export async function outputFileSources(run: AnalysisRun, meta: OutputMeta): Promise<Record<string, OutputSource>> {
  graphAttributesOfRun(run);
  assertJsonSafe(run.graph);
  const table = (build: () => Table) => lazyChunks(() => tableCsvChunks(build()));
  const files: Record<string, OutputSource> = {
    'places.csv': table(() => placesTable(run.graph)),
    'flows.csv': flowsCsvChunks(run.graph),
    'top_sources.csv': table(() => topFlowsTable(run.analyses.topSources, 'source')),
    'top_destinations.csv': table(() => topFlowsTable(run.analyses.topDestinations, 'destination')),
    'communities.csv': table(() => communitiesTable(run.analyses.communities)),
    'rai.csv': table(() => raiTable(run.analyses.rai)),
    'problems.csv': table(() => problemsTable(run.problems)),
    'resolutions.csv': table(() => resolutionsTable(run.resolutions ?? [])),
    'timeseries.csv': table(() => timeSeriesTable(timeSeries(run.graph, { population: run.population?.values ?? null }))),
    ...(run.options.compare ? { 'compare.csv': table(() => compareTable(runComparison(run)!)) } : {}),
    'graph.json': graphJsonChunks(run.graph, { checked: true }),
    'graph.gexf': gexfChunks(run.graph),
  };
  const intervals = run.intervals;
  if (intervals) files['intervals.csv'] = table(() => intervalsTable(intervals, run.graph));
  if (meta.figures) {
    const { renderFigures } = await import('../display/figures.ts');
    for (const [name, svg] of Object.entries(renderFigures(run))) files[`figures/${name}`] = svg;
  }
  const c = run.analyses.communities;
  const o = run.options;
  const manifest = buildManifest({
    input: { ...meta.input, rows: run.rowsRead },
    options: {
      kind: o.kind,
      level: o.level,
      window: o.window,
      years: o.years,
      columns: o.columns,
      aliases: o.aliases.length,
      resolution: o.resolution,
      topK: o.topK,
      topMinWeight: o.topMinWeight,
      stabilityRuns: o.stabilityRuns,
      // Infinity (no cap) is not JSON: written as null.
      betweennessMaxFlows: o.betweennessMaxFlows === Infinity ? null : o.betweennessMaxFlows,
      stabilityMaxFlows: o.stabilityMaxFlows === Infinity ? null : o.stabilityMaxFlows,
      backboneAlpha: o.backboneAlpha,
      gravityMaxPlaces: o.gravityMaxPlaces,
      bootstrap: o.bootstrap,
      ...(run.population ? { population: run.population.file } : {}),
      ...(o.compare ? { compare: o.compare } : {}),
    },
    seed: o.seed,
    packageVersion: meta.packageVersion,
    counts: {
      records: run.records,
      skipped: run.skipped,
      problemsByReason: countProblemsByReason(run.problems) as Record<string, number>,
      movesWithinPlace: Number(run.graph.getAttribute('movesWithinPlace') ?? 0),
      nodes: run.graph.order,
      edges: run.graph.size,
    },
    outputs: meta.only ? [...meta.only] : [...Object.keys(files), ...(meta.alsoWritten ?? [])],
    ...(meta.createdBy ? { createdBy: meta.createdBy } : {}),
    graph: {
      level: o.level,
      kind: o.kind,
      years: run.graph.getAttribute('years') ?? null,
      window: run.graph.getAttribute('window') ?? null,
    },
    communities: { count: c.communities.length, modularity: c.modularity, resolution: c.resolution, seed: c.seed },
    backbone: run.analyses.backbone,
    ...(run.analyses.gravity ? { gravity: run.analyses.gravity } : {}),
    ...(intervals ? { bootstrap: { unit: intervals.unit, replicates: intervals.replicates, seed: intervals.seed, level: intervals.level } } : {}),
    notes: meta.only
      ? [`strict: ${run.problems.length} problem(s) found; only ${meta.only.join(', ')} written`, ...run.analyses.warnings]
      : run.analyses.warnings,
  });
  files['manifest.json'] = manifestToJson(manifest);
  return files;
}

/** graph.json carries the run's seed and options as graph attributes so the viewer can show them. */
function graphAttributesOfRun(run: AnalysisRun): void {
  run.graph.mergeAttributes({
    seed: run.options.seed,
    resolution: run.options.resolution,
    modularity: run.analyses.communities.modularity,
    topK: run.options.topK,
    topMinWeight: run.options.topMinWeight,
  });
}

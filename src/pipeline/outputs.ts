/**
 * The files of an analysis folder: as chunk sources produced while they are written
 * ({@link outputFileSources}, what `writeAnalysis` writes) or as strings in memory
 * ({@link buildOutputFiles}, for tests and notebooks on small runs). The writers (`writeOutputs`)
 * put them on disk atomically. Kept apart from the CLI so that notebooks and tests produce
 * identical files.
 */
import type { AnalysisRun } from './analyze.ts';
import { chunksToString, lazyChunks, type FileChunk } from '../exports/chunks.ts';
import { tableCsvBytes, type Table } from '../exports/csv.ts';
import { placesTable } from '../exports/places-table.ts';
import { communitiesTable } from '../exports/communities-table.ts';
import { raiTable } from '../exports/rai-table.ts';
import { resolutionsTable } from '../exports/resolutions-table.ts';
import { countProblemsByReason } from '../exports/problems-table.ts';
import { topFlowsTable } from '../exports/top-flows-table.ts';
import { intervalsTable } from '../exports/intervals-table.ts';
import { runComparison } from './compare.ts';
import { compareTable } from '../exports/compare-table.ts';
import { assertJsonSafe, graphJsonBytes } from '../exports/graph-json.ts';
import { gexfChunks } from '../exports/gexf.ts';
import { buildManifest, manifestToJson } from '../exports/manifest.ts';
import { sealManifest, type FileHashes } from '../exports/output-folder.ts';
import { sha256OfData } from '../exports/checksum.ts';
import { flowsArrowSource, flowsCsvSource, problemsCsvSource, timeSeriesCsvSource } from './output-sources.ts';

export interface OutputMeta {
  input: { path: string; sha256: string; bytes: number };
  packageVersion: string;
  createdBy?: string;
  /** Also render SVG figures into figures/. */
  figures?: boolean;
  /** Files the caller writes beside these (e.g. Parquet copies of the tables): listed in the manifest too. */
  alsoWritten?: readonly string[];
  /**
   * Write graph.gexf: true, false, or 'auto' (default): only up to {@link GEXF_AUTO_MAX_FLOWS}
   * flows (a larger GEXF takes seconds to write and more to open in Gephi).
   */
  gexf?: boolean | 'auto';
  /** Files skipped by the caller (e.g. Parquet without DuckDB): listed in the manifest with the reason. */
  alsoSkipped?: readonly SkippedOutput[];
  /**
   * Stage timings to record in the manifest (`--timings`). Read when the manifest is produced
   * (it is then lazy, like the other files), so a caller may add the output files' times while
   * it writes them, before the manifest.
   */
  timings?: readonly StageTiming[];
  /**
   * Only these files are written (`--strict` with problems: problems.csv): the manifest lists
   * them alone and its notes say why the others are missing.
   */
  only?: readonly string[];
}

/** An output left out of the folder, why, and the option that asks for it. */
export interface SkippedOutput {
  file: string;
  reason: string;
  /** The CLI flag that writes it. */
  flag: string;
}

/** Wall time and peak memory of one stage of a run (`--timings`). */
export interface StageTiming {
  stage: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak resident set size so far, in MiB. */
  rssMiB: number;
  /** V8 heap used at the end of the stage, in MiB. */
  heapMiB: number;
}

/** graph.gexf is written by default up to this many flows (see {@link OutputMeta.gexf}). */
export const GEXF_AUTO_MAX_FLOWS = 100_000;

/** The outputs `meta` leaves out for this run (graph.gexf above {@link GEXF_AUTO_MAX_FLOWS} flows by default). */
export function skippedOutputs(run: AnalysisRun, meta: Pick<OutputMeta, 'gexf' | 'alsoSkipped'>): SkippedOutput[] {
  const skipped: SkippedOutput[] = [];
  const gexf = meta.gexf ?? 'auto';
  if (gexf === false) skipped.push({ file: 'graph.gexf', reason: 'not asked for', flag: '--gexf' });
  else if (gexf === 'auto' && run.graph.size > GEXF_AUTO_MAX_FLOWS) {
    skipped.push({
      file: 'graph.gexf',
      reason: `${run.graph.size.toLocaleString('en-US')} flows is more than ${GEXF_AUTO_MAX_FLOWS.toLocaleString('en-US')} (a GEXF this large is slow to write and to open in Gephi)`,
      flag: '--gexf',
    });
  }
  return [...skipped, ...(meta.alsoSkipped ?? [])];
}

/** Content of one output file: text, or chunks of text/bytes produced as they are consumed. */
export type OutputSource = string | Iterable<FileChunk>;

/**
 * Every output file of a run: name → text, or bytes for the binary `flows.arrow`, the bytes
 * `writeAnalysis` writes. `manifest.json` lists the others with their size and SHA-256 (see `sealManifest`).
 */
export async function buildOutputFiles(run: AnalysisRun, meta: OutputMeta): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = {};
  for (const [name, source] of Object.entries(await outputFileSources(run, meta))) {
    files[name] = typeof source === 'string' ? source : BINARY.test(name) ? concatBytes(source) : chunksToString(source);
  }
  const hashes: FileHashes = {};
  for (const [name, text] of Object.entries(files)) {
    if (name !== 'manifest.json') hashes[name] = { bytes: Buffer.byteLength(text), sha256: sha256OfData(text) };
  }
  files['manifest.json'] = sealManifest(files['manifest.json'] as string, hashes);
  return files;
}

/** Output files that are bytes, not text. */
export const BINARY = /\.(arrow|parquet)$/;

function concatBytes(chunks: Iterable<FileChunk>): Uint8Array {
  const parts = [...chunks].map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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
  const table = (build: () => Table) => lazyChunks(() => tableCsvBytes(build()));
  const files: Record<string, OutputSource> = {
    'places.csv': table(() => placesTable(run.graph)),
    'flows.csv': flowsCsvSource(run.graph, run.flows),
    'flows.arrow': flowsArrowSource(run.flows),
    'top_sources.csv': table(() => topFlowsTable(run.analyses.topSources, 'source')),
    'top_destinations.csv': table(() => topFlowsTable(run.analyses.topDestinations, 'destination')),
    'communities.csv': table(() => communitiesTable(run.analyses.communities)),
    'rai.csv': table(() => raiTable(run.analyses.rai)),
    'problems.csv': problemsCsvSource(run.problems),
    'resolutions.csv': table(() => resolutionsTable(run.resolutions ?? [])),
    'timeseries.csv': timeSeriesCsvSource(run.graph, run.population?.values ?? null),
    ...(run.options.compare ? { 'compare.csv': table(() => compareTable(runComparison(run)!)) } : {}),
    'graph.json': graphJsonBytes(run.graph, { checked: true }),
  };
  const skipped = skippedOutputs(run, meta);
  if (!skipped.some((s) => s.file === 'graph.gexf')) files['graph.gexf'] = gexfChunks(run.graph, { flows: run.flows });
  const intervals = run.intervals;
  if (intervals) files['intervals.csv'] = table(() => intervalsTable(intervals, run.graph));
  if (meta.figures) {
    const { renderFigures } = await import('../display/figures.ts');
    for (const [name, svg] of Object.entries(renderFigures(run))) files[`figures/${name}`] = svg;
  }
  const c = run.analyses.communities;
  const o = run.options;
  // With timings, the manifest is produced when it is read (the CLI writes it last), so that it
  // holds the times of the files written before it.
  const manifest = () =>
    manifestToJson(
      buildManifest({
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
        // Read when the manifest is made, which with timings is after it joined `files`: never listed itself.
        outputs: meta.only
          ? [...meta.only]
          : [...Object.keys(files).filter((name) => name !== 'manifest.json'), ...(meta.alsoWritten ?? [])],
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
        ...(intervals
          ? { bootstrap: { unit: intervals.unit, replicates: intervals.replicates, seed: intervals.seed, level: intervals.level } }
          : {}),
        notes: meta.only
          ? [`strict: ${run.problems.length} problem(s) found; only ${meta.only.join(', ')} written`, ...run.analyses.warnings]
          : run.analyses.warnings,
        ...(skipped.length ? { skipped } : {}),
        ...(meta.timings?.length ? { timings: meta.timings } : {}),
      }),
    );
  files['manifest.json'] = meta.timings ? lazyChunks(() => [manifest()]) : manifest();
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

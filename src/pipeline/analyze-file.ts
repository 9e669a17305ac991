/**
 * Node entry points of the pipeline: read a records file, run the analysis, write an analysis
 * folder. The same steps as `talentflow analyze`, for notebooks and scripts.
 */
import { stat } from 'node:fs/promises';
import { readTable } from '../io/read-table.ts';
import { sha256OfFile } from '../exports/checksum.ts';
import { openOutputFolder, sealManifest } from '../exports/output-folder.ts';
import type { RecordKind } from '../records/types.ts';
import { analyzeTable, type AnalysisRun, type RunHooks } from './analyze.ts';
import type { AnalyzeOptions } from './options.ts';
import { outputFileSources } from './outputs.ts';

/** A table with a `place` column (after the column map) and no `from` column holds timelines; otherwise moves. */
export function detectKind(columns: readonly string[], map: Record<string, string | undefined> = {}): RecordKind {
  const lower = new Set(columns.map((c) => c.toLowerCase()));
  const placeColumn = (map.place ?? 'place').toLowerCase();
  return lower.has(placeColumn) && !lower.has((map.from ?? 'from').toLowerCase()) ? 'timelines' : 'moves';
}

/**
 * Reads `path` (CSV, TSV, JSON lines; .gz too) and runs the whole analysis. The kind is detected
 * from the columns unless `options.kind` is given.
 *
 * @example
 * const run = await analyzeFile('data/calibrated/timelines.csv.gz', { level: 'metro', seed: 42 });
 * run.graph.getNodeAttribute('Shenzhen', 'inflowRatio'); // ≈ 0.239
 */
export async function analyzeFile(
  path: string,
  options: AnalyzeOptions = {},
  hooks: RunHooks & { onProgress?: (done: number, total?: number) => void } = {},
): Promise<AnalysisRun> {
  const read = await readTable(path, hooks.onProgress ? { onProgress: hooks.onProgress } : {});
  const kind = options.kind ?? detectKind(read.table.columnNames(), options.columns ?? {});
  return analyzeTable(read.table, read, { ...options, kind }, hooks);
}

/**
 * Writes every output of a run into `dir` as `talentflow analyze` does: into a partial folder
 * beside it, the manifest last with every file's SHA-256, then in place of `dir` as a whole
 * (see `openOutputFolder`); returns the paths written. Files are produced one at a time while
 * they are written ({@link outputFileSources}), so a graph of millions of flows is written in
 * bounded memory.
 *
 * @throws OutputError when `dir` cannot be written or holds files that are not an earlier result.
 */
export async function writeAnalysis(
  run: AnalysisRun,
  dir: string,
  meta: { inputPath?: string; packageVersion?: string; createdBy?: string; figures?: boolean } = {},
): Promise<string[]> {
  const inputPath = meta.inputPath ?? run.file;
  const bytes = (await stat(inputPath).catch(() => null))?.size ?? 0;
  const sha256 = bytes ? await sha256OfFile(inputPath) : '0'.repeat(64);
  const { 'manifest.json': manifest, ...files } = await outputFileSources(run, {
    input: { path: inputPath, sha256, bytes },
    packageVersion: meta.packageVersion ?? '0.0.0',
    ...(meta.createdBy ? { createdBy: meta.createdBy } : {}),
    ...(meta.figures ? { figures: true } : {}),
  });
  const out = await openOutputFolder(dir);
  try {
    await out.write(files);
    return await out.commit((hashes) => sealManifest(manifest as string, hashes));
  } catch (error) {
    await out.discard();
    throw error;
  }
}

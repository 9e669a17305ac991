/**
 * talentflow for Node and Deno: everything in the pure entry plus reading files, checksums, atomic
 * writers and the one-call pipeline (`analyzeFile`, `writeAnalysis`).
 *
 * @example
 * import { analyzeFile, writeAnalysis } from 'talentflow/node';
 * const run = await analyzeFile('data/calibrated/timelines.csv.gz');
 * await writeAnalysis(run, 'out/calibrated');
 */
export * from './index.ts';
export { readTable, readText, tableFormat, type ReadTableOptions, type ReadTableResult, type TableFormat } from './io/read-table.ts';
export { sha256OfFile, sha256OfData } from './exports/checksum.ts';
export { writeFileAtomic, writeOutputs, type FileData } from './exports/write-atomic.ts';
export { buildOutputFiles, type OutputMeta } from './pipeline/outputs.ts';
export { analyzeFile, writeAnalysis, detectKind } from './pipeline/analyze-file.ts';

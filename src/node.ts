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
export { openOutputFolder, sealManifest, type FileHashes, type OutputFolder } from './exports/output-folder.ts';
export { inspectInput, ENCODINGS, type InputInspection, type TextEncoding } from './io/inspect-input.ts';
export { buildOutputFiles, outputFileSources, type OutputMeta, type OutputSource } from './pipeline/outputs.ts';
export { analyzeFile, writeAnalysis, detectKind } from './pipeline/analyze-file.ts';
export { readSourceTimelines, READ_SOURCE_DEFAULTS, type SourceReadResult } from './sources/node/read-source.ts';
export { loadRorIndex, loadRorRecords, DEFAULT_ROR_GAZETTEER } from './sources/node/load-ror.ts';
export { rorGazetteerCsvGz, ROR_GAZETTEER_COLUMNS } from './sources/node/ror-gazetteer.ts';
export { writeTimelinesCsv } from './sources/node/write-timelines.ts';

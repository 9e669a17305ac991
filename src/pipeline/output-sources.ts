/**
 * The output files a second thread may write while the measures run (`cli/background-writes.ts`):
 * each is made by the same call on either thread, so that the bytes cannot differ. Kept apart
 * from `outputs.ts` so that the writing thread loads these writers only.
 */
import { lazyChunks, type FileChunk } from '../exports/chunks.ts';
import { tableCsvBytes } from '../exports/csv.ts';
import { flowsCsvBytes } from '../exports/flows-table.ts';
import { flowStoreToArrow } from '../exports/flows-arrow.ts';
import { problemsTable } from '../exports/problems-table.ts';
import { timeSeriesTable } from '../exports/timeseries-table.ts';
import { timeSeries, type PopulationTable } from '../analyses/time-series.ts';
import type { FlowGraph } from '../graph/types.ts';
import type { FlowStore } from '../flows/store.ts';
import type { Problem } from '../records/types.ts';

/** `flows.csv` of the graph over `flows`, produced as it is read. */
export function flowsCsvSource(graph: FlowGraph, flows: FlowStore): Iterable<FileChunk> {
  return flowsCsvBytes(graph, {}, flows);
}

/** `flows.arrow`: the flow store with its breakdowns, produced when first read. */
export function flowsArrowSource(flows: FlowStore): Iterable<FileChunk> {
  return lazyChunks(() => [flowStoreToArrow(flows)]);
}

/** `problems.csv`, produced when first read. */
export function problemsCsvSource(problems: readonly Problem[]): Iterable<FileChunk> {
  return lazyChunks(() => tableCsvBytes(problemsTable(problems)));
}

/** `timeseries.csv` of the graph, with the population table given beside the records (or null), produced when first read. */
export function timeSeriesCsvSource(graph: FlowGraph, population: PopulationTable | null): Iterable<FileChunk> {
  return lazyChunks(() => tableCsvBytes(timeSeriesTable(timeSeries(graph, { population }))));
}

/**
 * The second thread of `talentflow analyze` (`background-writes.ts`): writes into the partial
 * output folder the files that no measure changes (flows.arrow, problems.csv, timeseries.csv)
 * while the main thread runs the measures, then flows.csv from the per-flow measure columns the
 * main thread hands over. The files are made by the same calls as on the main thread
 * (`pipeline/output-sources.ts`), from a copy of the flow store and a graph rebuilt over it with
 * the same node keys, labels and `years`: the same bytes.
 *
 * Messages are handled one at a time, in order; each file written is reported with its wall
 * time (production and writing, fsync included) and memory, a failure with the error's fields.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { writeFileAtomic, type FileDigest } from '../exports/write-atomic.ts';
import { graphFromFlows } from '../flows/graph.ts';
import { writeEdgeColumns } from '../flows/lazy-edges.ts';
import type { FlowGraph, PlaceAttributes } from '../graph/types.ts';
import { flowsArrowSource, flowsCsvSource, problemsCsvSource, timeSeriesCsvSource } from '../pipeline/output-sources.ts';
import type { FileChunk } from '../exports/chunks.ts';
import type { FlowStore } from '../flows/store.ts';
import type { WorkerReply, WorkerRequest } from './background-writes.ts';

const port = parentPort;
if (!port) throw new Error('write-worker.ts runs as a worker thread (background-writes.ts starts it)');

const MiB = 2 ** 20;
let partial = '';
let graph: FlowGraph | null = null;
let store: FlowStore | null = null;
let queue: Promise<void> = Promise.resolve();
/** Errors already reported by {@link write}. */
const reported = new WeakSet<object>();

const reply = (message: WorkerReply) => port.postMessage(message);

async function write(name: string, source: Iterable<FileChunk>): Promise<void> {
  const start = performance.now();
  let digest: FileDigest;
  try {
    digest = await writeFileAtomic(join(partial, name), source);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const fields: Record<string, unknown> = {};
    for (const key of ['code', 'errno', 'syscall', 'path'] as const) if (e?.[key] !== undefined) fields[key] = e[key];
    reply({
      type: 'failed',
      name,
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), stack: e?.stack ?? '', fields },
    });
    if (error !== null && typeof error === 'object') reported.add(error);
    throw error;
  }
  reply({
    type: 'written',
    name,
    digest,
    ms: performance.now() - start,
    rssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
    heapMiB: process.memoryUsage().heapUsed / MiB,
  });
}

async function handle(message: WorkerRequest): Promise<void> {
  if (message.type === 'start') {
    partial = message.partial;
    store = message.flows;
    const labels = message.labels;
    graph = graphFromFlows(store, (i) => ({ label: labels[i] }) as PlaceAttributes, message.attributes);
    graph.setAttribute('years', message.attributes.years);
    await write('flows.arrow', flowsArrowSource(store));
    if (message.problems) await write('problems.csv', problemsCsvSource(message.problems));
    if (message.timeSeries) await write('timeseries.csv', timeSeriesCsvSource(graph, null));
  } else {
    writeEdgeColumns(graph as unknown as Parameters<typeof writeEdgeColumns>[0], message.columns);
    await write('flows.csv', flowsCsvSource(graph!, store!));
  }
}

port.on('message', (message: WorkerRequest) => {
  // After a failure nothing more is written: the main thread reports it and stops this thread.
  queue = queue.then(() => handle(message));
  queue.catch((error: unknown) => {
    if (error !== null && typeof error === 'object' && reported.has(error)) return;
    const e = error as Error;
    if (error !== null && typeof error === 'object') reported.add(error);
    reply({
      type: 'failed',
      name: null,
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), stack: e?.stack ?? '', fields: {} },
    });
  });
});

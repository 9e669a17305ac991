/**
 * Output files written on a second thread (`write-worker.ts`) while the main thread runs the
 * measures: on a large run the measures and the writers each take about a second and a half of
 * one core, and most machines have two. As soon as the graph and flow store are built
 * ({@link startBackgroundWrites}, from the pipeline's `onPrepared` hook) the thread gets a copy
 * of the flow store and writes flows.arrow, problems.csv and timeseries.csv, which no measure
 * changes; once the measures are done ({@link BackgroundWrites.measuresDone}) it gets the
 * per-flow measure columns and writes flows.csv while the main thread writes graph.json and the
 * other tables. Everything goes into the partial folder, which the CLI swaps in only when every
 * file is written.
 *
 * The files are the same bytes as the main thread's (same code, same inputs), so the thread is
 * only used when its inputs are known to equal the main thread's: a graph whose edges are still
 * the flow store's columns, no population table (it changes timeseries.csv and adds problems),
 * no `--strict`. A file whose inputs changed during the measures all the same is written again
 * by the main thread ({@link BackgroundWrites.rewrite}). Small runs stay on one thread: starting
 * the thread costs more than the files.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deferredEdges, type EdgeColumn } from '../flows/lazy-edges.ts';
import { storeEdgesOf } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';
import type { FlowGraph, FlowGraphAttributes } from '../graph/types.ts';
import type { Problem } from '../records/types.ts';
import type { FileDigest } from '../exports/write-atomic.ts';

/** Flows from which a run writes on a second thread (fewer: one thread; `TALENTFLOW_BACKGROUND_MIN_FLOWS` overrides it, for tests). */
export const BACKGROUND_MIN_FLOWS = 50_000;

/** What the main thread sends the writing thread. */
export type WorkerRequest =
  | {
      type: 'start';
      partial: string;
      flows: FlowStore;
      /** Node labels in store order. */
      labels: readonly unknown[];
      attributes: Pick<FlowGraphAttributes, 'level' | 'window' | 'kind' | 'movesWithinPlace' | 'years'>;
      /** problems.csv's rows, or null when the main thread writes it. */
      problems: readonly Problem[] | null;
      timeSeries: boolean;
    }
  | { type: 'flows'; columns: readonly EdgeColumn[] };

/** What the writing thread answers: a file written (its time and memory), or a failure. */
export type WorkerReply =
  | { type: 'written'; name: string; digest: FileDigest; ms: number; rssMiB: number; heapMiB: number }
  | {
      type: 'failed';
      /** The file being written, or null for a failure outside any file. */
      name: string | null;
      error: { name: string; message: string; stack: string; fields: Record<string, unknown> };
    };

/** A file the writing thread wrote, with its wall time (production, writing and fsync) and memory then. */
export interface BackgroundFile {
  name: string;
  /** Size and SHA-256 of the bytes written, for the manifest. */
  digest: FileDigest;
  ms: number;
  rssMiB: number;
  heapMiB: number;
}

export interface BackgroundWrites {
  /**
   * Called once the measures are done (and nothing else will change the run): hands over
   * flows.csv when the graph's edges are still columns. Returns the files the thread writes,
   * which the caller leaves out of its own.
   */
  measuresDone(graph: FlowGraph, problems: readonly Problem[]): readonly string[];
  /** Resolves when every file is written; rejects with the thread's first failure (an Error with its `code`, `path` …). */
  settled(): Promise<BackgroundFile[]>;
  /** Files the thread wrote whose inputs changed meanwhile: the caller writes them again (after {@link settled}). */
  rewrite(): readonly string[];
  /** Stops the thread (when done, or after a failure elsewhere); resolves once it has stopped. */
  stop(): Promise<void>;
}

/** The writing thread's module: the bundled one beside the CLI (dist/bin); none when running from the TypeScript sources. */
function workerUrl(): URL | null {
  if (!import.meta.url.endsWith('.js')) return null;
  const url = new URL('../bin/write-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Whether a node carries the population timeseries.csv would read from the graph. */
function hasNodePopulation(graph: FlowGraph): boolean {
  return graph.someNode((_node, a) => Boolean(a['populationByYear'] ?? a['researchersByYear']));
}

/** Whether the graph's nodes are the store's places in order and its edges still the store's columns. */
function edgesAreColumns(graph: FlowGraph, flows: FlowStore): boolean {
  if (storeEdgesOf(graph) !== flows || deferredEdges(graph) === null || graph.order !== flows.places.length) return false;
  let i = 0;
  return graph.everyNode((node) => node === flows.places[i++]);
}

/**
 * Starts the writing thread for a run whose graph and flow store are built, or returns null
 * (one thread) when the run is small, the thread's module is not built, or its files could differ.
 * `problems`: every problem of the run so far, in problems.csv's order.
 */
export function startBackgroundWrites(args: {
  partial: string;
  graph: FlowGraph;
  flows: FlowStore;
  problems: readonly Problem[];
}): BackgroundWrites | null {
  const { partial, graph, flows } = args;
  const minFlows = Number(process.env['TALENTFLOW_BACKGROUND_MIN_FLOWS'] ?? BACKGROUND_MIN_FLOWS);
  if (flows.flows.source.length < minFlows || !edgesAreColumns(graph, flows)) return null;
  const url = workerUrl();
  if (!url) return null;

  const sentProblems = [...args.problems];
  const timeSeries = !hasNodePopulation(graph);
  const expected = new Set(['flows.arrow', 'problems.csv', ...(timeSeries ? ['timeseries.csv'] : [])]);
  const written: BackgroundFile[] = [];
  const stale: string[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const worker = new Worker(url);
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: WorkerReply) => {
    if (m.type === 'written') written.push({ name: m.name, digest: m.digest, ms: m.ms, rssMiB: m.rssMiB, heapMiB: m.heapMiB });
    else failure ??= errorOf(m.error);
    notify();
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the thread writing ${[...expected].join(', ')} stopped (exit code ${code})`);
    notify();
  });

  const labels = graph.mapNodes((_node, a) => a.label);
  const attributes = {
    level: graph.getAttribute('level'),
    window: graph.getAttribute('window'),
    kind: graph.getAttribute('kind'),
    movesWithinPlace: graph.getAttribute('movesWithinPlace'),
    years: graph.getAttribute('years'),
  };
  const start: WorkerRequest = { type: 'start', partial, flows, labels, attributes, problems: sentProblems, timeSeries };
  worker.postMessage(start);
  let stopped = false;

  return {
    measuresDone(g, problems) {
      const same = problems.length === sentProblems.length && problems.every((p, i) => p === sentProblems[i]);
      if (!same) stale.push('problems.csv');
      if (timeSeries && (hasNodePopulation(g) || g.getAttribute('years') !== attributes.years)) stale.push('timeseries.csv');
      if (edgesAreColumns(g, flows)) {
        worker.postMessage({ type: 'flows', columns: deferredEdges(g)!.columns } satisfies WorkerRequest);
        expected.add('flows.csv');
      }
      return [...expected];
    },
    async settled() {
      while (!failure && written.length < expected.size) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      return written;
    },
    rewrite: () => stale,
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/** The thread's error as an Error of the main thread, with the file system's fields (`code`, `path` …) the reporting reads. */
function errorOf(e: { name: string; message: string; stack: string; fields: Record<string, unknown> }): Error {
  const error = Object.assign(new Error(e.message), e.fields);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * Reading an analysis folder into the viewer: over HTTP (the folder `talentflow view` serves
 * under data/, or any folder URL), or from files the user picks or drops on the page. The files
 * are parsed in a worker (parse-worker.ts) while the page stays free to draw; only the graph is
 * built on the page.
 *
 * Over HTTP the map need not wait for flows.arrow (the largest file with graph.json): without a
 * year or discipline filter the flows drawn come from graph.json alone, and only the histogram,
 * the year and discipline controls and the card's yearly series read the store. loadFromUrl
 * then returns the analysis without it and the store's arrival as a promise.
 */
import { InputError } from 'talentflow';
import type { Analysis } from './analysis.ts';
import {
  buildAnalysis,
  decodeFiles,
  type FlowsArrival,
  GRAPH_FILES,
  graphFromParts,
  joinParsed,
  parseFlowStore,
  parseGraphFiles,
  type ParsedGraphFiles,
  type ParsedTableFiles,
  parseTableFiles,
} from './parse-files.ts';
import type { ParseRequest, WorkerRequest } from './parse-worker.ts';

const OPTIONAL = ['places.csv', 'rai.csv', 'communities.csv', 'manifest.json', 'intervals.csv', 'compare.csv'] as const;

/**
 * Requests index.html starts before the app's script has loaded (see its inline script): the
 * index and graph.json at once, the other files the index lists (`others`) when it answers.
 */
export type Prefetched = Partial<Record<'index.json' | 'graph.json', Promise<Response>>> & {
  others?: Promise<Partial<Record<string, Promise<Response>>>>;
};

async function fetchBytes(url: string, started?: Promise<Response>): Promise<ArrayBuffer | undefined> {
  const res = await (started ?? fetch(url, { cache: 'no-store' }));
  if (res.status === 404) return undefined;
  if (!res.ok) throw new InputError(url, `could not be fetched (HTTP ${res.status})`);
  return res.arrayBuffer();
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The parsing workers (one for graph.json, one for the tables), started before the files arrive
 * so that their module loads during the download instead of after it.
 */
const spareWorkers: Worker[] = [];
function startWorkers(count: number): void {
  if (typeof Worker === 'undefined') return;
  while (spareWorkers.length < count) spareWorkers.push(new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' }));
}
function takeWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  startWorkers(1);
  return spareWorkers.shift() ?? null;
}

/** Runs one request in a worker (on the page's thread when workers are unavailable); the buffers are handed over. */
function inWorker<T>(request: WorkerRequest, onPage: () => T): Promise<T> {
  const worker = takeWorker();
  if (worker === null) return Promise.resolve().then(onPage);
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ parsed?: T; error?: { name: string; message: string; file: string | null } }>) => {
      worker.terminate();
      const { parsed, error } = event.data;
      if (parsed) resolve(parsed);
      else if (error?.file !== null && error?.file !== undefined)
        reject(new InputError(error.file, error.message.slice(error.file.length + 2)));
      else reject(new Error(error?.message ?? 'the analysis could not be read'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the analysis could not be read (${event.message})`));
    };
    const buffers = 'flows' in request ? [request.flows] : Object.values(request.files);
    worker.postMessage(request, buffers);
  });
}

/**
 * Step 1 off the page's thread, in two workers side by side: graph.json's half (what the map
 * needs first) and the tables' half. On a real 4,468-place analysis the tables (rai.csv alone is
 * 6 MB) take as long to read as graph.json.
 */
function parseOffThread(files: ParseRequest, flowsLater: boolean): { graph: Promise<ParsedGraphFiles>; tables: Promise<ParsedTableFiles> } {
  const graphFiles: ParseRequest = {};
  const tableFiles: ParseRequest = {};
  for (const [name, bytes] of Object.entries(files) as [keyof ParseRequest, ArrayBuffer][])
    (GRAPH_FILES.includes(name) ? graphFiles : tableFiles)[name] = bytes;
  const tables =
    Object.keys(tableFiles).length === 0
      ? Promise.resolve(parseTableFiles({}))
      : inWorker<ParsedTableFiles>({ files: tableFiles, flowsLater, half: 'tables' }, () => parseTableFiles(decodeFiles(tableFiles)));
  // A failure is reported where it is awaited, after graph.json's half.
  tables.catch(() => undefined);
  const graph = inWorker<ParsedGraphFiles>({ files: graphFiles, flowsLater, half: 'graph' }, () =>
    parseGraphFiles(decodeFiles(graphFiles), { flowsLater }),
  );
  return { graph, tables };
}

/** An analysis, and its flow store still on its way (null: nothing more comes; the analysis is whole). */
export interface StagedAnalysis {
  analysis: Analysis;
  flows: Promise<FlowsArrival> | null;
}

/**
 * Loads the analysis folder at `base` (a URL ending in "/"). When the server lists the folder
 * (`index.json`, written by `talentflow view`), only the files present are requested. Unless
 * `wholeFirst` (a link's year or discipline filter needs the store to draw), flows.arrow is
 * parsed after the rest has been built and returned: `flows` then resolves with its store.
 *
 * @example const { analysis, flows } = await loadFromUrl('data/')
 */
export async function loadFromUrl(
  base: string,
  prefetched: Prefetched = {},
  options: { wholeFirst?: boolean } = {},
): Promise<StagedAnalysis> {
  startWorkers(2);
  const folder = base.endsWith('/') ? base : `${base}/`;
  let present: string[] | null = null;
  let name = decodeURIComponent(folder.replace(/\/$/, '').split('/').pop() || 'analysis');
  const graphBytes = fetchBytes(`${folder}graph.json`, prefetched['graph.json']);
  // A failed fetch is reported where its bytes are awaited, not as an unhandled rejection.
  graphBytes.catch(() => undefined);
  try {
    const res = await (prefetched['index.json'] ?? fetch(`${folder}index.json`, { cache: 'no-store' }));
    if (res.ok) {
      const index = (await res.json()) as { name?: string | null; files?: string[] };
      present = index.files ?? null;
      if (index.name) name = index.name;
    }
  } catch {
    // A plain static host has no index: ask for every file.
  }
  const want = (file: string) => present === null || present.includes(file);
  if (present !== null && !present.includes('graph.json')) {
    throw new InputError(`${folder}graph.json`, 'is missing: open an analysis folder (the --out folder of "talentflow analyze")');
  }
  const early = (await prefetched.others?.catch(() => undefined)) ?? {};
  const arrowBytes = want('flows.arrow') ? fetchBytes(`${folder}flows.arrow`, early['flows.arrow']) : Promise.resolve(undefined);
  arrowBytes.catch(() => undefined);
  const others = OPTIONAL.filter(want);
  const [graph, ...rest] = await Promise.all([graphBytes, ...others.map((f) => fetchBytes(`${folder}${f}`, early[f]))]);
  if (graph === undefined) throw new InputError(`${folder}graph.json`, 'was not found');
  const files: ParseRequest = { 'graph.json': graph };
  others.forEach((f, i) => {
    if (rest[i] !== undefined) files[f] = rest[i];
  });
  if (options.wholeFirst || !want('flows.arrow')) {
    const arrow = await arrowBytes;
    if (arrow !== undefined) files['flows.arrow'] = arrow;
    return { analysis: await parseAndBuild(files, name), flows: null };
  }
  const analysis = await parseAndBuild(files, name, true);
  // The next worker loads its module while flows.arrow is still downloading.
  startWorkers(1);
  const places = analysis.graph.nodes();
  const flows = arrowBytes.then(async (bytes) => {
    const arrival =
      bytes === undefined
        ? parseFlowStore(undefined, places)
        : await inWorker<FlowsArrival>({ flows: bytes, places }, () => parseFlowStore(new Uint8Array(bytes), places));
    performance.mark('talentflow:flows');
    return arrival;
  });
  return { analysis, flows };
}

/** Parses and builds, leaving performance marks (talentflow:fetched, :parsed, :built) for the benchmark's profile. */
async function parseAndBuild(files: ParseRequest, name: string, flowsLater = false): Promise<Analysis> {
  performance.mark('talentflow:fetched');
  const halves = parseOffThread(files, flowsLater);
  const graphHalf = await halves.graph;
  // Each answer is unpacked in its own task and the graph built in another, while the tables'
  // worker may still be busy: the page can paint between them instead of freezing for all.
  await nextTask();
  const graph = graphFromParts(graphHalf.graph);
  const tableHalf = await halves.tables;
  performance.mark('talentflow:parsed');
  await nextTask();
  const analysis = buildAnalysis(joinParsed(graphHalf, tableHalf), name, graph);
  performance.mark('talentflow:built');
  await nextTask();
  return analysis;
}

/**
 * Loads an analysis from picked or dropped files: graph.json (required) and any of flows.arrow,
 * places.csv, rai.csv, communities.csv, manifest.json, matched by file name (a folder pick gives paths).
 */
export async function loadFromFiles(list: Iterable<File>): Promise<Analysis> {
  const byName = new Map<string, File>();
  let folder: string | null = null;
  for (const file of list) {
    byName.set(file.name, file);
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    if (rel?.includes('/') && file.name === 'graph.json') folder = rel.split('/').slice(-2, -1)[0] ?? null;
  }
  const graphFile = byName.get('graph.json') ?? [...byName.values()].find((f) => f.name.endsWith('.json') && f.name !== 'manifest.json');
  if (!graphFile) throw new InputError('graph.json', 'is missing: pick the analysis folder or drop its graph.json');
  startWorkers(2);
  const files: ParseRequest = { 'graph.json': await graphFile.arrayBuffer() };
  for (const f of ['flows.arrow', ...OPTIONAL] as const) {
    const file = byName.get(f);
    if (file) files[f] = await file.arrayBuffer();
  }
  return parseAndBuild(files, folder ?? graphFile.name);
}

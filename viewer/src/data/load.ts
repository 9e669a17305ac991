/**
 * Reading an analysis folder into the viewer: over HTTP (the folder `talentflow view` serves
 * under data/, or any folder URL), or from files the user picks or drops on the page.
 */
import { InputError } from 'talentflow';
import { assembleAnalysis, type Analysis, type AnalysisFiles } from './analysis.ts';

const OPTIONAL = ['places.csv', 'rai.csv', 'communities.csv', 'manifest.json', 'intervals.csv', 'compare.csv'] as const;

/** Requests index.html starts before the app's script has loaded (see its inline script). */
export type Prefetched = Partial<Record<'index.json' | 'graph.json', Promise<Response>>>;

async function fetchText(url: string, started?: Promise<Response>): Promise<string | undefined> {
  const res = await (started ?? fetch(url, { cache: 'no-store' }));
  if (res.status === 404) return undefined;
  if (!res.ok) throw new InputError(url, `could not be fetched (HTTP ${res.status})`);
  return res.text();
}

async function fetchBytes(url: string): Promise<Uint8Array | undefined> {
  const res = await fetch(url, { cache: 'no-store' });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new InputError(url, `could not be fetched (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Loads the analysis folder at `base` (a URL ending in "/"). When the server lists the folder
 * (`index.json`, written by `talentflow view`), only the files present are requested.
 *
 * @example await loadFromUrl('data/')
 */
export async function loadFromUrl(base: string, prefetched: Prefetched = {}): Promise<Analysis> {
  const folder = base.endsWith('/') ? base : `${base}/`;
  let present: string[] | null = null;
  let name = decodeURIComponent(folder.replace(/\/$/, '').split('/').pop() || 'analysis');
  const graphText = fetchText(`${folder}graph.json`, prefetched['graph.json']);
  // A failed fetch is reported where its text is awaited, not as an unhandled rejection.
  graphText.catch(() => undefined);
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
  const arrow = want('flows.arrow') ? fetchBytes(`${folder}flows.arrow`) : Promise.resolve(undefined);
  arrow.catch(() => undefined);
  const [graph, ...rest] = await Promise.all([
    graphText,
    ...OPTIONAL.map((f) => (want(f) ? fetchText(`${folder}${f}`) : Promise.resolve(undefined))),
  ]);
  if (graph === undefined) throw new InputError(`${folder}graph.json`, 'was not found');
  const files: AnalysisFiles = { 'graph.json': graph, 'flows.arrow': await arrow };
  OPTIONAL.forEach((f, i) => (files[f] = rest[i]));
  return assembleAnalysis(files, name);
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
  const files: AnalysisFiles = { 'graph.json': await graphFile.text() };
  const arrow = byName.get('flows.arrow');
  if (arrow) files['flows.arrow'] = new Uint8Array(await arrow.arrayBuffer());
  for (const f of OPTIONAL) {
    const file = byName.get(f);
    if (file) files[f] = await file.text();
  }
  return assembleAnalysis(files, folder ?? graphFile.name);
}

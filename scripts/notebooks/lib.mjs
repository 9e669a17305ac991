// Running the notebooks headlessly: a project-local Jupyter with the Deno kernel, execution
// through nbclient, and the normal form in which notebooks are committed and compared.
// Plain Node (no TypeScript) so that `node scripts/notebooks/run.mjs` works without a build.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NOTEBOOKS_DIR = join(ROOT, 'notebooks');
/** Everything Jupyter and Deno write lives here (git-ignored), never in the user's home. */
export const CACHE_DIR = join(ROOT, '.cache');
const JUPYTER_DIR = join(CACHE_DIR, 'jupyter');
const PYTHON = '/usr/bin/python3';

/** The Deno binary that npm installed with the project. */
export function denoBinary() {
  const candidates = [
    join(ROOT, 'node_modules', 'deno', 'deno'),
    join(ROOT, 'node_modules', '@deno', 'linux-x64-glibc', 'deno'),
    join(ROOT, 'node_modules', '@deno', 'linux-arm64-glibc', 'deno'),
    join(ROOT, 'node_modules', '.bin', 'deno'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Deno is not installed: run `npm ci` (deno is a devDependency)');
  return realpathSync(found);
}

/** Environment for Jupyter and the kernel: project-local directories, no colours. */
export function jupyterEnv(base = process.env) {
  return {
    ...base,
    JUPYTER_PATH: join(JUPYTER_DIR, 'share'),
    JUPYTER_DATA_DIR: join(JUPYTER_DIR, 'data'),
    JUPYTER_CONFIG_DIR: join(JUPYTER_DIR, 'config'),
    JUPYTER_RUNTIME_DIR: join(JUPYTER_DIR, 'runtime'),
    IPYTHONDIR: join(JUPYTER_DIR, 'ipython'),
    DENO_DIR: join(CACHE_DIR, 'deno'),
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
    // Jupyter warns about this on every start otherwise
    JUPYTER_PLATFORM_DIRS: '1',
  };
}

/** Writes the Deno kernelspec under .cache/jupyter (idempotent); returns its directory. */
export function installKernel() {
  const dir = join(JUPYTER_DIR, 'share', 'kernels', 'deno');
  mkdirSync(dir, { recursive: true });
  for (const sub of ['data', 'config', 'runtime', 'ipython']) mkdirSync(join(JUPYTER_DIR, sub), { recursive: true });
  const spec = {
    argv: [denoBinary(), 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'Deno',
    language: 'typescript',
    env: { NO_COLOR: '1', DENO_DIR: join(CACHE_DIR, 'deno'), DENO_NO_UPDATE_CHECK: '1' },
  };
  const file = join(dir, 'kernel.json');
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return dir;
}

/** Whether Debian's Jupyter (nbclient, nbformat, ipykernel's client) imports under /usr/bin/python3. */
export function jupyterAvailable() {
  return new Promise((done) => {
    execFile(PYTHON, ['-c', 'import nbclient, nbformat, jupyter_client'], (error) => done(!error));
  });
}

/** The committed notebooks, in order: notebooks/NN-*.ipynb. */
export function listNotebooks() {
  return readdirSync(NOTEBOOKS_DIR)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => join(NOTEBOOKS_DIR, f));
}

/**
 * Executes `notebook` on the Deno kernel (working directory: notebooks/) into `outFile`.
 * Resolves to { ok, stderr, ms }; a cell error gives ok = false and the partial notebook in outFile.
 * A run that ends without writing any notebook (the kernel or the runner was killed from outside)
 * is retried `retries` times; a cell error never is.
 */
export async function executeNotebook(notebook, outFile, { timeoutSeconds = 120, retries = 1 } = {}) {
  await ensureMapScript();
  let result = await executeOnce(notebook, outFile, timeoutSeconds);
  for (let i = 0; i < retries && !result.ok && !existsSync(outFile); i++) {
    const again = await executeOnce(notebook, outFile, timeoutSeconds);
    result = { ...again, stderr: `${result.stderr}\n(retried)\n${again.stderr}`, ms: result.ms + again.ms };
  }
  return result;
}

let mapScript;
/**
 * Builds the interactive map's script (`.cache/map-embed/sigma-map.js`, read by notebooks that
 * embed `sigmaMapHtml`) once per process, so it always matches the viewer's current sources.
 */
export function ensureMapScript() {
  mapScript ??= import('./map-embed/build.mjs').then((m) => m.buildMapEmbed());
  return mapScript;
}

function executeOnce(notebook, outFile, timeoutSeconds) {
  installKernel();
  mkdirSync(dirname(outFile), { recursive: true });
  // never read a previous run's notebook as this run's
  rmSync(outFile, { force: true });
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      PYTHON,
      [join(ROOT, 'scripts', 'notebooks', 'execute.py'), notebook, outFile, NOTEBOOKS_DIR, String(timeoutSeconds)],
      { env: jupyterEnv(), cwd: NOTEBOOKS_DIR, maxBuffer: 64 * 1024 * 1024, timeout: (timeoutSeconds + 60) * 1000 },
      (error, _stdout, stderr) => {
        const how = error ? `\nexecute.py ${error.signal ? `killed by ${error.signal}` : `exited with status ${error.code}`}` : '';
        done({ ok: !error, stderr: String(stderr) + how, ms: Date.now() - started });
      },
    );
  });
}

const joinText = (value) => (Array.isArray(value) ? value.join('') : (value ?? ''));

/** Splits text into nbformat's list of lines (each keeping its newline). */
function splitLines(text) {
  if (text === '') return [];
  return text.match(/[^\n]*\n|[^\n]+$/g);
}

/**
 * The committed form of an executed notebook: execution timings and the kernel's TypeScript
 * version dropped, outputs and sources as nbformat line lists. Deterministic for a deterministic
 * notebook, so a fresh run of an unchanged notebook reproduces the committed file byte for byte.
 */
export function canonicalNotebook(nb) {
  const cells = nb.cells.map((cell) => {
    const out = { cell_type: cell.cell_type, id: cell.id, metadata: { ...cell.metadata }, source: splitLines(joinText(cell.source)) };
    delete out.metadata.execution;
    delete out.metadata.ExecuteTime;
    if (cell.cell_type === 'code') {
      out.execution_count = cell.execution_count ?? null;
      out.outputs = (cell.outputs ?? []).map((o) => {
        const copy = { ...o };
        if (copy.text !== undefined) copy.text = splitLines(joinText(copy.text));
        if (copy.data) {
          copy.data = Object.fromEntries(
            Object.entries(copy.data).map(([k, v]) => [k, typeof v === 'string' || Array.isArray(v) ? splitLines(joinText(v)) : v]),
          );
        }
        return copy;
      });
    }
    return out;
  });
  const metadata = { ...nb.metadata };
  if (metadata.language_info) {
    metadata.language_info = { ...metadata.language_info };
    delete metadata.language_info.version;
  }
  return { cells, metadata, nbformat: nb.nbformat, nbformat_minor: nb.nbformat_minor };
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

/** Serialises like nbformat (sorted keys, one-space indent, trailing newline). */
export function stringifyNotebook(nb) {
  return `${JSON.stringify(sortKeys(nb), null, 1)}\n`;
}

/** The map script inlined by `sigmaMapHtml`: from its definition to the end of its element. */
const MAP_SCRIPT = /<script>var talentflowSigmaMap=[\s\S]*?<\/script>/g;

/**
 * What must agree between the committed notebook and a fresh run: sources, outputs and
 * their order, with execution counts (which depend on how often a cell was run by hand)
 * left out, and so is the body of an inlined map script: it is built from the viewer's
 * sources, so comparing it would make every viewer change a notebook change; the map's data
 * and fallback are compared, and tests/display/map-html-browser.test.ts draws the committed map.
 */
export function comparableNotebook(nb) {
  const canonical = canonicalNotebook(nb);
  return canonical.cells.map((cell) => ({
    type: cell.cell_type,
    source: cell.source.join(''),
    outputs: (cell.outputs ?? []).map((o) => {
      const copy = { ...o };
      delete copy.execution_count;
      if (copy.text) copy.text = copy.text.join('');
      if (copy.data) {
        const entries = Object.entries(copy.data).map(([k, v]) => [k, Array.isArray(v) ? v.join('') : v]);
        const html = entries.find(([k]) => k === 'text/html')?.[1];
        // the plain-text stand-in of an HTML output gives its length, which counts the script too
        const withMap = typeof html === 'string' && MAP_SCRIPT.test(html);
        MAP_SCRIPT.lastIndex = 0;
        copy.data = Object.fromEntries(
          entries.map(([k, text]) => {
            if (typeof text !== 'string' || !withMap) return [k, text];
            if (k === 'text/plain') return [k, text.replace(/^\[text\/html, \d+ characters\]$/, '[text/html with a map script]')];
            return [k, text.replace(MAP_SCRIPT, '<script>/* map script */</script>')];
          }),
        );
      }
      if (copy.metadata && Object.keys(copy.metadata).length === 0) delete copy.metadata;
      return copy;
    }),
  }));
}

/** The first difference between two comparable notebooks, as a readable line; null when equal. */
export function firstDifference(committed, fresh) {
  const a = comparableNotebook(committed);
  const b = comparableNotebook(fresh);
  if (a.length !== b.length) return `cell count ${a.length} committed vs ${b.length} fresh`;
  for (let i = 0; i < a.length; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x === y) continue;
    let at = 0;
    while (at < x.length && x[at] === y[at]) at++;
    return `cell ${i}: committed …${x.slice(Math.max(0, at - 60), at + 80)}… vs fresh …${y.slice(Math.max(0, at - 60), at + 80)}…`;
  }
  return null;
}

/** Error outputs of an executed notebook: [{ cell, ename, evalue }]. */
export function errorOutputs(nb) {
  const out = [];
  nb.cells.forEach((cell, i) => {
    for (const o of cell.outputs ?? []) if (o.output_type === 'error') out.push({ cell: i, ename: o.ename, evalue: o.evalue });
  });
  return out;
}

/** Reads an .ipynb file. */
export function readNotebook(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

#!/usr/bin/env node
// Builds what the package ships and the CLI runs, and nothing when it is up to date:
//   dist/          ESM JavaScript and .d.ts of src/ (entries index, node, display), compiled by the
//                  native TypeScript compiler (tsconfig.build.json);
//   dist/bin/      the CLI bundled from that JavaScript by esbuild into a few chunks, which
//                  bin/talentflow.mjs runs: one file to load instead of ~300 modules halves start-up
//                  (and write-worker.js, the CLI's second thread, the same way);
//   dist/viewer/   the browser viewer as static files, built once by Vite (viewer/vite.config.ts);
//   data/places/geonames-raw/  the gazetteer's country files inflated (git-ignored; see buildRawGazetteer).
// Each part is rebuilt when a file it is made from is newer than its stamp, or always with --force.
// Run: node scripts/build.mjs [--force]   (scripts/setup.mjs, npm test, npm pack and the tests run it)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const VIEWER_DIST = join(DIST, 'viewer');
export const CLI_BUNDLE = join(DIST, 'bin');
const STAMPS = join(ROOT, '.cache', 'build');

const log = (msg) => process.stderr.write(`build: ${msg}\n`);
const skip = (name) => name === 'dist' || name === 'node_modules' || name.startsWith('.');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A folder's own time changes when a file in it is added, removed or renamed.
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (skip(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

// A stamp written after a successful build (kept out of dist/, which is packed): a half-finished
// build never counts as up to date.
function isStale(part) {
  const { stamp, output, inputs } = part;
  if (!existsSync(stamp) || !existsSync(output)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newestMtime(join(ROOT, input)) > built);
}

export const GAZETTEER = join(ROOT, 'data', 'places', 'geonames');
export const RAW_GAZETTEER = join(ROOT, 'data', 'places', 'geonames-raw');

/**
 * The gazetteer's country files (data/places/geonames/CC.tsv.gz, committed: 11 MB) as plain text
 * with a block table of their own (33 MB): a run over thousands of names inflated most blocks of
 * most files (about 1 s of CPU for the 5,000 city names of the benchmark), which is now one file
 * read per country. index.json records the SHA-256 of the index it was made from; the loader
 * (src/places/gazetteer.ts) reads the compressed files when it is missing or stale.
 */
async function buildRawGazetteer() {
  const { gunzipSync } = await import('node:zlib');
  const { createHash } = await import('node:crypto');
  const indexText = readFileSync(join(GAZETTEER, 'index.json'), 'utf8');
  const index = JSON.parse(indexText);
  rmSync(RAW_GAZETTEER, { recursive: true, force: true });
  mkdirSync(RAW_GAZETTEER, { recursive: true });
  const blocks = {};
  for (const [cc, table] of Object.entries(index.blocks)) {
    const gz = readFileSync(join(GAZETTEER, `${cc}.tsv.gz`));
    const parts = [];
    let at = 0;
    const inflate = (rows) =>
      rows.map(([offset, length, first]) => {
        const text = gunzipSync(gz.subarray(offset, offset + length));
        parts.push(text);
        at += text.length;
        return [at - text.length, text.length, first];
      });
    blocks[cc] = { places: inflate(table.places), names: inflate(table.names) };
    writeFileSync(join(RAW_GAZETTEER, `${cc}.tsv`), Buffer.concat(parts));
  }
  const source = createHash('sha256').update(indexText).digest('hex');
  writeFileSync(join(RAW_GAZETTEER, 'index.json'), `${JSON.stringify({ source, blocks })}\n`);
}

const PARTS = [
  {
    name: 'library',
    stamp: join(STAMPS, 'library.stamp'),
    output: join(CLI_BUNDLE, 'main.js'),
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs'],
    async build() {
      // Old outputs go first, so a deleted or renamed source leaves no module behind in the package.
      if (existsSync(DIST)) {
        for (const entry of readdirSync(DIST)) if (entry !== 'viewer') rmSync(join(DIST, entry), { recursive: true, force: true });
      }
      const manifest = createRequire(join(ROOT, 'package.json')).resolve('typescript/package.json');
      const tsc = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.tsc);
      execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      await bundleCli();
    },
  },
  {
    name: 'gazetteer',
    stamp: join(STAMPS, 'gazetteer.stamp'),
    output: join(RAW_GAZETTEER, 'index.json'),
    inputs: ['data/places/geonames', 'scripts/build.mjs'],
    build: buildRawGazetteer,
  },
  {
    name: 'viewer',
    stamp: join(STAMPS, 'viewer.stamp'),
    output: join(VIEWER_DIST, 'index.html'),
    // The viewer bundles parts of the library, so library sources count too.
    inputs: ['viewer', 'src', 'package.json', 'scripts/build.mjs'],
    async build() {
      const { build } = await import('vite');
      await build({
        root: join(ROOT, 'viewer'),
        configFile: join(ROOT, 'viewer', 'vite.config.ts'),
        logLevel: 'error',
        build: { outDir: VIEWER_DIST, emptyOutDir: true },
      });
    },
  },
];

// Bundled, a module's `import.meta.url` would be its chunk's; the paths the code resolves against it
// (package.json, the prebuilt viewer, bundled data) are relative to the module's own file in dist/.
// Each module keeps its own URL: `import.meta.url` becomes dist/<its path> seen from the chunk folder.
const moduleUrls = {
  name: 'module-urls',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(DIST + sep)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const own = relative(CLI_BUNDLE, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// A JSON file bundled as an object literal is compiled and run as code; as one JSON.parse of a
// string literal it costs far less. world-countries' 1.4 MB is mostly translations, flags,
// currencies and the like: the CLI bundle keeps the fields src/places/countries.ts reads (87 kB;
// ~75 ms of every start before, a few ms now). A field read there must be listed here.
const COUNTRY_FIELDS = (c) => ({
  cca2: c.cca2,
  cca3: c.cca3,
  name: {
    common: c.name.common,
    official: c.name.official,
    native: Object.fromEntries(Object.entries(c.name.native).map(([k, v]) => [k, { common: v.common, official: v.official }])),
  },
  altSpellings: c.altSpellings,
  region: c.region,
  subregion: c.subregion,
  latlng: c.latlng,
});
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      let data = JSON.parse(await readFile(args.path, 'utf8'));
      if (/[\\/]world-countries[\\/]countries\.json$/.test(args.path)) data = data.map(COUNTRY_FIELDS);
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

async function bundleCli() {
  const esbuild = await import('esbuild');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  await esbuild.build({
    // write-worker: the thread that writes output files while the measures run (cli/background-writes.ts).
    entryPoints: { main: join(DIST, 'cli', 'main.js'), 'write-worker': join(DIST, 'cli', 'write-worker.js') },
    outdir: CLI_BUNDLE,
    bundle: true,
    // Commands and engines stay separate chunks, loaded when used (dynamic imports in the sources).
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Loaded from node_modules at run time: optional dependencies (the native DuckDB driver; they
    // may be missing, and the code says so when they are).
    external: Object.keys(manifest.optionalDependencies ?? {}),
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [moduleUrls, jsonAsParse],
    logLevel: 'warning',
  });
}

/**
 * Builds the stale parts (all of them with `force`); resolves to the names of the parts built.
 * @param {{ force?: boolean, quiet?: boolean }} [options]
 */
export async function build(options = {}) {
  const built = [];
  for (const part of PARTS) {
    if (!options.force && !isStale(part)) continue;
    const started = performance.now();
    rmSync(part.stamp, { force: true });
    await part.build();
    mkdirSync(dirname(part.stamp), { recursive: true });
    writeFileSync(part.stamp, `${new Date().toISOString()}\n`);
    if (!options.quiet) log(`${part.name} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    built.push(part.name);
  }
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build({ force: process.argv.includes('--force') });
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

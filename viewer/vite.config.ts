/**
 * Vite config of the browser viewer. `npm run viewer:dev` serves it with hot reload and the
 * analysis folder under /data/ (TALENTFLOW_DATA, default out/calibrated); scripts/build.mjs
 * builds it once into dist/viewer, which `talentflow view` serves with the folder it is given.
 *
 * Everything the page needs is bundled or served locally: no fonts, tiles or scripts from
 * outside, so it works offline.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { analysisHandler } from '../src/cli/serve.ts';
import { PUBLIC_ENTRIES } from '../scripts/public-entries.mjs';
import { worldOutlinesPlugin } from './build/world-outlines-plugin.ts';

const viewerDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(viewerDir, '..');

/** Serves the analysis folder under /data/ in `vite dev` and `vite preview`, as `talentflow view` does. */
function analysisFolder(): Plugin {
  const dir = resolve(repoRoot, process.env['TALENTFLOW_DATA'] ?? 'out/calibrated');
  const handler = analysisHandler(dir);
  return {
    name: 'talentflow-analysis-folder',
    configureServer(server) {
      server.middlewares.use((req, res, next) => void handler(req, res).then((handled) => handled || next()));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => void handler(req, res).then((handled) => handled || next()));
    },
  };
}

export default defineConfig({
  root: viewerDir,
  base: './',
  plugins: [analysisFolder(), worldOutlinesPlugin()],
  // The viewer imports the library by its public entries only (as a user of the package would);
  // built from source here so that the page and the library cannot drift apart.
  resolve: { alias: PUBLIC_ENTRIES },
  // The analysis is parsed in a module worker (data/parse-worker.ts) that imports the library too.
  worker: { format: 'es', rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.startsWith(resolve(repoRoot, 'src')) } } },
  server: {
    host: '127.0.0.1',
    // The viewer imports the library from ../src.
    fs: { allow: [repoRoot] },
  },
  build: {
    // The library's modules only declare things: what the page does not use is left out of it.
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.startsWith(resolve(repoRoot, 'src')) } },
    outDir: resolve(repoRoot, 'dist', 'viewer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Keep the world outlines a separate file fetched in parallel with the data.
    assetsInlineLimit: 4096,
  },
});

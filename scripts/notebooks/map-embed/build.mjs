#!/usr/bin/env node
// Builds the notebook map script (entry.ts) into one self-contained IIFE with Vite's library
// mode: .cache/map-embed/sigma-map.js, defining `talentflowSigmaMap(container, data)`.
// Run: node scripts/notebooks/map-embed/build.mjs   (prints the path written)
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..', '..');
export const OUT_DIR = join(ROOT, '.cache', 'map-embed');
export const OUT_FILE = join(OUT_DIR, 'sigma-map.js');

/** Builds the script; resolves to its path. */
export async function buildMapEmbed() {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      lib: { entry: join(here, 'entry.ts'), name: 'talentflowSigmaMap', formats: ['iife'], fileName: () => 'sigma-map.js' },
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
    },
  });
  return OUT_FILE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${await buildMapEmbed()}\n`);
}

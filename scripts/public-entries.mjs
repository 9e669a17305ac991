/**
 * The package's public entries mapped to their sources, for the tools that build or test code
 * importing `talentflow` by name from inside this repository (the viewer's Vite build, vitest).
 * Exact matches only: `talentflow/display` must not resolve as `talentflow` + "/display".
 */
import { fileURLToPath } from 'node:url';

const source = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const PUBLIC_ENTRIES = [
  { find: /^talentflow$/, replacement: source('src/index.ts') },
  { find: /^talentflow\/node$/, replacement: source('src/node.ts') },
  { find: /^talentflow\/display$/, replacement: source('src/display/index.ts') },
];

/**
 * Lists the import cycles among the project's TypeScript modules (static imports, re-exports and
 * dynamic `import()` alike: a lazy import still ties the two modules together). Used by
 * tests/repo/import-cycles.test.ts; run it directly to see them: `node scripts/import-cycles.mjs`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** module (relative path) → the relative modules it imports. */
export function importGraph(dirs = ['src', 'viewer/src']) {
  const graph = new Map();
  for (const dir of dirs) {
    for (const file of tsFiles(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      const deps = new Set();
      for (const m of text.matchAll(SPECIFIER)) deps.add(relative(ROOT, resolve(dirname(file), m[1])));
      graph.set(relative(ROOT, file), [...deps].sort());
    }
  }
  return graph;
}

/** Each strongly connected component of more than one module (or a module importing itself), sorted. */
export function importCycles(graph = importGraph()) {
  // Tarjan's algorithm, iterative over sorted keys so that the output is deterministic.
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = importCycles();
  for (const c of cycles) console.log(c.join('  ↔  '));
  console.log(`${cycles.length} import cycle(s)`);
  process.exitCode = cycles.length ? 1 : 0;
}

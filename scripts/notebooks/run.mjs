#!/usr/bin/env node
// Runs the notebooks headlessly on the Deno kernel (project-local Jupyter under .cache/).
//
//   node scripts/notebooks/run.mjs            execute every notebook, fail on a cell error or
//                                             on outputs that differ from the committed ones
//   node scripts/notebooks/run.mjs --update   execute and write the fresh outputs into notebooks/
//   node scripts/notebooks/run.mjs 03 05      only the notebooks whose names start with these
//   node scripts/notebooks/run.mjs --kernel   only register the kernel (for `jupyter notebook`
//                                             with JUPYTER_PATH=.cache/jupyter/share)
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  CACHE_DIR,
  canonicalNotebook,
  errorOutputs,
  executeNotebook,
  firstDifference,
  installKernel,
  jupyterAvailable,
  listNotebooks,
  readNotebook,
  stringifyNotebook,
} from './lib.mjs';

const args = process.argv.slice(2);
const update = args.includes('--update');
const prefixes = args.filter((a) => !a.startsWith('--'));

if (args.includes('--kernel')) {
  process.stdout.write(`kernel: ${installKernel()}\n`);
  process.exit(0);
}
if (!(await jupyterAvailable())) {
  process.stderr.write('notebooks: Jupyter is missing under /usr/bin/python3; run `node scripts/setup.mjs --test`\n');
  process.exit(2);
}
const notebooks = listNotebooks().filter((f) => prefixes.length === 0 || prefixes.some((p) => basename(f).startsWith(p)));
let failed = 0;
// two at a time: the machine has two cores and each kernel is single-threaded
const queue = [...notebooks];
async function worker() {
  for (let file = queue.shift(); file; file = queue.shift()) {
    const name = basename(file);
    const out = join(CACHE_DIR, 'notebooks', name);
    const { ok, stderr, ms } = await executeNotebook(file, out);
    if (!existsSync(out)) {
      failed++;
      process.stdout.write(`✗ ${name} (${ms} ms): no notebook written: ${stderr.trim().split('\n').slice(-5).join(' | ')}\n`);
      continue;
    }
    const fresh = readNotebook(out);
    const errors = errorOutputs(fresh);
    if (!ok || errors.length > 0) {
      failed++;
      process.stdout.write(
        `✗ ${name} (${ms} ms): ${errors.map((e) => `cell ${e.cell} ${e.ename}: ${e.evalue}`).join('; ') || stderr.trim().split('\n').slice(-5).join(' | ')}\n`,
      );
      continue;
    }
    if (update) {
      writeFileSync(file, stringifyNotebook(canonicalNotebook(fresh)));
      process.stdout.write(`✓ ${name} (${ms} ms): outputs written\n`);
      continue;
    }
    const diff = firstDifference(readNotebook(file), fresh);
    if (diff) {
      failed++;
      process.stdout.write(`✗ ${name} (${ms} ms): committed outputs are stale (run with --update): ${diff}\n`);
    } else {
      process.stdout.write(`✓ ${name} (${ms} ms)\n`);
    }
  }
}
await Promise.all([worker(), worker()]);
process.exit(failed > 0 ? 1 : 0);

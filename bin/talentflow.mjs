#!/usr/bin/env node
// Runs the compiled CLI (dist/bin/, bundled by scripts/build.mjs; shipped built in the npm package).
import { existsSync } from 'node:fs';

// `talentflow analyze … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const entry = new URL('../dist/bin/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('talentflow: the CLI is not built (no dist/bin/main.js); in a source checkout run "npm run build"\n');
  process.exit(70);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx talentflow`
// works straight from a checkout without a build step.
import { register } from 'tsx/esm/api';

// `talentflow analyze … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

/** Rewrites the generated option lists of README.md from the commands' flag tables (src/cli/*-flags.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { rewriteFlagLists } from '../src/cli/flag-docs.ts';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, rewriteFlagLists(readFileSync(path, 'utf8')));

/** Rewrites the generated measure table of README.md from the registry (src/analyses/registry.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { MEASURE_TABLE_END, MEASURE_TABLE_START, measureTableMarkdown } from '../src/analyses/measure-docs.ts';

const path = new URL('../README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const start = text.indexOf(MEASURE_TABLE_START);
const end = text.indexOf(MEASURE_TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md has no ${MEASURE_TABLE_START} … ${MEASURE_TABLE_END} block`);
writeFileSync(path, `${text.slice(0, start + MEASURE_TABLE_START.length)}\n${measureTableMarkdown()}\n${text.slice(end)}`);

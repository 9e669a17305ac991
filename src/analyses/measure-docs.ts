/**
 * The README's table of per-place measures, written from the registry: tests/analyses/registry.test.ts
 * checks that README.md holds exactly this text, and `npx tsx scripts/readme-measures.ts` writes it.
 */
import type { AnyMeasure } from './registry.ts';
import { MEASURES } from './registry.ts';

/** Start and end markers of the generated table in README.md. */
export const MEASURE_TABLE_START = '<!-- measures:start (generated from src/analyses/registry.ts by scripts/readme-measures.ts) -->';
export const MEASURE_TABLE_END = '<!-- measures:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * One markdown row per measure: its name, the places.csv columns (graph.json attribute names for
 * those kept in graph.json only), its definition, whether it needs timelines, its options and its file.
 *
 * @example measureTableMarkdown().split('\n')[0]; // "| measure | columns | definition | timelines | options | file |"
 */
export function measureTableMarkdown(measures: readonly AnyMeasure[] = MEASURES): string {
  const rows = measures.map((m) => {
    const columns = m.attributes.map((a) => (a.column === null ? `\`${a.attribute}\` (graph.json)` : `\`${a.column}\``)).join(', ');
    const options = Object.entries(m.defaults as object)
      .map(([k, v]) => `\`${k}\` (${typeof v === 'string' ? `'${v}'` : String(v)})`)
      .join(', ');
    return `| ${cell(m.name)} | ${columns} | ${cell(m.definition)} | ${m.needsTimelines ? 'yes' : ''} | ${options} | \`${m.file}\` |`;
  });
  return ['| measure | columns | definition | timelines | options | file |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

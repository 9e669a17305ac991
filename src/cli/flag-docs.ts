/**
 * README.md's option lists of the commands, generated from their flag tables
 * (`npx tsx scripts/readme-flags.ts` rewrites them; a test checks that README.md is up to date).
 */
import { ANALYZE_FLAGS } from './analyze-flags.ts';
import { type Flag, flagsMarkdown, readmeMarkers } from './flags.ts';
import { IMPORT_FLAGS } from './import-flags.ts';
import { VIEW_FLAGS } from './view-flags.ts';

/** Each command's flags, by the name used in the README markers (`<!-- flags:analyze:start … -->`). */
export const COMMAND_FLAGS: Readonly<Record<string, readonly Flag[]>> = Object.freeze({
  analyze: ANALYZE_FLAGS,
  import: IMPORT_FLAGS,
  view: VIEW_FLAGS,
});

/** `readme` with every command's generated option list rewritten between its markers; throws when a marker is missing. */
export function rewriteFlagLists(readme: string): string {
  let text = readme;
  for (const [command, flags] of Object.entries(COMMAND_FLAGS)) {
    const { start, end } = readmeMarkers(command);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
    text = `${text.slice(0, from + start.length)}\n${flagsMarkdown(flags)}\n${text.slice(to)}`;
  }
  return text;
}

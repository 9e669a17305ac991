/**
 * Command-line flags described once. Each command keeps a table of {@link Flag}s from which its
 * parseArgs spec, the options part of its `--help` and its option list in README.md are all
 * generated (`scripts/readme-flags.ts`; a test checks the README), so that the three cannot
 * disagree on a name, a default or a meaning.
 */
import type { OptionSpec } from './args.ts';

export interface Flag {
  /** The flag without its dashes: `top-k`. For an analysis option, the kebab-case option name. */
  name: string;
  /** Placeholder of the value in the help (`n`, `A-B`); absent for a switch (off unless given). */
  value?: string;
  /** What the value is, for the README (`integer ≥ 1`, `metro | city | country`). */
  type?: string;
  /** The default as the help and the README state it (`42`, `none`); a switch's is `off`. */
  default?: string;
  /** Meaning, one text for the help and the README (Markdown code spans and links; the help drops their marks). */
  help: string;
  /** One-letter form (`h`). */
  short?: string;
  /** Earlier name, still read. */
  alias?: string;
}

/** kebab-case of a camelCase option name: topMinWeight → top-min-weight. */
export const flagOf = (option: string): string => option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A number as toLocaleString('en-US') writes it, integers without that call's first-time ICU
 * set-up (20-30 ms of every start: the help texts and flag tables are made when loaded).
 *
 * @example groupThousands(100000) // '100,000'
 */
export const groupThousands = (value: number): string =>
  Number.isSafeInteger(value) ? String(value).replace(/\B(?=(\d{3})+$)/g, ',') : value.toLocaleString('en-US');

/** A default as the help shows it: numbers of 1,000 and more grouped by thousands. */
export function shownDefault(value: unknown): string {
  if (typeof value === 'number') return value >= 1000 ? groupThousands(value) : String(value);
  if (Array.isArray(value)) return value.join('-');
  return value === null || value === undefined ? 'none' : String(value);
}

/** The parseArgs spec of a command's flags (with their earlier names). */
export function flagSpec(flags: readonly Flag[]): OptionSpec {
  const spec: OptionSpec = {};
  for (const f of flags) {
    const type = f.value === undefined ? 'boolean' : 'string';
    spec[f.name] = f.short ? { type, short: f.short } : { type };
    if (f.alias) spec[f.alias] = { type };
  }
  return spec;
}

const WIDTH = 100;
const INDENT = 24;

/** Markdown to terminal text: code spans and links lose their marks. */
const plain = (text: string): string => text.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

function wrap(text: string, first: string): string {
  const lines: string[] = [];
  let line = first.length >= INDENT - 1 ? `${first}\n${' '.repeat(INDENT)}` : first.padEnd(INDENT);
  let column = line.length - (line.lastIndexOf('\n') + 1);
  for (const word of text.split(' ')) {
    if (column + word.length > WIDTH && column > INDENT) {
      lines.push(line.trimEnd());
      line = ' '.repeat(INDENT);
      column = INDENT;
    }
    line += `${word} `;
    column += word.length + 1;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function helpSyntax(f: Flag): string {
  const short = f.short ? `-${f.short}, ` : '';
  return `  ${short}--${f.name}${f.value === undefined ? '' : ` <${f.value}>`}`;
}

/** The "Options:" lines of a command's help. */
export function flagsHelp(flags: readonly Flag[]): string {
  return flags
    .map((f) => {
      // A list of choices is the value's meaning: it leads; the default closes the sentence.
      const choices = f.type?.includes(' | ') ? `${f.type}: ` : '';
      const text = plain(`${choices}${f.help}`);
      const fallback = f.value === undefined ? '' : ` (default: ${plain(f.default ?? 'none')})`;
      return wrap(text.endsWith('.') ? `${text.slice(0, -1)}${fallback}.` : `${text}${fallback}`, helpSyntax(f));
    })
    .join('\n');
}

/** A command's option list for README.md: "- `--name` _type_ (default): meaning." */
export function flagsMarkdown(flags: readonly Flag[]): string {
  return flags
    .map((f) => {
      const short = f.short ? ` / \`-${f.short}\`` : '';
      const type = f.type ? ` _${f.type}_` : '';
      return `- \`--${f.name}\`${short}${type} (${f.default ?? (f.value === undefined ? 'off' : 'none')}): ${f.help}`;
    })
    .join('\n');
}

/** The README markers around a command's generated option list. */
export function readmeMarkers(command: string): { start: string; end: string } {
  return {
    start: `<!-- flags:${command}:start (generated from src/cli/${command}-flags.ts by scripts/readme-flags.ts) -->`,
    end: `<!-- flags:${command}:end -->`,
  };
}

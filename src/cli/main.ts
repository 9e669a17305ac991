/**
 * `talentflow` command dispatcher. The only place (with the commands it calls) that decides exit
 * codes; everything it runs is importable library code.
 */
import { readFileSync } from 'node:fs';
import { TalentFlowError, OptionError, InputError, OutputError } from '../errors.ts';
import { removeTemporariesSync } from '../io/temporary.ts';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.ts';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  analyze: {
    summary: 'records file → tables, graph.json, graph.gexf, manifest and a printed report',
    load: async () => (await import('./analyze.ts')).runAnalyze,
  },
  view: {
    summary: 'serve the browser viewer on an analysis folder (127.0.0.1)',
    load: async () => (await import('./view.ts')).runView,
  },
  import: {
    summary: 'OpenAlex works/authors or ORCID records → canonical timelines CSV',
    load: async () => (await import('./import.ts')).runImport,
  },
};

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `talentflow ${packageVersion()}: how researchers move between cities

Usage: talentflow <command> [options]

Commands:
${lines.join('\n')}

Run "talentflow <command> --help" for a command's options.

${EXIT_CODES_HELP}
`;
}

/** Runs the CLI and returns its exit code (bin/talentflow.mjs sets process.exitCode from it). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`talentflow: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT.usage;
  }
  if (name !== 'view') cleanUpOnSignals();
  try {
    const run = await command.load();
    return await run(rest);
  } catch (error) {
    return reportError(error);
  }
}

let signalsHandled = false;

/**
 * On Ctrl-C or SIGTERM, removes the run's temporary files and folders (a partial output folder,
 * DuckDB's spill folder) before exiting 130 / 143; the output folder keeps its earlier content.
 */
function cleanUpOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [['SIGINT', EXIT.interrupted], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removeTemporariesSync();
      process.stderr.write(`\ntalentflow: interrupted (${signal}); temporary files removed, the output folder is as it was.\n`);
      process.exit(code);
    });
  }
}

/** Maps an error to a message on stderr and an exit code. */
export function reportError(error: unknown): number {
  if (error instanceof OptionError) {
    process.stderr.write(`talentflow: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`talentflow: ${error.message}\n`);
    return EXIT.output;
  }
  if (error instanceof InputError) {
    process.stderr.write(`talentflow: ${error.message}\n`);
    return EXIT.input;
  }
  if (error instanceof TalentFlowError) {
    process.stderr.write(`talentflow: ${error.name}: ${error.message}\n`);
    return EXIT.input;
  }
  // A bug, not a user's mistake: one line, no stack trace (TALENTFLOW_DEBUG=1 shows it).
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  const stack = process.env.TALENTFLOW_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
  process.stderr.write(`talentflow: internal error (a bug; please report it with the command line): ${message}${stack}\n`);
  return EXIT.internal;
}

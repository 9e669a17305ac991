/**
 * `talentflow` command dispatcher. The only place (with the commands it calls) that decides exit
 * codes; everything it runs is importable library code.
 */
import { packageVersion } from './version.ts';
import { reportError } from './report-error.ts';
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
  for (const [signal, code] of [
    ['SIGINT', EXIT.interrupted],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removeTemporariesSync();
      process.stderr.write(`\ntalentflow: interrupted (${signal}); temporary files removed, the output folder is as it was.\n`);
      process.exit(code);
    });
  }
}

/**
 * `talentflow view [DIR]`: serves the prebuilt browser viewer on 127.0.0.1 with the analysis
 * folder DIR, then prints the URL.
 * Runs until interrupted (Ctrl-C), then returns exit code 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, OptionError } from '../errors.ts';
import { parseCommandLine, parseIntOption } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { flagSpec, flagsHelp } from './flags.ts';
import { VIEW_DEFAULTS, VIEW_FLAGS } from './view-flags.ts';
import { ANALYSIS_FILES, findFreePort, serveViewer, VIEWER_DIST } from './serve.ts';

export { VIEW_DEFAULTS };

export const VIEW_HELP = `Usage: talentflow view [DIR] [options]

Serve the browser viewer on an analysis folder (the --out folder of "talentflow analyze":
graph.json, flows.arrow, places.csv, flows.csv, communities.csv, rai.csv, manifest.json, intervals.csv) and print its URL.
The viewer needs no internet: the world map, scripts and styles are all served locally.

Arguments:
  DIR               analysis folder (default: ${VIEW_DEFAULTS.dir})

Options:
${flagsHelp(VIEW_FLAGS)}

Example:
  talentflow analyze data/calibrated/timelines.csv.gz --kind timelines --out out/calibrated
  talentflow view out/calibrated
`;

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open (a server, a container): the printed URL is enough.
  }
}

/**
 * Runs `talentflow view`; resolves with the exit code once the server stops (SIGINT/SIGTERM).
 *
 * @example await runView(['out/calibrated', '--port', '8080', '--no-open']);
 */
export async function runView(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, flagSpec(VIEW_FLAGS), 'view');
  const values = parsed.values as { port?: string; host?: string; 'no-open'?: boolean; help?: boolean };
  const positionals = parsed.positionals;
  if (values.help) {
    process.stdout.write(VIEW_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new OptionError('DIR', positionals.join(' '), 'one analysis folder');
  const dir = resolve(positionals[0] ?? VIEW_DEFAULTS.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const hint = positionals[0] === undefined ? ' (run "npm run demo" first to analyse the calibrated sample)' : '';
    throw new InputError(dir, `is not an analysis folder${hint}`);
  }
  if (!existsSync(resolve(dir, 'graph.json'))) {
    throw new InputError(dir, `has no graph.json; expected the --out folder of "talentflow analyze" (${ANALYSIS_FILES.join(', ')})`);
  }
  const host = typeof values.host === 'string' ? values.host : VIEW_DEFAULTS.host;
  const requested = parseIntOption('--port', values.port, -1, 0, 65535);
  const port = requested >= 0 ? requested : await findFreePort(host, VIEW_DEFAULTS.port);

  if (!existsSync(join(VIEWER_DIST, 'index.html'))) {
    throw new InputError(VIEWER_DIST, 'holds no built viewer; in a source checkout run "npm run build" (node scripts/build.mjs)');
  }
  const running = await serveViewer({ distDir: VIEWER_DIST, dataDir: dir, host, port });
  process.stdout.write(`talentflow view: serving ${dir}\n  ${running.url}\n(Ctrl-C to stop)\n`);
  if (!values['no-open']) openBrowser(running.url);

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}

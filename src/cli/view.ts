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
import { ANALYSIS_FILES, findFreePort, serveViewer, VIEWER_DIST } from './serve.ts';

/** Defaults of `talentflow view`: `port` (5173, or the first free one above), `host` ('127.0.0.1'), `dir` ('out/calibrated'). */
export const VIEW_DEFAULTS = Object.freeze({ port: 5173, host: '127.0.0.1', dir: 'out/calibrated' });

export const VIEW_HELP = `Usage: talentflow view [DIR] [options]

Serve the browser viewer on an analysis folder (the --out folder of "talentflow analyze":
graph.json, flows.arrow, places.csv, flows.csv, communities.csv, rai.csv, manifest.json, intervals.csv) and print its URL.
The viewer needs no internet: the world map, scripts and styles are all served locally.

Arguments:
  DIR               analysis folder (default: ${VIEW_DEFAULTS.dir})

Options:
  --port N          port to listen on (default: ${VIEW_DEFAULTS.port}, or the first free port above it)
  --host HOST       address to listen on (default: ${VIEW_DEFAULTS.host}; anything else exposes the
                    folder to your network)
  --no-open         do not open a browser window
  -h, --help        show this help

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
  const { values, positionals } = parseCommandLine(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'view',
  );
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
  const requested = parseIntOption('port', values.port as string | undefined, -1, 0, 65535);
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

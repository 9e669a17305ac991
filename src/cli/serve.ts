/**
 * The viewer's web server: serves the browser app, built once at build time into static files
 * (dist/viewer, by scripts/build.mjs), with an analysis folder (the output of `talentflow analyze`)
 * under `/data/`, on a loopback address. Nothing is compiled at run time.
 *
 * Only the files an analysis writes are served from that folder (a fixed list, no directory
 * listing, no path traversal), so pointing the viewer at a folder exposes nothing else in it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files of an analysis folder the viewer reads; anything else in the folder is not served. */
export const ANALYSIS_FILES: readonly string[] = Object.freeze([
  'graph.json',
  'flows.arrow',
  'places.csv',
  'flows.csv',
  'communities.csv',
  'rai.csv',
  'intervals.csv',
  'compare.csv',
  'manifest.json',
]);

/**
 * The prebuilt viewer: dist/viewer at the package root. This module sits two folders below the
 * root both as source (src/cli) and compiled (dist/cli), so one relative path serves both.
 */
export const VIEWER_DIST = fileURLToPath(new URL('../../dist/viewer/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

function sendFile(res: ServerResponse, path: string, cache: string): void {
  const size = statSync(path).size;
  res.writeHead(200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}

/**
 * Request handler for `/data/*`: the analysis files of `dir` (see {@link ANALYSIS_FILES}) and
 * `/data/index.json`, which lists those present (`{ name, files }`) so the page asks only for
 * what exists. Resolves to false for any other path (the caller serves it or answers 404).
 *
 * @example createServer((req, res) => analysisHandler('out/calibrated')(req, res).then((ok) => ok || res.end()))
 */
export function analysisHandler(dir: string | null): Handler {
  return async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith('/data/')) return false;
    const name = path.slice('/data/'.length);
    if (name === 'index.json') {
      const files = dir && existsSync(dir) ? ANALYSIS_FILES.filter((f) => existsSync(join(dir, f))) : [];
      const body = JSON.stringify({ name: dir ? basename(resolve(dir)) : null, files });
      res.writeHead(200, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-store' });
      res.end(body);
      return true;
    }
    if (dir && ANALYSIS_FILES.includes(name) && existsSync(join(dir, name))) {
      sendFile(res, join(dir, name), 'no-store');
      return true;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`not found: ${name} (the analysis folder has ${ANALYSIS_FILES.join(', ')})\n`);
    return true;
  };
}

/** Request handler for the built viewer in `distDir` (index.html for `/`). */
export function staticHandler(distDir: string): Handler {
  const root = resolve(distDir);
  return async (req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, '.' + path);
    if (file !== root && !file.startsWith(root + sep)) return false;
    if (!existsSync(file) || !statSync(file).isFile()) return false;
    // Hashed assets never change; the page itself is always re-read.
    const cache = relative(root, file).startsWith('assets' + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
    sendFile(res, file, cache);
    return true;
  };
}

export interface ServeOptions {
  /** The built viewer (default dist/viewer). */
  distDir?: string;
  /** The analysis folder served under /data/ (null: none; the page then offers to open one). */
  dataDir: string | null;
  host?: string;
  /** Port; 0 picks a free one. */
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves the built viewer and an analysis folder. Listens on `host` (default 127.0.0.1).
 *
 * @example const { url, close } = await serveViewer({ dataDir: 'out/calibrated', port: 0 });
 */
export async function serveViewer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const handlers = [analysisHandler(options.dataDir), staticHandler(options.distDir ?? VIEWER_DIST)];
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405).end();
          return;
        }
        for (const handle of handlers) if (await handle(req, res)) return;
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`server error: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    })();
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The first port from `preferred` upwards (up to 50 tries) that `host` can listen on; 0 when none. */
export async function findFreePort(host: string, preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50 && port < 65536; port++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createNetServer();
      probe.once('error', () => done(false));
      probe.listen(port, host, () => probe.close(() => done(true)));
    });
    if (free) return port;
  }
  return 0;
}

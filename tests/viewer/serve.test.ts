import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_FILES, findFreePort, serveViewer, type RunningServer } from '../../src/cli/serve.ts';
import { runView, VIEW_HELP } from '../../src/cli/view.ts';
import { InputError, OptionError } from '../../src/errors.ts';

let root: string;
let server: RunningServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'talentflow-serve-'));
  const data = join(root, 'analysis');
  const dist = join(root, 'dist');
  mkdirSync(data);
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(data, 'graph.json'), '{"nodes":[]}');
  writeFileSync(join(data, 'places.csv'), 'place\nBoston\n');
  writeFileSync(join(data, 'secret.txt'), 'not for the browser');
  writeFileSync(join(root, 'outside.txt'), 'outside');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>viewer</title>');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  server = await serveViewer({ distDir: dist, dataDir: data, port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, server.url));

describe('serveViewer', () => {
  it('serveViewer listens on 127.0.0.1 and serves the built page', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<title>viewer</title>');
    const asset = await get('/assets/app-abc123.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serveViewer serves the analysis files under /data/ and lists those present', async () => {
    expect(await (await get('/data/graph.json')).text()).toBe('{"nodes":[]}');
    expect(await (await get('/data/places.csv')).text()).toBe('place\nBoston\n');
    const index = (await (await get('/data/index.json')).json()) as { name: string; files: string[] };
    expect(index).toEqual({ name: 'analysis', files: ['graph.json', 'places.csv'] });
    expect((await get('/data/rai.csv')).status).toBe(404);
  });

  it('serveViewer serves nothing else from the analysis folder or above it', async () => {
    expect((await get('/data/secret.txt')).status).toBe(404);
    expect((await get('/data/..%2Foutside.txt')).status).toBe(404);
    expect((await get('/..%2Foutside.txt')).status).toBe(404);
    expect((await get('/%2e%2e/outside.txt')).status).toBe(404);
    expect((await fetch(new URL('/', server.url), { method: 'POST' })).status).toBe(405);
  });

  it('ANALYSIS_FILES lists what talentflow analyze writes for the viewer', () => {
    expect(ANALYSIS_FILES).toEqual([
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
  });
});

describe('findFreePort', () => {
  it('findFreePort skips a port in use', async () => {
    const port = await findFreePort('127.0.0.1', server.port);
    expect(port).toBeGreaterThan(server.port);
  });
});

describe('runView', () => {
  it('runView --help prints the options and returns 0', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runView(['--help'])).toBe(0);
      expect(write).toHaveBeenCalledWith(VIEW_HELP);
    } finally {
      write.mockRestore();
    }
    for (const option of ['--port', '--host', '--no-open', '127.0.0.1', '5173']) expect(VIEW_HELP).toContain(option);
  });

  it('runView rejects a folder without graph.json and a bad port', async () => {
    await expect(runView([join(root, 'nowhere'), '--no-open'])).rejects.toBeInstanceOf(InputError);
    await expect(runView([root, '--no-open'])).rejects.toMatchObject({ name: 'InputError', file: root });
    await expect(runView([join(root, 'analysis'), '--port', '99999', '--no-open'])).rejects.toMatchObject({
      name: 'OptionError',
      option: '--port',
    });
    await expect(runView(['--frobnicate'])).rejects.toBeInstanceOf(OptionError);
  });
});

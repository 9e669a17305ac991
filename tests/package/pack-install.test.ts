/**
 * The package as a user gets it: `npm pack`, then the tarball installed into an empty folder with
 * production dependencies only (`--omit=dev`, no overrides, the npm registry), and there the CLI
 * through `npx`, the viewer server and the three entries in plain Node. One pack and one install
 * for the whole file (10–30 s with a warm npm cache, most of it npm).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedUrl } from '../support/served-url.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let tmp: string;
let app: string;
let tarballFiles: string[];

// `npm test` runs vitest under npm, which sets npm_config_* / npm_package_* variables describing
// this repository; a consumer's npm must not see them.
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

// Three moves whose graph is worked out by hand: Beijing → Shenzhen, Boston → Paris, Paris → Boston.
const MOVES = `researcher_id,from,from_country,to,to_country,year,discipline
r01,Beijing,CN,Shenzhen,CN,2019,Computer Science
r02,Boston,US,Paris,FR,2020,Physics
r03,Paris,FR,Boston,US,2021,Physics
`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'talentflow-pack-'));
  // prepack runs the build (a no-op when dist/ is current); --json names the tarball and its files.
  const packed = JSON.parse(run(NPM, ['pack', '--json', '--loglevel=error', '--pack-destination', tmp], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(tmp, packed[0]!.filename);
  tarballFiles = packed[0]!.files.map((f) => f.path);
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'talentflow-consumer', private: true, type: 'module' }));
  writeFileSync(join(app, 'moves.csv'), MOVES);
  run(NPM, ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('npm pack ships compiled JavaScript, declarations and the prebuilt viewer, no TypeScript sources', () => {
    expect(tarballFiles).toContain('bin/talentflow.mjs');
    expect(tarballFiles).toContain('dist/bin/main.js');
    for (const entry of ['dist/index', 'dist/node', 'dist/display/index', 'dist/cli/main']) {
      expect(tarballFiles).toContain(`${entry}.js`);
      expect(tarballFiles).toContain(`${entry}.d.ts`);
    }
    expect(tarballFiles).toContain('dist/viewer/index.html');
    expect(tarballFiles.some((f) => /^dist\/viewer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(tarballFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(tarballFiles.filter((f) => f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
  });

  it('npm install --omit=dev of the tarball brings no build tools', () => {
    const modules = join(app, 'node_modules');
    expect(existsSync(join(modules, 'talentflow', 'dist', 'cli', 'main.js'))).toBe(true);
    for (const dev of ['typescript', 'tsx', 'vite', 'vitest', 'sigma', 'esbuild']) expect(existsSync(join(modules, dev)), dev).toBe(false);
    // The one flechette version arquero is deduplicated to (the newer one needs a package the registry lacks).
    const flechette = JSON.parse(readFileSync(join(modules, '@uwdata', 'flechette', 'package.json'), 'utf8')) as { version: string };
    expect(flechette.version).toBe('2.6.0');
    expect(existsSync(join(modules, 'arquero', 'node_modules', '@uwdata'))).toBe(false);
  });
});

describe('installed package', () => {
  it('npx talentflow analyze writes the flows and net inflows of the sample', () => {
    run(NPX, ['--no-install', 'talentflow', 'analyze', 'moves.csv', '--out', 'out', '--quiet'], app);
    expect(readdirSync(join(app, 'out'))).toEqual(expect.arrayContaining(['flows.csv', 'places.csv', 'graph.json', 'manifest.json']));
    const flows = readFileSync(join(app, 'out', 'flows.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(flows.map(([s, , t, , w]) => `${s}→${t}:${w}`)).toEqual(['Beijing→Shenzhen:1', 'Boston→Paris:1', 'Paris→Boston:1']);
    const [header, ...rows] = readFileSync(join(app, 'out', 'places.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const net = header!.indexOf('net_inflow');
    expect(Object.fromEntries(rows.map((r) => [r[0], Number(r[net])]))).toEqual({ Beijing: -1, Shenzhen: 1, Boston: 0, Paris: 0 });
  });

  it('npx talentflow import places OpenAlex works through the ROR gazetteer shipped in the package', () => {
    const fixtures = join(ROOT, 'tests', 'fixtures', 'openalex');
    writeFileSync(join(app, 'works.jsonl'), readFileSync(join(fixtures, 'works.jsonl')));
    run(NPX, ['--no-install', 'talentflow', 'import', 'openalex-works', 'works.jsonl', '--out', 'timelines.csv'], app);
    expect(readFileSync(join(app, 'timelines.csv'), 'utf8')).toBe(readFileSync(join(fixtures, 'works-timelines.csv'), 'utf8'));
  });

  it('import of talentflow, talentflow/node and talentflow/display works in plain Node', () => {
    const script = `
      const core = await import('talentflow');
      const node = await import('talentflow/node');
      const display = await import('talentflow/display');
      const run = await node.analyzeFile('moves.csv');
      const g = run.graph;
      console.log(JSON.stringify({
        core: [typeof core.buildFlowGraph, typeof core.filterFlows, typeof core.createRng],
        node: [typeof node.analyzeFile, typeof node.writeAnalysis],
        display: [typeof display.flowMapSvg, typeof display.toHtmlTable],
        order: g.order, size: g.size, bostonParis: g.getEdgeAttribute(g.edge('Boston', 'Paris'), 'weight'),
      }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      core: ['function', 'function', 'function'],
      node: ['function', 'function'],
      display: ['function', 'function'],
      order: 4,
      size: 3,
      bostonParis: 1,
    });
  });

  it('the .d.ts of the three entries give a TypeScript consumer real types (NodeNext and Bundler resolution)', () => {
    // Each @ts-expect-error must meet an error: were the entries typed `any`, tsc would fail on it.
    writeFileSync(
      join(app, 'typed.ts'),
      `import { analyzeFile } from 'talentflow/node';
import { pagerank, OptionError, type FlowGraph } from 'talentflow';
import { flowMapSvg } from 'talentflow/display';
const run = await analyzeFile('moves.csv');
const graph: FlowGraph = run.graph;
const order: number = graph.order;
const ranks: Record<string, number> = pagerank(graph);
// @ts-expect-error: order is a number
const wrong: string = graph.order;
// @ts-expect-error: OptionError is a class, not a number
const notNumber: number = new OptionError('k', 0, 'an integer');
export { order, ranks, wrong, notNumber, flowMapSvg };
`,
    );
    for (const resolution of [
      { module: 'NodeNext', moduleResolution: 'NodeNext' },
      { module: 'ESNext', moduleResolution: 'Bundler' },
    ]) {
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            ...resolution,
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: ['node'],
            typeRoots: [join(ROOT, 'node_modules', '@types')],
          },
          files: ['typed.ts'],
        }),
      );
      const manifest = join(ROOT, 'node_modules', 'typescript', 'package.json');
      const tsc = join(
        ROOT,
        'node_modules',
        'typescript',
        (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { tsc: string } }).bin.tsc,
      );
      const r = spawnSync(process.execPath, [tsc, '-p', app], { cwd: app, encoding: 'utf8' });
      expect(r.stdout + r.stderr, resolution.moduleResolution).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('npx talentflow view serves the page, its script and a data file, and stops on Ctrl-C', async () => {
    // Its own process group, signalled as a terminal does on Ctrl-C: npx forwards nothing itself.
    const child = spawn(NPX, ['--no-install', 'talentflow', 'view', 'out', '--port', '0', '--no-open'], {
      cwd: app,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
    let url = '';
    try {
      url = await servedUrl(child, 60_000);
      const page = await (await fetch(url)).text();
      expect(page).toContain('talentflow');
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script!, url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
      const graph = (await (await fetch(new URL('data/graph.json', url))).json()) as { nodes: unknown[] };
      expect(graph.nodes).toHaveLength(4);
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    // npm itself dies of the signal (the shell's 130); the server closes and its process is gone.
    expect(['0', 'SIGINT']).toContain(await exited);
    await expect(fetch(url)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(() => process.kill(-child.pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });
});

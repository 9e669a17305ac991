/**
 * The benchmark, one command: `npm run bench` (or `tsx bench/run.ts [options]`).
 *
 * For each kind (moves, timelines) and size (10^5, 10^6, 10^7 rows) it generates the seeded data
 * once (bench/.data/, git-ignored), runs talentflow stage by stage (bench/ours.ts; the JS engine
 * up to --js-max rows, the DuckDB engine at every size), then the same pipeline in pandas +
 * networkx and pandas + python-igraph (bench/python/pipeline.py, Debian's /usr/bin/python3), and
 * writes bench/RESULTS.md from every result gathered so far for the current place list
 * (bench/.data/places-<fingerprint>/results.json), so sizes can be run one at a time.
 *
 * Options: --sizes 1e5,1e6,1e7  --kinds moves,timelines  --engines js,duckdb  --js-max 1e6
 *          --no-python  --profile (V8 CPU profile of talentflow at the largest size)
 *          --report-only (rewrite RESULTS.md from the results gathered, e.g. after editing FINDINGS.md)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchPlaces } from './places.ts';
import { generateMoves, generateTimelines } from './generate.ts';
import { writeResults, type RunRecord } from './results.ts';

const DATA = 'bench/.data';
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1e5,1e6,1e7' },
    kinds: { type: 'string', default: 'moves,timelines' },
    engines: { type: 'string', default: 'js,duckdb' },
    'js-max': { type: 'string', default: '1e6' },
    'no-python': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
  },
});
const sizes = values['report-only'] ? [] : values.sizes.split(',').map(Number);
const kinds = values.kinds.split(',') as Array<'moves' | 'timelines'>;
const engines = values.engines.split(',');
const jsMax = Number(values['js-max']);
mkdirSync(DATA, { recursive: true });

const places = benchPlaces();
// The place list depends on the resolver (metro membership, aliases): data generated with another
// list would not resolve the same way, so each list gets its own folder of data.
const fingerprint = createHash('sha256')
  .update(places.map((p) => `${p.name}|${p.country}|${p.id}`).join('\n'))
  .digest('hex')
  .slice(0, 12);
const dataDir = join(DATA, `places-${fingerprint}`);
mkdirSync(dataDir, { recursive: true });
const lookup = join(dataDir, 'lookup.csv');
const resultsPath = join(dataDir, 'results.json');
const results: Record<string, RunRecord> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
const save = () => writeFileSync(resultsPath, JSON.stringify(results, null, 1));
writeFileSync(lookup, 'name,country,id\n' + places.map((p) => `${p.name},${p.country},"${p.id}"`).join('\n') + '\n');

function dataFile(kind: string, size: number): string {
  const path = join(dataDir, `${kind}-${size.toExponential().replace('+', '')}.csv`);
  if (!existsSync(path)) {
    log(`generating ${path}`);
    (kind === 'moves' ? generateMoves : generateTimelines)(path, size, places);
  }
  return path;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function json(command: string, args: string[], extraEnv: Record<string, string> = {}): Record<string, unknown> | null {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...extraEnv } });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    log(`${command} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
    return null;
  }
}

/** Debian's networkx, igraph and pandas for /usr/bin/python3, installed when missing and allowed (root). */
function ensurePython(): boolean {
  const probe = () => spawnSync('/usr/bin/python3', ['-c', 'import networkx, igraph, pandas'], { encoding: 'utf8' }).status === 0;
  if (probe()) return true;
  if (process.getuid?.() !== 0) {
    log(
      'python3-networkx, python3-igraph or python3-pandas missing (apt-get install -y python3-networkx python3-igraph python3-pandas); skipping Python',
    );
    return false;
  }
  log('installing python3-networkx python3-igraph python3-pandas (apt-get)');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'python3-networkx', 'python3-igraph', 'python3-pandas'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return probe();
}
const python = !values['no-python'] && !values['report-only'] && ensurePython();

const tsx = ['--max-old-space-size=16384', '--import', 'tsx'];
for (const kind of kinds) {
  for (const size of sizes) {
    const file = dataFile(kind, size);
    const key = `${kind}-${size}`;
    const record: RunRecord = results[key] ?? { kind, size, file, ours: {}, python: null, load: [] };
    record.load.push(readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));
    for (const engine of engines) {
      if (engine === 'js' && size > jsMax) continue;
      log(`talentflow (${engine}) ${key}`);
      const out = join(DATA, 'out', `${key}-${engine}`);
      const r = json(process.execPath, [...tsx, 'bench/ours.ts', '--engine', engine, '--kind', kind, '--file', file, '--out', out]);
      if (r) record.ours[engine] = r as unknown as RunRecord['ours'][string];
      rmSync(out, { recursive: true, force: true });
      results[key] = record;
      save();
    }
    if (python) {
      log(`pandas + networkx / igraph ${key}`);
      const out = join(DATA, 'out', `${key}-python`);
      const r = json('/usr/bin/python3', ['bench/python/pipeline.py', '--kind', kind, '--file', file, '--lookup', lookup, '--out', out], {
        PYTHONWARNINGS: 'ignore',
      });
      if (r) record.python = r as unknown as RunRecord['python'];
      rmSync(out, { recursive: true, force: true });
      results[key] = record;
      save();
    }
  }
}

let profile: string | null = null;
if (values.profile && sizes.length) {
  const size = Math.max(...sizes);
  const kind = kinds[0]!;
  const dir = join(dataDir, 'profile');
  rmSync(dir, { recursive: true, force: true });
  log(`profiling talentflow (duckdb) ${kind}-${size}`);
  spawnSync(
    process.execPath,
    [
      ...tsx,
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      'bench/ours.ts',
      '--engine',
      'duckdb',
      '--kind',
      kind,
      '--file',
      dataFile(kind, size),
      '--out',
      join(DATA, 'out', 'profile'),
    ],
    { encoding: 'utf8' },
  );
  // The largest profile is the main thread's (the module loader's thread writes a small one).
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  if (file) writeFileSync(join(dataDir, 'profile.json'), JSON.stringify({ kind, size, path: join(dir, file) }));
  rmSync(join(DATA, 'out', 'profile'), { recursive: true, force: true });
}
// The last profile taken is kept, so runs of other sizes do not drop it from RESULTS.md.
if (existsSync(join(dataDir, 'profile.json'))) profile = readFileSync(join(dataDir, 'profile.json'), 'utf8');
// The command that gathered the results (a --report-only rewrite keeps the last one).
const commandFile = join(dataDir, 'command.txt');
if (!values['report-only']) writeFileSync(commandFile, `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''));
const command = existsSync(commandFile) ? readFileSync(commandFile, 'utf8').trim() : 'npm run bench';
writeResults('bench/RESULTS.md', results, { command, profile });
log('wrote bench/RESULTS.md');

/**
 * Whole-process benchmark: `talentflow analyze <file>` with default options against the Python
 * pipelines (bench/python/whole.py: pandas + networkx, pandas + igraph), each in its own process,
 * in paired rounds (one of each per round), wall time and peak resident memory from
 * `/usr/bin/time`. Never part of the tests.
 *
 *   npx tsx bench/end-to-end.ts [--rows 1e6] [--rounds 3] [--no-python]
 *
 * Data (seeded, bench/.data/e2e/): `rows` moves over 5,000 real city names drawn from the bundled
 * ROR gazetteer (data/ror): the (city, country) pairs with the most research organisations,
 * picked in proportion to that count (a few hubs, a long tail), half the moves within one
 * country; names the place resolver does not know stay in (they are problems for talentflow and
 * plain nodes for the Python pipelines). Also a 2-row file, for start-up.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseCsvRows } from '../src/places/csv.ts';
import { createRng } from '../src/random.ts';
import { DISCIPLINES } from './generate.ts';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench', '.data', 'e2e');

interface City {
  name: string;
  country: string;
  weight: number;
}

/** The 5,000 (city, country) pairs of ROR with the most organisations, most first. */
export function rorCities(count = 5000): City[] {
  const text = gunzipSync(readFileSync(join(ROOT, 'data', 'ror', 'ror_records_latest_gazetteer.csv.gz'))).toString('utf8');
  const rows = parseCsvRows(text);
  const header = rows[0]!.fields;
  const ci = header.indexOf('city');
  const cc = header.indexOf('country_code');
  const n = new Map<string, number>();
  for (const r of rows.slice(1)) {
    const city = r.fields[ci]?.trim();
    const country = r.fields[cc]?.trim();
    if (!city || !country) continue;
    const key = `${city}\u0000${country}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...n]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([key, weight]) => {
      const [name, country] = key.split('\u0000') as [string, string];
      return { name, country, weight };
    });
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Writes `rows` moves (researcher_id,from,from_country,to,to_country,year,discipline) to `path`. */
export function writeMoves(path: string, rows: number, cities: City[]): void {
  const rng = createRng(1);
  const cumulative = (list: City[]) => {
    const c = new Float64Array(list.length);
    let t = 0;
    list.forEach((x, i) => (c[i] = t += x.weight));
    return c;
  };
  const pick = (list: City[], c: Float64Array) => {
    const r = rng() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
  const all = cumulative(cities);
  const byCountry = new Map<string, City[]>();
  for (const c of cities) (byCountry.get(c.country) ?? byCountry.set(c.country, []).get(c.country)!).push(c);
  const countryCum = new Map([...byCountry].map(([k, v]) => [k, cumulative(v)]));
  const discWeights = cumulative(DISCIPLINES.map((name, i) => ({ name, country: '', weight: 1 / (i + 2) })));
  const discList = DISCIPLINES.map((name) => ({ name, country: '', weight: 0 }));
  // Written block by block: 10^7 rows are more text than one JavaScript string holds.
  const fd = openSync(path, 'w');
  let block = 'researcher_id,from,from_country,to,to_country,year,discipline\n';
  for (let i = 0; i < rows; i++) {
    const from = pick(cities, all);
    const local = byCountry.get(from.country)!;
    let to = from;
    for (let tries = 0; to === from && tries < 20; tries++)
      to = rng() < 0.5 && local.length > 1 ? pick(local, countryCum.get(from.country)!) : pick(cities, all);
    if (to === from) to = cities[(cities.indexOf(from) + 1) % cities.length]!;
    const year = 2000 + Math.floor(rng() * 24);
    block += `r${Math.floor(i / 2.5)},${quote(from.name)},${from.country},${quote(to.name)},${to.country},${year},${quote(pick(discList, discWeights).name)}\n`;
    if (block.length > 1 << 20) {
      writeSync(fd, block);
      block = '';
    }
  }
  writeSync(fd, block);
  closeSync(fd);
}

interface Measure {
  wallS: number;
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  cpuS: number;
  peakMiB: number;
}

function timed(cmd: string, args: string[]): Measure {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${run.status}): ${run.stderr.toString().slice(-2000)}`);
  const out = run.stderr.toString();
  const last = out.trim().split('\n').at(-1)!.split(' ');
  return { wallS: Number(last[0]), peakMiB: Number(last[1]) / 1024, cpuS: Number(last[2]) + Number(last[3]) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(): void {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1e6' }, rounds: { type: 'string', default: '3' }, 'no-python': { type: 'boolean' } },
  });
  const rows = Number(values.rows);
  const rounds = Number(values.rounds);
  mkdirSync(DATA, { recursive: true });
  const cities = rorCities();
  const file = join(DATA, `moves-${values.rows}.csv`);
  if (!existsSync(file)) writeMoves(file, rows, cities);
  const two = join(DATA, 'moves-2rows.csv');
  if (!existsSync(two)) writeMoves(two, 2, cities);
  const out = join(DATA, 'out');
  const runs: Record<string, Measure[]> = {};
  const add = (name: string, m: Measure) => (runs[name] ??= []).push(m);
  const node = process.execPath;
  const cli = join(ROOT, 'bin', 'talentflow.mjs');
  for (let r = 0; r < rounds; r++) {
    rmSync(out, { recursive: true, force: true });
    // As a user runs it: the report is printed (to a discarded stdout). `--quiet` would skip the
    // report and, with it, any work only the report does, which an earlier version of this
    // benchmark hid (2 s at 10^6 moves).
    add('talentflow analyze', timed(node, [cli, 'analyze', file, '--out', join(out, 'tf')]));
    if (!values['no-python']) {
      add(
        'pandas + networkx',
        timed('/usr/bin/python3', ['bench/python/whole.py', '--lib', 'networkx', '--file', file, '--out', join(out, 'nx')]),
      );
      add(
        'pandas + igraph',
        timed('/usr/bin/python3', ['bench/python/whole.py', '--lib', 'igraph', '--file', file, '--out', join(out, 'ig')]),
      );
    }
    add('talentflow analyze, 2 rows', timed(node, [cli, 'analyze', two, '--out', join(out, 'two')]));
    process.stderr.write(
      `round ${r + 1}: ${Object.entries(runs)
        .map(([k, v]) => `${k} ${v.at(-1)!.wallS}s ${v.at(-1)!.cpuS.toFixed(1)}s CPU ${v.at(-1)!.peakMiB.toFixed(0)}MiB`)
        .join('; ')}\n`,
    );
    process.stderr.write(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'tf', 'manifest.json'), 'utf8'));
  const tf = median(runs['talentflow analyze']!.map((m) => m.wallS));
  const tfCpu = median(runs['talentflow analyze']!.map((m) => m.cpuS));
  const lines = [
    `${rows.toLocaleString('en-US')} moves over ${cities.length.toLocaleString('en-US')} ROR city names: ${manifest.counts.nodes.toLocaleString('en-US')} places, ${manifest.counts.edges.toLocaleString('en-US')} flows; medians of ${rounds} paired rounds`,
    '',
    '| run | wall (s) | CPU (s) | peak RSS (MiB) | talentflow is … × faster (wall) | (CPU) |',
    '|---|---|---|---|---|---|',
  ];
  for (const [name, ms] of Object.entries(runs)) {
    const w = median(ms.map((m) => m.wallS));
    const c = median(ms.map((m) => m.cpuS));
    const ratio = (x: number, y: number) => (name.startsWith('pandas') ? (x / y).toFixed(2) : '');
    lines.push(
      `| ${name} | ${w.toFixed(2)} | ${c.toFixed(2)} | ${median(ms.map((m) => m.peakMiB)).toFixed(0)} | ${ratio(w, tf)} | ${ratio(c, tfCpu)} |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) main();

/**
 * Place resolution speed: how long a new resolver takes for 100,000 distinct (name, country)
 * pairs, cold (the country files read on first need are included), and what a two-row input pays. Pairs: GeoNames names and alternate names of
 * every country (data/places/geonames), plus 2,000 misspellings (unknown names: the suggestion
 * path), shuffled with a fixed seed.
 *
 *   npx tsx bench/places-resolve.ts [--pairs 100000]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadGazetteer } from '../src/places/gazetteer.ts';
import { createPlaceResolver } from '../src/places/resolve.ts';
import { createRng } from '../src/random.ts';

const arg = process.argv.indexOf('--pairs');
const wanted = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
const dir = fileURLToPath(new URL('../data/places/geonames/', import.meta.url));

// A two-row input first, in a fresh process: what it costs to resolve names of two countries.
// CPU time beside wall time: this machine is shared, and CPU time is what the code costs.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t = performance.now();
let c = cpuMs();
const small = createPlaceResolver({ level: 'city' });
small.resolve('Heslington', 'GB');
small.resolve('北京', 'CN');
const twoRowsMs = performance.now() - t;
const twoRowsCpu = cpuMs() - c;

const countries = Object.keys((JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as { countries: Record<string, number> }).countries);
const rng = createRng(1);
const seen = new Set<string>();
const pairs: [string, string][] = [];
const push = (name: string, cc: string): void => {
  const key = `${name}\u0000${cc}`;
  if (!seen.has(key)) {
    seen.add(key);
    pairs.push([name, cc]);
  }
};
for (const cc of countries) {
  // The country file read whole: places' own names (14-field lines), and one in five alternate
  // names (4-field name lines known in the alternate tier only; see src/places/country-file.ts).
  for (const line of gunzipSync(readFileSync(`${dir}${cc}.tsv.gz`))
    .toString('utf8')
    .split('\n')) {
    const f = line.split('\t');
    if (f.length === 14) push(f[1]!, cc);
    else if (f.length === 4 && f[1] === '' && f[2] !== '' && rng() < 0.2) push(f[0]!, cc);
  }
}
for (let i = pairs.length - 1; i > 0; i--) {
  const j = Math.floor(rng() * (i + 1));
  [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
}
const known = pairs.slice(0, wanted);
// Misspellings (a letter dropped): unknown names, whose suggestions cost most; timed apart.
const misspelt: [string, string][] = [];
for (let i = 0; i < 1000; i++) {
  const [name, cc] = pairs[wanted + i]!;
  const at = 1 + Math.floor(rng() * Math.max(1, name.length - 2));
  misspelt.push([name.slice(0, at) + name.slice(at + 1), cc]);
}

const run = (label: string, sample: [string, string][]): void => {
  const resolver = createPlaceResolver({ level: 'city' });
  const started = performance.now();
  const cpu = cpuMs();
  let ok = 0;
  let ambiguous = 0;
  let unknown = 0;
  for (const [name, cc] of sample) {
    const r = resolver.resolve(name, cc);
    if (r.ok) ok++;
    else if (r.reason === 'ambiguous-place') ambiguous++;
    else unknown++;
  }
  const ms = performance.now() - started;
  const used = cpuMs() - cpu;
  console.log(
    `${label}: ${sample.length.toLocaleString('en')} pairs in ${(ms / 1000).toFixed(2)} s wall, ${(used / 1000).toFixed(2)} s CPU (${Math.round(sample.length / (used / 1000)).toLocaleString('en')} pairs per CPU second); resolved ${ok}, ambiguous ${ambiguous}, unknown ${unknown}`,
  );
};

console.log(
  `two-row input (GB, CN): ${twoRowsMs.toFixed(0)} ms wall, ${twoRowsCpu.toFixed(0)} ms CPU (two country files opened, the blocks of four names inflated)`,
);
// Cold: the countries each sample needs are opened as it goes (what a real table pays).
run('known names (GeoNames names and alternate names), cold', known);
run('misspelt names (unknown-place with suggestions)', misspelt);
t = performance.now();
c = cpuMs();
loadGazetteer().keys(null);
console.log(
  `every key of every country read (a run without countries): ${((performance.now() - t) / 1000).toFixed(2)} s wall, ${((cpuMs() - c) / 1000).toFixed(2)} s CPU`,
);

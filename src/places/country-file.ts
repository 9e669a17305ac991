/**
 * The compact country file of the built-in gazetteer (data/places/geonames/CC.tsv.gz), written
 * by scripts/build-gazetteer.ts from an in-memory index (./country-index.ts) and read here
 * without building one: a lookup finds its block by the block table, inflates that block only,
 * and binary-searches its lines; only the places a run's names match become objects. A run
 * over two countries inflates a few dozen kilobytes instead of indexing tens of thousands of
 * places and their million names.
 *
 * Layout: UTF-8 text lines in two sections, each cut into blocks of whole lines of about
 * {@link BLOCK_BYTES}; on disk each block is one gzip member (so the file is one valid gzip
 * stream: `zcat` shows it whole), and index.json holds each block's offset, length and first id
 * or key.
 * 1. places, sorted by GeoNames id, one per line:
 *    `id name feature population lat lon admin1 admin2 admin3 admin4 source organisations
 *    parent_id parent_method` (tab-separated; the parent is the city the place belongs to,
 *    worked out at build time by ./parent-city.ts over the whole country; its id is empty
 *    when the place is its own city);
 * 2. names, sorted by the UTF-8 bytes of their key (`normalizeName`), one per line: `key tier0 tier1 tier2`, each tier a comma-separated list of the
 *    places of that name in that tier, most populous first; an entry is the id, then `~n` when
 *    n ROR organisations name the place so, then `*` when that name is ROR's rather than GeoNames'.
 */
import type { CountryIndex, GazetteerCity, NameMatch, ParentCity, ParentMethod } from './gazetteer-types.ts';
import { TIERS } from './gazetteer-types.ts';
import { suggestsAlternate, type MemoryCountryIndex } from './country-index.ts';
import { km } from './parent-city.ts';

/** Text bytes per block (before compression): a lookup inflates one block of each section it reads. */
export const BLOCK_BYTES = 32_768;

/** Name lookups in one country after which its names are read whole (see `readCountryFile`). */
export const WHOLE_AFTER = 500;

/** A block of a country file: the first id (places) or key (names) it holds, and its text. */
export interface TextBlock<F> {
  first: F;
  text: string;
}

/** Where each block lies in a country file: `[offset, length, first id or key]`, in order. */
export interface BlockTable {
  places: readonly (readonly [number, number, number])[];
  names: readonly (readonly [number, number, string])[];
}

const NL = 10;
const TAB = 9;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Byte order of UTF-8 (= code point order): names are sorted and searched by it, without decoding.
function compareBytes(a: Uint8Array, b: Uint8Array, from = 0, to = b.length): number {
  const n = Math.min(a.length, to - from);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[from + i]!;
    if (d !== 0) return d;
  }
  return a.length - (to - from);
}

function cut<F>(lines: readonly { first: F; line: string }[], size: number): TextBlock<F>[] {
  const blocks: TextBlock<F>[] = [];
  let current: string[] = [];
  let bytes = 0;
  let first: F | null = null;
  for (const { first: f, line } of lines) {
    if (current.length > 0 && bytes + line.length > size) {
      blocks.push({ first: first!, text: `${current.join('\n')}\n` });
      current = [];
      bytes = 0;
    }
    if (current.length === 0) first = f;
    current.push(line);
    bytes += encoder.encode(line).length + 1;
  }
  if (current.length > 0) blocks.push({ first: first!, text: `${current.join('\n')}\n` });
  return blocks;
}

/**
 * The compact text of a country indexed in memory, in blocks (see the layout above).
 *
 * @example encodeCountryFile(indexCountry('CH', [zurich])).places[0]?.text // '2657896\tZürich\tPPLA\t…'
 */
export function encodeCountryFile(
  index: MemoryCountryIndex,
  size = BLOCK_BYTES,
): { places: TextBlock<number>[]; names: TextBlock<string>[] } {
  const places = [...index.cities]
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const parent = index.parentOf(c);
      const admin = [0, 1, 2, 3].map((i) => c.admin[i] ?? '');
      const fields = [
        c.id,
        c.name,
        c.feature,
        c.population,
        c.lat,
        c.lon,
        ...admin,
        c.source,
        c.organisations,
        parent.city === c ? '' : parent.city.id,
        parent.method,
      ];
      return { first: c.id, line: fields.join('\t') };
    });
  const keys = [...new Set(index.tiers.flatMap((t) => [...t.keys()]))]
    .map((k) => ({ k, b: encoder.encode(k) }))
    .sort((x, y) => compareBytes(x.b, y.b))
    .map((x) => x.k);
  const names = keys.map((k) => {
    const tiers = index.tiers.map((t) =>
      (t.get(k) ?? [])
        .map((c) => {
          const n = index.rorCounts.get(`${k}|${c.id}`);
          return `${c.id}${n ? `~${n}` : ''}${index.rorNamed.has(`${k}|${c.id}`) ? '*' : ''}`;
        })
        .join(','),
    );
    return { first: k, line: `${k}\t${tiers.join('\t')}` };
  });
  return { places: cut(places, size), names: cut(names, size) };
}

/** An entry of a name line: a place, the ROR organisations naming it so, whether the name is ROR's. */
interface Entry {
  id: number;
  organisations: number;
  ror: boolean;
}

function parseEntries(text: string): Entry[] {
  if (text === '') return [];
  return text.split(',').map((e) => {
    const ror = e.endsWith('*');
    const body = ror ? e.slice(0, -1) : e;
    const tilde = body.indexOf('~');
    return tilde < 0
      ? { id: Number(body), organisations: 0, ror }
      : { id: Number(body.slice(0, tilde)), organisations: Number(body.slice(tilde + 1)), ror };
  });
}

// The last block whose first id (or key, by `before`) is not after `want`, or -1.
function blockOf<F, W>(table: readonly (readonly [number, number, F])[], want: W, after: (first: F, want: W) => boolean): number {
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!after(table[mid]![2], want)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// Binary search over the lines of one block; `compare` reads the line [s, e) and says where `want` lies.
function findLine(bytes: Uint8Array, compare: (s: number, e: number) => number): [number, number] | null {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    let s = (lo + hi) >>> 1;
    while (s > lo && bytes[s - 1] !== NL) s--;
    let e = bytes.indexOf(NL, s);
    if (e < 0) e = bytes.length;
    const c = compare(s, e);
    if (c === 0) return [s, e];
    if (c > 0) lo = e + 1;
    else hi = s;
  }
  return null;
}

/**
 * A country index over a compact country file: `block(offset, length)` gives the inflated text
 * of the block at that place of the file (each is asked for once). Places become objects on
 * first use, one per id, so identity holds within the index.
 *
 * @example readCountryFile(table.GB, (o, n) => gunzipSync(file.subarray(o, o + n)), 'GB').match('heslington')?.cities[0]?.name // 'Heslington'
 */
export function readCountryFile(table: BlockTable, block: (offset: number, length: number) => Uint8Array, country: string): CountryIndex {
  const inflated = new Map<number, Uint8Array>();
  const blockAt = (offset: number, length: number): Uint8Array => {
    let bytes = inflated.get(offset);
    if (!bytes) inflated.set(offset, (bytes = block(offset, length)));
    return bytes;
  };

  const cities = new Map<number, GazetteerCity>();
  const parents = new Map<number, { id: number; method: ParentMethod }>();
  const byId = (id: number): GazetteerCity | null => {
    const known = cities.get(id);
    if (known) return known;
    const at = table.places[blockOf(table.places, id, (first, want) => first > want)];
    if (!at) return null;
    const bytes = blockAt(at[0], at[1]);
    const found = findLine(bytes, (s) => {
      let v = 0;
      for (let i = s; bytes[i] !== TAB; i++) v = v * 10 + bytes[i]! - 48;
      return id - v;
    });
    if (!found) return null;
    return cityOfLine(decoder.decode(bytes.subarray(found[0], found[1])));
  };
  const cityOfLine = (line: string): GazetteerCity => {
    const f = line.split('\t');
    const id = Number(f[0]);
    const known = cities.get(id);
    if (known) return known;
    const city: GazetteerCity = {
      id,
      name: f[1]!,
      country,
      population: Number(f[3]) || 0,
      lat: Number(f[4]),
      lon: Number(f[5]),
      feature: f[2]!,
      admin: [f[6]!, f[7]!, f[8]!, f[9]!],
      source: f[10] === 'ror' ? 'ror' : 'geonames',
      organisations: Number(f[11]) || 0,
    };
    cities.set(id, city);
    parents.set(id, { id: f[12] ? Number(f[12]) : id, method: f[13] as ParentMethod });
    return city;
  };
  let every: GazetteerCity[] | null = null;
  const places = (): readonly GazetteerCity[] => {
    if (!every) {
      every = [];
      for (const [offset, length] of table.places) {
        for (const line of decoder.decode(blockAt(offset, length)).split('\n')) if (line !== '') every.push(cityOfLine(line));
      }
    }
    return every;
  };

  // A country asked for many names (a large table, suggestions) is read whole into a map of its
  // name lines once: past this many lookups, binary searches cost more than reading it.
  const encodedFirst = new Map<string, Uint8Array>();
  const firstKey = (k: string): Uint8Array => {
    let b = encodedFirst.get(k);
    if (!b) encodedFirst.set(k, (b = encoder.encode(k)));
    return b;
  };
  let lookups = 0;
  let everyLine: Map<string, string> | null = null;
  const nameLine = (key: string): string[] | null => {
    if (!everyLine && ++lookups > WHOLE_AFTER) {
      everyLine = new Map();
      for (const [offset, length] of table.names) {
        for (const line of decoder.decode(blockAt(offset, length)).split('\n')) {
          const t = line.indexOf('\t');
          if (t > 0) everyLine.set(line.slice(0, t), line.slice(t + 1));
        }
      }
    }
    if (everyLine) return everyLine.get(key)?.split('\t') ?? null;
    const want = encoder.encode(key);
    const at = table.names[blockOf(table.names, want, (first, w) => compareBytes(firstKey(first), w) > 0)];
    if (!at) return null;
    const bytes = blockAt(at[0], at[1]);
    let tab = 0;
    const found = findLine(bytes, (s, e) => {
      tab = bytes.indexOf(TAB, s);
      if (tab < 0 || tab > e) tab = e;
      return compareBytes(want, bytes, s, tab);
    });
    return found ? decoder.decode(bytes.subarray(tab + 1, found[1])).split('\t') : null;
  };

  const matches = new Map<string, NameMatch | null>();
  const match = (key: string, lastTier = 2): NameMatch | null => {
    const memoKey = `${lastTier}|${key}`;
    const known = matches.get(memoKey);
    if (known !== undefined) return known;
    let result: NameMatch | null = null;
    const tiers = nameLine(key);
    for (let i = 0; tiers && i <= lastTier; i++) {
      const entries = parseEntries(tiers[i] ?? '');
      if (entries.length === 0) continue;
      const found = entries.map((e) => byId(e.id)).filter((c): c is GazetteerCity => c !== null);
      const of = new Map(entries.map((e) => [e.id, e]));
      result = {
        tier: TIERS[i]!,
        cities: found,
        viaRor: (c) => of.get(c.id)?.ror ?? false,
        organisations: (c) => of.get(c.id)?.organisations ?? 0,
      };
      break;
    }
    matches.set(memoKey, result);
    return result;
  };

  // Whole-section scans, for suggestions (an unknown name) and benchmarks only.
  const eachName = (visit: (key: string, tiers: string[]) => void): void => {
    for (const [offset, length] of table.names) {
      for (const line of decoder.decode(blockAt(offset, length)).split('\n')) {
        if (line === '') continue;
        const [key, ...tiers] = line.split('\t');
        visit(key!, tiers);
      }
    }
  };
  let keys: string[] | null = null;
  let suggestionKeys: string[] | null = null;
  return {
    match,
    byId,
    places,
    nearest: (lat, lon) => {
      // Every place line read for its point; only the nearest becomes an object.
      let bestId = -1;
      let bestKm = Infinity;
      for (const [offset, length] of table.places) {
        for (const line of decoder.decode(blockAt(offset, length)).split('\n')) {
          if (line === '') continue;
          const f = line.split('\t', 11);
          if (f[10] !== 'geonames') continue;
          const d = km({ lat, lon }, { lat: Number(f[4]), lon: Number(f[5]) });
          if (d < bestKm || (d === bestKm && Number(f[0]) < bestId)) [bestId, bestKm] = [Number(f[0]), d];
        }
      }
      const city = bestId < 0 ? null : byId(bestId);
      return city ? { city, km: bestKm } : null;
    },
    parentOf: (city): ParentCity => {
      const own = byId(city.id) === city ? parents.get(city.id) : undefined;
      const parent = own ? byId(own.id) : null;
      return parent && own ? { city: parent, method: own.method } : { city, method: 'self' };
    },
    keys: () => {
      if (!keys) {
        const out: string[] = [];
        eachName((k) => out.push(k));
        keys = out;
      }
      return keys;
    },
    suggestionKeys: () => {
      if (!suggestionKeys) {
        const out: string[] = [];
        eachName((k, t) => {
          if ((t[0] ?? '') !== '' || ((t[1] ?? '') !== '' && suggestsAlternate(k))) out.push(k);
        });
        suggestionKeys = out;
      }
      return suggestionKeys;
    },
  };
}

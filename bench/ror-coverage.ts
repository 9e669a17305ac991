/**
 * How the place resolver does on real names: every distinct (city, country) of the bundled ROR
 * registry (data/ror), resolved at city level by name and country alone. Writes
 * data/places/ror-coverage.md (the committed report: figures, and every pair that does not
 * resolve, with its reason and candidates).
 *
 *   npx tsx bench/ror-coverage.ts            # print the figures and rewrite the report
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DOMINANCE, ORGANISATION_DOMINANCE } from '../src/places/match-name.ts';
import { normalizeName } from '../src/places/normalize.ts';
import { createPlaceResolver } from '../src/places/resolve.ts';
import type { PlaceResolution } from '../src/places/types.ts';
import { fastCsvRows } from '../src/sources/node/load-ror.ts';

/** One distinct (city, country) of the ROR file, its organisations and GeoNames ids, and what it resolved to. */
export interface RorPair {
  city: string;
  country: string;
  organisations: number;
  geonamesIds: Set<number>;
  /** ROR organisations of the pair at each GeoNames id. */
  perId: Map<number, number>;
  points: { lat: number; lon: number }[];
  result: PlaceResolution;
}

/** Resolves every distinct (city, country) of the bundled ROR file at city level. */
export function rorPairs(): RorPair[] {
  const file = fileURLToPath(new URL('../data/ror/ror_records_latest_gazetteer.csv.gz', import.meta.url));
  const rows = fastCsvRows(gunzipSync(readFileSync(file)).toString('utf8'));
  const h = rows[0]!;
  const [ci, cc, gi, la, lo] = ['city', 'country_code', 'geonames_id', 'lat', 'lng'].map((c) => h.indexOf(c)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const pairs = new Map<string, RorPair>();
  const resolver = createPlaceResolver({ level: 'city' });
  for (const r of rows.slice(1)) {
    const key = `${r[ci]}\u0000${r[cc]}`;
    let pair = pairs.get(key);
    if (!pair)
      pairs.set(
        key,
        (pair = {
          city: r[ci]!,
          country: r[cc]!,
          organisations: 0,
          geonamesIds: new Set(),
          perId: new Map(),
          points: [],
          result: resolver.resolve(r[ci]!, r[cc]!),
        }),
      );
    pair.organisations++;
    const gid = Number(r[gi]);
    pair.perId.set(gid, (pair.perId.get(gid) ?? 0) + 1);
    if (!pair.geonamesIds.has(gid)) {
      pair.geonamesIds.add(gid);
      pair.points.push({ lat: Number(r[la]), lon: Number(r[lo]) });
    }
  }
  return [...pairs.values()];
}

// Why a name is shared: a ward name of several Japanese cities, a town name of several states or
// provinces, or namesakes within one first-level division.
function classes(failed: RorPair[]): Map<string, RorPair[]> {
  const out = new Map<string, RorPair[]>();
  for (const p of failed) {
    const r = p.result as Extract<PlaceResolution, { ok: false }>;
    const admin1 = new Set(r.suggestions.map((s) => /admin1 ([^,)]+)/.exec(s)?.[1] ?? ''));
    const what =
      / ku$/.test(normalizeName(p.city)) || (p.country === 'JP' && admin1.size > 1 && r.suggestions.some((s) => !s.startsWith(p.city)))
        ? 'a ward name of several cities'
        : admin1.size > 1
          ? 'a place name of several first-level divisions (states, provinces, prefectures)'
          : 'namesakes within one first-level division';
    out.set(what, [...(out.get(what) ?? []), p]);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const pairs = rorPairs();
  const ms = performance.now() - started;
  const failed = pairs.filter((p) => !p.result.ok);
  const orgs = pairs.reduce((a, p) => a + p.organisations, 0);
  const lostOrgs = failed.reduce((a, p) => a + p.organisations, 0);
  const wrongCountry = pairs.filter((p) => p.result.ok && p.result.place.country !== p.country);
  const via = new Map<string, number>();
  for (const p of pairs) if (p.result.ok) for (const s of p.result.via?.steps ?? ['literal']) via.set(s, (via.get(s) ?? 0) + 1);
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(2)} %`;
  const lines = [
    '# ROR city names through the place resolver',
    '',
    'Every distinct (city, country) of the bundled ROR registry (`data/ror/`), resolved by name and',
    'country alone at `--level city`. Made by `npx tsx bench/ror-coverage.ts`; checked by',
    '`tests/places/ror-coverage.test.ts`.',
    '',
    `- pairs: ${pairs.length}; resolved: ${pairs.length - failed.length} (${pct(pairs.length - failed.length, pairs.length)}); in another country: ${wrongCountry.length}`,
    `- organisations: ${orgs}; at a pair that does not resolve: ${lostOrgs} (${pct(lostOrgs, orgs)})`,
    `- how resolved pairs matched (a pair may take several steps): ${[...via]
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
    '',
    '## Pairs that do not resolve',
    '',
    'Each is `ambiguous-place`: the name (in its country) is shared by several places, ROR itself',
    'puts organisations of this name at two or more of them, further apart than 10 km, and none',
    `holds ${ORGANISATION_DOMINANCE}× as many of them as the next nor is ${DOMINANCE}× as populous. By name alone any answer would`,
    'misplace some of them (Columbia, US: 15 organisations in South Carolina, 11 in Maryland, 10 in',
    'Missouri), so the resolver names the candidates instead of guessing; rows that carry their',
    'GeoNames id, coordinates or US state (what `talentflow import` writes) are placed by them, and',
    'an alias (`--aliases`) settles a name for a whole table. The column "ROR split" gives ROR\'s own',
    'organisations per GeoNames id.',
    '',
    ...[...classes(failed)].map(
      ([what, ps]) => `- ${what}: ${ps.length} pairs, ${ps.reduce((a, p) => a + p.organisations, 0)} organisations`,
    ),
    '',
    '| city | country | organisations | ROR split (GeoNames id × organisations) | reason | candidates |',
    '|---|---|---|---|---|---|',
    ...failed
      .sort((a, b) => b.organisations - a.organisations || (a.city < b.city ? -1 : 1))
      .map((p) => {
        const r = p.result as Extract<PlaceResolution, { ok: false }>;
        const split = [...p.perId]
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .map(([id, n]) => `${id}×${n}`)
          .join(' ');
        return `| ${p.city} | ${p.country} | ${p.organisations} | ${split} | ${r.reason} | ${r.suggestions.slice(0, 5).join('; ')} |`;
      }),
    '',
  ];
  writeFileSync(fileURLToPath(new URL('../data/places/ror-coverage.md', import.meta.url)), lines.join('\n'));
  console.log(lines.slice(6, 9).join('\n'));
  console.log(`resolved in ${(ms / 1000).toFixed(1)} s (load included)`);
}

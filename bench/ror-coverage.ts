/**
 * How the place resolver does on real names: every distinct (city, country) of the bundled ROR
 * registry (data/ror), resolved at city level by name and country alone. Writes
 * data/places/ror-coverage.md (the committed report: figures, and every pair that does not
 * resolve, with its reason and candidates), and what the benchmark's moves table
 * (bench/end-to-end.ts: 10^6 moves drawn over the 5,000 ROR pairs with the most organisations,
 * seed 1; written to bench/.data/e2e/ when missing) loses at city level, name by name.
 *
 *   npx tsx bench/ror-coverage.ts            # print the figures and rewrite the report
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DOMINANCE, ORGANISATION_DOMINANCE } from '../src/places/match-name.ts';
import { normalizeName } from '../src/places/normalize.ts';
import { createPlaceResolver } from '../src/places/resolve.ts';
import type { PlaceResolution } from '../src/places/types.ts';
import { fastCsvRows } from '../src/sources/node/load-ror.ts';
import { rorCities, writeMoves } from './end-to-end.ts';

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
function classOf(city: string, country: string, r: Extract<PlaceResolution, { ok: false }>): string {
  const admin1 = new Set(r.suggestions.map((s) => /admin1 ([^,)]+)/.exec(s)?.[1] ?? ''));
  // A ward's candidates are written with their city ("Aoba (Sendai)"), a namesake's with its region or GeoNames id.
  const byCity = r.suggestions.some((s) => /^[^(]*\((?!GeoNames )[^)]*\)/.test(s)) && country === 'JP';
  return / ku$/.test(normalizeName(city)) || byCity
    ? 'a ward name of several cities'
    : admin1.size > 1
      ? 'a place name of several first-level divisions (states, provinces, prefectures)'
      : 'namesakes within one first-level division';
}

function classes(failed: RorPair[]): Map<string, RorPair[]> {
  const out = new Map<string, RorPair[]>();
  for (const p of failed) {
    const what = classOf(p.city, p.country, p.result as Extract<PlaceResolution, { ok: false }>);
    out.set(what, [...(out.get(what) ?? []), p]);
  }
  return out;
}

/** What the benchmark's moves table loses at city level: rows with an end that does not resolve, and each failing name's row ends. */
export function benchmarkLoss(
  path: string,
  cities: () => ReturnType<typeof rorCities> = rorCities,
): {
  rows: number;
  lost: number;
  names: { name: string; country: string; ends: number; result: Extract<PlaceResolution, { ok: false }> }[];
} {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeMoves(path, 1_000_000, cities());
  }
  const rows = fastCsvRows(readFileSync(path, 'utf8'));
  const h = rows[0]!;
  const [f, fc, t, tc] = ['from', 'from_country', 'to', 'to_country'].map((c) => h.indexOf(c)) as [number, number, number, number];
  const resolver = createPlaceResolver({ level: 'city' });
  const ends = new Map<string, { name: string; country: string; ends: number; result: Extract<PlaceResolution, { ok: false }> }>();
  let lost = 0;
  for (const row of rows.slice(1)) {
    let failed = false;
    for (const [n, c] of [
      [row[f]!, row[fc]!],
      [row[t]!, row[tc]!],
    ] as const) {
      const r = resolver.resolve(n, c);
      if (r.ok) continue;
      failed = true;
      const key = `${n}\u0000${c}`;
      const e = ends.get(key) ?? { name: n, country: c, ends: 0, result: r };
      e.ends++;
      ends.set(key, e);
    }
    if (failed) lost++;
  }
  return { rows: rows.length - 1, lost, names: [...ends.values()].sort((a, b) => b.ends - a.ends || (a.name < b.name ? -1 : 1)) };
}

/** ROR's organisations placed by name with their GeoNames id (what `talentflow import` writes for a timeline). */
export function organisationsPlaced(): { organisations: number; withId: number } {
  const file = fileURLToPath(new URL('../data/ror/ror_records_latest_gazetteer.csv.gz', import.meta.url));
  const rows = fastCsvRows(gunzipSync(readFileSync(file)).toString('utf8'));
  const h = rows[0]!;
  const [ci, cc, gi] = ['city', 'country_code', 'geonames_id'].map((c) => h.indexOf(c)) as [number, number, number];
  const resolver = createPlaceResolver({ level: 'city' });
  let withId = 0;
  for (const r of rows.slice(1)) {
    if (resolver.resolveAt!(r[ci]!, r[cc]!, { geonamesId: Number(r[gi]) }).ok) withId++;
  }
  return { organisations: rows.length - 1, withId };
}

// The same 5,000 pairs and seed, weighted otherwise: what the lost share owes to the table's weighting.
function weighting(moves: ReturnType<typeof benchmarkLoss>): string[] {
  const lost = moves.lost;
  const ranks = rorCities();
  const first = moves.names.map((n) => ranks.findIndex((c) => c.name === n.name && c.country === n.country) + 1).sort((a, b) => a - b)[0];
  const top = ranks[(first ?? 1) - 1]!;
  const weighted = (name: string, weight: (c: ReturnType<typeof rorCities>[number], rank: number) => number) =>
    benchmarkLoss(fileURLToPath(new URL(`./.data/e2e/moves-1e6-${name}.csv`, import.meta.url)), () =>
      rorCities().map((c, i) => ({ ...c, weight: weight(c, i + 1) })),
    ).lost;
  const zipf = weighted('zipf', (_, rank) => 1 / rank);
  const uniform = weighted('uniform', () => 1);
  const pct = (n: number): string => `${(n / 10_000).toFixed(2)} %`;
  return [
    'How much is lost depends on how the table weights the names, and under no weighting tried is it',
    'below 0.5 %: a row has two ends, so it loses about twice the weight that falls on names that do',
    `not resolve. The ${moves.names.length} such names rank ${first}th (${top.name}) and lower by organisations.`,
    '',
    '| weight of a pair (same 5,000 pairs, seed 1) | rows lost |',
    '|---|---|',
    `| its organisations (the benchmark's table) | ${lost.toLocaleString('en-US')} (${pct(lost)}) |`,
    `| Zipf, 1 / rank by organisations | ${zipf.toLocaleString('en-US')} (${pct(zipf)}) |`,
    `| uniform | ${uniform.toLocaleString('en-US')} (${pct(uniform)}) |`,
    '',
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const pairs = rorPairs();
  const ms = performance.now() - started;
  const failed = pairs.filter((p) => !p.result.ok);
  const orgs = pairs.reduce((a, p) => a + p.organisations, 0);
  const lostOrgs = failed.reduce((a, p) => a + p.organisations, 0);
  const placed = organisationsPlaced();
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
    `- organisations: ${orgs}; at a pair that does not resolve: ${lostOrgs} (${pct(lostOrgs, orgs)}); placed when each row also carries ROR's GeoNames id (\`geonames_id\`, as \`talentflow import\` writes it): ${placed.withId} of ${placed.organisations} (${pct(placed.withId, placed.organisations)})`,
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
    'Missouri), so the resolver names the candidates instead of guessing, each written as the name',
    'that selects it ("Columbia (South Carolina)", "Nishi-ku (Osaka)"); rows that carry their',
    'GeoNames id, coordinates or US state (what `talentflow import` writes) are placed by them, and',
    'an alias (`--aliases`) settles a name for a whole table. The column "ROR split" gives ROR\'s own',
    'organisations per GeoNames id.',
    '',
    'Where ROR spells a shared name one way for one place only, the spelling settles it (step',
    "`ror-spelling`: \"Nishi Ku\" is GeoNames' and ROR's name for Yokohama's Nishi ward, all 9",
    'organisations; "Nishi-ku" is ROR\'s name for four wards). Letter case is not a spelling:',
    '"Higashi-ku" (Hiroshima, 1 organisation) and "HIgashi-ku" (Okayama, 2) fold together and stay',
    'ambiguous, as Higashi-ku names wards of ten cities. Two points ROR gives one name in one',
    'first-level division, neither a GeoNames city and within 30 km, are one place (Gopalganj and',
    'Gopālganj, Dhaka Division, 16 km apart).',
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
  const moves = benchmarkLoss(fileURLToPath(new URL('./.data/e2e/moves-1e6.csv', import.meta.url)));
  const byClass = new Map<string, { names: number; ends: number }>();
  for (const n of moves.names) {
    const what = `${n.result.reason}: ${classOf(n.name, n.country, n.result)}`;
    const c = byClass.get(what) ?? { names: 0, ends: 0 };
    c.names++;
    c.ends += n.ends;
    byClass.set(what, c);
  }
  lines.push(
    "## The benchmark's moves table",
    '',
    '`bench/end-to-end.ts` draws 10^6 moves over the 5,000 ROR (city, country) pairs with the most',
    'organisations, each picked in proportion to its organisations (seed 1). At `--level city`,',
    `${moves.lost.toLocaleString('en-US')} of ${moves.rows.toLocaleString('en-US')} rows (${pct(moves.lost, moves.rows)}) have an end that does not resolve, through ${moves.names.length} names:`,
    '',
    ...[...byClass]
      .sort((a, b) => b[1].ends - a[1].ends)
      .map(([what, c]) => `- ${what}: ${c.names} names, ${c.ends.toLocaleString('en-US')} row ends`),
    '',
    'Some of these namesakes exist in ROR only through its own links to a namesake of the place an',
    'organisation is at: ROR files Maragheh University of Medical Sciences at a Marāgheh in Razavi',
    'Khorasan (GeoNames 124878; the city is in East Azerbaijan, 124877), a university named for',
    'Kanazawa (Ishikawa, where Hakusan City is) at a Hakusan in Chiba (11133246), Universitas',
    'Muhammadiyah Purworejo (Central Java) at a village in East Java',
    '(1630327), and Airbus Defence and Space at the Taufkirchen near Landshut (2823810) rather than',
    'the one near Munich. The names are shared in GeoNames all the same, so they stay ambiguous.',
    '',
    ...weighting(moves),
    'By name and country alone these rows cannot be placed without guessing, and the resolver does',
    'not guess: each is an `ambiguous-place` problem listing the candidates as names that read back',
    'as one place each. A table settles them by writing the place with its qualifier, as',
    'talentflow writes namesakes itself ("Columbia (South Carolina)", "Columbia, SC", "Springfield',
    '(GeoNames 4250542)", "Nishi-ku (Osaka)"); a timeline by its `geonames_id`, `lat`/`lon` or',
    '`region` columns (what `talentflow import` writes); any table by an alias (`--aliases`).',
    '',
    '| name | country | row ends | reason | first candidates, as written to select them |',
    '|---|---|---|---|---|',
    ...moves.names.map(
      (n) =>
        `| ${n.name} | ${n.country} | ${n.ends} | ${classOf(n.name, n.country, n.result)} | ${n.result.suggestions.slice(0, 3).join('; ')} |`,
    ),
    '',
  );
  writeFileSync(fileURLToPath(new URL('../data/places/ror-coverage.md', import.meta.url)), lines.join('\n'));
  console.log(`benchmark moves: ${moves.lost} of ${moves.rows} rows lost (${pct(moves.lost, moves.rows)}), ${moves.names.length} names`);
  console.log(lines.slice(6, 9).join('\n'));
  console.log(`resolved in ${(ms / 1000).toFixed(1)} s (load included)`);
}

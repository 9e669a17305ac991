// How far from its own location each bundled ROR organisation lands in analysis: by name alone
// (the resolver's rules) and by the place columns import now writes (GeoNames id, coordinates).
// Run: npx tsx bench/ror-placement.ts   (about 10 s; prints the table quoted in README.md)
import { createPlaceResolver } from '../src/places/resolve.ts';
import { haversineKm } from '../src/sources/districts.ts';
import { loadRorIndex, loadRorRecords } from '../src/sources/node/load-ror.ts';
import { placeColumns } from '../src/sources/problems.ts';

const records = await loadRorRecords();
const index = await loadRorIndex();
const places = createPlaceResolver({ level: 'city' });
const tally = { byName: { unresolved: 0, far50: 0, far25: 0 }, byColumns: { unresolved: 0, far50: 0, far25: 0 }, located: 0 };
for (const r of records) {
  if (r.lat === null || r.lon === null) continue;
  const p = index.byRor(r.id)!;
  tally.located++;
  for (const [key, res] of [
    ['byName', places.resolve(p.city, p.country)],
    ['byColumns', places.resolveAt!(p.city, p.country, placeColumns(p))],
  ] as const) {
    const t = tally[key];
    if (!res.ok || res.place.lat === null || res.place.lon === null) {
      t.unresolved++;
      continue;
    }
    const km = haversineKm(res.place.lat, res.place.lon, r.lat, r.lon);
    if (km > 50) t.far50++;
    if (km > 25) t.far25++;
  }
}
const pct = (n: number) => `${((100 * n) / tally.located).toFixed(1)} %`;
console.log(`ROR organisations with coordinates: ${tally.located}`);
for (const key of ['byName', 'byColumns'] as const) {
  const t = tally[key];
  console.log(
    `${key}: unresolved ${t.unresolved} (${pct(t.unresolved)}), > 25 km ${t.far25} (${pct(t.far25)}), > 50 km ${t.far50} (${pct(t.far50)})`,
  );
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../src/places/csv.ts';
import { createPlaceResolver } from '../../src/places/resolve.ts';

// Read straight from the CSV (not the generated module) so that the check is independent of it.
const rows = parseCsvRows(readFileSync(new URL('../../data/places/set2024_metro_areas.csv', import.meta.url), 'utf8'))
  .slice(1)
  .map(({ fields }) => ({ metro: fields[0]!, country: fields[2]!, member: fields[3]! }));

describe('createPlaceResolver over the SET 2024 metro table', () => {
  it('createPlaceResolver resolves every member city of the CSV (239 rows) to its metro', () => {
    expect(rows).toHaveLength(239);
    const resolver = createPlaceResolver();
    const wrong = rows.filter((r) => {
      const result = resolver.resolve(r.member, r.country);
      return !(
        result.ok &&
        result.place.id === r.metro &&
        result.place.level === 'metro' &&
        result.place.country === r.country &&
        !result.warning
      );
    });
    expect(wrong).toEqual([]);
  });

  it('createPlaceResolver resolves every member to a city of its country at city level, located within 250 km of its metro', () => {
    const metros = createPlaceResolver();
    const cities = createPlaceResolver({ level: 'city' });
    for (const r of rows) {
      const c = cities.resolve(r.member, r.country);
      const m = metros.resolve(r.member, r.country);
      if (!c.ok || !m.ok) throw new Error(`${r.member} did not resolve`);
      expect(c.place).toMatchObject({ level: 'city', country: r.country });
      expect(c.place.id.endsWith(`, ${r.country}`)).toBe(true);
      // equirectangular distance is plenty at this scale; the farthest member is Gerlingen (Munich), ~200 km
      const rad = Math.PI / 180;
      const dx = (c.place.lon! - m.place.lon!) * rad * Math.cos(((c.place.lat! + m.place.lat!) / 2) * rad);
      const dy = (c.place.lat! - m.place.lat!) * rad;
      expect(6371 * Math.hypot(dx, dy), r.member).toBeLessThan(250);
    }
  });

  it('createPlaceResolver resolves every metro name without a country to the metro, with a warning', () => {
    const resolver = createPlaceResolver();
    for (const name of new Set(rows.map((r) => r.metro))) {
      expect(resolver.resolve(name, null)).toMatchObject({ ok: true, place: { id: name }, warning: { reason: 'assumed-country' } });
    }
  });
});

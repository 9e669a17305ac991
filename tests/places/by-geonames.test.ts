import { describe, expect, it } from 'vitest';
import { admin1Code, createHintResolution, hasPlaceHint, usStateCode } from '../../src/places/by-geonames.ts';
import { createPlaceResolver } from '../../src/places/resolve.ts';
import { createGazetteer } from '../../src/places/gazetteer.ts';
import type { PlaceResolution } from '../../src/places/types.ts';

const cityOf = (r: PlaceResolution) => (r.ok ? [r.place.id, Math.round(r.place.lat! * 100) / 100] : [r.reason]);

describe('resolveAt (places/by-geonames.ts)', () => {
  const metro = createPlaceResolver();
  const city = createPlaceResolver({ level: 'city' });

  it('resolveAt places a row by its GeoNames id: Newark, Delaware (4143861) is not Newark, New Jersey in the New York metro', () => {
    expect(cityOf(metro.resolve('Newark', 'US'))).toEqual(['New York', 40.71]);
    expect(cityOf(metro.resolveAt!('Newark', 'US', { geonamesId: 4143861 }))).toEqual(['Newark (Delaware), US', 39.68]);
  });

  it('resolveAt lets the id win over the name (a district name with its city id) and ignores an id of another country', () => {
    // 1796236 is Shanghai; the row's name is one of its districts' names.
    expect(cityOf(metro.resolveAt!('Minhang', 'CN', { geonamesId: 1796236 }))).toEqual(['Shanghai', 31.22]);
    expect(cityOf(city.resolveAt!('Newark', 'GB', { geonamesId: 4143861 }))).toEqual(cityOf(city.resolve('Newark', 'GB')));
  });

  it('resolveAt takes the same-name city nearest the coordinates: Bloomington, Indiana; Halle (Saale)', () => {
    expect(cityOf(city.resolveAt!('Bloomington', 'US', { lat: 39.1653, lon: -86.5264 }))).toEqual(['Bloomington, US', 39.17]);
    expect(cityOf(city.resolveAt!('Halle', 'DE', { lat: 51.4816, lon: 11.9797 }))).toEqual(['Halle (Saale), DE', 51.48]);
  });

  it('resolveAt never places a row by its name far from its coordinates: nearest city within 25 km, else unknown-place', () => {
    // Harlem, Montana (Aaniiih Nakoda College): the coordinates decide, whatever the name finds.
    expect(cityOf(city.resolveAt!('Harlem', 'US', { lat: 48.53291, lon: -108.78431 }))).toEqual(['Harlem, US', 48.53]);
    // A name the gazetteer lacks near those coordinates: the nearest city within 25 km (Fort Belknap Agency).
    expect(cityOf(city.resolveAt!('Aaniiih Nakoda', 'US', { lat: 48.53291, lon: -108.78431 }))[1]).toBeCloseTo(48.5, 0);
    // A name nobody knows on Banks Island: no city within 25 km.
    expect(cityOf(city.resolveAt!('Nowhere Station', 'CA', { lat: 73.7, lon: -119.9 }))).toEqual(['unknown-place']);
    // Upton, New York (Brookhaven National Laboratory): no city of that name near; the nearest city within 25 km.
    const upton = city.resolveAt!('Upton', 'US', { lat: 40.86954, lon: -72.88705 });
    expect(
      upton.ok && upton.place.lat !== null && Math.abs(upton.place.lat - 40.87) < 0.2 && Math.abs(upton.place.lon! + 72.89) < 0.3,
    ).toBe(true);
  });

  it('resolveAt uses a US state given as name or postal code: Middletown, Connecticut; Burlington, Vermont', () => {
    expect(cityOf(city.resolveAt!('Middletown', 'US', { region: 'Connecticut' }))).toEqual(['Middletown, US', 41.56]);
    expect(cityOf(city.resolveAt!('Burlington', 'US', { region: 'VT' }))).toEqual(['Burlington (Vermont), US', 44.48]);
    // Canada and Australia by province or state: Richmond, British Columbia (not Quebec's); Perth, Western Australia.
    expect(cityOf(city.resolveAt!('Richmond', 'CA', { region: 'BC' }))).toEqual(['Richmond, CA', 49.17]);
    expect(cityOf(city.resolveAt!('Richmond', 'CA', { region: 'Quebec' }))[1]).toBe(45.67);
    expect(cityOf(city.resolveAt!('Perth', 'AU', { region: 'Western Australia' }))).toEqual(['Perth, AU', -31.95]);
    // A region elsewhere is carried, not used: the name decides.
    expect(cityOf(city.resolveAt!('Padova', 'IT', { region: 'Veneto' }))).toEqual(cityOf(city.resolve('Padova', 'IT')));
  });

  it('resolveAt leaves a name the user aliased to the alias', () => {
    const aliased = createPlaceResolver({
      level: 'city',
      aliases: [{ name: 'Newark', country: 'US', target: 'Boston', targetCountry: 'US' }],
    });
    expect(cityOf(aliased.resolveAt!('Newark', 'US', { geonamesId: 4143861 }))).toEqual(cityOf(aliased.resolve('Newark', 'US')));
    expect(cityOf(aliased.resolveAt!('Newark', 'US', { geonamesId: 4143861 }))[0]).toBe('Boston, US');
  });

  it('resolveAt falls back to the name rules without a usable hint, and keeps their failures', () => {
    expect(metro.resolveAt!('Shenzen', 'CN', { region: 'Guangdong' })).toEqual(metro.resolve('Shenzen', 'CN'));
    expect(cityOf(metro.resolveAt!('Boston', 'XX', { geonamesId: 4930956 }))).toEqual(['unknown-country']);
  });

  it('createHintResolution uses the gazetteer it is given, maps a ward to its city, and memoises per hint', () => {
    let calls = 0;
    const g = createGazetteer([
      {
        cityId: 1,
        name: 'Testville',
        country: 'US',
        population: 50_000,
        featureCode: 'PPLA2',
        loc: { coordinates: [2, 1] },
        admin: ['DE', '001', '', ''],
      },
      {
        cityId: 2,
        name: 'Old Quarter',
        country: 'US',
        population: 0,
        featureCode: 'PPLX',
        loc: { coordinates: [2.01, 1.01] },
        admin: ['DE', '001', '', ''],
      },
    ]);
    const at = createHintResolution({
      level: 'city',
      gazetteer: () => g,
      resolve: () => {
        calls++;
        return { ok: false, reason: 'unknown-place', message: 'none', suggestions: [] };
      },
    });
    expect(cityOf(at('Anything', 'US', { geonamesId: 1 }))).toEqual(['Testville, US', 1]);
    expect(cityOf(at('Old Quarter', 'US', { geonamesId: 2 }))).toEqual(['Testville, US', 1]);
    expect(cityOf(at('Somewhere', 'US', { lat: 1.05, lon: 2.05 }))).toEqual(['Testville, US', 1]);
    at('Nowhere', 'US', { geonamesId: 3 });
    at('Nowhere', 'US', { geonamesId: 3 });
    expect(calls).toBe(1);
  });

  it('hasPlaceHint needs an id, both coordinates or a region; usStateCode reads names and codes', () => {
    expect([
      hasPlaceHint({}),
      hasPlaceHint({ lat: 1 }),
      hasPlaceHint({ lat: 1, lon: 2 }),
      hasPlaceHint({ geonamesId: 5 }),
      hasPlaceHint({ region: 'X' }),
    ]).toEqual([false, false, true, true, true]);
    expect([usStateCode('Massachusetts'), usStateCode('ma'), usStateCode('Veneto')]).toEqual(['MA', 'MA', null]);
    expect([admin1Code('CA', 'Québec'), admin1Code('AU', 'NSW'), admin1Code('IT', 'Veneto')]).toEqual(['10', '02', null]);
  });
});

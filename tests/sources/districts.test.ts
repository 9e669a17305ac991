import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { createDistrictResolver, DISTRICT_DEFAULTS, haversineKm, type GeoCity } from '../../src/sources/districts.ts';
import { loadRorIndex, loadRorRecords } from '../../src/sources/node/load-ror.ts';

// Coordinates, ids and populations as in GeoNames, except the synthetic
// Foo/Bar/Baz cities built to separate the same-name rule from the pull rule.
const CITIES: GeoCity[] = [
  { id: 1819729, name: 'Hong Kong', country: 'HK', featureCode: 'PPLC', population: 7012738, lat: 22.27832, lon: 114.17469 },
  { id: 1819609, name: 'Kowloon', country: 'HK', featureCode: 'PPLA', population: 2019533, lat: 22.31667, lon: 114.18333 },
  { id: 1850147, name: 'Tokyo', country: 'JP', featureCode: 'PPLC', population: 8336599, lat: 35.6895, lon: 139.69171 },
  { id: 1851604, name: 'Sōka', country: 'JP', featureCode: 'PPLA2', population: 231445, lat: 35.83643, lon: 139.79957 },
  { id: 2894553, name: 'Jülich', country: 'DE', featureCode: 'PPL', population: 33911, lat: 50.92149, lon: 6.36267 },
  { id: 3247449, name: 'Aachen', country: 'DE', featureCode: 'PPLA3', population: 265085, lat: 50.77664, lon: 6.08342 },
  { id: 2147714, name: 'Sydney', country: 'AU', featureCode: 'PPLA', population: 4627345, lat: -33.86785, lon: 151.20732 },
  { id: 2169010, name: 'Darlinghurst', country: 'AU', featureCode: 'PPLX', population: 10000, lat: -33.87939, lon: 151.21925 },
  { id: 1, name: 'Foo', country: 'ZZ', featureCode: 'PPL', population: 150000, lat: 0, lon: 0.09 },
  { id: 2, name: 'Bar', country: 'ZZ', featureCode: 'PPL', population: 3000000, lat: 0, lon: -0.045 },
  { id: 3, name: 'Baz', country: 'YY', featureCode: 'PPL', population: 9000000, lat: 0, lon: 0.01 },
];

describe('haversineKm', () => {
  it('haversineKm gives a quarter meridian and the Pok Fu Lam–Hong Kong distance', () => {
    // A quarter of a great circle: π/2 · 6371.0088 km = 10007.56 km.
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo((Math.PI / 2) * 6371.0088, 6);
    // Δlat 0.00971° = 1.080 km; Δlon 0.04545° · cos 22.27° = 4.677 km; √(1.080² + 4.677²) = 4.80 km.
    expect(haversineKm(22.26861, 114.12924, 22.27832, 114.17469)).toBeCloseTo(4.8, 1);
  });
});

describe('createDistrictResolver', () => {
  const parent = createDistrictResolver(CITIES);

  it('createDistrictResolver maps Pok Fu Lam (no GeoNames city) to Hong Kong', () => {
    // Pok Fu Lam's GeoNames id 1819091 is not a city of ≥ 1000 people in the list: a district.
    // Hong Kong 4.80 km, Kowloon 7.72 km: Hong Kong is both nearest and strongest.
    const p = parent({ name: 'Pok Fu Lam', country: 'HK', lat: 22.26861, lon: 114.12924, geonamesId: 1819091 });
    expect(p).toMatchObject({ name: 'Hong Kong', country: 'HK', lat: 22.27832, lon: 114.17469, geonamesId: 1819729, method: 'gravity' });
    expect(p.distanceKm).toBeCloseTo(4.8, 1);
  });

  it('createDistrictResolver prefers pull to nearness inside a large metro (Adachi → Tokyo, not Sōka)', () => {
    // Sōka 8.18 km away, pull 231,445 / 8.18² = 3,459; Tokyo 13.29 km, pull 8,336,599 / 13.29² = 47,200.
    const p = parent({ name: 'Adachi City', country: 'JP', lat: 35.76318, lon: 139.80761, geonamesId: 10987897 });
    expect(p.name).toBe('Tokyo');
    expect(p.method).toBe('gravity');
    expect(p.distanceKm).toBeCloseTo(13.3, 1);
  });

  it('createDistrictResolver keeps a city of known population, however small (Jülich stays, Aachen 25 km away)', () => {
    const p = parent({ name: 'Jülich', country: 'DE', lat: 50.92149, lon: 6.36267, geonamesId: 2894553 });
    expect(p).toMatchObject({ name: 'Jülich', method: 'ror', distanceKm: 0 });
  });

  it('createDistrictResolver keeps the seat of a division of unknown population (Xuzhou, PPLA2, population 0; Tongshan 9 km away)', () => {
    const resolve = createDistrictResolver([
      { id: 10630003, name: 'Xuzhou', country: 'CN', featureCode: 'PPLA2', population: 0, lat: 34.20442, lon: 117.28386 },
      { id: 1787824, name: 'Tongshan', country: 'CN', featureCode: 'PPLA3', population: 1_199_193, lat: 34.18045, lon: 117.15707 },
    ]);
    expect(resolve({ name: 'Xuzhou', country: 'CN', lat: 34.20442, lon: 117.28386, geonamesId: 10630003 })).toMatchObject({
      name: 'Xuzhou',
      method: 'ror',
      geonamesId: 10630003,
    });
    // A populated place of unknown population that is no seat is still a district.
    const village = createDistrictResolver([
      { id: 1, name: 'Somewhere', country: 'CN', featureCode: 'PPL', population: 0, lat: 34.2, lon: 117.28 },
      { id: 1787824, name: 'Tongshan', country: 'CN', featureCode: 'PPLA3', population: 1_199_193, lat: 34.18045, lon: 117.15707 },
    ]);
    expect(village({ name: 'Somewhere', country: 'CN', lat: 34.2, lon: 117.28, geonamesId: 1 })).toMatchObject({
      name: 'Tongshan',
      method: 'gravity',
    });
  });

  it('createDistrictResolver treats a section of a populated place (PPLX) as a district', () => {
    const p = parent({ name: 'Darlinghurst', country: 'AU', lat: -33.87939, lon: 151.21925, geonamesId: 2169010 });
    expect(p.name).toBe('Sydney');
  });

  it('createDistrictResolver takes a city of the same name over a stronger one, ignoring administrative words', () => {
    // 'Foo District' at (0,0): Foo 10.0 km (pull 150,000/100 = 1,500), Bar 5.0 km (3,000,000/25 = 120,000).
    const p = parent({ name: 'Foo Municipality', country: 'ZZ', lat: 0, lon: 0, geonamesId: null });
    expect(p).toMatchObject({ name: 'Foo', method: 'same-name' });
    const q = parent({ name: 'Qux Ward', country: 'ZZ', lat: 0, lon: 0, geonamesId: null });
    expect(q).toMatchObject({ name: 'Bar', method: 'gravity' });
  });

  it('createDistrictResolver stays within the country and the distance limit', () => {
    // Baz (YY) is 1.1 km away but in another country; nothing in ZZ within 30 km of (0, 1).
    const far = parent({ name: 'Lonely', country: 'ZZ', lat: 0, lon: 1, geonamesId: null });
    expect(far).toMatchObject({ name: 'Lonely', method: 'unmatched' });
    const noCoords = parent({ name: 'Nowhere', country: 'ZZ', lat: null, lon: null, geonamesId: null });
    expect(noCoords.method).toBe('unmatched');
    const tight = createDistrictResolver(CITIES, { maxDistanceKm: 4 });
    expect(tight({ name: 'Pok Fu Lam', country: 'HK', lat: 22.26861, lon: 114.12924, geonamesId: 1819091 }).method).toBe('unmatched');
    const small = createDistrictResolver(CITIES, { minPopulation: 8_000_000 });
    expect(small({ name: 'Pok Fu Lam', country: 'HK', lat: 22.26861, lon: 114.12924, geonamesId: 1819091 }).method).toBe('unmatched');
  });

  it('createDistrictResolver rejects bad thresholds with OptionError', () => {
    expect(() => createDistrictResolver(CITIES, { maxDistanceKm: 0 })).toThrow(OptionError);
    expect(() => createDistrictResolver(CITIES, { minPopulation: -1 })).toThrow(OptionError);
    expect(DISTRICT_DEFAULTS).toEqual({ minPopulation: 100000, maxDistanceKm: 30 });
  });
});

describe('loadRorIndex', () => {
  it('loadRorIndex places the University of Hong Kong (ROR city Pok Fu Lam) in Hong Kong with real ROR and GeoNames data', async () => {
    const index = await loadRorIndex();
    expect(index.size).toBe(51370);
    const hku = index.byRor('https://ror.org/02zhqgq86');
    expect(hku).toMatchObject({
      name: 'University of Hong Kong',
      rorCity: 'Pok Fu Lam',
      city: 'Hong Kong',
      country: 'HK',
      cityMethod: 'city-state',
    });
    expect([hku!.lat, hku!.lon]).toEqual([22.27832, 114.17469]);
    // A ROR city that is a city is kept: Harvard stays in Cambridge (US), for the metro resolver to map.
    expect(index.byRor('03vek6s52')).toMatchObject({ city: 'Cambridge', country: 'US', cityMethod: 'ror' });
  });

  it('loadRorIndex keeps cities in their own right and maps neighbourhoods into the city that contains them', async () => {
    const index = await loadRorIndex();
    const records = await loadRorRecords();
    const at = (rorCity: string) => index.byRor(records.find((r) => r.city === rorCity)!.id)!;
    // Ile-Ife (Obafemi Awolowo University): seat of a second-order division, population unknown: a city, not Ilesa
    expect(at('Ile-Ife')).toMatchObject({ city: 'Ile-Ife', cityMethod: 'ror' });
    // Mānikganj: a district capital only ROR's GeoNames id names; no larger city within 10 km: not Nāgarpur
    expect(at('Mānikganj')).toMatchObject({ city: 'Mānikganj', cityMethod: 'ror' });
    // Northridge: a section of Los Angeles (admin2 037, Los Angeles County, whose seat is Los Angeles), not Santa Clarita, nearer
    expect(at('Northridge')).toMatchObject({ city: 'Los Angeles', country: 'US', cityMethod: 'admin-seat' });
    // Heslington: a parish seat of unknown population in the City of York
    expect(at('Heslington')).toMatchObject({ city: 'York', country: 'GB', cityMethod: 'admin-seat' });
  });
});

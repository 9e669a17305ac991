import { describe, expect, it } from 'vitest';
import { createGazetteer, loadGazetteer, type RawCity } from '../../src/places/gazetteer.ts';

const city = (cityId: number, name: string, country: string, population: number, lon = 0, lat = 0, featureCode = 'PPL'): RawCity => ({
  cityId,
  name,
  country,
  population,
  featureCode,
  loc: { coordinates: [lon, lat] },
});

describe('createGazetteer', () => {
  const g = createGazetteer([
    city(1, 'Springfield', 'US', 60_000, -72.6, 42.1),
    city(2, 'Springfield', 'US', 170_000, -89.6, 39.8),
    city(3, 'Springfield', 'AU', 10_000),
    city(4, 'Goyang-si', 'KR', 1_073_069, 126.8, 37.7),
    city(5, 'Old Town', 'GB', 5_000, 0, 0, 'PPLH'),
    city(6, 'Jersey City', 'US', 250_000),
    city(7, 'Jersey', 'US', 2_000),
  ]);

  it('createGazetteer lists same-named cities of a country most populous first', () => {
    expect(g.find('springfield', 'US').map((c) => c.id)).toEqual([2, 1]);
    expect(g.find('springfield', 'US')[0]).toEqual({
      id: 2,
      name: 'Springfield',
      country: 'US',
      population: 170_000,
      lat: 39.8,
      lon: -89.6,
      feature: 'PPL',
      admin: [],
      source: 'geonames',
      organisations: 0,
    });
  });

  it('createGazetteer gives the best city per country, most populous first', () => {
    expect(g.countriesOf('springfield').map((c) => [c.country, c.id])).toEqual([
      ['US', 2],
      ['AU', 3],
    ]);
  });

  it('createGazetteer finds an administrative form by its short name unless a city owns that name', () => {
    expect(g.find('goyang', 'KR')[0]?.name).toBe('Goyang-si');
    expect(g.find('goyang si', 'KR')[0]?.name).toBe('Goyang-si');
    // "Jersey" is a city of its own in the US: the short form of "Jersey City" does not take it over
    expect(g.find('jersey', 'US').map((c) => c.id)).toEqual([7]);
  });

  it('createGazetteer finds each half of a bilingual name and English names of listed cities', () => {
    const g2 = createGazetteer([
      city(10, 'Gasteiz / Vitoria', 'ES', 235_661),
      city(11, 'Genève', 'CH', 183_981),
      city(12, 'Geneva', 'US', 13_000),
    ]);
    expect(g2.find('vitoria', 'ES')[0]?.id).toBe(10);
    expect(g2.find('gasteiz', 'ES')[0]?.id).toBe(10);
    expect(g2.find('geneva', 'CH')[0]?.name).toBe('Genève');
    expect(g2.countriesOf('geneva').map((c) => c.country)).toEqual(['CH', 'US']);
  });

  it('createGazetteer skips historical places and lists keys per country', () => {
    expect(g.find('old town', 'GB')).toEqual([]);
    expect(g.size).toBe(6);
    expect([...g.keys('KR')].sort()).toEqual(['goyang', 'goyang si']);
    expect(g.keys('ZZ')).toEqual([]);
    expect(g.loadMs).toBeNull();
  });
});

describe('loadGazetteer', () => {
  it('loadGazetteer reads the GeoNames cities once and shares them, a country at a time', () => {
    const g = loadGazetteer();
    expect(loadGazetteer()).toBe(g);
    expect(g.size).toBeGreaterThan(200_000);
    g.find('zurich', 'CH');
    expect(g.loadMs).toBeGreaterThan(0);
  });

  it('loadGazetteer places Nanjing within 0.5° of 32.06 N, 118.80 E', () => {
    const nanjing = loadGazetteer().find('nanjing', 'CN')[0]!;
    expect(Math.abs(nanjing.lat - 32.06)).toBeLessThan(0.5);
    expect(Math.abs(nanjing.lon - 118.8)).toBeLessThan(0.5);
  });

  it('loadGazetteer takes the most populous Cambridge of the US, the one in Massachusetts', () => {
    const cambridge = loadGazetteer().find('cambridge', 'US')[0]!;
    // Cambridge, MA: 42.37 N, 71.11 W
    expect(cambridge.lat).toBeCloseTo(42.37, 1);
    expect(cambridge.lon).toBeCloseTo(-71.11, 1);
  });
});

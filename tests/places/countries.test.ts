import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCountries, countryPlace, resolveCountry, suggestCountries } from '../../src/places/countries.ts';
import { parseCsvRows } from '../../src/places/csv.ts';

describe('resolveCountry', () => {
  it('resolveCountry reads ISO2, ISO3, common and official names alike', () => {
    for (const value of ['US', 'us', 'USA', 'U.S.A.', 'United States', 'United States of America']) {
      expect(resolveCountry(value)?.iso3, value).toBe('USA');
    }
    expect(resolveCountry('GB')?.iso3).toBe('GBR');
    expect(resolveCountry('UK')?.iso3).toBe('GBR');
    expect(resolveCountry('England')?.iso3).toBe('GBR');
  });

  it('resolveCountry ignores a leading "the", case and diacritics', () => {
    expect(resolveCountry('the Netherlands')?.iso2).toBe('NL');
    expect(resolveCountry('THE NETHERLANDS')?.iso2).toBe('NL');
    expect(resolveCountry('Türkiye')?.iso2).toBe('TR');
    expect(resolveCountry('Turkey')?.iso2).toBe('TR');
    expect(resolveCountry("Côte d'Ivoire")?.iso2).toBe('CI');
    expect(resolveCountry('Cote dIvoire')?.iso2).toBe('CI');
  });

  it('resolveCountry reads World Bank names', () => {
    expect(resolveCountry('Korea, Rep.')?.iso3).toBe('KOR');
    expect(resolveCountry("Korea, Dem. People's Rep.")?.iso3).toBe('PRK');
    expect(resolveCountry('Hong Kong SAR, China')?.iso3).toBe('HKG');
    expect(resolveCountry('Gambia, The')?.iso3).toBe('GMB');
    expect(resolveCountry('Venezuela, RB')?.iso3).toBe('VEN');
  });

  it('resolveCountry reads historical "X (now Y)" values as Y', () => {
    expect(resolveCountry('Prussia (now Germany)')?.iso2).toBe('DE');
    expect(resolveCountry('Faroe Islands (Denmark)')?.iso2).toBe('FO');
  });

  it('resolveCountry returns the full record of a country', () => {
    expect(resolveCountry('CN')).toEqual({
      iso2: 'CN',
      iso3: 'CHN',
      name: 'China',
      region: 'Asia',
      subregion: 'Eastern Asia',
      lat: 35,
      lon: 105,
    });
  });

  it('resolveCountry returns null for unknown or empty values', () => {
    expect(resolveCountry('Atlantis')).toBeNull();
    expect(resolveCountry('')).toBeNull();
    expect(resolveCountry('ZZ')).toBeNull();
  });

  it('resolveCountry resolves every ISO2 and ISO3 code and common name of world-countries to its own country', () => {
    for (const c of allCountries()) {
      expect(resolveCountry(c.iso2)?.iso3).toBe(c.iso3);
      expect(resolveCountry(c.iso3)?.iso2).toBe(c.iso2);
      expect(resolveCountry(c.name)?.iso2).toBe(c.iso2);
    }
  });

  it('resolveCountry agrees with the Scholarly Migration Database on all 211 name/ISO3 pairs', () => {
    const rows = parseCsvRows(readFileSync(new URL('../fixtures/places/smd-country-names.csv', import.meta.url), 'utf8')).slice(1);
    expect(rows).toHaveLength(211);
    for (const { fields } of rows) {
      const [name, iso3] = fields as [string, string];
      expect(resolveCountry(name)?.iso3, name).toBe(iso3);
    }
  });
});

describe('suggestCountries', () => {
  it('suggestCountries puts the nearest name first', () => {
    expect(suggestCountries('Frnace')[0]).toBe('France');
    expect(suggestCountries('Germny', 2)).toHaveLength(2);
  });
});

describe('countryPlace', () => {
  it('countryPlace keys the place by ISO3 with the centroid as coordinates', () => {
    const place = countryPlace(resolveCountry('United States')!);
    expect(place).toEqual({
      id: 'USA',
      label: 'United States',
      level: 'country',
      country: 'US',
      countryName: 'United States',
      region: 'Americas',
      subregion: 'North America',
      lat: 38,
      lon: -97,
    });
  });
});

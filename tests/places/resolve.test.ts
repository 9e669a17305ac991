import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { parseAliasCsv } from '../../src/places/aliases.ts';
import { createGazetteer } from '../../src/places/gazetteer.ts';
import { createPlaceResolver, DEFAULTS } from '../../src/places/resolve.ts';
import type { PlaceResolution } from '../../src/places/types.ts';

const metro = createPlaceResolver();
const city = createPlaceResolver({ level: 'city' });
const country = createPlaceResolver({ level: 'country' });

function placeId(result: PlaceResolution): string {
  if (!result.ok) throw new Error(`expected a place, got ${result.reason}: ${result.message}`);
  return result.place.id;
}

describe('createPlaceResolver', () => {
  it('createPlaceResolver defaults to metro level', () => {
    expect(DEFAULTS).toEqual({ level: 'metro' });
    expect(metro.level).toBe('metro');
  });

  it('createPlaceResolver reports an empty name as empty-place', () => {
    for (const name of ['', '   ', '--']) {
      expect(metro.resolve(name, 'US')).toMatchObject({ ok: false, reason: 'empty-place', suggestions: [] });
    }
  });

  it('createPlaceResolver resolves Cambridge by country: US into Boston, GB to itself', () => {
    expect(placeId(metro.resolve('Cambridge', 'US'))).toBe('Boston');
    expect(placeId(metro.resolve('Cambridge', 'GB'))).toBe('Cambridge, GB');
    expect(placeId(metro.resolve('Cambridge', 'GBR'))).toBe('Cambridge, GB');
    expect(placeId(metro.resolve('Cambridge', 'United States'))).toBe('Boston');
  });

  it('createPlaceResolver maps metro members into their metro (Yokohama, Kawasaki → Tokyo; Berkeley → San Francisco)', () => {
    expect(placeId(metro.resolve('Yokohama', 'JP'))).toBe('Tokyo');
    expect(placeId(metro.resolve('Kawasaki', 'JP'))).toBe('Tokyo');
    expect(placeId(metro.resolve('Berkeley', 'US'))).toBe('San Francisco');
  });

  it('createPlaceResolver tells Dublin IE from Dublin US and Hamilton NZ from Hamilton CA', () => {
    expect(placeId(metro.resolve('Dublin', 'IE'))).toBe('Dublin');
    // Dublin, US: of the eight, the one ROR's organisations name (Dublin, Ohio: 2 against 1), recorded as such
    const dublinUs = metro.resolve('Dublin', 'US');
    expect(dublinUs).toMatchObject({
      ok: true,
      place: { id: 'Dublin, US', level: 'city', country: 'US' },
      via: { steps: ['most-organisations'] },
    });
    expect(dublinUs.ok && dublinUs.place.lon).toBeCloseTo(-83.11, 1);
    expect(placeId(metro.resolve('Hamilton', 'NZ'))).toBe('Hamilton, NZ');
    expect(placeId(metro.resolve('Hamilton', 'CA'))).toBe('Toronto');
    expect(placeId(metro.resolve('Liverpool', 'AU'))).toBe('Sydney');
    expect(placeId(metro.resolve('Liverpool', 'GB'))).toBe('Liverpool, GB');
    expect(placeId(metro.resolve('Richmond', 'GB'))).toBe('London');
    expect(placeId(metro.resolve('Kent', 'US'))).toBe('Seattle');
  });

  it('createPlaceResolver matches names whatever their diacritics: Zürich and Zurich CH → Zurich', () => {
    expect(placeId(metro.resolve('Zürich', 'CH'))).toBe('Zurich');
    expect(placeId(metro.resolve('Zurich', 'CH'))).toBe('Zurich');
    expect(placeId(metro.resolve('ZURICH', 'Switzerland'))).toBe('Zurich');
  });

  it('createPlaceResolver keeps a city outside the metros as City, CC with GeoNames coordinates', () => {
    const result = metro.resolve('Nanjing', 'CN');
    expect(result).toMatchObject({
      ok: true,
      place: {
        id: 'Nanjing, CN',
        label: 'Nanjing',
        level: 'city',
        country: 'CN',
        countryName: 'China',
        region: 'Asia',
        subregion: 'Eastern Asia',
      },
    });
    expect(result.ok && 'warning' in result).toBe(false);
    // Nanjing: 32.06 N, 118.80 E
    if (!result.ok) throw new Error('Nanjing did not resolve');
    expect(Math.abs(result.place.lat! - 32.06)).toBeLessThan(0.5);
    expect(Math.abs(result.place.lon! - 118.8)).toBeLessThan(0.5);
  });

  it('createPlaceResolver gives a metro its principal city’s coordinates and its country’s names', () => {
    const result = metro.resolve('Somerville', 'US');
    expect(result).toMatchObject({
      ok: true,
      place: { id: 'Boston', label: 'Boston', level: 'metro', country: 'US', countryName: 'United States', region: 'Americas' },
    });
    // Boston: 42.36 N, 71.06 W
    expect(result.ok && result.place.lat).toBeCloseTo(42.36, 1);
    expect(result.ok && result.place.lon).toBeCloseTo(-71.06, 1);
  });

  it('createPlaceResolver at city level keeps metro members as their own cities', () => {
    expect(city.resolve('Cambridge', 'US')).toMatchObject({ ok: true, place: { id: 'Cambridge, US', label: 'Cambridge', level: 'city' } });
    const cambridge = city.resolve('Cambridge', 'US');
    expect(cambridge.ok && cambridge.place.lat).toBeCloseTo(42.37, 1);
    expect(placeId(city.resolve('Zurich', 'CH'))).toBe('Zürich, CH');
    expect(placeId(city.resolve('Nanjing', 'CN'))).toBe('Nanjing, CN');
    // a member the gazetteer lacks keeps the report's name and its metro's coordinates
    const westRoxbury = city.resolve('West Roxbury', 'US');
    expect(westRoxbury).toMatchObject({ ok: true, place: { id: 'West Roxbury, US', level: 'city', lat: 42.35843 }, geonamesId: null });
    // a member only ROR places (Chestnut Hill, 42.33 N) takes ROR's coordinates and GeoNames id
    const chestnutHill = city.resolve('Chestnut Hill', 'US');
    expect(chestnutHill).toMatchObject({ ok: true, place: { id: 'Chestnut Hill, US', level: 'city', lat: 42.33065 }, geonamesId: 4932957 });
  });

  it('createPlaceResolver joins a city known under another spelling of a member to its metro', () => {
    expect(placeId(metro.resolve('New York City', 'US'))).toBe('New York');
    expect(placeId(metro.resolve('New York', 'US'))).toBe('New York');
    expect(placeId(metro.resolve('Kongens Lyngby', 'DK'))).toBe('Copenhagen');
    expect(placeId(metro.resolve('Seongnam', 'KR'))).toBe('Seoul');
    // both spellings are one city at city level
    expect(placeId(city.resolve('New York', 'US'))).toBe(placeId(city.resolve('New York City', 'US')));
  });

  it('createPlaceResolver reads administrative suffixes, exonyms and Tokyo wards', () => {
    expect(placeId(metro.resolve('Mitaka-shi', 'JP'))).toBe('Tokyo');
    expect(placeId(metro.resolve('Chiyoda City', 'JP'))).toBe('Tokyo');
    expect(placeId(metro.resolve('Bunkyō-ku', 'JP'))).toBe('Tokyo');
    expect(placeId(metro.resolve('Geneva', 'CH'))).toBe('Genève, CH');
    expect(placeId(metro.resolve('Gothenburg', 'SE'))).toBe('Göteborg, SE');
    expect(placeId(metro.resolve('San Sebastián', 'ES'))).toBe('Donostia / San Sebastián, ES');
    expect(placeId(metro.resolve('St. Gallen', 'CH'))).toBe('Sankt Gallen, CH');
    // "Washington" in a US record is the capital, not the most populous Washington (a town in Utah)
    expect(placeId(metro.resolve('Washington', 'US'))).toBe('Washington D.C.');
    expect(placeId(metro.resolve('Washington', 'GB'))).toBe('Washington, GB');
  });

  it("createPlaceResolver counts New York City's boroughs as New York, but not Manhattan, Kansas", () => {
    for (const borough of ['Brooklyn', 'Queens', 'The Bronx', 'Bronx', 'Staten Island']) {
      expect(placeId(metro.resolve(borough, 'US')), borough).toBe('New York');
    }
    expect(placeId(metro.resolve('Manhattan', 'US'))).toBe('Manhattan, US');
  });

  it('createPlaceResolver at country level uses the country field, or the name when it is a country', () => {
    for (const name of ['USA', 'US', 'United States', 'united states of america']) {
      expect(country.resolve(name, null)).toMatchObject({
        ok: true,
        place: { id: 'USA', label: 'United States', level: 'country', country: 'US' },
      });
    }
    expect(placeId(country.resolve('Cambridge', 'GB'))).toBe('GBR');
    expect(placeId(country.resolve('Korea, Rep.', null))).toBe('KOR');
    const usa = country.resolve('USA', null);
    expect(usa.ok && [usa.place.lat, usa.place.lon]).toEqual([38, -97]);
    // a city without a country: its country, with the assumption reported
    expect(country.resolve('Yokohama', null)).toMatchObject({ ok: true, place: { id: 'JPN' }, warning: { reason: 'assumed-country' } });
  });

  it('createPlaceResolver reports an unknown country value with the nearest country names', () => {
    const result = metro.resolve('Paris', 'Frnace');
    expect(result).toMatchObject({ ok: false, reason: 'unknown-country' });
    expect(!result.ok && result.suggestions[0]).toBe('France');
    expect(country.resolve('Paris', 'Atlantis')).toMatchObject({ ok: false, reason: 'unknown-country' });
  });

  it('createPlaceResolver reports an unknown name with the nearest names of its country, never a guess', () => {
    const result = metro.resolve('Shenzen', 'CN');
    expect(result).toMatchObject({ ok: false, reason: 'unknown-place' });
    expect(!result.ok && result.suggestions).toHaveLength(3);
    expect(!result.ok && result.suggestions[0]).toBe('Shenzhen, CN');
    const cambrige = metro.resolve('Cambrige', 'US');
    expect(!cambrige.ok && cambrige.suggestions[0]).toBe('Cambridge, US (Boston)');
    // a suggestion names the spelling that matched, here a Tokyo ward one letter away
    const edogawa = metro.resolve('Edogava', 'JP');
    expect(!edogawa.ok && edogawa.suggestions[0]).toBe('Edogawa, JP (Tokyo)');
  });

  it('createPlaceResolver suggests worldwide for an unknown name without a country', () => {
    const result = metro.resolve('Bostonn', null);
    expect(result).toMatchObject({ ok: false, reason: 'unknown-place' });
    expect(!result.ok && result.suggestions[0]).toBe('Boston');
  });

  it('createPlaceResolver resolves a metro name without a country, warning that the country was assumed', () => {
    const result = metro.resolve('Boston', null);
    expect(result).toMatchObject({ ok: true, place: { id: 'Boston' }, warning: { reason: 'assumed-country' } });
    expect(placeId(metro.resolve('Washington DC', null))).toBe('Washington D.C.');
  });

  it('createPlaceResolver resolves a name known in one country only, warning that the country was assumed', () => {
    expect(metro.resolve('Yokohama', null)).toMatchObject({ ok: true, place: { id: 'Tokyo' }, warning: { reason: 'assumed-country' } });
    expect(metro.resolve('Nanjing', null)).toMatchObject({
      ok: true,
      place: { id: 'Nanjing, CN' },
      warning: { reason: 'assumed-country' },
    });
  });

  it('createPlaceResolver reports Cambridge without a country as ambiguous, listing each country', () => {
    const result = metro.resolve('Cambridge', null);
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous-place' });
    const suggestions = result.ok ? [] : result.suggestions;
    expect(suggestions).toContain('Cambridge, GB');
    expect(suggestions).toContain('Cambridge, US (Boston)');
    // most populous first: Cambridge GB (158,434) before Cambridge US (110,402)
    expect(suggestions.indexOf('Cambridge, GB')).toBeLessThan(suggestions.indexOf('Cambridge, US (Boston)'));
  });

  it('createPlaceResolver memoises by name and country', () => {
    const resolver = createPlaceResolver();
    const first = resolver.resolve('Cambridge', 'US');
    expect(resolver.resolve('Cambridge', 'US')).toBe(first);
    expect(resolver.resolve('Cambridge', 'GB')).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // a JavaScript caller passing undefined for the country gets the no-country rules
    expect(resolver.resolve('Nanjing', undefined as never)).toMatchObject({ ok: true, warning: { reason: 'assumed-country' } });
  });

  it('createPlaceResolver rejects bad options with OptionError', () => {
    expect(() => createPlaceResolver({ level: 'region' as never })).toThrow(OptionError);
    try {
      createPlaceResolver({ level: 'region' as never });
    } catch (error) {
      expect(error).toMatchObject({ option: 'level', value: 'region' });
    }
    expect(() => createPlaceResolver({ aliases: [{ name: '', country: null, target: 'Paris', targetCountry: null }] })).toThrow(
      OptionError,
    );
    expect(() => createPlaceResolver({ aliases: [{ name: 'X', country: 'XX', target: 'Paris', targetCountry: null }] })).toThrow(
      OptionError,
    );
    expect(() =>
      createPlaceResolver({
        aliases: [
          { name: 'X', country: 'FR', target: 'Paris', targetCountry: null },
          { name: 'x', country: 'FRA', target: 'Lyon', targetCountry: null },
        ],
      }),
    ).toThrow(OptionError);
  });
});

describe('createPlaceResolver with aliases', () => {
  const { aliases } = parseAliasCsv(
    [
      'name,country,target,target_country',
      'Pok Fu Lam,HK,Hong Kong,HK',
      'Cambridge,GB,London,GB', // a user's own metro membership
      'Garching,DE,Munich,', // target country: the record's
      'Foggy Bottom,,"Washington, D.C.",US', // any country
      'Atlantis,,Nowhereville,FR', // a target that does not exist
    ].join('\n'),
    'aliases.csv',
  );
  const withAliases = createPlaceResolver({ aliases });
  const cityAliases = createPlaceResolver({ level: 'city', aliases });

  it('createPlaceResolver applies aliases before the built-in tables, by country', () => {
    expect(placeId(withAliases.resolve('Pok Fu Lam', 'HK'))).toBe('Hong Kong');
    expect(placeId(withAliases.resolve('Cambridge', 'GB'))).toBe('London');
    expect(placeId(withAliases.resolve('Cambridge', 'US'))).toBe('Boston');
    expect(placeId(withAliases.resolve('Garching', 'DE'))).toBe('Munich');
    expect(placeId(withAliases.resolve('Foggy Bottom', 'US'))).toBe('Washington D.C.');
    expect(placeId(withAliases.resolve('Foggy Bottom', null))).toBe('Washington D.C.');
    expect(placeId(cityAliases.resolve('Pok Fu Lam', 'HK'))).toBe('Hong Kong, HK');
  });

  it('createPlaceResolver resolves an alias known in one country when the record has none, with a warning', () => {
    expect(withAliases.resolve('Pok Fu Lam', null)).toMatchObject({
      ok: true,
      place: { id: 'Hong Kong' },
      warning: { reason: 'assumed-country' },
    });
  });

  it('createPlaceResolver reports an alias whose target is unknown', () => {
    expect(withAliases.resolve('Atlantis', 'GR')).toMatchObject({ ok: false, reason: 'unknown-place' });
  });
});

describe('createPlaceResolver with a given gazetteer', () => {
  it('createPlaceResolver uses the gazetteer it is given instead of loading GeoNames', () => {
    const gazetteer = createGazetteer([
      { cityId: 1, name: 'Cambridge', country: 'US', population: 110_402, loc: { coordinates: [-71.1, 42.37] } },
      { cityId: 2, name: 'Boston', country: 'US', population: 617_594, loc: { coordinates: [-71.06, 42.36] } },
      { cityId: 3, name: 'Testville', country: 'FR', population: 1_000, loc: { coordinates: [2, 48] } },
    ]);
    const resolver = createPlaceResolver({ level: 'city', gazetteer });
    expect(resolver.resolve('Testville', 'FR')).toMatchObject({ ok: true, place: { id: 'Testville, FR', lat: 48, lon: 2 } });
    expect(resolver.resolve('Nanjing', 'CN')).toMatchObject({ ok: false, reason: 'unknown-place' });
    expect(() => createPlaceResolver({ gazetteer: {} as never })).toThrow(OptionError);
  });
});

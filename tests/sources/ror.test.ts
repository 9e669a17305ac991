import { describe, expect, it } from 'vitest';
import { createDistrictResolver } from '../../src/sources/districts.ts';
import { createRorIndex, institutionKey, normalizeRorId, rorRecordsFromRows, type RorRecord } from '../../src/sources/ror.ts';

const HEADER = [
  'ror_id',
  'name',
  'status',
  'types',
  'city',
  'admin1',
  'country_code',
  'country_name',
  'lat',
  'lng',
  'geonames_id',
  'established',
  'schema',
  'release',
];
// Rows as in the ROR gazetteer (real ids and places; two Mahatma Gandhi Universities in India).
const ROWS = [
  HEADER,
  [
    'https://ror.org/02zhqgq86',
    'University of Hong Kong',
    'active',
    'Education|Funder',
    'Pok Fu Lam',
    'Southern',
    'HK',
    'Hong Kong',
    '22.26861',
    '114.12924',
    '1819091',
    '1911',
    'v1',
    'v1.74',
  ],
  [
    'https://ror.org/03vek6s52',
    'Harvard University',
    'active',
    'Education|Funder',
    'Cambridge',
    'Massachusetts',
    'US',
    'United States',
    '42.3751',
    '-71.10561',
    '4931972',
    '1636',
    'v1',
    'v1.65',
  ],
  [
    'https://ror.org/013meh722',
    'University of Cambridge',
    'active',
    'education|funder',
    'Cambridge',
    'England',
    'GB',
    'United Kingdom',
    '52.2',
    '0.11667',
    '2653941',
    '1209',
    'v2',
    'v2.6',
  ],
  [
    'https://ror.org/00h4spn88',
    'Mahatma Gandhi University',
    'active',
    'Education',
    'Kottayam',
    'Kerala',
    'IN',
    'India',
    '9.58692',
    '76.52132',
    '1266285',
    '1983',
    'v1',
    'v1.5',
  ],
  [
    'https://ror.org/04702m080',
    'Mahatma Gandhi University',
    'active',
    'Education',
    'Meghalaya',
    '',
    'IN',
    'India',
    '25.5',
    '91.36',
    '1263207',
    '',
    'v1',
    'v1.5',
  ],
  [
    'https://ror.org/0405mnx93',
    'Texas Tech University',
    'active',
    'education|funder',
    'Lubbock',
    'Texas',
    'US',
    'United States',
    '33.57786',
    '-101.85517',
    '5525577',
    '1923',
    'v2',
    'v2.9',
  ],
  [
    'https://ror.org/00gsa4126',
    'Texas Tech University',
    'withdrawn',
    'Education',
    'Junction',
    'Texas',
    'US',
    'United States',
    '30.48936',
    '-99.77201',
    '4701791',
    '',
    'v1',
    'v1.16',
  ],
  ['not-an-id', 'Broken Row', 'active', '', 'Nowhere', '', 'US', 'United States', '', '', '', '', '', ''],
  ['https://ror.org/05xxxxx00', 'No Country', 'active', '', 'Nowhere', '', '', '', '', '', '', '', '', ''],
];

describe('normalizeRorId', () => {
  it('normalizeRorId accepts URL, host and bare forms and rejects other identifiers', () => {
    for (const v of ['https://ror.org/02zhqgq86', 'http://ror.org/02zhqgq86/', 'ror.org/02ZHQGQ86', ' 02zhqgq86 '])
      expect(normalizeRorId(v)).toBe('02zhqgq86');
    for (const v of ['grid.194645.b', '255310', 'https://ror.org/12zhqgq86', '02zhqgq8', 'https://ror.org/02zhqgl86'])
      expect(normalizeRorId(v)).toBeNull();
  });
});

describe('rorRecordsFromRows', () => {
  it('rorRecordsFromRows reads the gazetteer columns and drops rows without id, name or country', () => {
    const { records, dropped } = rorRecordsFromRows(ROWS);
    expect(records).toHaveLength(7);
    expect(dropped).toBe(2);
    expect(records[0]).toEqual({
      id: '02zhqgq86',
      name: 'University of Hong Kong',
      status: 'active',
      types: ['education', 'funder'],
      city: 'Pok Fu Lam',
      admin1: 'Southern',
      country: 'HK',
      lat: 22.26861,
      lon: 114.12924,
      geonamesId: 1819091,
    });
  });

  it('rorRecordsFromRows names the missing columns', () => {
    expect(() => rorRecordsFromRows([['ror_id', 'name']])).toThrow(/status.*types.*city/);
  });
});

describe('institutionKey', () => {
  it('institutionKey ignores case, diacritics, punctuation, "&"/"and" and a leading "The"', () => {
    expect(institutionKey('The University of Hong Kong')).toBe('university of hong kong');
    expect(institutionKey('Texas A&M University')).toBe(institutionKey('texas a and m university'));
    expect(institutionKey('Université Paris-Saclay')).toBe('universite paris saclay');
  });
});

describe('createRorIndex', () => {
  const records: RorRecord[] = rorRecordsFromRows(ROWS).records;
  const index = createRorIndex(records);

  it('createRorIndex finds institutions by ROR id in any spelling', () => {
    expect(index.size).toBe(7);
    expect(index.byRor('ror.org/03vek6s52')).toMatchObject({
      name: 'Harvard University',
      city: 'Cambridge',
      country: 'US',
      cityMethod: 'ror',
    });
    expect(index.byRor('01zzzzz01')).toBeNull();
    expect(index.resolve({ ror: 'https://ror.org/013meh722' })).toMatchObject({ ok: true, via: 'ror', institution: { country: 'GB' } });
  });

  it('createRorIndex resolves an exact name, narrowing by country and then to the one active record', () => {
    expect(index.resolve({ name: 'the university of hong kong' })).toMatchObject({
      ok: true,
      via: 'name',
      institution: { rorId: '02zhqgq86' },
    });
    // Two records share the name; only one is active.
    expect(index.resolve({ name: 'Texas Tech University' })).toMatchObject({ ok: true, institution: { city: 'Lubbock' } });
  });

  it('createRorIndex reports a name shared by several active organisations as ambiguous, with each as a suggestion', () => {
    const m = index.resolve({ name: 'Mahatma Gandhi University', country: 'IN' });
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.reason).toBe('ambiguous-institution');
    expect(m.suggestions).toEqual([
      'Mahatma Gandhi University (Kottayam, IN; 00h4spn88)',
      'Mahatma Gandhi University (Meghalaya, IN; 04702m080)',
    ]);
  });

  it('createRorIndex reports an unknown name with near names (edits or abbreviated words), within the country given', () => {
    const typo = index.resolve({ name: 'University of Hongkong' });
    expect(typo).toMatchObject({ ok: false, reason: 'unknown-institution' });
    expect(!typo.ok && typo.suggestions[0]).toBe('University of Hong Kong (Pok Fu Lam, HK; 02zhqgq86)');
    const abbreviated = index.resolve({ name: 'Harvard Univ', country: 'US' });
    expect(!abbreviated.ok && abbreviated.suggestions).toEqual(['Harvard University (Cambridge, US; 03vek6s52)']);
    const elsewhere = index.resolve({ name: 'Harvard University', country: 'GB' });
    expect(elsewhere).toMatchObject({ ok: false, reason: 'unknown-institution', suggestions: [] });
  });

  it('createRorIndex places an unknown ROR id by its name with a note, and fails when the name does not place it', () => {
    const byName = index.resolve({ ror: 'https://ror.org/01zzzzz01', name: 'Harvard University', country: 'US' });
    expect(byName).toMatchObject({ ok: true, via: 'name', institution: { rorId: '03vek6s52' }, note: { reason: 'unknown-ror' } });
    expect(index.resolve({ ror: '01zzzzz01' })).toMatchObject({ ok: false, reason: 'unknown-ror', suggestions: [] });
    expect(index.resolve({ ror: '01zzzzz01', name: 'Mahatma Gandhi University', country: 'IN' })).toMatchObject({
      ok: false,
      reason: 'unknown-ror',
    });
    expect(index.resolve({})).toMatchObject({ ok: false, reason: 'unknown-institution' });
  });

  it('createRorIndex maps ROR districts to their city through parentCity', () => {
    const parentCity = createDistrictResolver([
      { id: 1819729, name: 'Hong Kong', country: 'HK', featureCode: 'PPLC', population: 7012738, lat: 22.27832, lon: 114.17469 },
      { id: 4931972, name: 'Cambridge', country: 'US', featureCode: 'PPL', population: 110402, lat: 42.3751, lon: -71.10561 },
    ]);
    const withDistricts = createRorIndex(records, { parentCity });
    expect(withDistricts.byRor('02zhqgq86')).toMatchObject({
      city: 'Hong Kong',
      rorCity: 'Pok Fu Lam',
      lat: 22.27832,
      lon: 114.17469,
      cityMethod: 'gravity',
    });
    expect(withDistricts.byRor('03vek6s52')).toMatchObject({ city: 'Cambridge', cityMethod: 'ror', lat: 42.3751 });
  });
});

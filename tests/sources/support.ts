// Shared by the source tests: a small institution index over real ROR records (the ones the
// fixtures name), with Pok Fu Lam mapped to Hong Kong by the district rule.
import { createDistrictResolver } from '../../src/sources/districts.ts';
import { createRorIndex, rorRecordsFromRows } from '../../src/sources/ror.ts';
import type { InstitutionIndex } from '../../src/sources/types.ts';

const HEADER = ['ror_id', 'name', 'status', 'types', 'city', 'admin1', 'country_code', 'country_name', 'lat', 'lng', 'geonames_id'];
const ROWS = [
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
  ],
  [
    'https://ror.org/00q4vv597',
    'Hong Kong University of Science and Technology',
    'active',
    'education|funder',
    'Hong Kong',
    '',
    'HK',
    'Hong Kong',
    '22.27832',
    '114.17469',
    '1819729',
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
  ],
  [
    'https://ror.org/042nb2s44',
    'Massachusetts Institute of Technology',
    'active',
    'Education|Funder',
    'Cambridge',
    'Massachusetts',
    'US',
    'United States',
    '42.3751',
    '-71.10561',
    '4931972',
  ],
  [
    'https://ror.org/03cve4549',
    'Tsinghua University',
    'active',
    'education|funder',
    'Beijing',
    'Beijing',
    'CN',
    'China',
    '39.9075',
    '116.39723',
    '1816670',
  ],
  [
    'https://ror.org/049tv2d57',
    'Southern University of Science and Technology',
    'active',
    'education|funder',
    'Shenzhen',
    'Guangdong',
    'CN',
    'China',
    '22.54554',
    '114.0683',
    '1795565',
  ],
  [
    'https://ror.org/01vy4gh70',
    'Shenzhen University',
    'active',
    'Education',
    'Shenzhen',
    '',
    'CN',
    'China',
    '22.54554',
    '114.0683',
    '1795565',
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
  ],
];

/** The fixtures' institutions, Pok Fu Lam → Hong Kong. */
export function smallIndex(): InstitutionIndex {
  const parentCity = createDistrictResolver([
    { id: 1819729, name: 'Hong Kong', country: 'HK', featureCode: 'PPLC', population: 7012738, lat: 22.27832, lon: 114.17469 },
    { id: 4931972, name: 'Cambridge', country: 'US', featureCode: 'PPL', population: 110402, lat: 42.3751, lon: -71.10561 },
    { id: 1816670, name: 'Beijing', country: 'CN', featureCode: 'PPLC', population: 18960744, lat: 39.9075, lon: 116.39723 },
    { id: 1795565, name: 'Shenzhen', country: 'CN', featureCode: 'PPLA2', population: 17494398, lat: 22.54554, lon: 114.0683 },
  ]);
  return createRorIndex(rorRecordsFromRows([HEADER, ...ROWS]).records, { parentCity });
}

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

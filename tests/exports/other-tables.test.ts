import { describe, expect, it } from 'vitest';
import type { CommunitiesResult, RaiResult } from '../../src/analyses/types.ts';
import { communitiesTable } from '../../src/exports/communities-table.ts';
import { tableToCsv } from '../../src/exports/csv.ts';
import { countProblemsByReason, problemsTable } from '../../src/exports/problems-table.ts';
import { raiTable } from '../../src/exports/rai-table.ts';
import type { Problem } from '../../src/records/types.ts';

describe('communitiesTable', () => {
  it('communitiesTable writes one row per community in id order with ;-joined members', () => {
    const result: CommunitiesResult = {
      assignment: { Shenzhen: 0, 'Hong Kong': 0, Guangzhou: 0, Boston: 1 },
      communities: [
        {
          id: 1,
          label: 'Boston',
          size: 1,
          members: ['Boston'],
          dominantCountry: 'US',
          dominantCountryShare: 1,
          dominantRegion: 'Americas',
        },
        {
          id: 0,
          label: 'Shenzhen – Hong Kong – Guangzhou',
          size: 3,
          members: ['Shenzhen', 'Hong Kong', 'Guangzhou'],
          dominantCountry: 'CN',
          dominantCountryShare: 0.75,
          dominantRegion: 'Asia',
        },
      ],
      modularity: 0.31,
      resolution: 1,
      seed: 42,
    };
    expect(tableToCsv(communitiesTable(result))).toBe(
      [
        'community,label,size,members,dominant_country,dominant_country_share,dominant_region',
        '0,Shenzhen – Hong Kong – Guangzhou,3,Shenzhen;Hong Kong;Guangzhou,CN,0.75,Asia',
        '1,Boston,1,Boston,US,1,Americas',
        '',
      ].join('\n'),
    );
  });
});

describe('raiTable', () => {
  it('raiTable follows the places then disciplines order and leaves rai empty where it does not apply', () => {
    const result: RaiResult = {
      basis: 'stock',
      places: ['Shenzhen', 'Boston'],
      disciplines: ['Computer Science', 'Medicine'],
      cells: [
        { place: 'Boston', discipline: 'Medicine', researchers: 30, rai: 1.2 },
        { place: 'Shenzhen', discipline: 'Medicine', researchers: 0, rai: null },
        { place: 'Boston', discipline: 'Computer Science', researchers: 10, rai: 0.5 },
        { place: 'Shenzhen', discipline: 'Computer Science', researchers: 44, rai: 2.2 },
      ],
    };
    expect(tableToCsv(raiTable(result))).toBe(
      [
        'place,discipline,researchers,rai,basis',
        'Shenzhen,Computer Science,44,2.2,stock',
        'Shenzhen,Medicine,0,,stock',
        'Boston,Computer Science,10,0.5,stock',
        'Boston,Medicine,30,1.2,stock',
        '',
      ].join('\n'),
    );
  });
});

const problems: Problem[] = [
  {
    file: 'moves.csv',
    line: 9,
    field: 'to',
    value: 'Cambrige',
    reason: 'unknown-place',
    severity: 'error',
    message: 'unknown place "Cambrige"',
    suggestions: ['Cambridge, GB', 'Cambridge, US'],
  },
  {
    file: 'moves.csv',
    line: 3,
    field: 'year',
    value: '20x9',
    reason: 'bad-year',
    severity: 'error',
    message: 'year "20x9" is not a whole number',
  },
  {
    file: 'moves.csv',
    line: 9,
    field: 'from',
    value: 'Paris',
    reason: 'assumed-country',
    severity: 'warning',
    message: 'no country, assumed FR',
    suggestions: [],
  },
];

describe('problemsTable', () => {
  it('problemsTable sorts by file and line, keeps same-line order, joins suggestions', () => {
    expect(tableToCsv(problemsTable(problems))).toBe(
      [
        'file,line,field,value,reason,severity,message,suggestions',
        'moves.csv,3,year,20x9,bad-year,error,"year ""20x9"" is not a whole number",',
        'moves.csv,9,to,Cambrige,unknown-place,error,"unknown place ""Cambrige""","Cambridge, GB;Cambridge, US"',
        'moves.csv,9,from,Paris,assumed-country,warning,"no country, assumed FR",',
        '',
      ].join('\n'),
    );
  });
});

describe('countProblemsByReason', () => {
  it('countProblemsByReason counts each reason with keys in alphabetical order', () => {
    const counts = countProblemsByReason([...problems, problems[0]!]);
    expect(counts).toEqual({ 'assumed-country': 1, 'bad-year': 1, 'unknown-place': 2 });
    expect(Object.keys(counts)).toEqual(['assumed-country', 'bad-year', 'unknown-place']);
  });
});

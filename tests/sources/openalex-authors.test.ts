import { describe, expect, it } from 'vitest';
import { authorField, convertOpenAlexAuthor } from '../../src/sources/openalex-authors.ts';
import { smallIndex } from './support.ts';

const index = smallIndex();
const at = { file: 'authors.jsonl', line: 3 };
const HKU = {
  id: 'https://openalex.org/I1',
  display_name: 'University of Hong Kong',
  ror: 'https://ror.org/02zhqgq86',
  country_code: 'HK',
};
const HARVARD = { id: 'https://openalex.org/I2', display_name: 'Harvard University', ror: 'https://ror.org/03vek6s52', country_code: 'US' };
const MIT = {
  id: 'https://openalex.org/I3',
  display_name: 'Massachusetts Institute of Technology',
  ror: 'https://ror.org/042nb2s44',
  country_code: 'US',
};
const topic = (field: string, count: number) => ({ count, field: { display_name: field } });

describe('convertOpenAlexAuthor', () => {
  it('convertOpenAlexAuthor gives one row per affiliation year and distinct city, in year order', () => {
    const { rows, problems } = convertOpenAlexAuthor(
      {
        id: 'https://openalex.org/A1',
        affiliations: [
          { institution: HKU, years: [2021, 2020] },
          { institution: MIT, years: [2019] },
          { institution: HARVARD, years: [2019, 2018] },
        ],
        topics: [topic('Medicine', 2), topic('Computer Science', 6)],
      },
      at,
      index,
    );
    expect(problems).toEqual([]);
    // MIT and Harvard in 2019 are one Cambridge row.
    expect(rows.map((r) => `${r.year} ${r.place} ${r.country} ${r.publications}`)).toEqual([
      '2018 Cambridge US 1',
      '2019 Cambridge US 1',
      '2020 Hong Kong HK 1',
      '2021 Hong Kong HK 1',
    ]);
    expect(new Set(rows.map((r) => `${r.researcherId} ${r.discipline} ${r.line}`))).toEqual(new Set(['A1 Computer Science 3']));
  });

  it('authorField takes the field of the most frequent topic, the first one on ties', () => {
    expect(authorField([topic('Medicine', 2), topic('Chemistry', 5), topic('Physics and Astronomy', 5)])).toBe('Chemistry');
    expect(authorField([])).toBeNull();
    expect(authorField(undefined)).toBeNull();
  });

  it('convertOpenAlexAuthor reports an author without affiliations, affiliations without years, bad years and unknown institutions', () => {
    expect(convertOpenAlexAuthor({ id: 'A2', affiliations: [] }, at, index).problems.map((p) => p.reason)).toEqual(['no-institution']);
    expect(convertOpenAlexAuthor({ affiliations: [{ institution: HKU, years: [2020] }] }, at, index).problems.map((p) => p.reason)).toEqual(
      ['empty-id'],
    );
    const { rows, problems } = convertOpenAlexAuthor(
      {
        id: 'A3',
        affiliations: [
          { institution: HKU, years: [] },
          { institution: HARVARD, years: [2019, 'twenty', 1850] },
          { institution: { display_name: 'Nowhere Institute', ror: 'https://ror.org/01zzzzz01', country_code: 'US' }, years: [2020] },
          { years: [2020] },
        ],
      },
      at,
      index,
    );
    expect(rows.map((r) => `${r.year} ${r.place}`)).toEqual(['2019 Cambridge']);
    expect(problems.map((p) => [p.reason, p.field, p.value])).toEqual([
      ['missing-year', 'affiliations[0].years', ''],
      ['bad-year', 'affiliations[1].years[1]', 'twenty'],
      ['bad-year', 'affiliations[1].years[2]', '1850'],
      ['unknown-ror', 'affiliations[2].institution.ror', 'https://ror.org/01zzzzz01'],
      ['malformed-record', 'affiliations[3].institution', '{"years":[2020]}'],
    ]);
  });
});

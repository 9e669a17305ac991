import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertOpenAlexWork, openAlexField } from '../../src/sources/openalex-works.ts';
import { FIXTURES, smallIndex } from './support.ts';

const index = smallIndex();
const at = { file: 'works.jsonl', line: 7 };
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
const CS = { field: { id: 'https://openalex.org/fields/17', display_name: 'Computer Science' } };

function work(authorships: unknown[], extra: Record<string, unknown> = {}) {
  return { id: 'https://openalex.org/W1', publication_year: 2020, primary_topic: CS, authorships, ...extra };
}
const author = (id: string, institutions: unknown) => ({ author: { id: `https://openalex.org/${id}`, display_name: id }, institutions });

describe('convertOpenAlexWork', () => {
  // The place columns: Harvard's own GeoNames city; HKU's Pok Fu Lam mapped to Hong Kong (no district region kept).
  const CAMBRIDGE = { rorId: '03vek6s52', geonamesId: 4931972, lat: 42.3751, lon: -71.10561, region: 'Massachusetts' };
  const HONG_KONG = { rorId: '02zhqgq86', geonamesId: 1819729, lat: 22.27832, lon: 114.17469, region: null };

  it('convertOpenAlexWork gives one row per author and distinct city, publications 1, discipline from the primary topic field', () => {
    const { rows, problems } = convertOpenAlexWork(work([author('A1', [HARVARD, MIT, HKU]), author('A2', [HKU])]), at, index);
    expect(problems).toEqual([]);
    // Harvard and MIT are both in Cambridge: one row; HKU (ROR city Pok Fu Lam) is in Hong Kong.
    expect(rows).toEqual([
      {
        researcherId: 'A1',
        year: 2020,
        place: 'Cambridge',
        country: 'US',
        discipline: 'Computer Science',
        publications: 1,
        line: 7,
        ...CAMBRIDGE,
      },
      {
        researcherId: 'A1',
        year: 2020,
        place: 'Hong Kong',
        country: 'HK',
        discipline: 'Computer Science',
        publications: 1,
        line: 7,
        ...HONG_KONG,
      },
      {
        researcherId: 'A2',
        year: 2020,
        place: 'Hong Kong',
        country: 'HK',
        discipline: 'Computer Science',
        publications: 1,
        line: 7,
        ...HONG_KONG,
      },
    ]);
  });

  it('convertOpenAlexWork leaves the discipline empty without a primary topic', () => {
    const { rows } = convertOpenAlexWork(work([author('A1', [HKU])], { primary_topic: null }), at, index);
    expect(rows[0]!.discipline).toBeNull();
    expect(openAlexField({ field: { display_name: ' Medicine ' } })).toBe('Medicine');
    expect(openAlexField({ subfield: {} })).toBeNull();
  });

  it('convertOpenAlexWork skips a work without a usable year as missing-year or bad-year', () => {
    for (const [value, reason] of [
      [null, 'missing-year'],
      [undefined, 'missing-year'],
      ['soon', 'bad-year'],
      [2020.5, 'bad-year'],
      [1850, 'bad-year'],
    ] as const) {
      const { rows, problems } = convertOpenAlexWork(work([author('A1', [HKU])], { publication_year: value }), at, index);
      expect(rows, String(value)).toEqual([]);
      expect(
        problems.map((p) => [p.reason, p.field, p.line, p.severity]),
        String(value),
      ).toEqual([[reason, 'publication_year', 7, 'error']]);
    }
  });

  it('convertOpenAlexWork reports each authorship it cannot use and keeps the others', () => {
    const { rows, problems } = convertOpenAlexWork(
      work([
        author('A1', []),
        { author: { id: null, display_name: 'Nameless' }, institutions: [HKU] },
        author('A3', [{ id: 'https://openalex.org/I9', display_name: null, ror: null }]),
        author('A4', [{ display_name: 'Nowhere Institute', ror: 'https://ror.org/01zzzzz01', country_code: 'US' }]),
        author('A5', [HKU]),
        'not an authorship',
      ]),
      at,
      index,
    );
    expect(rows.map((r) => r.researcherId)).toEqual(['A5']);
    expect(problems.map((p) => [p.reason, p.field])).toEqual([
      ['no-institution', 'authorships[0].institutions'],
      ['empty-id', 'authorships[1].author.id'],
      ['malformed-record', 'authorships[2].institutions[0]'],
      ['unknown-ror', 'authorships[3].institutions[0].ror'],
      ['malformed-record', 'authorships[5]'],
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.line === 7 && p.file === 'works.jsonl')).toBe(true);
  });

  it('convertOpenAlexWork places an institution without ROR id by its exact name, and reports unmatched or ambiguous names with suggestions', () => {
    const { rows, problems } = convertOpenAlexWork(
      work([
        author('A1', [
          { display_name: 'Hong Kong University of Science and Technology', ror: null, country_code: 'HK' },
          { display_name: 'Mahatma Gandhi University', ror: null, country_code: 'IN' },
          { display_name: 'Harvard Univ', ror: null, country_code: 'US' },
        ]),
      ]),
      at,
      index,
    );
    expect(rows.map((r) => r.place)).toEqual(['Hong Kong']);
    expect(problems.map((p) => [p.reason, p.field, p.value])).toEqual([
      ['ambiguous-institution', 'authorships[0].institutions[1].display_name', 'Mahatma Gandhi University'],
      ['unknown-institution', 'authorships[0].institutions[2].display_name', 'Harvard Univ'],
    ]);
    expect(problems[0]!.suggestions).toHaveLength(2);
    expect(problems[1]!.suggestions).toEqual(['Harvard University (Cambridge, US; 03vek6s52)']);
  });

  it('convertOpenAlexWork reports records that are not works', () => {
    for (const bad of ['text', 42, null, [1, 2], { publication_year: 2020 }, { publication_year: 2020, authorships: [] }]) {
      const { rows, problems } = convertOpenAlexWork(bad, at, index);
      expect(rows).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(['malformed-record', 'no-authors']).toContain(problems[0]!.reason);
    }
  });

  it('convertOpenAlexWork reads the fixture works (hand-written in the Work schema) into the expected rows', () => {
    const lines = readFileSync(`${FIXTURES}openalex/works.jsonl`, 'utf8').trim().split('\n');
    const rows = lines.flatMap((text, i) => convertOpenAlexWork(JSON.parse(text), { file: 'works.jsonl', line: i + 1 }, index).rows);
    // Work 2: A1 at Harvard and MIT (one Cambridge row) + A3 at HKU; work 5: A2 at Tsinghua and SUSTech (two rows).
    expect(rows.length).toBe(13);
    const a2 = rows.filter((r) => r.researcherId === 'A9000000002').map((r) => `${r.year} ${r.place} ${r.discipline}`);
    expect(a2).toEqual([
      '2019 Beijing Computer Science',
      '2020 Beijing Medicine',
      '2020 Shenzhen Medicine',
      '2021 Shenzhen Computer Science',
      '2021 Shenzhen Computer Science',
      '2020 Beijing Computer Science',
    ]);
  });
});

// `talentflow import` (src/cli/import.ts), run in-process.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultProblemsPath, runImport } from '../../src/cli/import.ts';
import { FIXTURES } from './support.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-import-'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

describe('runImport', () => {
  it('runImport writes the canonical timelines CSV of OpenAlex works, byte for byte the hand-written one, and an empty problems CSV', async () => {
    const io = capture();
    const out = join(dir, 'works', 'timelines.csv');
    const code = await runImport(['openalex-works', `${FIXTURES}openalex/works.jsonl`, '--out', out]);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(`${FIXTURES}openalex/works-timelines.csv`, 'utf8'));
    expect(readFileSync(join(dir, 'works', 'timelines.problems.csv'), 'utf8')).toBe(
      'file,line,field,value,reason,severity,message,suggestions\n',
    );
    expect(io.out()).toContain('Read 8 records from 1 file: 8 gave timeline rows, 0 none.');
    expect(io.out()).toContain('Wrote 12 timeline rows (3 researchers, 2018–2021)');
    // Atomic writing leaves no temporary file behind.
    expect(readdirSync(join(dir, 'works')).sort()).toEqual(['timelines.csv', 'timelines.problems.csv']);
  });

  it('runImport reads several files, writes gzip for a .gz name and lists problems by reason', async () => {
    const io = capture();
    const out = join(dir, 'both', 'timelines.csv.gz');
    const code = await runImport([
      'openalex-works',
      `${FIXTURES}openalex/works.jsonl`,
      `${FIXTURES}openalex/works-malformed.jsonl`,
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const csv = gunzipSync(readFileSync(out)).toString('utf8');
    expect(csv.split('\n')[0]).toBe('researcher_id,year,place,country,discipline,publications,ror_id,geonames_id,lat,lon,region');
    // 12 rows from the good file; 4 from the malformed one, of which A…03 2020 Hong Kong folds into an existing row.
    expect(csv.trim().split('\n')).toHaveLength(1 + 15);
    expect(csv).toContain('A9000000003,2020,Hong Kong,HK,Computer Science,2,02zhqgq86,1819729,22.27832,114.17469,\n');
    const problems = readFileSync(join(dir, 'both', 'timelines.problems.csv'), 'utf8')
      .trim()
      .split('\n');
    // 11 problems of the records (the authorship without institutions is now a country-only warning),
    // plus the unknown-place of that country-level row (analysis below country level drops it).
    expect(problems).toHaveLength(1 + 12);
    expect(io.out()).toContain('Read 17 records from 2 files: 11 gave timeline rows, 6 none.');
    expect(io.out()).toMatch(/unknown-ror: 1 error, 1 warning/);
    expect(io.out()).toMatch(/malformed-record: 2 errors/);
  });

  it('runImport --ror reads an official ROR dump: institutions by ROR id and by acronym', async () => {
    const io = capture();
    const csv = join(dir, 'au.csv');
    writeFileSync(csv, 'researcher_id,year,institution,country\nr1,2019,https://ror.org/02bfwt286,\nr1,2022,UQ,AU\n');
    // Two records written here in the ROR v2 dump schema (names[] with types, locations[] with geonames_details).
    const dump = join(dir, 'ror-v2.json');
    const record = (
      id: string,
      name: string,
      acronym: string,
      geonamesId: number,
      city: string,
      lat: number,
      lng: number,
      subdivision: string,
    ) => ({
      id: `https://ror.org/${id}`,
      status: 'active',
      types: ['education'],
      names: [
        { value: name, types: ['ror_display', 'label'], lang: 'en' },
        { value: acronym, types: ['acronym'], lang: null },
      ],
      locations: [
        {
          geonames_id: geonamesId,
          geonames_details: { name: city, lat, lng, country_code: 'AU', country_name: 'Australia', country_subdivision_name: subdivision },
        },
      ],
      external_ids: [],
    });
    writeFileSync(
      dump,
      JSON.stringify([
        record('02bfwt286', 'Monash University', 'MU', 2158177, 'Melbourne', -37.9083, 145.138, 'Victoria'),
        record('00rqy9422', 'University of Queensland', 'UQ', 2174003, 'Brisbane', -27.495964, 153.009627, 'Queensland'),
      ]),
    );
    const out = join(dir, 'au', 'timelines.csv');
    expect(await runImport(['institutions', csv, '--out', out, '--ror', dump])).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').slice(1, 3)).toEqual([
      'r1,2019,Melbourne,AU,,1,02bfwt286,2158177,-37.9083,145.138,Victoria',
      'r1,2022,Brisbane,AU,,1,00rqy9422,2174003,-27.495964,153.009627,Queensland',
    ]);
    expect(io.out()).toContain('Every row resolves to a place: analysis will drop none.');
  });

  it('runImport --strict writes only the problems CSV and exits 1 when there is a problem', async () => {
    const io = capture();
    const out = join(dir, 'strict', 'timelines.csv');
    const problemsFile = join(dir, 'strict', 'found.csv');
    const code = await runImport([
      'orcid',
      `${FIXTURES}orcid/0000-0001-0000-0025.xml`,
      '--out',
      out,
      '--problems',
      problemsFile,
      '--strict',
    ]);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(problemsFile, 'utf8').trim().split('\n')).toHaveLength(1 + 4);
    expect(io.err()).toContain('--strict');
  });

  it('runImport passes ORCID options through: --until and --affiliations', async () => {
    capture();
    const out = join(dir, 'orcid', 'timelines.csv');
    const code = await runImport([
      'orcid',
      `${FIXTURES}orcid/0000-0002-1825-0097.xml`,
      '--out',
      out,
      '--until',
      '2023',
      '--affiliations',
      'employment',
    ]);
    expect(code).toBe(0);
    const years = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').slice(1, 3).join(' '));
    expect(years[0]).toBe('2016 Hong Kong');
    expect(years.at(-1)).toBe('2023 Shenzhen');
    expect(years).toHaveLength(3 + 5);
  });

  it('runImport answers --help, and exits 2 on a bad command line and 3 on an unreadable input', async () => {
    const io = capture();
    expect(await runImport(['--help'])).toBe(0);
    expect(io.out()).toContain('Usage: talentflow import <source>');
    expect(await runImport(['openalex-works', `${FIXTURES}openalex/works.jsonl`])).toBe(2);
    expect(await runImport(['scopus', 'x.csv', '--out', join(dir, 'x.csv')])).toBe(2);
    expect(await runImport(['orcid', 'x.xml', '--out', join(dir, 'x.csv'), '--until', '20xx'])).toBe(2);
    expect(await runImport(['orcid', 'x.xml', '--out', join(dir, 'x.csv'), '--affiliations', 'hobby'])).toBe(2);
    expect(await runImport(['orcid', 'x.xml', '--out', join(dir, 'x.csv'), '--bogus'])).toBe(2);
    expect(await runImport(['orcid', join(dir, 'missing.xml'), '--out', join(dir, 'x.csv')])).toBe(3);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('defaultProblemsPath puts <name>.problems.csv beside the output', () => {
    expect(defaultProblemsPath('out/timelines.csv.gz')).toBe(join('out', 'timelines.problems.csv'));
    expect(defaultProblemsPath('t.csv')).toBe('timelines.problems.csv'.replace('timelines', 't'));
  });
});

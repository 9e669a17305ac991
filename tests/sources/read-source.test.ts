import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, OptionError } from '../../src/errors.ts';
import { readTable } from '../../src/io/read-table.ts';
import { parseTimelines } from '../../src/records/parse-timelines.ts';
import type { Problem, TimelineRecord } from '../../src/records/types.ts';
import { readSourceTimelines, type SourceReadResult } from '../../src/sources/node/read-source.ts';
import { loadRorIndex } from '../../src/sources/node/load-ror.ts';
import type { InstitutionIndex } from '../../src/sources/types.ts';
import { FIXTURES } from './support.ts';

const OA = `${FIXTURES}openalex/`;
const ORCID = `${FIXTURES}orcid/`;
let ror: InstitutionIndex;
let dir: string;
beforeAll(async () => {
  ror = await loadRorIndex();
  dir = mkdtempSync(join(tmpdir(), 'talentflow-sources-'));
});

const withoutLines = (rows: readonly TimelineRecord[]) => rows.map(({ line: _line, ...rest }) => rest);
function countByReason(problems: readonly Problem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of problems) out[`${p.reason}/${p.severity}`] = (out[`${p.reason}/${p.severity}`] ?? 0) + 1;
  return out;
}
/** Every record that gave no row is accounted for by at least one problem at its locator. */
function expectAccounted(read: SourceReadResult, recordLocators: string[]) {
  const withRows = new Set(read.records.map((r) => r.line));
  const withProblems = new Set(read.problems.map((p) => `${p.file}:${p.line}`));
  expect(recordLocators.length).toBe(read.recordsRead);
  let silent = 0;
  for (const loc of recordLocators) {
    const line = Number(loc.slice(loc.lastIndexOf(':') + 1));
    if (!withProblems.has(loc) && !withRows.has(line)) silent++;
  }
  expect(silent).toBe(0);
  expect(read.rowsRead).toBe(read.records.length + read.recordsRead - read.recordsWithRows);
}

describe('readSourceTimelines', () => {
  it('readSourceTimelines reads OpenAlex works into folded timelines equal to the same facts as a canonical timelines CSV', async () => {
    const read = await readSourceTimelines('openalex-works', [`${OA}works.jsonl`], { ror });
    expect(read.problems).toEqual([]);
    expect([read.recordsRead, read.recordsWithRows, read.rowsConverted, read.records.length]).toEqual([8, 8, 13, 12]);
    // 13 converted rows fold to 12: A…02 published twice from Shenzhen in 2021 (works 6 and 7).
    expect(read.records.find((r) => r.researcherId === 'A9000000002' && r.year === 2021)).toMatchObject({
      place: 'Shenzhen',
      publications: 2,
      line: 6,
    });

    const table = await readTable(`${OA}works-timelines.csv`);
    const canonical = parseTimelines(table.table, table);
    expect(canonical.problems).toEqual([]);
    expect(withoutLines(read.records)).toEqual(withoutLines(canonical.records));
  });

  it('readSourceTimelines gives the same timelines from an API result page, a gzipped file and unfolded rows summed', async () => {
    const jsonl = await readSourceTimelines('openalex-works', [`${OA}works.jsonl`], { ror });
    const page = await readSourceTimelines('openalex-works', [`${OA}works-page.json`], { ror });
    // One work per line in the same order: page ordinals equal JSON-lines line numbers.
    expect(page.records).toEqual(jsonl.records);
    expect(page.recordsRead).toBe(8);

    const gz = join(dir, 'part_000.gz');
    writeFileSync(gz, gzipSync(readFileSync(`${OA}works.jsonl`)));
    const progress: [number, number][] = [];
    const zipped = await readSourceTimelines('openalex-works', [gz], { ror, onProgress: (done, total) => progress.push([done, total]) });
    expect(zipped.records).toEqual(jsonl.records);
    const size = statSync(gz).size;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([, total]) => total === size)).toBe(true);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);
    expect(progress.at(-1)![0]).toBe(size);

    const unfolded = await readSourceTimelines('openalex-works', [`${OA}works.jsonl`], { ror, fold: false });
    expect(unfolded.records).toHaveLength(13);
    expect(unfolded.records.reduce((s, r) => s + r.publications, 0)).toBe(jsonl.records.reduce((s, r) => s + r.publications, 0));
  });

  it('readSourceTimelines counts and reports every malformed work by reason and accounts for every record', async () => {
    const file = `${OA}works-malformed.jsonl`;
    const read = await readSourceTimelines('openalex-works', [file], { ror });
    // 10 lines, one blank: 9 records; rows from line 1 (A…03 at HKU), line 4 (an authorship without
    // institutions, placed by its countries: HK, country level) and line 8 (HKUST by name, Shenzhen University by name).
    expect([read.recordsRead, read.recordsWithRows, read.records.length]).toEqual([9, 3, 4]);
    expect(countByReason(read.problems)).toEqual({
      'unknown-ror/error': 1,
      'unknown-ror/warning': 1,
      'missing-year/error': 1,
      'bad-year/error': 1,
      'country-only/warning': 1,
      'empty-id/error': 1,
      'no-authors/error': 1,
      'malformed-record/error': 2,
      'ambiguous-institution/error': 1,
      'unknown-institution/error': 1,
    });
    expect(read.records.map((r) => `${r.line} ${r.researcherId} ${r.place}`)).toEqual([
      '4 A9000000003 HK',
      '1 A9000000003 Hong Kong',
      '8 A9000000004 Hong Kong',
      '8 A9000000004 Shenzhen',
    ]);
    expectAccounted(
      read,
      [1, 2, 3, 4, 5, 6, 7, 8, 10].map((l) => `${file}:${l}`),
    );
  });

  it('readSourceTimelines reads OpenAlex authors', async () => {
    const file = `${OA}authors.jsonl`;
    const read = await readSourceTimelines('openalex-authors', [file], { ror });
    expect([read.recordsRead, read.recordsWithRows, read.records.length]).toEqual([6, 4, 12]);
    expect(countByReason(read.problems)).toEqual({
      'no-institution/error': 1,
      'missing-year/error': 1,
      'bad-year/error': 1,
      'unknown-ror/error': 1,
    });
    const a1 = read.records.filter((r) => r.researcherId === 'A9000000001').map((r) => `${r.year} ${r.place}`);
    expect(a1).toEqual(['2018 Cambridge', '2019 Cambridge', '2020 Hong Kong', '2021 Hong Kong']);
    expectAccounted(
      read,
      [1, 2, 3, 4, 5, 6].map((l) => `${file}:${l}`),
    );
  });

  it('readSourceTimelines reads ORCID XML and JSON records, and the same records inside a .tar.gz data file', async () => {
    const names = [
      '0000-0002-1825-0097.xml',
      '0000-0001-0000-0009.json',
      '0000-0001-0000-0017.xml',
      '0000-0001-0000-0025.xml',
      'broken-record.xml',
      'no-identifier.xml',
    ];
    const files = names.map((n) => `${ORCID}${n}`);
    const read = await readSourceTimelines('orcid', files, { ror });
    // 12 rows (Josiah Carberry) + 8 (MIT 2015–2017, Stanford 2018–2022) + 2 (Kowloon 2017–2018).
    expect([read.recordsRead, read.recordsWithRows, read.rowsConverted, read.records.length]).toEqual([6, 3, 22, 22]);
    expect(countByReason(read.problems)).toEqual({
      'no-institution/error': 1,
      'missing-year/error': 1,
      'bad-year/error': 1,
      'unknown-ror/warning': 1,
      'ambiguous-institution/error': 1,
      'malformed-record/error': 1,
      'empty-id/error': 1,
    });
    expect(read.problems.find((p) => p.reason === 'malformed-record')).toMatchObject({ file: `${ORCID}broken-record.xml`, line: 10 });
    expect(read.files.map((f) => f.recordsRead)).toEqual([1, 1, 1, 1, 1, 1]);

    // The public data file: a gzipped tar of one XML file per record, in sub-folders.
    const staging = mkdtempSync(join(tmpdir(), 'talentflow-orcid-'));
    execFileSync('mkdir', ['-p', join(staging, 'ORCID_summaries/097'), join(staging, 'ORCID_summaries/009')]);
    copyFileSync(files[0]!, join(staging, 'ORCID_summaries/097', names[0]!));
    copyFileSync(files[1]!, join(staging, 'ORCID_summaries/009', names[1]!));
    writeFileSync(join(staging, 'ORCID_summaries/README.txt'), 'not a record\n');
    const archive = join(dir, 'ORCID_summaries.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', staging, 'ORCID_summaries']);
    const fromTar = await readSourceTimelines('orcid', [archive], { ror });
    const direct = await readSourceTimelines('orcid', files.slice(0, 2), { ror });
    expect(fromTar.recordsRead).toBe(2);
    expect(fromTar.problems).toEqual([]);
    expect(fromTar.records).toEqual(direct.records);
  });

  it('readSourceTimelines locates problems inside a tar archive by member', async () => {
    const staging = mkdtempSync(join(tmpdir(), 'talentflow-orcid-'));
    copyFileSync(`${ORCID}0000-0001-0000-0025.xml`, join(staging, '0000-0001-0000-0025.xml'));
    const archive = join(dir, 'bad.tar');
    execFileSync('tar', ['-cf', archive, '-C', staging, '0000-0001-0000-0025.xml']);
    const read = await readSourceTimelines('orcid', [archive], { ror });
    expect(read.problems.map((p) => `${p.file}:${p.line} ${p.reason}`)).toEqual([
      `${archive}!/0000-0001-0000-0025.xml:12 missing-year`,
      `${archive}!/0000-0001-0000-0025.xml:21 bad-year`,
      `${archive}!/0000-0001-0000-0025.xml:31 unknown-ror`,
      `${archive}!/0000-0001-0000-0025.xml:45 ambiguous-institution`,
    ]);
  });

  it('readSourceTimelines reads a list of institutions by ROR id or name', async () => {
    const file = join(dir, 'affiliations.csv');
    writeFileSync(
      file,
      [
        'Researcher ID,Year,Institution,Country,Publications',
        'r1,2018,https://ror.org/03vek6s52,,3',
        'r1,2020,University of Hong Kong,HK,2',
        'r2,2019,"Tsinghua University",CN,1',
        '',
        'r2,2021,Mahatma Gandhi University,IN,1',
        'r2,2022,"Hong Kong University of',
        'Science and Technology",,1',
        'r3,2022,Harvard Univ,US,1',
        'r3,20x2,Harvard University,US,1',
        'r3,2023,Harvard University,US,0',
      ].join('\n'),
    );
    const read = await readSourceTimelines('institutions', [file], { ror });
    expect(read.records.map((r) => `${r.line} ${r.researcherId} ${r.year} ${r.place} ${r.country} ${r.publications}`)).toEqual([
      '2 r1 2018 Cambridge US 3',
      '3 r1 2020 Hong Kong HK 2',
      '4 r2 2019 Beijing CN 1',
      '7 r2 2022 Hong Kong HK 1',
    ]);
    expect(read.problems.map((p) => `${p.line} ${p.reason} ${p.severity}`)).toEqual([
      '6 ambiguous-institution error',
      '9 unknown-institution error',
      '10 bad-year error',
      '11 bad-count warning',
    ]);
    expect(read.problems[1]!.suggestions?.[0]).toMatch(/^Harvard University \(Cambridge, US; 03vek6s52\)/);
    expect(read.recordsRead).toBe(8);

    const noColumn = join(dir, 'no-institution-column.csv');
    writeFileSync(noColumn, 'researcher_id,year,place\nr1,2020,Boston\n');
    const missing = await readSourceTimelines('institutions', [noColumn], { ror });
    expect(missing.problems.map((p) => [p.reason, p.field, p.line])).toEqual([['missing-column', 'institution', 1]]);
    expect(missing.recordsRead).toBe(0);
  });

  it('readSourceTimelines rejects unknown sources, no files, missing files and corrupt gzip with named errors', async () => {
    await expect(readSourceTimelines('scopus' as never, [`${OA}works.jsonl`], { ror })).rejects.toBeInstanceOf(OptionError);
    await expect(readSourceTimelines('orcid', [], { ror })).rejects.toBeInstanceOf(OptionError);
    await expect(readSourceTimelines('openalex-works', [join(dir, 'nope.jsonl')], { ror })).rejects.toMatchObject({
      name: 'InputError',
      file: join(dir, 'nope.jsonl'),
    });
    const truncated = join(dir, 'truncated.jsonl.gz');
    const whole = gzipSync(readFileSync(`${OA}works.jsonl`));
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await readSourceTimelines('openalex-works', [truncated], { ror }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(truncated);
  });
});

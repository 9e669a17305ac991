import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { convertOrcidRecord, ORCID_DEFAULTS } from '../../src/sources/orcid.ts';
import { orcidIdIn, orcidRecordFromJson, orcidRecordFromXml, type OrcidRecord } from '../../src/sources/orcid-record.ts';
import { parseXml } from '../../src/sources/xml.ts';
import { FIXTURES, smallIndex } from './support.ts';

const index = smallIndex();
const xmlRecord = (name: string) => orcidRecordFromXml(parseXml(readFileSync(`${FIXTURES}orcid/${name}`, 'utf8')));
const years = (rows: { year: number; place: string }[]) => rows.map((r) => `${r.year} ${r.place}`);

describe('orcidRecordFromXml', () => {
  it('orcidRecordFromXml reads the iD, each affiliation with its years, organisation and line', () => {
    const record = xmlRecord('0000-0002-1825-0097.xml');
    expect(record.orcid).toBe('0000-0002-1825-0097');
    expect(record.lastModified).toBe('2021-06-30T09:12:44.118Z');
    expect(record.affiliations.map((a) => [a.kind, a.startYear, a.endYear, a.line])).toEqual([
      ['education', '2010', '2015', 34],
      ['employment', '2019', null, 75],
      ['employment', '2016', '2018', 109],
    ]);
    expect(record.affiliations[2]!.organization).toEqual({
      name: 'The University of Hong Kong',
      city: 'Pokfulam',
      region: null,
      country: 'HK',
      disambiguatedId: 'https://ror.org/02zhqgq86',
      disambiguationSource: 'ROR',
    });
    expect(record.affiliations[1]!.organization.disambiguationSource).toBe('RINGGOLD');
  });

  it('orcidRecordFromXml reads a single activity file of the activities dump', () => {
    const record = orcidRecordFromXml(
      parseXml(
        '<employment:employment xmlns:employment="e" xmlns:common="c" path="/0000-0001-0000-0009/employment/7">' +
          '<common:start-date><common:year>2015</common:year></common:start-date>' +
          '<common:organization><common:name>MIT</common:name><common:address><common:city>Cambridge</common:city><common:country>US</common:country></common:address></common:organization>' +
          '</employment:employment>',
      ),
    );
    expect(record.orcid).toBe('0000-0001-0000-0009');
    expect(record.affiliations).toHaveLength(1);
    expect(record.affiliations[0]).toMatchObject({ kind: 'employment', startYear: '2015', organization: { city: 'Cambridge' } });
  });
});

describe('orcidRecordFromJson', () => {
  it('orcidRecordFromJson reads API 3.0 JSON: value-wrapped years and epoch-millisecond dates', () => {
    const record = orcidRecordFromJson(JSON.parse(readFileSync(`${FIXTURES}orcid/0000-0001-0000-0009.json`, 'utf8')), 1);
    expect(record.orcid).toBe('0000-0001-0000-0009');
    expect(record.lastModified).toBe('2022-01-01T00:00:00.000Z');
    expect(record.affiliations.map((a) => [a.kind, a.startYear, a.endYear, a.lastModified, a.organization.disambiguationSource])).toEqual([
      ['employment', '2018', null, '2022-01-01T00:00:00.000Z', 'RINGGOLD'],
      ['employment', '2015', '2017', '2018-01-01T00:00:00.000Z', 'ROR'],
    ]);
  });

  it('orcidRecordFromJson reads the 2.x layout (lists of summaries) and finds the iD in a path', () => {
    const record = orcidRecordFromJson(
      {
        'employment-summary': [],
        employments: { 'employment-summary': [{ 'start-date': { year: { value: '2001' } }, path: '/0000-0001-0000-0017/employment/1' }] },
      },
      4,
    );
    expect(record.orcid).toBe('0000-0001-0000-0017');
    expect(record.affiliations.map((a) => [a.startYear, a.line])).toEqual([['2001', 4]]);
    expect(orcidIdIn('https://orcid.org/0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(orcidIdIn('no id here')).toBeNull();
  });
});

describe('convertOrcidRecord', () => {
  it('convertOrcidRecord gives one row per year of each span; an ongoing one runs to its last-modified year', () => {
    const { rows, problems } = convertOrcidRecord(xmlRecord('0000-0002-1825-0097.xml'), 'r.xml', index);
    expect(problems).toEqual([]);
    // Education 2010–2015 at Tsinghua (ROR → Beijing); HKU 2016–2018 (ROR city Pok Fu Lam → Hong Kong);
    // SUSTech from 2019, no end, last modified 2021 (RINGGOLD: the address, Shenzhen).
    expect(years(rows)).toEqual([
      '2010 Beijing',
      '2011 Beijing',
      '2012 Beijing',
      '2013 Beijing',
      '2014 Beijing',
      '2015 Beijing',
      '2016 Hong Kong',
      '2017 Hong Kong',
      '2018 Hong Kong',
      '2019 Shenzhen',
      '2020 Shenzhen',
      '2021 Shenzhen',
    ]);
    expect(rows.every((r) => r.researcherId === '0000-0002-1825-0097' && r.publications === 1 && r.discipline === null)).toBe(true);
    expect(rows.map((r) => r.line).filter((l, i, a) => a.indexOf(l) === i)).toEqual([34, 109, 75]);
  });

  it('convertOrcidRecord honours openEndYear and the affiliation kinds asked for', () => {
    const record = xmlRecord('0000-0002-1825-0097.xml');
    const until2023 = convertOrcidRecord(record, 'r.xml', index, { openEndYear: 2023 }).rows;
    expect(years(until2023).slice(-5)).toEqual(['2019 Shenzhen', '2020 Shenzhen', '2021 Shenzhen', '2022 Shenzhen', '2023 Shenzhen']);
    const employmentOnly = convertOrcidRecord(record, 'r.xml', index, { affiliations: ['employment'] }).rows;
    expect(employmentOnly[0]!.year).toBe(2016);
    expect(ORCID_DEFAULTS.affiliations).toEqual(['employment', 'education']);
    expect(() => convertOrcidRecord(record, 'r.xml', index, { affiliations: ['hobby' as never] })).toThrow(OptionError);
    expect(() => convertOrcidRecord(record, 'r.xml', index, { openEndYear: 99 })).toThrow(OptionError);
  });

  it('convertOrcidRecord counts overlapping affiliations in one city once per year', () => {
    const base = xmlRecord('0000-0002-1825-0097.xml').affiliations[2]!;
    const record: OrcidRecord = {
      orcid: '0000-0001-0000-0009',
      status: 'ok',
      statusDetail: null,
      lastModified: null,
      line: 1,
      affiliations: [
        { ...base, startYear: '2016', endYear: '2018' },
        { ...base, kind: 'education', startYear: '2017', endYear: '2019' },
      ],
    };
    expect(years(convertOrcidRecord(record, 'r.xml', index).rows)).toEqual([
      '2016 Hong Kong',
      '2017 Hong Kong',
      '2018 Hong Kong',
      '2019 Hong Kong',
    ]);
  });

  it('convertOrcidRecord reports missing and bad years, unknown ROR ids and unplaceable organisations, each at its line', () => {
    const { rows, problems } = convertOrcidRecord(xmlRecord('0000-0001-0000-0025.xml'), 'bad.xml', index);
    expect(years(rows)).toEqual(['2017 Kowloon', '2018 Kowloon']);
    expect(problems.map((p) => [p.line, p.reason, p.severity, p.field, p.value])).toEqual([
      [12, 'missing-year', 'error', 'start-date.year', ''],
      [21, 'bad-year', 'error', 'end-date.year', '2014'],
      [31, 'unknown-ror', 'warning', 'organization.disambiguated-organization-identifier', 'https://ror.org/01zzzzz01'],
      [45, 'ambiguous-institution', 'error', 'organization.name', 'Mahatma Gandhi University'],
    ]);
    expect(problems[3]!.suggestions).toHaveLength(2);
  });

  it('convertOrcidRecord skips records without an iD or without affiliations', () => {
    expect(convertOrcidRecord(xmlRecord('0000-0001-0000-0017.xml'), 'x.xml', index).problems.map((p) => [p.reason, p.line])).toEqual([
      ['no-institution', 2],
    ]);
    expect(convertOrcidRecord(xmlRecord('no-identifier.xml'), 'x.xml', index).problems.map((p) => p.reason)).toEqual(['empty-id']);
  });
});

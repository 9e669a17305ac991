import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BlockTable } from '../../src/places/country-file.ts';

// data/places/geonames-raw is made by the build (tests/support/build.ts runs it) from the committed files.
const dir = new URL('../../data/places/', import.meta.url);
const indexText = readFileSync(new URL('geonames/index.json', dir), 'utf8');
const index = JSON.parse(indexText) as { countries: Record<string, number>; blocks: Record<string, BlockTable> };
const raw = JSON.parse(readFileSync(new URL('geonames-raw/index.json', dir), 'utf8')) as {
  source: string;
  blocks: Record<string, BlockTable>;
};

describe('the inflated country files (data/places/geonames-raw)', () => {
  it('were made from this index.json, with a block table for every country it has', () => {
    expect(raw.source).toBe(createHash('sha256').update(indexText).digest('hex'));
    expect(Object.keys(raw.blocks).sort()).toEqual(Object.keys(index.blocks).sort());
  });

  it('hold every block of the compressed files byte for byte, with the same first ids and keys, back to back', () => {
    for (const cc of ['NL', 'FR', 'US', 'JP', 'AD']) {
      const gz = readFileSync(new URL(`geonames/${cc}.tsv.gz`, dir));
      const plain = readFileSync(new URL(`geonames-raw/${cc}.tsv`, dir));
      let end = 0;
      for (const section of ['places', 'names'] as const) {
        const packed = index.blocks[cc]![section];
        const unpacked = raw.blocks[cc]![section];
        expect(unpacked.length).toBe(packed.length);
        packed.forEach(([offset, length, first], b) => {
          const [at, size, rawFirst] = unpacked[b]!;
          expect(rawFirst).toBe(first);
          expect(at).toBe(end);
          expect(Buffer.compare(plain.subarray(at, at + size), gunzipSync(gz.subarray(offset, offset + length)))).toBe(0);
          end = at + size;
        });
      }
      expect(end).toBe(plain.length);
    }
  });
});

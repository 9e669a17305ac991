import { describe, expect, it } from 'vitest';
import { normalizeCountryName, normalizeName } from '../../src/places/normalize.ts';

describe('normalizeName', () => {
  it('normalizeName ignores case, diacritics and letters NFD does not decompose', () => {
    expect(normalizeName('Zürich')).toBe('zurich');
    expect(normalizeName('ZURICH')).toBe('zurich');
    expect(normalizeName('Hørsholm')).toBe('horsholm');
    expect(normalizeName('Łódź')).toBe('lodz');
    expect(normalizeName('Le Kremlin-Bicêtre')).toBe(normalizeName('Le Kremlin-Bicetre'));
  });

  it('normalizeName drops dots and apostrophes, turns other punctuation into one space', () => {
    expect(normalizeName('Washington, D.C.')).toBe('washington dc');
    expect(normalizeName('Washington D.C.')).toBe('washington dc');
    expect(normalizeName('  Gif-sur-Yvette ')).toBe('gif sur yvette');
    expect(normalizeName("L'Aquila")).toBe('laquila');
  });

  it('normalizeName reads St., Sankt and Ste. as Saint and Sainte, only as whole words', () => {
    expect(normalizeName('St. Louis')).toBe('saint louis');
    expect(normalizeName('Saint-Louis')).toBe('saint louis');
    expect(normalizeName('Ste-Foy')).toBe('sainte foy');
    expect(normalizeName('Sankt Pölten')).toBe(normalizeName('St. Pölten'));
    expect(normalizeName('Stuttgart')).toBe('stuttgart');
  });

  it('normalizeName of punctuation only is empty', () => {
    expect(normalizeName(' - . ')).toBe('');
  });
});

describe('normalizeCountryName', () => {
  it('normalizeCountryName drops a leading or trailing "the" and reads & as and', () => {
    expect(normalizeCountryName('the Netherlands')).toBe('netherlands');
    expect(normalizeCountryName('Gambia, The')).toBe('gambia');
    expect(normalizeCountryName('Trinidad & Tobago')).toBe('trinidad and tobago');
  });
});

describe('normalizeName over the gazetteer', () => {
  it('normalizeName is idempotent and never leaves punctuation, upper case or combining marks (property check over GeoNames names)', async () => {
    const { loadGazetteer } = await import('../../src/places/gazetteer.ts');
    const g = loadGazetteer();
    const cities = g.countries().flatMap((cc) => g.places(cc));
    expect(cities.length).toBeGreaterThan(200_000);
    for (const { name } of cities.filter((_, i) => i % 7 === 0)) {
      const key = normalizeName(name);
      expect(normalizeName(key)).toBe(key);
      expect(/[\p{M}\p{Lu}.,'-]|^ | $| {2}/u.test(key), name).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { splitQualifier } from '../../src/places/qualified.ts';
import { createPlaceResolver } from '../../src/places/resolve.ts';

describe('splitQualifier', () => {
  it('splitQualifier reads a trailing parenthesis or the part after the last comma', () => {
    expect(splitQualifier('Columbia (South Carolina)')).toEqual({ base: 'Columbia', qualifier: 'South Carolina' });
    expect(splitQualifier('Columbia, SC')).toEqual({ base: 'Columbia', qualifier: 'SC' });
    expect(splitQualifier('Marāgheh (GeoNames 124877)')).toEqual({ base: 'Marāgheh', qualifier: 'GeoNames 124877' });
    expect(splitQualifier('Columbia')).toBeNull();
    expect(splitQualifier('(South Carolina)')).toBeNull();
    expect(splitQualifier('Columbia, ')).toBeNull();
  });
});

describe('createPlaceResolver on qualified names', () => {
  const city = createPlaceResolver({ level: 'city' });

  // GeoNames ids checked by hand: Columbia, South Carolina 4575352; Springfield, Illinois 4250542;
  // Osaka 1853909, Sakai 1853195 (both have a Nishi-ku); Marāgheh, East Azerbaijan 124877.
  it.each([
    ['Columbia (South Carolina)', 'US', 4575352],
    ['Columbia, SC', 'US', 4575352],
    ['Columbia (GeoNames 4575352)', 'US', 4575352],
    ['Springfield (Illinois)', 'US', 4250542],
    ['Nishi-ku (Osaka)', 'JP', 1853909],
    ['Nishi-ku (Sakai)', 'JP', 1853195],
    ['Marāgheh (GeoNames 124877)', 'IR', 124877],
  ])('createPlaceResolver reads %s, %s as GeoNames %i and records the qualifier', (name, country, id) => {
    const r = city.resolve(name, country);
    expect(r).toMatchObject({ ok: true, geonamesId: id });
    expect(r.ok && r.via?.steps[0]).toBe('qualifier');
  });

  it("createPlaceResolver reads a qualifier that is the row's own country as no qualifier (Santiago, Chile)", () => {
    const r = city.resolve('Santiago, Chile', 'CL');
    expect(r).toMatchObject({ ok: true, place: { id: 'Santiago, CL' } });
    expect(r.ok && r.via?.steps).toEqual(['qualifier']);
    // Georgia is a state before it is a country.
    expect(city.resolve('Columbus, Georgia', 'US')).toMatchObject({ ok: true, place: { id: 'Columbus (Georgia), US' } });
  });

  it('createPlaceResolver keeps a name GeoNames writes with a parenthesis as it is (Halle (Saale))', () => {
    const r = city.resolve('Halle (Saale)', 'DE');
    expect(r).toMatchObject({ ok: true, place: { id: 'Halle (Saale), DE' } });
    expect(r.ok && r.via).toBeUndefined();
  });

  it('createPlaceResolver names the qualifier it cannot read and keeps the candidates', () => {
    const r = city.resolve('Columbia (Narnia)', 'US');
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous-place' });
    expect(!r.ok && r.message).toContain('"Narnia" is no region, GeoNames id or city of these places');
    expect(!r.ok && r.suggestions[0]).toBe('Columbia (South Carolina), US (admin1 SC, pop. 133,803)');
  });

  // Property: every candidate an ambiguous-place problem suggests, written as suggested, is a
  // place of its own: as many distinct places as suggestions, each in the row's country.
  it.each([
    ['Columbia', 'US'],
    ['Springfield', 'US'],
    ['Northfield', 'US'],
    ['Nishi-ku', 'JP'],
    ['Aoba', 'JP'],
    ['Puttūr', 'IN'],
  ])('createPlaceResolver reads back each suggestion for the ambiguous %s, %s as a distinct place', (name, country) => {
    const r = city.resolve(name, country);
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous-place' });
    expect(!r.ok && r.message).toContain('write the one meant as suggested');
    const suggestions = r.ok ? [] : r.suggestions;
    expect(suggestions.length).toBeGreaterThan(1);
    const ids = suggestions.map((s) => {
      const written = s.slice(0, s.lastIndexOf(`, ${country}`));
      const back = city.resolve(written, country);
      expect(back, written).toMatchObject({ ok: true, place: { country } });
      return back.ok ? back.geonamesId : null;
    });
    expect(new Set(ids).size).toBe(suggestions.length);
  });
});

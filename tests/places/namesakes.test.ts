import { describe, expect, it } from 'vitest';
import { admin1Name } from '../../src/places/by-geonames.ts';
import { createPlaceResolver } from '../../src/places/resolve.ts';
import type { PlaceResolution } from '../../src/places/types.ts';

const idOf = (r: PlaceResolution) => (r.ok ? r.place.id : r.reason);

describe('namesake city ids (places/namesakes.ts)', () => {
  const city = createPlaceResolver({ level: 'city' });
  const metro = createPlaceResolver();

  it('createPlaceResolver gives two cities of one name in one country two ids, the one the name means keeping "Name, CC"', () => {
    // Newark: the name alone is New Jersey's (most populous); Delaware's is reached by its GeoNames id.
    expect(idOf(city.resolve('Newark', 'US'))).toBe('Newark, US');
    expect(idOf(city.resolveAt!('Newark', 'US', { geonamesId: 5101798 }))).toBe('Newark, US');
    expect(idOf(city.resolveAt!('Newark', 'US', { geonamesId: 4143861 }))).toBe('Newark (Delaware), US');
    // Arlington: the name alone is Texas's; Virginia's by coordinates or by state.
    expect(idOf(city.resolve('Arlington', 'US'))).toBe('Arlington, US');
    expect(idOf(city.resolveAt!('Arlington', 'US', { lat: 38.88101, lon: -77.10428 }))).toBe('Arlington (Virginia), US');
    expect(idOf(city.resolveAt!('Arlington', 'US', { region: 'VA' }))).toBe('Arlington (Virginia), US');
    // Springfield: the name alone is ambiguous, so no city keeps the bare id.
    expect(idOf(city.resolve('Springfield', 'US'))).toBe('ambiguous-place');
    expect(idOf(city.resolveAt!('Springfield', 'US', { geonamesId: 4250542 }))).toBe('Springfield (Illinois), US');
    expect(idOf(city.resolveAt!('Springfield', 'US', { region: 'Massachusetts' }))).toBe('Springfield (Massachusetts), US');
  });

  it('createPlaceResolver keeps the ids of names no other GeoNames city shares, and of metro members, at every level', () => {
    expect(idOf(city.resolveAt!('Middletown', 'US', { geonamesId: 4838633 }))).toBe('Middletown, US');
    expect(idOf(city.resolveAt!('Halle', 'DE', { lat: 51.4816, lon: 11.9797 }))).toBe('Halle (Saale), DE');
    expect(idOf(city.resolve('Taoyuan District', 'TW'))).toBe('Taoyuan, TW');
    expect(idOf(city.resolveAt!('Cambridge', 'US', { geonamesId: 4931972 }))).toBe('Cambridge, US');
    expect(idOf(metro.resolveAt!('Newark', 'US', { geonamesId: 5101798 }))).toBe('New York');
    expect(idOf(metro.resolveAt!('Newark', 'US', { geonamesId: 4143861 }))).toBe('Newark (Delaware), US');
  });

  it('createPlaceResolver labels a qualified namesake with its qualifier; a region this project cannot name gives the GeoNames id', () => {
    const r = city.resolveAt!('Newark', 'US', { geonamesId: 4143861 });
    expect(r.ok && [r.place.label, r.place.lat]).toEqual(['Newark (Delaware)', 39.68372]);
    // Three Neustadts in Germany (GeoNames writes most with a qualifier; these three without):
    // German Länder codes are not names here. The name alone means the most populous one.
    expect(idOf(city.resolve('Neustadt', 'DE'))).toBe('Neustadt, DE');
    expect(idOf(city.resolveAt!('Neustadt', 'DE', { geonamesId: 2864054 }))).toBe('Neustadt, DE');
    expect(idOf(city.resolveAt!('Neustadt', 'DE', { geonamesId: 2864088 }))).toBe('Neustadt (GeoNames 2864088), DE');
    // Hamburg's Neustadt is a quarter of Hamburg (admin codes 02000): its city is Hamburg.
    expect(idOf(city.resolveAt!('Neustadt', 'DE', { geonamesId: 2864067 }))).toBe('Hamburg, DE');
    // Canada: Richmond, British Columbia is what the name means; Ontario's and Quebec's are qualified.
    expect(idOf(city.resolveAt!('Richmond', 'CA', { region: 'ON' }))).toBe('Richmond (Ontario), CA');
  });

  it('admin1Name names US states, Canadian provinces and Australian states by their GeoNames admin1 codes', () => {
    expect([
      admin1Name('US', 'DE'),
      admin1Name('US', 'DC'),
      admin1Name('CA', '02'),
      admin1Name('AU', '07'),
      admin1Name('DE', '11'),
    ]).toEqual(['Delaware', 'District of Columbia', 'British Columbia', 'Victoria', null]);
  });
});

import { describe, expect, it } from 'vitest';
import { createParentRule, type ParentInput } from '../../src/places/parent-city.ts';

// A hand-made county: a seat (PPLA2) 20 km from a section of it, and a nearer independent town.
const place = (
  id: number,
  name: string,
  feature: string,
  population: number,
  lat: number,
  lon: number,
  admin: string[],
  country = 'US',
): ParentInput => ({
  id,
  name,
  country,
  population,
  lat,
  lon,
  feature,
  admin,
  source: feature === '' ? 'ror' : 'geonames',
});

const seat = place(1, 'Big City', 'PPLA2', 3_000_000, 34.05, -118.24, ['CA', '037']);
const section = place(2, 'North Part', 'PPLX', 70_000, 34.23, -118.54, ['CA', '037']);
const town = place(3, 'Near Town', 'PPL', 200_000, 34.39, -118.54, ['CA', '037']);
const village = place(4, 'Old Seat', 'PPLA2', 0, 7.48, 4.56, ['42', '30011'], 'NG');
const market = place(5, 'Market Town', 'PPL', 100_000, 7.6, 4.7, ['42', '30012'], 'NG');
const ward = place(6, 'Big City Municipality', '', 0, 34.06, -118.25, ['CA', '', '', '']);
const hk = place(7, 'Hong Kong', 'PPLC', 7_000_000, 22.28, 114.17, ['HCW'], 'HK');
const pfl = place(8, 'Pok Fu Lam', 'PPL', 77_100, 22.27, 114.13, ['HSO'], 'HK');

describe('createParentRule', () => {
  const us = createParentRule([seat, section, town, ward]);

  it('createParentRule maps a section to the seat of the division it shares, not the nearer town (34 km against 18 km)', () => {
    expect(us.parentOf(section)).toEqual({ city: seat, method: 'admin-seat' });
  });

  it('createParentRule keeps a populated place of known population and a seat of unknown population', () => {
    expect(us.parentOf(town)).toEqual({ city: town, method: 'self' });
    const ng = createParentRule([village, market]);
    expect(ng.parentOf(village)).toEqual({ city: village, method: 'self' });
  });

  it('createParentRule maps a named district to the city of its name', () => {
    expect(us.parentOf(ward)).toEqual({ city: seat, method: 'same-name' });
  });

  it('createParentRule puts every place of a city-state in its capital', () => {
    expect(createParentRule([hk, pfl]).parentOf(pfl)).toEqual({ city: hk, method: 'city-state' });
  });

  it('createParentRule keeps a district with no city in reach', () => {
    const lone = place(9, 'Lone Section', 'PPLX', 500, 60, 20, ['01', '02']);
    expect(createParentRule([lone]).parentOf(lone)).toEqual({ city: lone, method: 'unmatched' });
  });
});

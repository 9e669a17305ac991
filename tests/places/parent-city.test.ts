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

  // Real GeoNames ids and points (src/places/wards.ts lists the wards of these cities).
  const jp = (id: number, name: string, feature: string, pop: number, lat: number, lon: number, a1: string): ParentInput =>
    place(id, name, feature, pop, lat, lon, [a1, '', '', ''], 'JP');
  const tokyo = jp(1850147, 'Tokyo', 'PPLC', 8_336_599, 35.6895, 139.69171, '40');
  const yokohama = jp(1848354, 'Yokohama', 'PPLA', 3_761_630, 35.43333, 139.65, '19');
  const kawasaki = jp(1859642, 'Kawasaki', 'PPLA2', 1_531_646, 35.52056, 139.71722, '19');
  const sagamihara = jp(11611609, 'Sagamihara', 'PPLA2', 0, 35.56707, 139.24167, '19');
  const tama = jp(6822129, 'Tama', 'PPLA2', 148_285, 35.6436, 139.46844, '40');
  const rule = createParentRule([tokyo, yokohama, kawasaki, sagamihara, tama]);

  it('createParentRule maps a listed ward to its city whatever lies nearer (Tsurumi-ku: 4 km from Kawasaki, a ward of Yokohama)', () => {
    const tsurumi = jp(1849567, 'Tsurumi Ku', '', 0, 35.5001, 139.67809, '19');
    const takatsu = jp(8304295, 'Takatsu', '', 0, 35.59222, 139.61529, '19');
    expect(rule.parentOf(tsurumi)).toEqual({ city: yokohama, method: 'ward' });
    expect(rule.parentOf(takatsu)).toEqual({ city: kawasaki, method: 'ward' });
  });

  it('createParentRule gives a ward name two cities of one division share to the nearer (Midori-ku: Yokohama 15 km, Sagamihara 26 km)', () => {
    const yMidori = jp(7470866, 'Midori Ku', '', 0, 35.5155, 139.52624, '19');
    const sMidori = jp(1857128, 'Midori-ku', '', 0, 35.5684, 139.19194, '19');
    expect(rule.parentOf(yMidori).city).toBe(yokohama);
    expect(rule.parentOf(sMidori).city).toBe(sagamihara);
  });

  it("createParentRule maps a ward named with an administrative word by name alone when no GeoNames place bears it, but not a namesake city's", () => {
    // ROR's Shinagawa City has a point and prefecture (05) 700 km from Tokyo.
    const shinagawa = jp(1852139, 'Shinagawa City', '', 0, 33.63627, 133.00572, '05');
    expect(rule.parentOf(shinagawa)).toEqual({ city: tokyo, method: 'ward' });
    // Tama is a ward of Kawasaki and a city of Tokyo: "Tama City" in Tokyo is the city.
    const tamaCity = jp(99, 'Tama City', '', 0, 35.6436, 139.4684, '40');
    expect(rule.parentOf(tamaCity)).toEqual({ city: tama, method: 'same-name' });
    expect(rule.parentOf(tama)).toEqual({ city: tama, method: 'self' });
  });

  it('createParentRule keeps a Japanese town or village (machi, chō, mura) however near a larger city, not a neighbourhood ending in -chō', () => {
    // Tōkai Mura lies 8.6 km from Hitachinaka (154,631), which pulled it; Seika-cho 30 km from Kyoto.
    const hitachinaka = jp(6822096, 'Hitachi-Naka', 'PPLA2', 154_631, 36.39659, 140.53479, '14');
    const tokai = jp(2110767, 'Tōkai Mura', '', 0, 36.46078, 140.58058, '14');
    const kyoto = jp(1857910, 'Kyoto', 'PPLA', 1_463_723, 35.02107, 135.75385, '22');
    const seika = jp(7412205, 'Seika-cho', '', 0, 34.75749, 135.77595, '22');
    const yoyogi = jp(1848136, 'Yoyogi-sanyachō', '', 0, 35.68245, 139.69382, '40');
    const towns = createParentRule([hitachinaka, tokai, kyoto, seika, tokyo, yoyogi]);
    expect(towns.parentOf(tokai)).toEqual({ city: tokai, method: 'self' });
    expect(towns.parentOf(seika)).toEqual({ city: seika, method: 'self' });
    expect(towns.parentOf(yoyogi)).toEqual({ city: tokyo, method: 'pull' });
  });

  // Real GeoNames ids, points and admin1 codes (src/places/admin-cities.ts, src/places/wards.ts).
  const kr = (id: number, name: string, feature: string, pop: number, lat: number, lon: number, a1: string): ParentInput =>
    place(id, name, feature, pop, lat, lon, [a1, '', '', ''], 'KR');
  const seoul = kr(1835848, 'Seoul', 'PPLC', 10_349_312, 37.566, 126.9784, '11');
  const daejeon = kr(1835235, 'Daejeon', 'PPLA', 1_469_543, 36.34913, 127.38493, '19');
  const yuseong = kr(1832034, 'Yuseong', 'PPLA2', 0, 36.35389, 127.33667, '19');
  const anyang = kr(1846898, 'Anyang-si', 'PPL', 595_644, 37.3925, 126.92694, '13');
  const suwon = kr(1835553, 'Suwon', 'PPLA', 1_241_311, 37.29111, 127.00889, '13');
  const chungju = kr(1845033, 'Chungju', 'PPL', 209_483, 36.97666, 127.9287, '05');
  const yongin = kr(1832426, 'Yongin-si', '', 0, 37.23825, 127.17795, '13');
  const gwacheon = kr(1841909, 'Gwacheon', '', 0, 37.42889, 126.98917, '13');
  const giheung = kr(6573743, 'Giheung', '', 0, 37.27917, 127.10833, '');
  const eumseong = kr(1833704, 'Eumseong-gun', '', 0, 36.92602, 127.6807, '05');
  const jungGu = kr(1845068, 'Jung-gu', '', 0, 37.55986, 126.99398, '');
  const korea = createParentRule([seoul, daejeon, yuseong, anyang, suwon, chungju, yongin, gwacheon, giheung, eumseong, jungGu]);

  it('createParentRule keeps a Korean city or county however near a larger city (Gwacheon 7 km from Anyang, Eumseong-gun 23 km from Chungju)', () => {
    expect(korea.parentOf(gwacheon)).toEqual({ city: gwacheon, method: 'self' });
    expect(korea.parentOf(eumseong)).toEqual({ city: eumseong, method: 'self' });
    expect(korea.parentOf(yongin)).toEqual({ city: yongin, method: 'self' });
  });

  it('createParentRule maps a Korean district to its city by law: a metropolitan division to its city, a listed gu to its city', () => {
    // Yuseong is a seat (PPLA2), of a district of Daejeon; Jung-gu has no admin1 and takes Seoul's, 1.5 km away.
    expect(korea.parentOf(yuseong)).toEqual({ city: daejeon, method: 'ward' });
    expect(korea.parentOf(jungGu)).toEqual({ city: seoul, method: 'ward' });
    // Giheung: 9 km from Suwon (1.2 M), 8 km from the point of Yongin (no population known); a district of Yongin.
    expect(korea.parentOf(giheung)).toEqual({ city: yongin, method: 'ward' });
    expect(korea.parentOf(seoul)).toEqual({ city: seoul, method: 'self' });
  });
});

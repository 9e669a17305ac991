import { describe, expect, it } from 'vitest';
import { createPlaceResolver } from '../../src/places/resolve.ts';
import type { PlaceResolution } from '../../src/places/types.ts';

// name, country, expected city-level place id (or 'ambiguous'), and a match step the record must show
// ('' = literal). Expected places checked by hand against GeoNames and the institutions ROR files there.
const TABLE: [string, string, string, string][] = [
  // the names that were unknown
  ['Gazipur', 'BD', 'Gazipur, BD', 'ror-place'],
  ['Nonthaburi', 'TH', 'Mueang Nonthaburi, TH', 'ror-name'],
  ['New Taipei', 'TW', 'Banqiao, TW', 'district'], // GeoNames has no city "New Taipei"; Banqiao is its seat
  ['Howrah', 'IN', 'Hāora, IN', 'ror-name'],
  ['Santiago de Cali', 'CO', 'Cali, CO', 'ror-name'],
  ['Dunkerque', 'FR', 'Dunkerque, FR', ''],
  ['Dunkirk', 'FR', 'Dunkerque, FR', 'ror-name'],
  ['Taoyuan District', 'TW', 'Taoyuan, TW', 'ror-name'],
  ['Zaragoza Municipality', 'ES', 'Zaragoza, ES', 'district'],
  ['Grobogan Regency', 'ID', 'Purwodadi, ID', 'district'], // the regency's seat
  ['Kota Malang', 'ID', 'Malang, ID', 'district'],
  ['Podolsk Urban Okrug', 'RU', 'Podolsk, RU', 'district'],
  ['Jiulongpo Qu', 'CN', 'Chongqing, CN', 'district'],
  // wards: Chūō-ku names wards of nine cities; ROR's organisations are mostly in Osaka's (41 against 14)
  ['Chuo-ku', 'JP', 'Osaka, JP', 'most-organisations'],
  ['Chūō Ku', 'JP', 'Osaka, JP', 'most-organisations'],
  ['Minami-ku', 'JP', 'Hiroshima, JP', 'most-organisations'],
  ['Nishi-ku', 'JP', 'ambiguous', ''],
  // ROR's own spelling of one ward where the normalised name is shared (src/places/ror-spelling.ts):
  // "Nishi Ku" is GeoNames' and ROR's name for Yokohama's Nishi ward only (9 organisations, all in
  // Kanagawa), "Naka Ku" for Yokohama's Naka ward, "Naka-ku" for Hiroshima's; Konan-shi is 湖南市,
  // Shiga (ROR: Gohsyu Corporation, Shiga), Kōnan Shi 香南市, Kōchi (YAMAKIN, Kōchi).
  ['Nishi Ku', 'JP', 'Yokohama, JP', 'ror-spelling'],
  ['Naka Ku', 'JP', 'Yokohama, JP', 'ror-spelling'],
  ['Naka-ku', 'JP', 'Hiroshima, JP', 'ror-spelling'],
  ['Konan-shi', 'JP', 'Konan (GeoNames 11612571), JP', 'ror-spelling'],
  ['Kōnan Shi', 'JP', 'Kōnan (GeoNames 11612550), JP', 'ror-spelling'],
  // Letter case is no spelling: "Higashi-ku" and ROR's "HIgashi-ku" (Okayama's) fold to one
  // spelling that ROR gives wards of Okayama and Hiroshima, and Higashi-ku names wards of ten cities.
  ['Higashi-ku', 'JP', 'ambiguous', ''],
  ['HIgashi-ku', 'JP', 'ambiguous', ''],
  // ROR's two points for Gopalganj (Dhaka Division), 16 km apart, neither a GeoNames city: one place.
  ['Gopalganj', 'BD', 'Gopālganj, BD', 'ror-place'],
  ['Gopālganj', 'BD', 'Gopālganj, BD', 'ror-place'],
  // native scripts and exonyms
  ['北京', 'CN', 'Beijing, CN', 'alternate-name'],
  ['Москва', 'RU', 'Moscow, RU', 'alternate-name'],
  ['القاهرة', 'EG', 'Cairo, EG', 'alternate-name'],
  ['東京', 'JP', 'Tokyo, JP', 'alternate-name'],
  ['서울', 'KR', 'Seoul, KR', 'alternate-name'],
  ['Wien', 'AT', 'Vienna, AT', 'alternate-name'],
  ['Lisboa', 'PT', 'Lisbon, PT', 'alternate-name'],
  ['Cologne', 'DE', 'Köln, DE', 'ror-name'],
  ['Peking', 'CN', 'Beijing, CN', 'member-spelling'],
  // namesakes across and within countries
  ['Cambridge', 'GB', 'Cambridge, GB', ''],
  ['Cambridge', 'US', 'Cambridge, US', ''],
  ['Princeton', 'US', 'Princeton, US', 'most-organisations'],
  ['Springfield', 'US', 'ambiguous', ''],
  // districts and neighbourhoods → their city; cities in their own right stay themselves
  ['Heslington', 'GB', 'York, GB', 'district'],
  ['Pok Fu Lam', 'HK', 'Hong Kong, HK', 'district'],
  ['Northridge', 'US', 'Los Angeles, US', 'district'],
  ['Ile-Ife', 'NG', 'Ile-Ife, NG', ''],
  ['Mānikganj', 'BD', 'Mānikganj, BD', 'ror-place'],
  ['Samcheok-si', 'KR', 'Samcheok-si, KR', 'ror-place'],
  // Korea: a city (si) or county (gun) stays itself however near a larger city (Gwacheon lies
  // 4 km from Anyang, which pulled it); a district (gu) goes to its city by law, not by distance.
  ['Gwacheon', 'KR', 'Gwacheon, KR', 'ror-place'],
  ['Uiwang', 'KR', 'Uiwang, KR', 'ror-place'],
  ['Eumseong-gun', 'KR', 'Eumseong-gun, KR', 'ror-place'], // a county; Chungju (22 km) pulled it
  ['Giheung', 'KR', 'Yongin-si, KR', 'district'], // a district of Yongin; Suwon pulled it
  ['Yuseong-gu', 'KR', 'Daejeon, KR', 'district'], // GeoNames' Yuseong is a PPLA2 seat, but of a district of Daejeon
  ['Jongno-gu', 'KR', 'Seoul, KR', 'district'],
  ['Nam-gu', 'KR', 'Pohang, KR', 'district'], // ROR's Nam-gu is in North Gyeongsang: Pohang's
  // Japan: a town (machi, chō) or village (mura) is a municipality, as a city is.
  ['Tōkai Mura', 'JP', 'Tōkai Mura, JP', 'ror-place'], // Hitachinaka (9 km) pulled it
  ['Seika-cho', 'JP', 'Seika-cho, JP', 'ror-place'], // Kyoto pulled it
];

const idOf = (r: PlaceResolution): string =>
  r.ok ? r.place.id : r.reason === 'ambiguous-place' ? 'ambiguous' : `${r.reason}: ${r.message}`;

describe('createPlaceResolver on names real sources use', () => {
  const city = createPlaceResolver({ level: 'city' });

  it.each(TABLE)('createPlaceResolver resolves %s, %s to %s', (name, country, expected, step) => {
    const r = city.resolve(name, country);
    expect(idOf(r)).toBe(expected);
    if (r.ok) {
      expect(r.place.country).toBe(country);
      if (step === '') expect(r.via).toBeUndefined();
      else expect(r.via?.steps).toContain(step);
    } else {
      expect(r.suggestions.length).toBeGreaterThan(1);
    }
  });

  it('createPlaceResolver gives the GeoNames id of the city a name resolves to', () => {
    expect(city.resolve('Northridge', 'US')).toMatchObject({ ok: true, geonamesId: 5368361 });
    expect(city.resolve('Cambridge', 'GB')).toMatchObject({ ok: true, geonamesId: 2653941 });
  });

  it('createPlaceResolver joins a ward to its metro at metro level (Pok Fu Lam → Hong Kong, Northridge → Los Angeles)', () => {
    const metro = createPlaceResolver({ level: 'metro' });
    expect(idOf(metro.resolve('Pok Fu Lam', 'HK'))).toBe('Hong Kong');
    expect(idOf(metro.resolve('Northridge', 'US'))).toBe('Los Angeles');
    expect(idOf(metro.resolve('Takatsu', 'JP'))).toBe('Tokyo');
  });

  it('createPlaceResolver suggests names of the same script for an unknown name', () => {
    const r = city.resolve('北就', 'CN');
    expect(r).toMatchObject({ ok: false, reason: 'unknown-place' });
    // 北 matches the Han names of Beijing and Beihai, never Latin names such as "Aba" or "Lop"
    expect(!r.ok && r.suggestions.slice(0, 2)).toEqual(['Beijing, CN', 'Beihai, CN']);
    const latin = city.resolve('Shenzen', 'CN');
    expect(!latin.ok && latin.suggestions[0]).toBe('Shenzhen, CN');
    // A letter wrong in Cyrillic and in Arabic script: the city's own-script name is one edit away.
    const cyrillic = city.resolve('Москба', 'RU');
    expect(!cyrillic.ok && cyrillic.suggestions[0]).toBe('Moscow, RU');
    const arabic = city.resolve('القاهره', 'EG');
    expect(!arabic.ok && arabic.suggestions[0]).toBe('Cairo, EG');
  });

  // Wards go to their city by membership (src/places/wards.ts), not by distance: Takatsu lies 12 km
  // from Kawasaki's point and 18 km from Yokohama's (2.5× as populous), Tsurumi-ku 4 km from
  // Kawasaki's; ROR files Shinagawa City (a ward of Tokyo) at a namesake's point in Ehime.
  it.each([
    ['Takatsu', 1859642],
    ['Miyamae Ku', 1859642],
    ['Asao Ku', 1859642],
    ['Tsurumi Ku', 1848354],
    ['Higashinada Ku', 1859171],
    ['Wakaba Ku', 2113015],
    ['Yahata-nishi Ku', 1859307],
    ['Shinagawa City', 1850147],
    ['Setagaya City', 1850147],
  ])('createPlaceResolver maps the ward %s, JP to its city (GeoNames %i)', (name, id) => {
    const r = city.resolve(name, 'JP');
    expect(r).toMatchObject({ ok: true, geonamesId: id });
    expect(r.ok && r.place.country).toBe('JP');
  });

  // GeoNames has Kawasaki twice: the city (1859642, PPLA2) and its municipality (1859635, ADM2, ROR's
  // point for it, 9 km away). The metro member stood at the municipality's point and id, its wards at the city's.
  it('createPlaceResolver gives Kawasaki one GeoNames id and point whatever name a row uses', () => {
    for (const name of ['Kawasaki', 'Kawasaki-shi', 'Kawasaki City', '川崎市', 'Takatsu', 'Kawasaki Ku', 'Nakahara Ku']) {
      const r = city.resolve(name, 'JP');
      expect(r, name).toMatchObject({ ok: true, geonamesId: 1859642, place: { id: 'Kawasaki, JP', lat: 35.52056, lon: 139.71722 } });
    }
  });

  it('createPlaceResolver lists each non-literal match once in resolutions(), sorted by name', () => {
    const r = createPlaceResolver({ level: 'city' });
    for (const [name, country] of [
      ['Northridge', 'US'],
      ['Cambridge', 'GB'],
      ['北京', 'CN'],
      ['Northridge', 'US'],
    ])
      r.resolve(name!, country!);
    const rows = r.resolutions!();
    expect(rows.map((x) => [x.name, x.country, x.place.id, x.geonamesId])).toEqual([
      ['Northridge', 'US', 'Los Angeles, US', 5368361],
      ['北京', 'CN', 'Beijing, CN', 1816670],
    ]);
    expect(rows[0]!.via.steps).toEqual(['most-organisations', 'district']);
  });
});

/**
 * Korea's cities by administrative status, for the district rule (./parent-city.ts). GeoNames'
 * cities500 holds few Korean cities, and ROR names the rest by a bare name and a point
 * ("Gwacheon", "Uiwang", "Giheung"), so a city in its own right and a district of a larger city
 * look alike; by distance the stronger neighbour pulled both (Gwacheon, a city of 80,000, went to
 * Anyang; Giheung, a district of Yongin, to Suwon). Korean law settles it, and so does this table:
 *
 * - Korea's special and metropolitan cities (Seoul, Busan, Daegu, Incheon, Gwangju, Daejeon, Ulsan)
 *   are first-level divisions of their own (GeoNames admin1): every place of such a division,
 *   its districts (gu) and counties (gun) alike, belongs to the city (Yuseong-gu → Daejeon,
 *   Gijang → Busan). Sejong is one city and its own division.
 * - The cities (si) of the provinces are cities in their own right whatever lies near them;
 *   their districts (gu) are in the ward table (./wards.ts).
 * - A county (gun) is a unit of its own: it maps to its seat of the same name or stays itself,
 *   never to the nearest city.
 *
 * Public administrative facts (the Local Autonomy Act's list of cities and counties, 2024),
 * written by hand, names normalised as `normalizeName` leaves ROR's ("Gwacheon-si" → "gwacheon").
 */

/** A first-level division (GeoNames admin1) that is one city: every place of it belongs to the city. */
export interface CityDivision {
  admin1: string;
  /** GeoNames id of the city (its PPLC / PPLA record). */
  cityId: number;
  /** The city's GeoNames name, to check the id against. */
  city: string;
}

/** Divisions that are one city, by ISO2 country. */
export const CITY_DIVISIONS: Readonly<Record<string, readonly CityDivision[]>> = {
  KR: [
    { admin1: '11', cityId: 1835848, city: 'Seoul' },
    { admin1: '10', cityId: 1838524, city: 'Busan' },
    { admin1: '15', cityId: 1835329, city: 'Daegu' },
    { admin1: '12', cityId: 1843564, city: 'Incheon' },
    { admin1: '18', cityId: 1841811, city: 'Gwangju' },
    { admin1: '19', cityId: 1835235, city: 'Daejeon' },
    { admin1: '21', cityId: 1833747, city: 'Ulsan' },
    { admin1: '22', cityId: 11523293, city: 'Sejong' },
  ],
};

/** Names of cities in their own right (without their administrative word), by ISO2 country. */
export const OWN_CITIES: Readonly<Record<string, ReadonlySet<string>>> = {
  KR: new Set(
    [
      // Gyeonggi
      'suwon seongnam uijeongbu anyang bucheon gwangmyeong pyeongtaek dongducheon ansan goyang gwacheon guri',
      'namyangju osan siheung gunpo uiwang hanam yongin paju icheon anseong gimpo hwaseong gwangju yangju pocheon yeoju',
      // Gangwon
      'chuncheon wonju gangneung donghae taebaek sokcho samcheok',
      // North and South Chungcheong
      'cheongju chungju jecheon cheonan gongju boryeong asan seosan nonsan gyeryong dangjin',
      // North and South Jeolla
      'jeonju gunsan iksan jeongeup namwon gimje mokpo yeosu suncheon naju gwangyang',
      // North and South Gyeongsang
      'pohang gyeongju gimcheon andong gumi yeongju yeongcheon sangju mungyeong gyeongsan',
      'changwon jinju tongyeong sacheon gimhae miryang geoje yangsan',
      // Jeju
      'jeju seogwipo',
    ]
      .join(' ')
      .split(' '),
  ),
};

/**
 * Trailing words that name a unit in its own right, by ISO2 country: never a district of a nearby
 * city. Korea's counties (gun); Japan's towns and villages (町 machi or chō, 村 mura), which are
 * municipalities as cities are ("Tōkai Mura", home of J-PARC, is not a part of Hitachinaka;
 * "Seika-cho" not of Kyoto). A neighbourhood that merely ends in -chō is one word
 * ("Yoyogi-sanyachō") and does not match.
 */
export const OWN_UNIT_WORDS: Readonly<Record<string, RegExp>> = {
  KR: / (?:gun|county)$/,
  JP: / (?:machi|cho|mura)$/,
};

/**
 * Wards of cities, by administrative membership: what the district rule (./parent-city.ts) uses
 * for a ward before any geometry. GeoNames' cities file has the cities but not their wards (in
 * GeoNames a ward is an ADM3 record under its city's ADM2, which cities500 leaves out), and ROR
 * files organisations under the ward with coordinates and the prefecture only, so a ward would
 * otherwise go to the city whose point is nearest or pulls hardest: Takatsu, a ward of Kawasaki,
 * lies 12 km from Kawasaki's point and 18 km from Yokohama's, and Yokohama, 2.5 times as
 * populous, pulled it; Tsurumi-ku, a ward of Yokohama, lies 4 km from Kawasaki's point.
 *
 * Japan: the wards of the 20 designated cities (seirei shitei toshi; 175 wards, Hamamatsu's seven
 * wards before its 2024 reorganisation kept, since records still name them) and Tokyo's 23 special
 * wards, which together form the city GeoNames calls Tokyo (8.3 M people). Public administrative
 * facts, written by hand in the Hepburn spelling with long vowels unmarked, as `normalizeName`
 * leaves ROR's spellings ("Kōhoku-ku" → "kohoku"); a name is matched without its administrative
 * word and without spaces ("Kokura-kita Ku", "Kokurakita").
 *
 * Korea: the districts (gu) of the provincial cities that have them, from the public list of
 * Korea's administrative divisions (Giheung → Yongin, though Suwon pulls harder).
 */

/** One city and its wards. */
export interface WardCity {
  /** GeoNames id of the city (its PPLC / PPLA / PPLA2 record). */
  cityId: number;
  /** The city's GeoNames name, to check the id against. */
  city: string;
  /** GeoNames admin1 code of the city's first-level division. */
  admin1: string;
  /** Ward names, normalised, without spaces and administrative words. */
  wards: readonly string[];
}

const w = (cityId: number, city: string, admin1: string, wards: string): WardCity => ({
  cityId,
  city,
  admin1,
  wards: wards.split(' '),
});

/** Wards by ISO2 country. */
export const WARDS: Readonly<Record<string, readonly WardCity[]>> = {
  JP: [
    w(
      1850147,
      'Tokyo',
      '40',
      'chiyoda chuo minato shinjuku bunkyo taito sumida koto shinagawa meguro ota setagaya shibuya nakano suginami toshima kita arakawa itabashi nerima adachi katsushika edogawa',
    ),
    w(2128295, 'Sapporo', '12', 'chuo kita higashi shiroishi toyohira minami nishi atsubetsu teine kiyota'),
    w(2111149, 'Sendai', '24', 'aoba miyagino wakabayashi taihaku izumi'),
    w(6940394, 'Saitama', '34', 'nishi kita omiya minuma chuo sakura urawa minami midori iwatsuki'),
    w(2113015, 'Chiba', '04', 'chuo hanamigawa inage wakaba midori mihama'),
    w(
      1848354,
      'Yokohama',
      '19',
      'tsurumi kanagawa nishi naka minami hodogaya isogo kanazawa kohoku totsuka konan asahi midori seya sakae izumi aoba tsuzuki',
    ),
    w(1859642, 'Kawasaki', '19', 'kawasaki saiwai nakahara takatsu tama miyamae asao'),
    w(11611609, 'Sagamihara', '19', 'midori chuo minami'),
    w(1855431, 'Niigata', '29', 'kita higashi chuo konan akiha minami nishi nishikan'),
    w(1851717, 'Shizuoka', '37', 'aoi suruga shimizu'),
    w(1863289, 'Hamamatsu', '37', 'chuo hamana tenryu naka higashi nishi minami kita hamakita'),
    w(
      1856057,
      'Nagoya',
      '01',
      'chikusa higashi kita nishi nakamura naka showa mizuho atsuta nakagawa minato minami moriyama midori meito tempaku tenpaku',
    ),
    w(1857910, 'Kyoto', '22', 'kita kamigyo sakyo nakagyo higashiyama shimogyo minami ukyo fushimi yamashina nishikyo'),
    w(
      1853909,
      'Osaka',
      '32',
      'kita miyakojima fukushima konohana chuo nishi minato taisho tennoji naniwa nishiyodogawa yodogawa higashiyodogawa higashinari ikuno asahi joto tsurumi abeno sumiyoshi higashisumiyoshi nishinari hirano suminoe',
    ),
    w(1853195, 'Sakai', '32', 'sakai naka higashi nishi minami kita mihara'),
    w(1859171, 'Kobe', '13', 'higashinada nada hyogo nagata suma tarumi kita chuo nishi'),
    w(1854383, 'Okayama', '31', 'kita naka higashi minami'),
    w(1862415, 'Hiroshima', '11', 'naka higashi minami nishi asaminami asakita aki saeki'),
    w(1859307, 'Kitakyushu', '07', 'moji wakamatsu tobata kokurakita kokuraminami yahatahigashi yahatanishi'),
    w(1863967, 'Fukuoka', '07', 'higashi hakata chuo minami nishi jonan sawara'),
    w(1858421, 'Kumamoto', '21', 'chuo higashi nishi minami kita'),
  ],
  // The districts (gu) of Korea's provincial cities that have them (the metropolitan cities'
  // districts belong to them by admin1, ./admin-cities.ts). Yongin has no cities500 record: its
  // id is ROR's place "Yongin-si".
  KR: [
    w(1835553, 'Suwon', '13', 'jangan gwonseon paldal yeongtong'),
    w(1897000, 'Seongnam-si', '13', 'sujeong jungwon bundang'),
    w(1842485, 'Goyang-si', '13', 'deogyang ilsandong ilsanseo'),
    w(1832426, 'Yongin-si', '13', 'cheoin giheung suji'),
    w(1846898, 'Anyang-si', '13', 'manan dongan'),
    w(1846918, 'Ansan-si', '13', 'sangnok danwon'),
    w(1845604, 'Cheongju-si', '05', 'sangdang seowon heungdeok cheongwon'),
    w(1845759, 'Cheonan', '17', 'dongnam seobuk'),
    w(1845457, 'Jeonju', '03', 'wansan deokjin'),
    w(1839071, 'Pohang', '14', 'nam buk'),
    w(1846326, 'Changwon', '20', 'uichang seongsan masanhappo masanhoewon jinhae'),
  ],
};

/**
 * The places of the SYNTHETIC calibrated sample: the 30 metro areas of the SET Index 2024
 * (`set2024_metro_areas.csv`) and 40 other large research cities that feed them.
 *
 * Raw names are written the way affiliations read: mostly the metro's principal city, but also
 * member municipalities from the metro table (Cambridge US, Berkeley, Yokohama, Evanston,
 * Bethesda ...), so that a reader must resolve members into metros. Every raw name is either
 * a member of its metro in the SET metro table (with that country) or a GeoNames city of the
 * gazetteer (data/places/geonames, GeoNames' primary name) with that country; most are both.
 *
 * `stock` is invented: active researchers 2019–2023 at the report's (full) scale, roughly
 * proportional to the real size of each city's research workforce. The sample holds
 * `stock × scale` of them.
 */

/** World regions used for the flow model's proximity preference. */
export type Region =
  | 'Greater China'
  | 'East Asia'
  | 'Southeast Asia'
  | 'South Asia'
  | 'North America'
  | 'Europe'
  | 'Oceania'
  | 'Middle East & Africa'
  | 'Latin America';

export interface PlaceSpec {
  /** Graph node key at metro level: the metro name, or `City, CC` outside the 30 metros. */
  key: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: Region;
  /** One of the 30 SET metro areas. */
  set: boolean;
  /** Raw affiliation names with relative frequencies; the first is the principal city. */
  names: ReadonlyArray<readonly [string, number]>;
  /** Active researchers 2019–2023 at full scale (invented, see the file comment). */
  stock: number;
}

type Row = readonly [key: string, country: string, region: Region, stock: number, names: ReadonlyArray<readonly [string, number]>];

const one = (name: string): ReadonlyArray<readonly [string, number]> => [[name, 1]];

// The 30 SET metros. Member names come from set2024_metro_areas.csv.
const SET_ROWS: readonly Row[] = [
  ['Beijing', 'CN', 'Greater China', 240_000, one('Beijing')],
  ['Boston', 'US', 'North America', 150_000, [['Boston', 52], ['Cambridge', 30], ['Waltham', 6], ['Medford', 4], ['Newton', 4], ['Somerville', 4]]],
  ['Shanghai', 'CN', 'Greater China', 140_000, one('Shanghai')],
  ['London', 'GB', 'Europe', 135_000, [['London', 86], ['Uxbridge', 4], ['Harrow', 3], ['Richmond', 2], ['Twickenham', 2], ['Kingston upon Thames', 3]]],
  ['New York', 'US', 'North America', 125_000, [['New York', 80], ['Newark', 6], ['New Brunswick', 7], ['Jersey City', 3], ['White Plains', 4]]],
  ['Tokyo', 'JP', 'East Asia', 115_000, [['Tokyo', 70], ['Yokohama', 10], ['Kawasaki', 5], ['Chiba', 5], ['Saitama', 4], ['Koganei', 3], ['Mitaka', 3]]],
  ['Paris', 'FR', 'Europe', 110_000, [['Paris', 70], ['Orsay', 7], ['Gif-sur-Yvette', 7], ['Palaiseau', 6], ['Villejuif', 5], ['Versailles', 5]]],
  ['Seoul', 'KR', 'East Asia', 100_000, [['Seoul', 82], ['Suwon', 8], ['Incheon', 10]]],
  ['Los Angeles', 'US', 'North America', 95_000, [['Los Angeles', 60], ['Pasadena', 12], ['Irvine', 12], ['Santa Monica', 5], ['Long Beach', 5], ['Riverside', 6]]],
  ['San Francisco', 'US', 'North America', 90_000, [['San Francisco', 50], ['Berkeley', 25], ['Oakland', 8], ['South San Francisco', 7], ['Redwood City', 5], ['Livermore', 5]]],
  ['Washington D.C.', 'US', 'North America', 80_000, [['Washington, D.C.', 50], ['Bethesda', 25], ['College Park', 10], ['Rockville', 5], ['Fairfax', 5], ['Silver Spring', 5]]],
  ['Guangzhou', 'CN', 'Greater China', 75_000, one('Guangzhou')],
  ['Toronto', 'CA', 'North America', 65_000, [['Toronto', 80], ['Hamilton', 10], ['Mississauga', 5], ['Markham', 5]]],
  ['Chicago', 'US', 'North America', 60_000, [['Chicago', 75], ['Evanston', 15], ['Naperville', 5], ['North Chicago', 5]]],
  ['Singapore', 'SG', 'Southeast Asia', 55_000, one('Singapore')],
  ['Sydney', 'AU', 'Oceania', 55_000, [['Sydney', 78], ['Kensington', 10], ['Parramatta', 4], ['Liverpool', 4], ['North Ryde', 4]]],
  ['Melbourne', 'AU', 'Oceania', 55_000, [['Melbourne', 75], ['Clayton', 12], ['Geelong', 8], ['Hawthorn', 5]]],
  ['Berlin', 'DE', 'Europe', 55_000, [['Berlin', 88], ['Potsdam', 12]]],
  ['Munich', 'DE', 'Europe', 50_000, [['Munich', 80], ['Freising', 8], ['Neubiberg', 4], ['Planegg', 4], ['Augsburg', 4]]],
  ['Hong Kong', 'HK', 'Greater China', 50_000, one('Hong Kong')],
  ['Shenzhen', 'CN', 'Greater China', 48_000, one('Shenzhen')],
  ['Seattle', 'US', 'North America', 45_000, [['Seattle', 80], ['Redmond', 8], ['Bellevue', 5], ['Bothell', 4], ['Tacoma', 3]]],
  ['Amsterdam', 'NL', 'Europe', 42_000, [['Amsterdam', 80], ['Amstelveen', 8], ['Diemen', 5], ['Haarlem', 7]]],
  ['Stockholm', 'SE', 'Europe', 40_000, [['Stockholm', 80], ['Solna', 12], ['Huddinge', 8]]],
  ['San Diego', 'US', 'North America', 40_000, [['San Diego', 90], ['Carlsbad', 6], ['Encinitas', 4]]],
  ['Copenhagen', 'DK', 'Europe', 38_000, [['Copenhagen', 75], ['Frederiksberg', 10], ['Roskilde', 7], ['Herlev', 8]]],
  ['Zurich', 'CH', 'Europe', 36_000, [['Zurich', 62], ['Zürich', 20], ['Winterthur', 8], ['Wädenswil', 5], ['Schlieren', 5]]],
  ['Dallas', 'US', 'North America', 32_000, [['Dallas', 60], ['Richardson', 12], ['Fort Worth', 15], ['Arlington', 8], ['Denton', 5]]],
  ['Austin', 'US', 'North America', 22_000, [['Austin', 90], ['Round Rock', 5], ['San Marcos', 5]]],
  ['Dublin', 'IE', 'Europe', 22_000, [['Dublin', 90], ['Maynooth', 10]]],
];

// Other large research cities, outside every SET metro: nodes `City, CC` at metro level.
const OTHER_ROWS: readonly Row[] = [
  ['Nanjing, CN', 'CN', 'Greater China', 70_000, one('Nanjing')],
  ['Wuhan, CN', 'CN', 'Greater China', 65_000, one('Wuhan')],
  ['Hangzhou, CN', 'CN', 'Greater China', 50_000, one('Hangzhou')],
  ['Xi’an, CN', 'CN', 'Greater China', 50_000, one('Xi’an')],
  ['Chengdu, CN', 'CN', 'Greater China', 45_000, one('Chengdu')],
  ['Tianjin, CN', 'CN', 'Greater China', 40_000, one('Tianjin')],
  ['Hefei, CN', 'CN', 'Greater China', 30_000, one('Hefei')],
  ['Harbin, CN', 'CN', 'Greater China', 30_000, one('Harbin')],
  ['Taipei, TW', 'TW', 'Greater China', 30_000, one('Taipei')],
  ['Osaka, JP', 'JP', 'East Asia', 35_000, one('Osaka')],
  ['Kyoto, JP', 'JP', 'East Asia', 25_000, one('Kyoto')],
  ['Daejeon, KR', 'KR', 'East Asia', 18_000, one('Daejeon')],
  ['Bengaluru, IN', 'IN', 'South Asia', 25_000, one('Bengaluru')],
  ['Delhi, IN', 'IN', 'South Asia', 40_000, one('Delhi')],
  ['Tehran, IR', 'IR', 'Middle East & Africa', 35_000, one('Tehran')],
  ['Istanbul, TR', 'TR', 'Middle East & Africa', 30_000, one('Istanbul')],
  ['Cairo, EG', 'EG', 'Middle East & Africa', 25_000, one('Cairo')],
  ['Moscow, RU', 'RU', 'Europe', 45_000, one('Moscow')],
  ['Madrid, ES', 'ES', 'Europe', 40_000, one('Madrid')],
  ['Barcelona, ES', 'ES', 'Europe', 35_000, one('Barcelona')],
  ['Rome, IT', 'IT', 'Europe', 35_000, one('Rome')],
  ['Milan, IT', 'IT', 'Europe', 35_000, one('Milan')],
  ['Cambridge, GB', 'GB', 'Europe', 22_000, one('Cambridge')],
  ['Oxford, GB', 'GB', 'Europe', 22_000, one('Oxford')],
  ['Heidelberg, DE', 'DE', 'Europe', 14_000, one('Heidelberg')],
  ['Vienna, AT', 'AT', 'Europe', 30_000, one('Vienna')],
  ['Montréal, CA', 'CA', 'North America', 35_000, one('Montréal')],
  ['Vancouver, CA', 'CA', 'North America', 30_000, one('Vancouver')],
  ['Philadelphia, US', 'US', 'North America', 45_000, one('Philadelphia')],
  ['Houston, US', 'US', 'North America', 35_000, one('Houston')],
  ['Atlanta, US', 'US', 'North America', 30_000, one('Atlanta')],
  ['Baltimore, US', 'US', 'North America', 28_000, one('Baltimore')],
  ['Pittsburgh, US', 'US', 'North America', 22_000, one('Pittsburgh')],
  ['Ann Arbor, US', 'US', 'North America', 18_000, one('Ann Arbor')],
  ['Minneapolis, US', 'US', 'North America', 18_000, one('Minneapolis')],
  ['St. Louis, US', 'US', 'North America', 16_000, one('St. Louis')],
  ['Salt Lake City, US', 'US', 'North America', 12_000, one('Salt Lake City')],
  ['Brisbane, AU', 'AU', 'Oceania', 25_000, one('Brisbane')],
  ['São Paulo, BR', 'BR', 'Latin America', 40_000, one('São Paulo')],
  ['Mexico City, MX', 'MX', 'Latin America', 28_000, one('Mexico City')],
];

function toSpec([key, country, region, stock, names]: Row, set: boolean): PlaceSpec {
  return { key, country, region, set, names, stock };
}

/** Every place of the sample: the 30 SET metros first, then the other cities. */
export const PLACES: readonly PlaceSpec[] = [
  ...SET_ROWS.map((r) => toSpec(r, true)),
  ...OTHER_ROWS.map((r) => toSpec(r, false)),
];

/** Node keys of the 30 SET metros. */
export const SET_METROS: readonly string[] = PLACES.filter((p) => p.set).map((p) => p.key);

const byKey = new Map(PLACES.map((p) => [p.key, p]));

/** The place with this node key; throws on an unknown key (a typo in the calibration tables). */
export function placeOf(key: string): PlaceSpec {
  const p = byKey.get(key);
  if (!p) throw new Error(`unknown place key ${JSON.stringify(key)}`);
  return p;
}

const rawIndex = new Map<string, string>();
for (const p of PLACES) {
  for (const [name] of p.names) {
    const k = `${name}|${p.country}`;
    if (rawIndex.has(k)) throw new Error(`raw name ${k} used by two places`);
    rawIndex.set(k, p.key);
  }
}

/**
 * The node key of a raw (name, country) pair written by the generator, or undefined.
 * The sample's own lookup table (the toolkit resolves the same names with its gazetteer).
 * @example resolveRaw('Cambridge', 'US') === 'Boston'; resolveRaw('Cambridge', 'GB') === 'Cambridge, GB'
 */
export function resolveRaw(name: string, country: string): string | undefined {
  return rawIndex.get(`${name}|${country}`);
}

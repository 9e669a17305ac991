/**
 * The 30 metro areas of the SET Index 2024 report (Shenzhen International Science and
 * Technology Information Center, Tsinghua CIDEG, Elsevier): a metro is a set of member
 * municipalities, each in one country (data/places/set2024_metro_areas.csv, compiled into
 * ./metro-table.ts). Membership is country-aware: "Cambridge" is in Boston only when it is in
 * the US; Richmond and Kent, Dublin, Liverpool, Hamilton and Kensington are told apart the
 * same way.
 */
import type { Gazetteer, GazetteerCity } from './gazetteer.ts';
import { METRO_TABLE } from './metro-table.ts';
import { normalizeName } from './normalize.ts';

/** One metro area. */
export interface Metro {
  /** Short name and graph node key (`Boston`, `Washington D.C.`). */
  name: string;
  /** The report's definition (`Boston-Cambridge-Newton, MA-NH`). */
  definition: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** The member whose name is the metro's; its coordinates are the metro's. */
  principal: string;
  /** Member municipalities as spelt in the report, in CSV order. */
  members: readonly string[];
}

/** A metro member matched by name: the metro, the member's spelling in the report, and the spelling that matched. */
export interface MetroMatch {
  metro: Metro;
  member: string;
  /** The spelling the name matched: the member itself or one of {@link MEMBER_SPELLINGS}. */
  spelling: string;
}

// Tokyo's special wards: research institutions (ROR) are filed under them. Wards whose name is
// also a ward of Osaka, Nagoya or Kobe, or another Japanese city (Chūō, Minato, Kita, Ōta,
// Nakano), are left out: they cannot be told apart by country.
const TOKYO_WARDS = [
  'Chiyoda',
  'Shinjuku',
  'Bunkyō',
  'Taitō',
  'Sumida',
  'Kōtō',
  'Shinagawa',
  'Meguro',
  'Setagaya',
  'Shibuya',
  'Suginami',
  'Toshima',
  'Arakawa',
  'Itabashi',
  'Nerima',
  'Adachi',
  'Katsushika',
  'Edogawa',
];

/**
 * Other spellings of report members, keyed `member|CC`: exonyms and native forms records use,
 * GeoNames names that differ from the report's (GeoNames calls Lyngby "Kongens Lyngby";
 * Djursholm is the seat of Danderyd municipality), Tokyo's special wards (with and without
 * "-ku"), New York City's boroughs (not Manhattan: Manhattan, Kansas is a university town of its
 * own), and plain "Washington", which in US affiliations names the capital (the gazetteer's
 * most populous Washington would be a town in Utah).
 */
export const MEMBER_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  'Beijing|CN': ['Peking'],
  'Copenhagen|DK': ['København'],
  'Danderyd|SE': ['Djursholm'],
  'Guangzhou|CN': ['Canton'],
  'Hong Kong|HK': ['Hongkong'],
  'Lyngby|DK': ['Kongens Lyngby'],
  'Munich|DE': ['München', 'Muenchen'],
  'New York|US': ['New York City', 'NYC', 'Brooklyn', 'Queens', 'Bronx', 'The Bronx', 'Staten Island'],
  'Tokyo|JP': TOKYO_WARDS.flatMap((ward) => [ward, `${ward}-ku`]),
  'Washington, D.C.|US': ['Washington DC', 'District of Columbia', 'Washington'],
  'Zurich|CH': ['Zuerich'],
};

function buildMetros(): { metros: Metro[]; byMember: Map<string, MetroMatch>; byName: Map<string, Metro> } {
  const groups = new Map<string, { definition: string; country: string; members: string[] }>();
  for (const row of METRO_TABLE) {
    const group = groups.get(row.metro);
    if (group) group.members.push(row.memberCity);
    else groups.set(row.metro, { definition: row.definition, country: row.country, members: [row.memberCity] });
  }
  const metros: Metro[] = [];
  const byMember = new Map<string, MetroMatch>();
  const byName = new Map<string, Metro>();
  for (const [name, group] of groups) {
    const key = normalizeName(name);
    const principal = group.members.find((m) => normalizeName(m) === key) ?? group.members[0]!;
    const metro: Metro = Object.freeze({ name, ...group, principal, members: Object.freeze(group.members) });
    metros.push(metro);
    byName.set(key, metro);
    for (const member of group.members) {
      for (const spelling of [member, ...(MEMBER_SPELLINGS[`${member}|${group.country}`] ?? [])]) {
        byMember.set(`${normalizeName(spelling)}|${group.country}`, { metro, member, spelling });
      }
    }
  }
  return { metros, byMember, byName };
}

const built = buildMetros();

/**
 * The 30 metros, in the CSV's (alphabetical) order.
 *
 * @example METROS.find((m) => m.name === 'Tokyo')?.members.includes('Yokohama') // true
 */
export const METROS: readonly Metro[] = Object.freeze(built.metros);

/**
 * The metro whose member (or metro name) has this normalised name in this country, or null.
 *
 * @example findMetroMember(normalizeName('Cambridge'), 'US')?.metro.name // 'Boston'
 * @example findMetroMember(normalizeName('Cambridge'), 'GB') // null
 */
export function findMetroMember(key: string, country: string): MetroMatch | null {
  return built.byMember.get(`${key}|${country}`) ?? null;
}

/**
 * The metro with this normalised name, whatever the country (metro names are unique), or null.
 *
 * @example findMetroByName(normalizeName('Washington DC'))?.name // 'Washington D.C.'
 */
export function findMetroByName(key: string): Metro | null {
  return built.byName.get(key) ?? null;
}

/**
 * Normalised member names and spellings of the metros in a country, or of all metros when
 * `country` is null (the pool of nearest-name suggestions).
 *
 * @example metroMemberKeys('IE') // ['dublin', 'maynooth', 'dun laoghaire']
 */
export function metroMemberKeys(country: string | null): string[] {
  const keys: string[] = [];
  for (const k of built.byMember.keys()) {
    const bar = k.lastIndexOf('|');
    if (country === null || k.slice(bar + 1) === country) keys.push(k.slice(0, bar));
  }
  return keys;
}

interface Located {
  principal: Map<string, GazetteerCity | null>;
  /** Per metro, located on first need: member → city, and city id → the first member standing for it. */
  metros: Map<string, { member: Map<string, GazetteerCity | null>; byCityId: Map<number, MetroMatch> }>;
}

// Per gazetteer, per country: locating a country's members reads that country's places only,
// and a metro's members are looked up only when a name needs that metro.
const located = new WeakMap<Gazetteer, Map<string, Located>>();

function haversineKm(a: GazetteerCity, b: GazetteerCity): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function candidates(gazetteer: Gazetteer, member: string, country: string): readonly GazetteerCity[] {
  for (const spelling of [member, ...(MEMBER_SPELLINGS[`${member}|${country}`] ?? [])]) {
    const found = gazetteer.find(normalizeName(spelling), country);
    if (found.length > 0) return found;
  }
  return [];
}

/** A member's gazetteer city lies within this distance of its metro's principal city, km. */
const MEMBER_MAX_KM = 250;

// Each metro's principal is its most populous namesake in the country; every other member is
// the namesake nearest to the principal (Richmond, GB is the London borough, not the
// Yorkshire town; Aurora, US is the one near Chicago, not the larger one in Colorado).
function locate(gazetteer: Gazetteer, country: string): Located {
  let perCountry = located.get(gazetteer);
  if (!perCountry) located.set(gazetteer, (perCountry = new Map()));
  const cached = perCountry.get(country);
  if (cached) return cached;
  const result: Located = { principal: new Map(), metros: new Map() };
  for (const metro of METROS) {
    if (metro.country === country) result.principal.set(metro.name, candidates(gazetteer, metro.principal, metro.country)[0] ?? null);
  }
  perCountry.set(country, result);
  return result;
}

function locateMembers(
  gazetteer: Gazetteer,
  metro: Metro,
): { member: Map<string, GazetteerCity | null>; byCityId: Map<number, MetroMatch> } {
  const where = locate(gazetteer, metro.country);
  const cached = where.metros.get(metro.name);
  if (cached) return cached;
  const principal = where.principal.get(metro.name) ?? null;
  const result = { member: new Map<string, GazetteerCity | null>(), byCityId: new Map<number, MetroMatch>() };
  for (const member of metro.members) {
    const found = candidates(gazetteer, member, metro.country);
    let city = found[0] ?? null;
    if (principal) {
      for (const c of found) if (haversineKm(c, principal) < haversineKm(city!, principal)) city = c;
      // A namesake far from the metro is another place (a Yongin-ri across the country), not the member.
      if (city && haversineKm(city, principal) > MEMBER_MAX_KM) city = null;
    }
    // ROR's point for a municipality (Kawasaki, GeoNames 1859635, the city's ADM2 record) is the
    // city of that name it belongs to (1859642): one GeoNames id and point whatever name a row uses.
    const parent = city?.source === 'ror' ? gazetteer.parentOf(city).city : null;
    if (parent && parent !== city && normalizeName(parent.name) === normalizeName(city!.name)) city = parent;
    result.member.set(`${member}|${metro.country}`, city);
    if (city && !result.byCityId.has(city.id)) result.byCityId.set(city.id, { metro, member, spelling: member });
    // The member found as a ward or an area (Kawasaki as ROR's point for the municipality) stands
    // for the city it belongs to, so that the city's other wards (Takatsu) join the metro too.
    const own = city && gazetteer.parentOf(city).city;
    if (own && own !== city && !result.byCityId.has(own.id)) result.byCityId.set(own.id, { metro, member, spelling: member });
  }
  where.metros.set(metro.name, result);
  return result;
}

/**
 * The gazetteer city a metro member stands for (the namesake nearest to the metro's principal
 * city), or null when the gazetteer lacks it (e.g. Boston's Chestnut Hill, a neighbourhood).
 *
 * @example locateMember(findMetroMember('richmond', 'GB')!, loadGazetteer())?.lon // -0.31 (the London borough)
 */
export function locateMember(match: MetroMatch, gazetteer: Gazetteer): GazetteerCity | null {
  return locateMembers(gazetteer, match.metro).member.get(`${match.member}|${match.metro.country}`) ?? null;
}

/**
 * The principal city of a metro in the gazetteer, whose coordinates are the metro's, or null.
 *
 * @example locatePrincipal(findMetroByName('new york')!, loadGazetteer())?.name // 'New York City'
 */
export function locatePrincipal(metro: Metro, gazetteer: Gazetteer): GazetteerCity | null {
  return locate(gazetteer, metro.country).principal.get(metro.name) ?? null;
}

/**
 * The metro membership of a gazetteer city, when it is the city some member stands for: a
 * record naming the city by its GeoNames name ("New York City", "Kongens Lyngby") joins the metro.
 *
 * @example metroOfCity(loadGazetteer().find('new york city', 'US')[0]!, loadGazetteer())?.metro.name // 'New York'
 */
export function metroOfCity(city: GazetteerCity, gazetteer: Gazetteer): MetroMatch | null {
  const where = locate(gazetteer, city.country);
  for (const metro of METROS) {
    if (metro.country !== city.country) continue;
    // Members lie within MEMBER_MAX_KM of their principal: farther metros need not be looked up.
    const principal = where.principal.get(metro.name) ?? null;
    if (principal && haversineKm(city, principal) > MEMBER_MAX_KM) continue;
    const found = locateMembers(gazetteer, metro).byCityId.get(city.id);
    if (found) return found;
  }
  return null;
}

/**
 * Districts → cities: the city a gazetteer place belongs to. ROR and other sources name wards,
 * neighbourhoods and municipalities-as-areas ("Pok Fu Lam", "Northridge", "Heslington",
 * "Chūō-ku"); the graph's nodes are cities, so such a place is mapped to the city that contains it.
 *
 * Rule, for the places of one country (thresholds in {@link PARENT_DEFAULTS}):
 * 1. A city-state (Hong Kong, Macao, Singapore): every place is the capital. A first-level
 *    division that is one city (Korea's metropolitan cities, ./admin-cities.ts): every place of
 *    it, by its admin1 code (borrowed as in 4b when it has none), is that city (Yuseong-gu → Daejeon).
 * 2. A ward that the ward table (./wards.ts) lists belongs to its city by administrative
 *    membership, whatever lies nearer: a place that is no seat of a division (rule 3's seats
 *    stay themselves), named as a ward of a listed city of its first-level division within
 *    `maxSeatKm` (the nearest such city when two of a division share the ward name, as Yokohama
 *    and Sagamihara share Midori-ku); or, whatever its point, named with an administrative word as
 *    the ward of one city only, when no GeoNames place of the country bears that name (ROR files
 *    its "Shinagawa City", a ward of Tokyo, at a namesake's point in Ehime).
 * 3. A city in its own right stays itself: a GeoNames capital or seat of a first- or
 *    second-order division (PPLC, PPLA, PPLA2, PPLG) whatever its population (Ile-Ife, a seat
 *    of unknown population, stays Ile-Ife), or any other populated place of known population
 *    that is not a section of one (PPLX). A ROR place that GeoNames' cities lack is a city when
 *    its name has no administrative word (Mānikganj) and no larger city lies within
 *    `nearKm`, or when it is named as a city ("Samcheok-si"), listed as one (Korea's cities,
 *    "Gwacheon", ./admin-cities.ts) or named as a unit of its own (a Korean county, "Eumseong-gun"; a Japanese town or village, "Tōkai Mura")
 *    and no GeoNames city of its name lies within `maxDistanceKm`.
 * 4. A district (PPLX; a populated place of unknown population; a ROR ward or district)
 *    belongs to a city in its own right of larger population within `maxDistanceKm`:
 *    a. one of the same name once administrative words are dropped ("Zaragoza Municipality"
 *       → Zaragoza, "Kota Malang" → Malang);
 *    b. else the seat of the smallest administrative division it shares with the district,
 *       within `maxSeatKm`, by GeoNames admin codes (Northridge, admin2 037 = Los Angeles County → Los Angeles, its
 *       seat; Heslington, admin2 York → York), not the nearest town across the city line. A
 *       ROR place without admin codes takes those of the nearest GeoNames place within
 *       `adminKm`;
 *    c. else the city of at least `minPullPopulation` of the same first-level division with the
 *       strongest pull, population / distance² (distance floored at 1 km);
 *    d. else it stays itself.
 */
import { CITY_DIVISIONS, OWN_CITIES, OWN_UNIT_WORDS } from './admin-cities.ts';
import { stripAdminWords } from './admin-words.ts';
import type { GazetteerCity, ParentMethod } from './gazetteer-types.ts';
import { normalizeName } from './normalize.ts';
import { WARDS } from './wards.ts';

/**
 * A place as the rule reads it: a gazetteer place, of which the rule needs the position,
 * population and, when known, feature code, admin codes and source.
 */
export type ParentInput = Pick<GazetteerCity, 'id' | 'name' | 'country' | 'population' | 'lat' | 'lon'> &
  Partial<Pick<GazetteerCity, 'feature' | 'admin' | 'source'>>;

export type { ParentMethod };

/** Thresholds of {@link createParentRule}. */
export interface ParentOptions {
  maxDistanceKm: number;
  maxSeatKm: number;
  adminKm: number;
  nearKm: number;
  nearPopulation: number;
  minPullPopulation: number;
}

/** Defaults of {@link createParentRule}. */
export const PARENT_DEFAULTS: Readonly<ParentOptions> = Object.freeze({
  /** Largest distance from a district to its city, km. */
  maxDistanceKm: 30,
  /** Largest distance from a district to the seat of a division it shares (4b), km: a city's point is its centre, and a large city's districts lie far from it. */
  maxSeatKm: 60,
  /** Radius within which a ROR place borrows the admin codes of the nearest GeoNames place, km. */
  adminKm: 10,
  /** A ROR place with a city of at least `nearPopulation` this close is a district, km. */
  nearKm: 10,
  nearPopulation: 100_000,
  /** Smallest city the pull fallback (4c) maps to. */
  minPullPopulation: 100_000,
});

const CITY_WORD = / (?:si|shi|city|stad)$/;
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLG']);
const CITY_STATES = new Set(['HK', 'MO', 'SG']);
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two points in degrees, km (haversine, mean Earth radius).
 *
 * @example km({ lat: 22.26861, lon: 114.12924 }, { lat: 22.27832, lon: 114.17469 }) // ≈ 4.8
 */
export function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Seat level of a feature code: PPLC/PPLA 1, PPLA2 2, ... PPLA4 4; null for others.
function seatLevel(feature: string): number | null {
  if (feature === 'PPLC' || feature === 'PPLA' || feature === 'PPLG') return 1;
  const m = /^PPLA([2-5])$/.exec(feature);
  return m ? Number(m[1]) : null;
}

const bareKey = (name: string): string => {
  const key = normalizeName(name);
  return stripAdminWords(key) ?? key;
};
// How ./wards.ts writes a ward: "Kokura-kita Ku" and "Kokurakita" alike.
const wardKey = (name: string): string => bareKey(name).replaceAll(' ', '');

/**
 * The district → city rule over the places of one country. Pure; each answer is memoised.
 *
 * @param places - every place of one country (GeoNames cities and ROR places).
 * @returns `parentOf(place)` → the city it belongs to (itself when it is one) and how it was found.
 * @example createParentRule(placesOfUS).parentOf(northridge).city.name // 'Los Angeles'
 */
export function createParentRule<T extends ParentInput>(places: readonly T[], options: Partial<ParentOptions> = {}) {
  const o = { ...PARENT_DEFAULTS, ...options };
  const memo = new Map<number, { city: T; method: ParentMethod }>();
  let capital: T | null | undefined;

  // A grid of 0.5° cells, so that a district looks at its neighbourhood only (±1 cell of
  // latitude ≈ 55 km, ±2 of longitude: ≥ 30 km up to 70° of latitude).
  // Two grids: every place (for borrowed admin codes), and the cities a district may belong to.
  const grid = new Map<string, T[]>();
  const cityGrid = new Map<string, T[]>();
  const cell = (lat: number, lon: number): string => `${Math.floor(lat * 2)},${Math.floor(lon * 2)}`;
  const put = (g: Map<string, T[]>, c: T): void => {
    const k = cell(c.lat, c.lon);
    const list = g.get(k);
    if (list) list.push(c);
    else g.set(k, [c]);
  };
  const around = (p: { lat: number; lon: number }, cells = 1, g = grid): T[] => {
    const out: T[] = [];
    const la = Math.floor(p.lat * 2);
    const lo = Math.floor(p.lon * 2);
    for (let i = -cells; i <= cells; i++) {
      for (let j = -2 * cells; j <= 2 * cells; j++) {
        const list = g.get(`${la + i},${lo + j}`);
        if (list) for (const c of list) out.push(c);
      }
    }
    return out;
  };

  const isRorOnly = (p: T): boolean => (p.feature ?? '') === '' && p.source === 'ror';
  // "Samcheok-si", "Kōnan Shi": a ROR place named as a city is one, unless a GeoNames city of that name is near.
  const cityWord = (p: T): boolean => isRorOnly(p) && CITY_WORD.test(normalizeName(p.name));
  // Korea's cities and counties, which a bare name or point cannot tell from districts (./admin-cities.ts).
  const ownCities = OWN_CITIES[places[0]?.country ?? ''];
  const ownUnit = OWN_UNIT_WORDS[places[0]?.country ?? ''];
  const namedCity = (p: T): boolean =>
    cityWord(p) || (isRorOnly(p) && ((ownCities?.has(bareKey(p.name)) ?? false) || (ownUnit?.test(normalizeName(p.name)) ?? false)));
  const nearBig = (p: T): boolean =>
    around(p, 1, cityGrid).some((c) => c !== p && c.population >= o.nearPopulation && km(p, c) <= o.nearKm);
  const isCity = (p: T, deep = true): boolean => {
    const feature = p.feature ?? 'PPL';
    if (SEATS.has(feature)) return true;
    if (isRorOnly(p)) return deep && (namedCity(p) || (stripAdminWords(normalizeName(p.name)) === null && !nearBig(p)));
    return feature !== 'PPLX' && feature !== '' && p.population > 0;
  };

  for (const c of places) {
    put(grid, c);
    if (isCity(c, false)) put(cityGrid, c);
  }

  // A place only ROR knows has at most its admin1 code: it takes the codes of the nearest
  // GeoNames place of the same first-level division (a Kawasaki ward those of a Kawasaki place,
  // not of the Tokyo town across the river).
  const adminOf = (p: T): readonly string[] => {
    const own = p.admin ?? [];
    if (own.slice(1).some((a) => a !== '')) return own;
    let best: T | null = null;
    let bestKm: number = o.adminKm;
    for (const c of around(p)) {
      if (c === p || !c.admin || c.admin[0] === '' || (own[0] && c.admin[0] !== own[0])) continue;
      const d = km(p, c);
      if (d <= bestKm) [best, bestKm] = [c, d];
    }
    return best?.admin ?? [];
  };

  let byId: Map<number, T> | undefined;
  const placeById = (id: number): T | undefined => (byId ??= new Map(places.map((c) => [c.id, c]))).get(id);

  // Rule 1: the city that a first-level division is, or null.
  const divisionCity = (p: T): T | null => {
    const table = CITY_DIVISIONS[p.country];
    if (!table) return null;
    const a1 = p.admin?.[0] || adminOf(p)[0] || '';
    const division = table.find((t) => t.admin1 === a1);
    const city = division ? placeById(division.cityId) : undefined;
    return city && city !== p ? city : null;
  };

  // Rule 2: the city whose ward list names the place, or null.
  let wardCities: { cities: { city: T; admin1: string; wards: ReadonlySet<string> }[]; named: Set<string> } | undefined;
  const wardCity = (p: T): T | null => {
    const table = WARDS[p.country];
    if (!table || SEATS.has(p.feature ?? '')) return null;
    if (!wardCities) {
      wardCities = {
        cities: table.flatMap((t) => {
          const city = placeById(t.cityId);
          return city ? [{ city, admin1: t.admin1, wards: new Set(t.wards) }] : [];
        }),
        named: new Set(places.filter((c) => c.source !== 'ror').map((c) => wardKey(c.name))),
      };
    }
    const key = wardKey(p.name);
    const listed = wardCities.cities.filter((t) => t.wards.has(key) && t.city !== p);
    if (listed.length === 0) return null;
    const a1 = p.admin?.[0] ?? '';
    const near = listed
      .filter((t) => (a1 === '' || t.admin1 === a1) && km(p, t.city) <= o.maxSeatKm)
      .sort((a, b) => km(p, a.city) - km(p, b.city));
    if (near[0]) return near[0].city;
    const named = stripAdminWords(normalizeName(p.name)) !== null;
    return named && listed.length === 1 && !wardCities.named.has(key) ? listed[0]!.city : null;
  };

  const find = (p: T): { city: T; method: ParentMethod } => {
    if (CITY_STATES.has(p.country)) {
      capital ??= places.filter((c) => c.feature === 'PPLC').sort((a, b) => b.population - a.population)[0] ?? null;
      if (capital) return { city: capital, method: capital === p ? 'self' : 'city-state' };
    }
    const division = divisionCity(p);
    // ROR's own point for the city itself ("Seoul", "Sejong-Si") is the city by name.
    if (division) return { city: division, method: bareKey(p.name) === bareKey(division.name) ? 'same-name' : 'ward' };
    const ward = wardCity(p);
    if (ward) return { city: ward, method: 'ward' };
    if (isCity(p) && !namedCity(p)) return { city: p, method: 'self' };
    const wide = around(p, 2, cityGrid)
      .filter((c) => c !== p && c.population >= p.population)
      .map((c) => ({ c, d: km(p, c) }));
    const near = wide.filter((x) => x.d <= o.maxDistanceKm);
    const want = bareKey(p.name);
    const same = near.filter((x) => bareKey(x.c.name) === want || normalizeName(x.c.name) === want).sort((a, b) => a.d - b.d)[0];
    if (same) return { city: same.c, method: 'same-name' };
    if (namedCity(p)) return { city: p, method: 'self' };
    const admin = adminOf(p);
    for (let level = Math.min(4, admin.length); level >= 2; level--) {
      if ((admin[level - 1] ?? '') === '') continue;
      const seats = wide
        .filter((x) => {
          if (x.d > o.maxSeatKm) return false;
          const seat = seatLevel(x.c.feature ?? '');
          return seat !== null && seat <= level && (x.c.admin ?? []).slice(0, level).every((a, i) => a === admin[i]);
        })
        .sort((a, b) => a.d - b.d);
      if (seats[0]) return { city: seats[0].c, method: 'admin-seat' };
    }
    const pull = (x: { c: T; d: number }): number => x.c.population / Math.max(x.d, 1) ** 2;
    // Within its first-level division when it has one: a ward of Kawasaki (Kanagawa) is not pulled into Tokyo.
    const a1 = admin[0] ?? '';
    const strongest = near
      .filter((x) => x.c.population >= o.minPullPopulation && (a1 === '' || (x.c.admin ?? [])[0] === a1))
      .sort((a, b) => pull(b) - pull(a) || a.c.id - b.c.id)[0];
    if (strongest) return { city: strongest.c, method: 'pull' };
    return { city: p, method: 'unmatched' };
  };

  return {
    /** Whether a place is a city in its own right (rule 3). */
    isCity: (p: T): boolean => isCity(p),
    /** The city a place belongs to, and how it was found. */
    parentOf(p: T): { city: T; method: ParentMethod } {
      let hit = memo.get(p.id);
      if (!hit) memo.set(p.id, (hit = find(p)));
      return hit;
    },
  };
}

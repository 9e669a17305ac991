/**
 * The gazetteer's shapes, shared by the gazetteer (./gazetteer.ts), its two country indexes
 * (./country-index.ts in memory, ./country-file.ts over the prebuilt files) and the district →
 * city rule (./parent-city.ts), which reads places of this shape.
 */

/** One place as the gazetteer keeps it. */
export interface GazetteerCity {
  /** GeoNames id. */
  id: number;
  /** Canonical name (GeoNames' primary name, e.g. `Zürich`, `Le Kremlin-Bicêtre`). */
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** 0 when unknown. */
  population: number;
  /** Latitude in degrees (WGS84). */
  lat: number;
  /** Longitude in degrees (WGS84). */
  lon: number;
  /** GeoNames feature code (PPL, PPLA2, PPLX ...); '' for a place only ROR names. */
  feature: string;
  /** GeoNames admin1–admin4 codes ('' when none). */
  admin: readonly string[];
  /** `geonames`, or `ror` for a place only the ROR registry names. */
  source: 'geonames' | 'ror';
  /** Number of ROR organisations at the place (0 when none or unknown): where research happens. */
  organisations: number;
}

/** A place record (the input of `createGazetteer`: id, name, country, population and a GeoJSON point, plus optional fields). */
export interface RawCity {
  cityId: number;
  name: string;
  country: string;
  population: number;
  featureCode?: string;
  /** GeoJSON point: [longitude, latitude]. */
  loc: { coordinates: [number, number] };
  /** Other names (any language or script). */
  alternateNames?: readonly string[];
  /** Lookup keys (`normalizeName`) of other names, already normalised. */
  alternateKeys?: readonly string[];
  /** Number of ROR organisations at the place. */
  organisations?: number;
  /** Lookup keys of ROR's names for the place → organisations using each (found like its own name; `ror-name` where it differs). */
  rorKeys?: ReadonlyMap<string, number>;
  /** admin1–admin4 codes. */
  admin?: readonly string[];
  source?: 'geonames' | 'ror';
}

/** Which names a lookup matched: the place's own name, an alternate name, or a short form. */
export type NameTier = 'name' | 'alternate' | 'short';

/** The tiers in lookup order; a tier's number is its position here. */
export const TIERS: readonly NameTier[] = ['name', 'alternate', 'short'];

/** The places a name matched in one country, most populous first, and through which tier. */
export interface NameMatch {
  tier: NameTier;
  cities: readonly GazetteerCity[];
  /** Whether one of `cities` was matched through ROR's name for it rather than its GeoNames name. */
  viaRor(city: GazetteerCity): boolean;
  /** ROR organisations that name one of `cities` by this very name (0: none). */
  organisations(city: GazetteerCity): number;
}

/** How a place's city was found (see parent-city.ts). */
export type ParentMethod = 'self' | 'city-state' | 'ward' | 'same-name' | 'admin-seat' | 'pull' | 'unmatched';

/** The city a place belongs to (itself when it is one) and how it was found. */
export interface ParentCity {
  city: GazetteerCity;
  method: ParentMethod;
}

/** The names and places of one country, however they are held. */
export interface CountryIndex {
  /** The first tier, up to `lastTier` (default 2, every tier), that knows this key, or null. */
  match(key: string, lastTier?: number): NameMatch | null;
  /** The place with this GeoNames id, or null. */
  byId(id: number): GazetteerCity | null;
  /** Every place of the country, by GeoNames id. Reads the whole country. */
  places(): readonly GazetteerCity[];
  /** The city a place of this country belongs to. */
  parentOf(city: GazetteerCity): ParentCity;
  /** Every distinct key. */
  keys(): readonly string[];
  /** Own and ROR names, and alternate names in scripts other than Latin (see `Gazetteer.suggestionKeys`). */
  suggestionKeys(): readonly string[];
  /** The GeoNames place nearest a point (great circle; places only ROR names, such as parks, are left out), with its distance in km, or null. Reads every place. */
  nearest(lat: number, lon: number): { city: GazetteerCity; km: number } | null;
}

/** Name lookups over the world's places. Keys are `normalizeName` keys. */
export interface Gazetteer {
  /** Number of places held (over every country, loaded or not). */
  readonly size: number;
  /** Milliseconds spent reading and indexing data so far, when `loadGazetteer` built it. */
  readonly loadMs: number | null;
  /** The first tier of names that knows this key in this country, or null. */
  match(key: string, country: string): NameMatch | null;
  /** Places of this name in this country, in the first tier that has any, most populous first (empty if none). */
  find(key: string, country: string): readonly GazetteerCity[];
  /** For a key, the most populous place of that (own or alternate) name in each country that has one, most populous first. Reads every country. */
  countriesOf(key: string): readonly GazetteerCity[];
  /** Distinct keys of a country, or of the whole gazetteer when `country` is null (reads every country). */
  keys(country: string | null): readonly string[];
  /**
   * The keys suggestions are drawn from: places' own and ROR names, and alternate names in other
   * scripts than Latin (北京, Москва); Latin alternate spellings would only repeat the names. Per
   * country, or worldwide when `country` is null.
   */
  suggestionKeys(country: string | null): readonly string[];
  /** The place with this GeoNames id in this country, or null. */
  byId(id: number, country: string): GazetteerCity | null;
  /** The ISO2 codes of the countries that have places, sorted. */
  countries(): readonly string[];
  /** Every place of a country (GeoNames cities and places only ROR names), by GeoNames id. Reads the whole country. */
  places(country: string): readonly GazetteerCity[];
  /** The city a place belongs to: districts, wards and neighbourhoods map to their city (parent-city.ts). */
  parentOf(city: GazetteerCity): ParentCity;
  /** The GeoNames place of a country nearest a point (places only ROR names are left out), with its distance in km, or null. Reads the whole country. */
  nearest(lat: number, lon: number, country: string): { city: GazetteerCity; km: number } | null;
}

/**
 * The district → city rule of ./parent-city.ts for a place known by its GeoNames id: what the
 * institution importers (src/sources) use to put an organisation at its city when ROR files it
 * under a ward or neighbourhood (Pok Fu Lam → Hong Kong, Northridge → Los Angeles, Heslington →
 * York) and to keep a city in its own right (Ile-Ife, Mānikganj) as it is.
 */
import { loadGazetteer, type Gazetteer } from './gazetteer.ts';
import { km, type ParentMethod } from './parent-city.ts';

/** A place as an importer has it: a name, a country, coordinates and its GeoNames id. */
export interface DistrictPoint {
  name: string;
  /** ISO2. */
  country: string;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
}

/** The city a place belongs to, with how it was found and the distance to it (0 when the place is kept). */
export interface DistrictCity extends DistrictPoint {
  /** `self`: the place is a city (kept); `unknown`: the gazetteer does not hold its GeoNames id (kept); else the rule of parent-city.ts that found the city. */
  method: ParentMethod | 'unknown';
  distanceKm: number;
}

/**
 * Builds `cityOf(place)`: the place's GeoNames id is looked up in the gazetteer (only the place's
 * country is read) and mapped to its city by the gazetteer's district rule. Memoised per id.
 *
 * @example createDistrictCity()({ name: 'Northridge', country: 'US', lat: 34.23, lon: -118.54, geonamesId: 5377985 }).name // 'Los Angeles'
 */
export function createDistrictCity(gazetteer?: Gazetteer): (place: DistrictPoint) => DistrictCity {
  const memo = new Map<string, DistrictCity>();
  return (place) => {
    const key = `${place.geonamesId}|${place.country}`;
    const hit = memo.get(key);
    if (hit && hit.geonamesId !== null) return { ...hit };
    const g = gazetteer ?? loadGazetteer();
    const own = place.geonamesId === null ? null : g.byId(place.geonamesId, place.country);
    let result: DistrictCity;
    if (!own) result = { ...place, method: 'unknown', distanceKm: 0 };
    else {
      const { city, method } = g.parentOf(own);
      if (city === own) result = { ...place, method, distanceKm: 0 };
      else {
        const distanceKm = km(own, city);
        result = { name: city.name, country: city.country, lat: city.lat, lon: city.lon, geonamesId: city.id, method, distanceKm };
      }
    }
    if (place.geonamesId !== null) memo.set(key, result);
    return result;
  };
}

/**
 * Node ids of namesake cities. A city's id is `Name, CC`, so two cities of one name in one
 * country (Springfield, Illinois and Springfield, Massachusetts; Newark, New Jersey and Newark,
 * Delaware) would be one node. The city a name resolves to by itself keeps `Name, CC`; another
 * city of that canonical name (reached through a source's GeoNames id, coordinates or region, or
 * as the city of a district) is `Name (Region), CC`, with the first-level subdivision where this
 * project reads those by name (US states, Canadian provinces, Australian states), else
 * `Name (GeoNames id), CC`. An id depends on the city only, never on the other rows of a run, so
 * ids stay comparable across runs; names not shared, and the city each name means, keep their ids.
 */
import { admin1Name } from './by-geonames.ts';
import type { Gazetteer, GazetteerCity } from './gazetteer.ts';
import { normalizeName } from './normalize.ts';
import type { Place } from './types.ts';

/** The other GeoNames cities of `city`'s canonical name in its country (a place only ROR names is a spelling of a city, not another city). */
function namesakesOf(city: GazetteerCity, gazetteer: Gazetteer): GazetteerCity[] {
  const key = normalizeName(city.name);
  return gazetteer.find(key, city.country).filter((c) => c.id !== city.id && c.source === 'geonames' && normalizeName(c.name) === key);
}

/**
 * The qualifier telling `city` apart from the other cities of its canonical name in its country:
 * its region's name when no namesake shares that region, else its GeoNames id.
 *
 * @example namesakeQualifier(newarkDelaware, loadGazetteer()) // 'Delaware'
 */
export function namesakeQualifier(city: GazetteerCity, gazetteer: Gazetteer): string {
  const region = city.admin[0] ?? '';
  const name = region === '' ? null : admin1Name(city.country, region);
  const shared = namesakesOf(city, gazetteer).some((c) => (c.admin[0] ?? '') === region);
  return name && !shared ? name : `GeoNames ${city.id}`;
}

/**
 * `place` (the city place of `city`) with its id and label qualified when another GeoNames city
 * of the country has the same canonical name and `city` is not the one its name resolves to
 * (`nameCityId`: the GeoNames id the name alone gives in that country, or null when the name
 * alone is ambiguous or unknown). Other places are returned as they are.
 *
 * @example qualifyNamesake(cityPlace(newarkDE), newarkDE, 5101798, g).id // 'Newark (Delaware), US'
 */
export function qualifyNamesake(place: Place, city: GazetteerCity, nameCityId: number | null, gazetteer: Gazetteer): Place {
  if (place.level !== 'city' || nameCityId === city.id || place.label !== city.name || namesakesOf(city, gazetteer).length === 0)
    return place;
  const label = `${city.name} (${namesakeQualifier(city, gazetteer)})`;
  return Object.freeze({ ...place, id: `${label}, ${city.country}`, label });
}

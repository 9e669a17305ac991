/**
 * Matching a normalised name within one country: metro members first, then the gazetteer's
 * tiers of names, districts mapped to their cities, and an honest answer when several places
 * share the name.
 */
import { stripAdminWords } from './admin-words.ts';
import { shortKey, type Gazetteer, type GazetteerCity } from './gazetteer.ts';
import { findMetroMember, locateMember, metroOfCity } from './metros.ts';
import { normalizeName } from './normalize.ts';
import type { PlaceHit } from './place-builders.ts';
import { km, PARENT_DEFAULTS } from './parent-city.ts';
import { rorSpellingId } from './ror-spelling.ts';
import type { MatchStep } from './types.ts';

/**
 * How much more populous than every other place of the same name a place must be to be taken
 * for that name without the record saying which (Northridge, Los Angeles, 68,469 people, against
 * two Northridges of Ohio of 8,487 and 7,572): below it the name is `ambiguous-place`
 * (Rochester, US: New York 211,328 against Minnesota 121,395).
 */
export const DOMINANCE = 5;

/**
 * How many more ROR organisations a place must hold than every other place of the same name to
 * be taken for that name: research records name the place where research happens (Princeton, US
 * is Princeton, New Jersey, 29 organisations, not the larger Princeton, Florida, none). Checked
 * before population.
 */
export const ORGANISATION_DOMINANCE = 2;

/** Places of one name closer than this (km) are one place (two features of it), not namesakes. */
export const SAME_PLACE_KM = 10;

/**
 * Two places only ROR names, of one name in one first-level division and neither part of a
 * larger city, closer than this (km) are one place named twice (ROR's points for a district and
 * for its seat: Gopalganj and Gopālganj, Dhaka Division, 16 km apart): the district rule's
 * reach (`PARENT_DEFAULTS.maxDistanceKm`).
 */
export const SAME_DISTRICT_KM = PARENT_DEFAULTS.maxDistanceKm;

/** A name found in a country: one place, or several that the name cannot tell apart. */
export type NameFound =
  | { kind: 'hit'; hit: PlaceHit; geonamesId: number | null; steps: MatchStep[]; detail: string }
  | { kind: 'ambiguous'; candidates: GazetteerCity[] };

const fmt = (n: number): string => n.toLocaleString('en-US');

function describePlace(c: GazetteerCity): string {
  const what =
    c.source === 'ror'
      ? 'ROR place'
      : c.feature === 'PPLX'
        ? 'section of a city'
        : c.population > 0
          ? `pop. ${fmt(c.population)}`
          : 'population unknown';
  return `${c.name} (GeoNames ${c.id}, ${what})`;
}

// Both ROR's own places, each its own city, in one first-level division (see SAME_DISTRICT_KM).
const rorTwice = (a: { city: GazetteerCity; matched: GazetteerCity }, b: { city: GazetteerCity; matched: GazetteerCity }): boolean =>
  a.city.source === 'ror' &&
  b.city.source === 'ror' &&
  a.city === a.matched &&
  b.city === b.matched &&
  (a.city.admin[0] ?? '') !== '' &&
  a.city.admin[0] === b.city.admin[0];

/**
 * A name that several places share, placed by ROR's own spelling of it (./ror-spelling.ts): the
 * place ROR files every organisation of that spelling at, mapped to its city; null when the
 * spelling tells nothing.
 */
function bySpelling(name: string, country: string, g: Gazetteer, candidates: readonly GazetteerCity[]): NameFound | null {
  const id = rorSpellingId(name, country);
  const place = id === null ? null : g.byId(id, country);
  if (!place) return null;
  const { city, method } = g.parentOf(place);
  const others = candidates.filter((c) => c.id !== city.id && km(c, city) > SAME_PLACE_KM).map((c) => c.name);
  const steps: MatchStep[] = ['ror-spelling'];
  const details = [
    `${JSON.stringify(name)}, spelled so, is ROR's name for ${describePlace(place)} only` +
      (others.length > 0 ? `; spelled otherwise the name is also that of places of ${others.join(', ')}` : ''),
  ];
  if (place.source === 'ror') steps.push('ror-place');
  if (city !== place) {
    steps.push('district');
    details.push(`${describePlace(place)} belongs to ${city.name} (${method})`);
  }
  const member = metroOfCity(city, g);
  const hit: PlaceHit = member ? { kind: 'metro', match: member } : { kind: 'city', city };
  return { kind: 'hit', hit, geonamesId: city.id, steps, detail: details.join('; ') };
}

function inGazetteer(key: string, country: string, g: Gazetteer, steps: MatchStep[]): NameFound | null {
  const match = g.match(key, country);
  if (!match) return null;
  const tierSteps: MatchStep[] = match.tier === 'alternate' ? ['alternate-name'] : match.tier === 'short' ? ['short-form'] : [];
  // One group per city: a district and its city are one place, not two namesakes.
  const groups = new Map<number, { city: GazetteerCity; matched: GazetteerCity; method: string; organisations: number }>();
  for (const c of match.cities) {
    const parent = g.parentOf(c);
    const group = groups.get(parent.city.id);
    const organisations = (group?.organisations ?? 0) + match.organisations(c);
    if (!group || c.population > group.matched.population)
      groups.set(parent.city.id, { city: parent.city, matched: c, method: parent.method, organisations });
    else group.organisations = organisations;
  }
  // Two features of one place (a GeoNames city and ROR's point for it, a town and its seat a few
  // km apart) are one place, not namesakes: groups closer than SAME_PLACE_KM merge into the larger.
  const merged: (typeof groups extends Map<number, infer G> ? G & { twice?: GazetteerCity[] } : never)[] = [];
  for (const group of [...groups.values()].sort(
    (a, b) => b.matched.population - a.matched.population || (a.city.source === 'geonames' ? -1 : 1) || a.city.id - b.city.id,
  )) {
    const into = merged.find((m) => km(m.city, group.city) <= (rorTwice(m, group) ? SAME_DISTRICT_KM : SAME_PLACE_KM));
    if (into) {
      into.organisations += group.organisations;
      if (km(into.city, group.city) > SAME_PLACE_KM) into.twice = [...(into.twice ?? []), group.city];
    } else merged.push({ ...group });
  }
  const byOrganisations = [...merged].sort(
    (a, b) => b.organisations - a.organisations || b.matched.population - a.matched.population || a.city.id - b.city.id,
  );
  const byPopulation = [...byOrganisations].sort((a, b) => b.matched.population - a.matched.population || a.city.id - b.city.id);
  const research =
    byOrganisations.length > 1 &&
    byOrganisations[0]!.organisations >= Math.max(1, ORGANISATION_DOMINANCE * byOrganisations[1]!.organisations);
  const sorted = research ? byOrganisations : byPopulation;
  const top = sorted[0]!;
  const all = [...steps, ...tierSteps];
  const details: string[] = [];
  if (match.tier === 'alternate') details.push(`"${key}" is another name of ${top.matched.name}`);
  if (match.tier === 'short') details.push(`"${key}" is the short form of ${top.matched.name}`);
  if (research) {
    all.push('most-organisations');
    details.push(
      `of ${sorted.length} places of that name, the one most ROR organisations name so (${top.organisations} against ${sorted[1]!.organisations})`,
    );
  } else if (sorted.length > 1) {
    const second = sorted[1]!;
    if (!(top.matched.population > 0 && top.matched.population >= DOMINANCE * second.matched.population)) {
      return { kind: 'ambiguous', candidates: sorted.map((s) => s.city) };
    }
    all.push('most-populous');
    details.push(
      `most populous of ${sorted.length} places of that name (${fmt(top.matched.population)} against ${fmt(second.matched.population)})`,
    );
  }
  if (match.viaRor(top.matched)) {
    all.push('ror-name');
    details.push(`"${key}" is ROR's name for ${describePlace(top.matched)}`);
  }
  if (top.matched.source === 'ror') all.push('ror-place');
  if (top.city !== top.matched) {
    all.push('district');
    details.push(`${describePlace(top.matched)} belongs to ${top.city.name} (${top.method})`);
  } else if (top.matched.source === 'ror') {
    details.push(`${describePlace(top.matched)}, a city only ROR names`);
  }
  for (const other of top.twice ?? []) {
    details.push(
      `${describePlace(other)}, ${Math.round(km(other, top.city))} km away in the same first-level division, is taken for the same place (ROR's points for a district and its seat)`,
    );
  }
  const member = metroOfCity(top.city, g);
  const hit: PlaceHit = member ? { kind: 'metro', match: member } : { kind: 'city', city: top.city };
  return { kind: 'hit', hit, geonamesId: top.city.id, steps: all, detail: details.join('; ') };
}

function member(key: string, country: string, g: Gazetteer, steps: MatchStep[]): NameFound | null {
  const found = findMetroMember(key, country);
  if (!found) return null;
  const other = normalizeName(found.spelling) !== normalizeName(found.member);
  return {
    kind: 'hit',
    hit: { kind: 'metro', match: found },
    geonamesId: locateMember(found, g)?.id ?? null,
    steps: other ? [...steps, 'member-spelling'] : steps,
    detail: other ? `"${found.spelling}" is another name of ${found.member} (${found.metro.name})` : '',
  };
}

/**
 * A normalised name in a country: as it is, then without a trailing "si"/"shi"/"city" (as the
 * gazetteer's own short forms), then without any administrative word ("Chūō-ku", "Grobogan
 * Regency", "Kota Malang"); each form first among the metro members, then in the gazetteer.
 * When several places share the name, `name` as written may still be ROR's spelling of one
 * of them (./ror-spelling.ts). Null when nothing matches.
 *
 * @example findName('cambridge', 'US', loadGazetteer())?.kind // 'hit' (Boston)
 */
export function findName(key: string, country: string, g: Gazetteer, name?: string): NameFound | null {
  const short = shortKey(key);
  const bare = stripAdminWords(key);
  const forms = [key, ...(short !== key ? [short] : []), ...(bare !== null && bare !== short ? [bare] : [])];
  // The metro table is curated (Tokyo's wards, New York's boroughs): its members come first in every form.
  for (const [i, form] of forms.entries()) {
    const found = member(form, country, g, i === 0 ? [] : ['short-form']);
    if (found && found.kind === 'hit' && i > 0) {
      return {
        ...found,
        detail: [`"${key}" read without its administrative word as "${form}"`, found.detail].filter((d) => d !== '').join('; '),
      };
    }
    if (found) return found;
  }
  for (const [i, form] of forms.entries()) {
    const found = inGazetteer(form, country, g, i === 0 ? [] : ['short-form']);
    if (found?.kind === 'ambiguous' && name !== undefined) return bySpelling(name, country, g, found.candidates) ?? found;
    if (found && found.kind === 'hit' && i > 0) {
      return {
        ...found,
        detail: [`"${key}" read without its administrative word as "${form}"`, found.detail].filter((d) => d !== '').join('; '),
      };
    }
    if (found) return found;
  }
  return null;
}

/**
 * A tiny hand-written PlaceResolver for the reading tests, so that they do not depend on the
 * real gazetteer. Metro level: Cambridge (US) and Boston are both "Boston"; Cambridge (GB) is the
 * city "Cambridge, GB"; Cambridge without a country is ambiguous; Paris without a country is
 * assumed French (a warning); unknown names get suggestions by first letter.
 */
import type { Place, PlaceResolution, PlaceResolver } from '../../src/places/types.ts';

export function place(id: string, country: string | null = null): Place {
  return { id, label: id, level: 'metro', country, countryName: null, region: null, subregion: null, lat: null, lon: null };
}

const KNOWN: Record<string, Place> = {
  'boston|US': place('Boston', 'US'),
  'cambridge|US': place('Boston', 'US'),
  'cambridge|GB': place('Cambridge, GB', 'GB'),
  'shenzhen|CN': place('Shenzhen', 'CN'),
  'beijing|CN': place('Beijing', 'CN'),
  'hong kong|HK': place('Hong Kong', 'HK'),
  'paris|FR': place('Paris', 'FR'),
};
const COUNTRIES = ['US', 'GB', 'CN', 'HK', 'FR'];
const UNIQUE: Record<string, string> = { boston: 'US', shenzhen: 'CN', beijing: 'CN', 'hong kong': 'HK' };

export interface FakeResolver extends PlaceResolver {
  calls: number;
}

export function fakeResolver(): FakeResolver {
  const r: FakeResolver = {
    level: 'metro',
    calls: 0,
    resolve(name: string, country: string | null): PlaceResolution {
      r.calls++;
      const key = name.trim().toLowerCase();
      if (key === '') return { ok: false, reason: 'empty-place', message: 'empty place name', suggestions: [] };
      if (country !== null) {
        const cc = country.trim().toUpperCase();
        if (!COUNTRIES.includes(cc))
          return { ok: false, reason: 'unknown-country', message: `unknown country ${country}`, suggestions: [] };
        const p = KNOWN[`${key}|${cc}`];
        if (p) return { ok: true, place: p };
        return unknown(name);
      }
      if (key === 'cambridge') {
        return {
          ok: false,
          reason: 'ambiguous-place',
          message: 'Cambridge is in several countries',
          suggestions: ['Boston', 'Cambridge, GB'],
        };
      }
      if (key === 'paris')
        return { ok: true, place: KNOWN['paris|FR']!, warning: { reason: 'assumed-country', message: 'assumed Paris, FR' } };
      const cc = UNIQUE[key];
      if (cc) return { ok: true, place: KNOWN[`${key}|${cc}`]! };
      return unknown(name);
    },
  };
  return r;
}

function unknown(name: string): PlaceResolution {
  const first = name.trim().charAt(0).toLowerCase();
  const suggestions = Object.values(KNOWN)
    .map((p) => p.id)
    .filter((id, i, all) => all.indexOf(id) === i && id.toLowerCase().startsWith(first));
  return { ok: false, reason: 'unknown-place', message: `unknown place ${name}`, suggestions };
}

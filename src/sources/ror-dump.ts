/**
 * ROR data dump records (the registry as ROR publishes it, CC0: a JSON array of organisations,
 * schema v2 since 2024, v1 before) → {@link RorRecord}s, with every other name of each
 * organisation: aliases (former and informal names: "OurResearch", "Impactstory" for OpenAlex),
 * acronyms and labels in other languages.
 *
 * v2: `names[]` of `{ value, types: ror_display | label | alias | acronym, lang }`,
 * `locations[0].geonames_id` and `geonames_details` (`name`, `lat`, `lng`, `country_code`,
 * `country_subdivision_name`). v1: `name`, `aliases[]`, `acronyms[]`, `labels[].label`,
 * `addresses[0]` (`city`, `lat`, `lng`, `geonames_city.id`, `geonames_city.geonames_admin1.name`),
 * `country.country_code`. Records without an id, a name or a country are counted, not kept.
 */
import { externalKey, normalizeRorId, type RorRecord } from './ror.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Which ROR schema a dump record follows: v2 has `names[]`, v1 a `name`. */
export function rorSchemaOf(record: unknown): 'v1' | 'v2' | null {
  const o = obj(record);
  if (!o) return null;
  if (Array.isArray(o.names)) return 'v2';
  return typeof o.name === 'string' ? 'v1' : null;
}

/** One dump record (v1 or v2) as a {@link RorRecord} with its other names, or null when it lacks an id, a name or a country. */
export function rorRecordOfDump(record: unknown): RorRecord | null {
  const o = obj(record);
  const schema = rorSchemaOf(record);
  const id = normalizeRorId(text(o?.id) ?? '');
  if (!o || !schema || !id) return null;
  let name: string | null;
  const others: string[] = [];
  let city = '';
  let admin1: string | null = null;
  let country: string | null;
  let lat: number | null;
  let lon: number | null;
  let geonamesId: number | null;
  const external: string[] = [];
  const addExternal = (type: unknown, all: unknown) => {
    for (const v of Array.isArray(all) ? all : [all]) {
      const key = typeof type === 'string' && typeof v === 'string' ? externalKey(type, v) : null;
      if (key && !external.includes(key)) external.push(key);
    }
  };
  if (schema === 'v2') {
    for (const x of list(o.external_ids).map(obj)) addExternal(x?.type, x?.all);
    const names = list(o.names)
      .map(obj)
      .filter((n) => n !== null);
    const display = names.find((n) => list(n.types).includes('ror_display')) ?? names.find((n) => list(n.types).includes('label'));
    name = text(display?.value);
    for (const n of names) {
      const v = text(n.value);
      if (v && n !== display) others.push(v);
    }
    const loc = obj(list(o.locations)[0]);
    const geo = obj(loc?.geonames_details);
    city = text(geo?.name) ?? '';
    admin1 = text(geo?.country_subdivision_name);
    country = text(geo?.country_code);
    lat = num(geo?.lat);
    lon = num(geo?.lng);
    geonamesId = num(loc?.geonames_id);
  } else {
    for (const [type, x] of Object.entries(obj(o.external_ids) ?? {})) addExternal(type, obj(x)?.all);
    name = text(o.name);
    for (const v of [...list(o.aliases), ...list(o.acronyms), ...list(o.labels).map((l) => obj(l)?.label)]) {
      const t = text(v);
      if (t) others.push(t);
    }
    const address = obj(list(o.addresses)[0]);
    const geoCity = obj(address?.geonames_city);
    city = text(address?.city) ?? text(geoCity?.city) ?? '';
    admin1 = text(obj(geoCity?.geonames_admin1)?.name) ?? text(address?.state);
    country = text(obj(o.country)?.country_code);
    lat = num(address?.lat);
    lon = num(address?.lng);
    geonamesId = num(geoCity?.id);
  }
  country = country?.toUpperCase() ?? null;
  if (!name || !country || !/^[A-Z]{2}$/.test(country)) return null;
  return {
    id,
    name,
    names: [...new Set(others)].filter((n) => n !== name),
    ...(external.length > 0 ? { external } : {}),
    status: (text(o.status) ?? 'active').toLowerCase(),
    types: list(o.types)
      .map((t) => (text(t) ?? '').toLowerCase())
      .filter(Boolean),
    city,
    admin1,
    country,
    lat,
    lon,
    geonamesId,
  };
}

/**
 * The records of a parsed dump (a JSON array), and how many were dropped.
 *
 * @throws Error when the document is not an array of ROR records.
 * @example rorRecordsFromDump(JSON.parse(dumpText)).records[0].names // ['Monash', ...]
 */
export function rorRecordsFromDump(doc: unknown): { records: RorRecord[]; dropped: number; schema: 'v1' | 'v2' } {
  if (!Array.isArray(doc)) throw new Error('a ROR data dump is a JSON array of organisations; this document is not an array');
  const schema = rorSchemaOf(doc.find((r) => rorSchemaOf(r) !== null));
  if (!schema) throw new Error('no record of this array is a ROR organisation (schema v1 `name` or v2 `names`)');
  const records: RorRecord[] = [];
  let dropped = 0;
  for (const r of doc) {
    const rec = rorRecordOfDump(r);
    if (rec) records.push(rec);
    else dropped++;
  }
  return { records, dropped, schema };
}

/**
 * Loading the ROR gazetteer and the GeoNames cities (Node only), and building the institution
 * index from them with districts mapped to their cities.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../errors.ts';
import { parseCsvRows } from '../../places/csv.ts';
import { createDistrictCity, type DistrictCity } from '../../places/district-city.ts';
import { loadGazetteer } from '../../places/gazetteer.ts';
import {
  createDistrictResolver,
  type CityPoint,
  type DistrictOptions,
  type GeoCity,
  type ParentCity,
  type ParentCityMethod,
} from '../districts.ts';
import { createRorIndex, rorRecordsFromRows, type RorRecord } from '../ror.ts';
import { rorRecordsFromDump } from '../ror-dump.ts';
import { zipMembers, type ZipMember } from './read-zip.ts';
import type { InstitutionIndex } from '../types.ts';

/** The bundled gazetteer: 51,370 ROR records (CC0), see `data/ror/README.md`. */
export const DEFAULT_ROR_GAZETTEER = fileURLToPath(new URL('../../../data/ror/ror_records_latest_gazetteer.csv.gz', import.meta.url));

/**
 * ROR records from a gazetteer CSV (plain or gzip-compressed), or from an official ROR data dump
 * as published: the `.zip` (its `*_schema_v2.json` member, else its v1 `*.json`), or a dump's
 * JSON (schema v1 or v2, plain or gzip-compressed). A dump brings every organisation's other
 * names (aliases, acronyms, labels) for name lookups.
 *
 * @throws InputError when the file cannot be read, is no dump, or lacks a required column.
 */
export async function loadRorRecords(path: string = DEFAULT_ROR_GAZETTEER): Promise<RorRecord[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) bytes = dumpMember(zipMembers(bytes)).read();
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  } catch (error) {
    throw new InputError(path, `cannot read the ROR gazetteer: ${(error as Error).message}`, { cause: error });
  }
  const start = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('[')) {
    try {
      return rorRecordsFromDump(JSON.parse(bytes.toString('utf8'))).records;
    } catch (error) {
      throw new InputError(path, `is not a ROR data dump: ${(error as Error).message}`, { cause: error });
    }
  }
  const rows = fastCsvRows(bytes.toString('utf8'));
  try {
    return rorRecordsFromRows(rows).records;
  } catch (error) {
    throw new InputError(path, (error as Error).message, { cause: error });
  }
}

/** The JSON member of a ROR dump archive: the schema v2 file when there is one, else the v1 JSON. */
function dumpMember(members: ZipMember[]): ZipMember {
  const json = members.filter((m) => /\.json$/i.test(m.name) && !m.name.startsWith('__MACOSX'));
  const member = json.find((m) => /schema_v2/i.test(m.name)) ?? json[0];
  if (!member) throw new Error(`the archive holds no ROR JSON (members: ${members.map((m) => m.name).join(', ') || 'none'})`);
  return member;
}

/**
 * CSV rows, fast: a line without quotes is split on commas, the rest (and rows whose quotes span
 * lines) go through the full RFC 4180 reader. Five times faster than the full reader on the
 * gazetteer, where 93% of the lines hold no quote.
 */
export function fastCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (pending === '' && !line.includes('"')) {
      if (line !== '') rows.push(line.split(','));
      continue;
    }
    pending = pending === '' ? line : `${pending}\n${line}`;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    for (const r of parseCsvRows(pending)) rows.push(r.fields);
    pending = '';
  }
  if (pending !== '') for (const r of parseCsvRows(pending)) rows.push(r.fields);
  return rows;
}

/**
 * The GeoNames populated places of the place gazetteer (data/places/geonames: GeoNames
 * cities500, every place of ≥ 500 inhabitants or seat of a division; CC-BY 4.0), without the
 * places only ROR names, for the distance-only district rule (`districtOptions`). Each call reads
 * every country's file anew (about 200,000 places): a caller that needs them twice keeps the array.
 */
export function loadGeoCities(): GeoCity[] {
  const g = loadGazetteer();
  return g.countries().flatMap((cc) =>
    g
      .places(cc)
      .filter((c) => c.source === 'geonames')
      .map((c) => ({
        id: c.id,
        name: c.name,
        country: c.country,
        featureCode: c.feature,
        population: c.population,
        lon: c.lon,
        lat: c.lat,
      })),
  );
}

const METHODS: Record<DistrictCity['method'], ParentCityMethod> = {
  self: 'ror',
  unknown: 'ror',
  ward: 'ward',
  'same-name': 'same-name',
  'admin-seat': 'admin-seat',
  'city-state': 'city-state',
  pull: 'gravity',
  unmatched: 'unmatched',
};

/**
 * The place resolver's district rule (src/places/parent-city.ts) over the GeoNames gazetteer: a
 * ROR place is found by its GeoNames id; a city in its own right (by feature code and
 * population) is kept, a ward or neighbourhood goes to the city that contains it by admin codes.
 */
export function gazetteerParentCity(): (place: CityPoint) => ParentCity {
  const cityOf = createDistrictCity();
  return (place) => {
    const c = cityOf(place);
    return {
      name: c.name,
      country: c.country,
      lat: c.lat,
      lon: c.lon,
      geonamesId: c.geonamesId,
      method: METHODS[c.method],
      distanceKm: c.distanceKm,
    };
  };
}

/** Options of {@link loadRorIndex}. */
export interface LoadRorOptions {
  /** Map ROR districts to their cities with GeoNames (default true). */
  districts?: boolean;
  /** Thresholds of the older distance-only district mapping (`createDistrictResolver` over the gazetteer's GeoNames places); without them the place resolver's rule is used. */
  districtOptions?: DistrictOptions;
}

/**
 * The institution index over a ROR gazetteer, districts mapped to cities. Each call builds a new
 * index (a second or two for the bundled extract): the inputs of one run share the one index that
 * `readSourceTimelines` loads, and a caller reading several runs passes its index as `ror`.
 *
 * @example (await loadRorIndex()).byRor('https://ror.org/02zhqgq86')?.city // 'Hong Kong'
 */
export async function loadRorIndex(path: string = DEFAULT_ROR_GAZETTEER, options: LoadRorOptions = {}): Promise<InstitutionIndex> {
  const districts = options.districts ?? true;
  const records = await loadRorRecords(path);
  if (!districts) return createRorIndex(records, {});
  const parentCity = options.districtOptions ? createDistrictResolver(loadGeoCities(), options.districtOptions) : gazetteerParentCity();
  return createRorIndex(records, { parentCity });
}

/**
 * The compact build-time form of the ROR registry (Node only): one CSV row per organisation with
 * its location and its other names, gzip-compressed. `scripts/build-ror-gazetteer.ts` writes it
 * from an official ROR data dump; `loadRorRecords` reads it back (the `names` column is optional,
 * so the bundled 51,370-organisation extract without names reads the same way).
 */
import { gzipSync } from 'node:zlib';
import { formatCell, quoteField } from '../../exports/csv.ts';
import type { RorRecord } from '../ror.ts';
import { compareKeys } from '../../compare-keys.ts';

/** Columns of the compact form, in order (`ROR_COLUMNS` plus `names`, `|`-separated). */
export const ROR_GAZETTEER_COLUMNS = [
  'ror_id',
  'name',
  'status',
  'types',
  'city',
  'admin1',
  'country_code',
  'lat',
  'lng',
  'geonames_id',
  'names',
  'external_ids',
] as const;

/**
 * The compact CSV (gzip) of ROR records, sorted by id so that a rebuild from the same dump is
 * byte-identical. A `|` inside a name (none in ROR so far) would split it: such names are dropped.
 *
 * @example writeFileSync('data/ror/ror_gazetteer.csv.gz', rorGazetteerCsvGz(await loadRorRecords('v2.9-ror-data.zip')))
 */
export function rorGazetteerCsvGz(records: readonly RorRecord[]): Buffer {
  const lines = [ROR_GAZETTEER_COLUMNS.join(',')];
  for (const r of [...records].sort((a, b) => compareKeys(a.id, b.id))) {
    const names = (r.names ?? []).filter((n) => !n.includes('|')).join('|');
    const cells = [
      `https://ror.org/${r.id}`,
      r.name,
      r.status,
      r.types.join('|'),
      r.city,
      r.admin1,
      r.country,
      r.lat,
      r.lon,
      r.geonamesId,
      names,
      (r.external ?? []).join('|'),
    ];
    lines.push(cells.map((v) => quoteField(formatCell(v))).join(','));
  }
  return gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
}

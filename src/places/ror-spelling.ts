/**
 * A name as ROR spells it, where the spelling tells apart places that the normalised name does
 * not. ROR writes each organisation's city as GeoNames names the place ROR points to, and
 * GeoNames spells the wards of one name differently: "Nishi Ku" is its name for Yokohama's
 * Nishi ward (all 9 ROR organisations of that spelling are there), "Nishi-ku" for Osaka's,
 * Kobe's, Sakai's ...; normalised, both are "nishi ku", which several places share. The table
 * (./ror-spelling-table.ts, generated from the bundled ROR file) holds every spelling that ROR
 * uses for one GeoNames id only while its normalised name names several of ROR's places.
 *
 * The spelling compared keeps diacritics, punctuation and spacing ("Kōnan Shi" is not
 * "Konan-shi") but not letter case: a capital typed by mistake ("HIgashi-ku") says nothing of
 * the place, and "Higashi-ku", so folded, names two places in ROR (Okayama's and Hiroshima's).
 */
import { ROR_SPELLINGS } from './ror-spelling-table.ts';

/**
 * The form a spelling is compared in: Unicode NFC, trimmed, runs of white space as one space,
 * lower case.
 *
 * @example spellingKey(' Nishi  Ku ') // 'nishi ku'
 */
export function spellingKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The GeoNames id ROR gives every organisation it files under this spelling in this country,
 * when the spelling is in the table; else null.
 *
 * @example rorSpellingId('Nishi Ku', 'JP') // 1855254
 */
export function rorSpellingId(name: string, country: string): number | null {
  return ROR_SPELLINGS[country]?.[spellingKey(name)] ?? null;
}

/**
 * Administrative words that names of cities, wards and districts carry in records and in
 * GeoNames: "Seongnam-si", "Chiyoda City", "Chūō-ku", "Zaragoza Municipality", "Grobogan Regency",
 * "Kabupaten Sukabumi", "Kota Malang", "Jiulongpo Qu", "Podolsk Urban Okrug", "北京市".
 * A lookup that finds nothing under a name tries it again without them.
 */

// Trailing words (after normalisation: lower case, punctuation → spaces). Longest first.
const TRAILING = [
  'urban okrug',
  'gorodskoy okrug',
  'city district',
  'metropolitan city',
  'special city',
  'municipal district',
  'municipality',
  'municipio',
  'municipal',
  'district',
  'regency',
  'prefecture',
  'province',
  'city',
  'town',
  'village',
  'borough',
  'county',
  'stad',
  'shi',
  'si',
  'gun',
  'gu',
  'ku',
  'qu',
  'shiqu',
  'xian',
  'machi',
  'cho',
  'mura',
  'upazila',
  'okrug',
];
// Leading words: Indonesian "Kabupaten"/"Kota", Spanish/Portuguese "Municipio de", "City of".
const LEADING = ['kabupaten', 'kota', 'municipio de', 'municipio', 'city of', 'town of', 'municipality of', 'distrito de'];
// CJK administrative characters at the end of a name written without spaces (北京市, 中央区, 静岡県).
const CJK_TRAILING = /^(.{2,}?)(?:特別市|直轄市|自治州|市|区|區|县|縣|町|村|郡|도|시|구|군)$/u;

const TRAILING_RE = new RegExp(`^(.+?) (?:${TRAILING.join('|')})$`);
const LEADING_RE = new RegExp(`^(?:${LEADING.join('|')}) (.+)$`);

/**
 * A normalised name without its administrative words, or null when it has none (or nothing
 * would be left). Strips one leading and one trailing word, then a CJK suffix.
 *
 * @example stripAdminWords('chuo ku') // 'chuo'
 * @example stripAdminWords('kota malang') // 'malang'
 * @example stripAdminWords('北京市') // '北京'
 * @example stripAdminWords('zaragoza') // null
 */
export function stripAdminWords(key: string): string | null {
  let out = key;
  const lead = LEADING_RE.exec(out);
  if (lead) out = lead[1]!;
  const trail = TRAILING_RE.exec(out);
  if (trail) out = trail[1]!;
  const cjk = CJK_TRAILING.exec(out);
  if (cjk && !out.includes(' ')) out = cjk[1]!;
  return out !== key && out.trim() !== '' ? out : null;
}

/**
 * Whether a normalised name carries an administrative word ({@link stripAdminWords} finds one).
 *
 * @example hasAdminWord('grobogan regency') // true
 */
export function hasAdminWord(key: string): boolean {
  return stripAdminWords(key) !== null;
}

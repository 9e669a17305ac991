/**
 * Name normalisation shared by every place lookup (countries, metros, gazetteer, aliases).
 * Two spellings that an analyst would call "the same name" must normalise to the same key:
 * case, diacritics, punctuation, spacing and the "St."/"Saint" abbreviation do not matter.
 */

// Letters that NFD does not decompose into base letter + combining mark.
const FOLD: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};
const FOLD_RE = /[øæœßđðłıþħ]/g;
const COMBINING_RE = /\p{M}/gu;
// Dots and apostrophes vanish ("D.C." = "DC", "Côte d'Ivoire" = "cote divoire") while other
// punctuation separates words ("Gif-sur-Yvette" = "gif sur yvette").
const DROP_RE = /[.'’‘`´]/g;
const SEPARATE_RE = /[^\p{L}\p{N}]+/gu;
const SIMPLE_RE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const SAINT_RE = /(?:^| )(?:ste?|sankt)(?: |$)/;

/**
 * Normalises a place name to its lookup key: NFD with combining marks removed, a few
 * non-decomposing letters folded (ø → o, ß → ss, æ → ae ...), lower case, dots and
 * apostrophes dropped, other punctuation turned into single spaces, and the words
 * "st" and German "sankt" read as "saint", "ste" as "sainte".
 *
 * @example normalizeName('St. Gallen') === normalizeName('Sankt Gallen') // 'saint gallen'
 * @example normalizeName('Zürich') === 'zurich'
 * @example normalizeName('Washington, D.C.') === 'washington dc'
 */
export function normalizeName(value: string): string {
  // Three names in four (GeoNames) are plain ASCII words: skip the Unicode work for them.
  const folded = SIMPLE_RE.test(value)
    ? value.toLowerCase()
    : value
        .normalize('NFD')
        .replace(COMBINING_RE, '')
        .toLowerCase()
        .replace(FOLD_RE, (ch) => FOLD[ch] ?? ch)
        .replace(DROP_RE, '')
        .replace(SEPARATE_RE, ' ')
        .trim();
  if (!SAINT_RE.test(folded)) return folded;
  return folded
    .split(' ')
    .map((word) => (word === 'st' || word === 'sankt' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

/**
 * Normalises a country name: {@link normalizeName}, then "&" read as "and" and a leading
 * or trailing (World Bank style "Gambia, The") article "the" removed.
 *
 * @example normalizeCountryName('the Netherlands') === normalizeCountryName('Netherlands, The') // 'netherlands'
 */
export function normalizeCountryName(value: string): string {
  const key = normalizeName(value.replace(/&/g, ' and '));
  return key.replace(/^the /, '').replace(/ the$/, '');
}

// Names whose keys exercise every rule above: the gazetteer data stores keys, so a change of rule
// must rebuild it (scripts/build-gazetteer.ts), and the loader refuses data of another fingerprint.
const FINGERPRINT_SAMPLE = [
  'St. Gallen',
  'Zürich',
  'Washington, D.C.',
  'Ærøskøbing',
  'Łódź',
  "Côte d'Ivoire",
  'Sankt Pölten',
  'Ste-Foy',
  '北京市',
  'Москва',
  'القاهرة',
];

/**
 * A short fingerprint of {@link normalizeName}: the keys of a fixed sample of names, hashed
 * (FNV-1a, hex). Data built with one normaliser is refused by another.
 *
 * @example normalizerFingerprint().length // 8
 */
export function normalizerFingerprint(): string {
  let h = 0x811c9dc5;
  for (const ch of FINGERPRINT_SAMPLE.map(normalizeName).join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

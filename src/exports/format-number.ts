/**
 * The plain decimal text of a number, shared by the text writers (csv.ts) and the byte writers
 * (byte-chunks.ts), which must write the same digits.
 */
/**
 * Formats a number in plain decimal notation with the fewest digits that read back as the
 * same double (the digits of `String(n)`, with any exponent expanded).
 *
 * @example formatNumber(1.5e-7) // "0.00000015"
 * @example formatNumber(1e21)   // "1000000000000000000000"
 * @example formatNumber(NaN)    // ""
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  // Shortest round-trip digits and a power of ten: move the decimal point, keep every digit.
  const sign = s.startsWith('-') ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const pointAt = (dot < 0 ? mantissa.length : dot) + exponent;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

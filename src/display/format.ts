/**
 * Text helpers shared by the display helpers: escaping for HTML/SVG and deterministic number
 * formatting (no locale: the same digits in a notebook, the viewer and a file on any machine).
 */

/**
 * Escapes text for HTML or XML content and attribute values (`&`, `<`, `>`, `"`, `'`).
 *
 * @example
 * escapeXml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: unknown): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Inserts thin thousands separators (`,`) into the integer part of a plain decimal string. */
function groupThousands(digits: string): string {
  const [int = '', frac] = digits.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const body = sign ? int.slice(1) : int;
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? sign + grouped : `${sign}${grouped}.${frac}`;
}

/**
 * Formats a number for display: integers with thousands separators (`9,300`), other values
 * (and integers too when `fixed`) with `digits` decimals (default 3); `null`/`undefined`/`NaN`
 * as an en dash. Never uses the locale, so output is identical everywhere.
 *
 * @example
 * formatNumber(9300); // '9,300'
 * formatNumber(0.123456); // '0.123'
 * formatNumber(2, 2, true); // '2.00'
 * formatNumber(null); // '–'
 */
export function formatNumber(value: number | null | undefined, digits = 3, fixed = false): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value) && !fixed) return groupThousands(String(value));
  const decimal = value.toFixed(digits);
  // -0.000 reads as a sign error
  return groupThousands(/^-0\.?0*$/.test(decimal) ? decimal.slice(1) : decimal);
}

/** Rounds a coordinate for SVG attributes: at most 2 decimals, no trailing zeros, no `-0`. */
export function num(value: number): string {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Rough width in pixels of `text` in a proportional sans-serif font of `fontSize` px (for layout, not typesetting). */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.58;
}

/** Shortens `text` to at most `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

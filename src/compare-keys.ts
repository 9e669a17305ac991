/**
 * Key order shared by every exported table: plain UTF-16 code-unit order, the same on every
 * machine and locale (`localeCompare` is not), so that tables are byte-identical across runs.
 */

/**
 * Compares two strings by UTF-16 code units: negative, zero or positive, for `Array.prototype.sort`.
 *
 * @example ['b', 'B', 'a'].sort(compareKeys) // ['B', 'a', 'b']
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

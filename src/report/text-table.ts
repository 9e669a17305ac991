/** Plain-text tables for the terminal report: right-aligned numbers, left-aligned words. */

export type Cell = string | number | null | undefined;

export interface TextColumn {
  title: string;
  align?: 'left' | 'right';
}

export function textTable(columns: TextColumn[], rows: Cell[][], indent = '  '): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = columns.map((col, i) => Math.max(col.title.length, ...cells.map((r) => (r[i] ?? '').length)));
  const pad = (s: string, i: number) => {
    const w = widths[i] ?? 0;
    return columns[i]?.align === 'right' ? s.padStart(w) : s.padEnd(w);
  };
  const line = (r: string[]) => (indent + r.map((s, i) => pad(s, i)).join('  ')).trimEnd();
  return [line(columns.map((c) => c.title)), ...cells.map(line)].join('\n');
}

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345 → "12,345"; null → "". */
export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : INT.format(n);
}

/** Signed integer: +1,234 / −56. */
export function formatSigned(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return n > 0 ? `+${INT.format(n)}` : n < 0 ? `−${INT.format(-n)}` : '0';
}

/** 0.239 → "23.9%". */
export function formatPercent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : `${(x * 100).toFixed(digits)}%`;
}

/** Fixed decimals, blank for null. */
export function formatFixed(x: number | null | undefined, digits: number): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : x.toFixed(digits);
}

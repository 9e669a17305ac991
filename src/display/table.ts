/**
 * HTML tables of analysis results, for notebooks and reports. Any result shape of
 * `src/analyses/types.ts` (NodeMeasure, TopFlows, CommunitiesResult, RaiResult), an array of
 * plain rows or an arquero table becomes rows first ({@link resultRows}), then one `<table>`
 * with every value escaped and numbers right-aligned.
 */
import { OptionError } from '../errors.ts';
import type { CommunitiesResult, NodeMeasure, RaiResult, TopFlows } from '../analyses/types.ts';
import { escapeXml, formatNumber } from './format.ts';
import { compareKeys } from '../compare-keys.ts';

/** One table cell: numbers are formatted, text escaped, null/undefined shown as "–". */
export type Cell = string | number | boolean | null | undefined;
/** One table row: column name → cell. */
export type Row = Record<string, Cell>;

/** Anything with arquero's `objects()` (an arquero table). */
export interface RowSource {
  objects(): object[];
}

/** A table of the exports (`placesTable`, `flowsTable` …): `columns` fixes the order. */
export interface ColumnsAndRows {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Everything {@link toHtmlTable} and {@link resultRows} accept. */
export type TableInput = NodeMeasure | TopFlows | CommunitiesResult | RaiResult | readonly object[] | RowSource | ColumnsAndRows;

export interface TableOptions {
  /** Rows shown; the rest are counted in a footer. */
  limit?: number;
  /** Decimals of non-integer numbers. */
  digits?: number;
  /** Caption above the table; null for none. */
  caption?: string | null;
  /** Columns to show, in order (default: every column, in first-seen order). */
  columns?: string[] | null;
  /** Name of the value column when the input is a NodeMeasure. */
  valueName?: string;
  /** RaiResult only: one row per place with a column per discipline ('wide') or one row per cell ('long'). */
  layout?: 'wide' | 'long';
}

/**
 * Defaults of {@link toHtmlTable}: `limit` _number_ (20): rows shown; `digits` _number_ (3);
 * `caption` _string | null_ (null); `columns` _string[] | null_ (null: all); `valueName`
 * _string_ ('value'); `layout` _'wide' | 'long'_ ('wide').
 */
export const TABLE_DEFAULTS: Readonly<Required<TableOptions>> = Object.freeze({
  limit: 20,
  digits: 3,
  caption: null,
  columns: null,
  valueName: 'value',
  layout: 'wide',
});

function isRaiResult(x: object): x is RaiResult {
  return 'cells' in x && 'disciplines' in x && Array.isArray((x as RaiResult).cells);
}

function isCommunities(x: object): x is CommunitiesResult {
  return 'communities' in x && 'assignment' in x && Array.isArray((x as CommunitiesResult).communities);
}

function isColumnsAndRows(x: object): x is ColumnsAndRows {
  return Array.isArray((x as ColumnsAndRows).columns) && Array.isArray((x as ColumnsAndRows).rows);
}

function isRowSource(x: object): x is RowSource {
  return typeof (x as RowSource).objects === 'function';
}

function isTopFlows(x: object): x is TopFlows {
  const values = Object.values(x);
  return values.length > 0 && values.every((v) => Array.isArray(v));
}

function isNodeMeasure(x: object): x is NodeMeasure {
  return Object.values(x).every((v) => v === null || typeof v === 'number');
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

function plainRows(objects: readonly object[]): Row[] {
  return objects.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toCell(v)])));
}

/**
 * Rows of any analysis result, as a table would show them:
 * - NodeMeasure → `{ place, [valueName] }`, largest first (nulls last, ties by place);
 * - TopFlows → `{ place, rank, source, weight, researchers }`, places in key order;
 * - CommunitiesResult → `{ community, label, size, dominantCountry, dominantCountryShare, members }`;
 * - RaiResult → wide `{ place, <discipline>… }` or long `{ place, discipline, researchers, rai }`;
 * - an array of objects, an arquero table or an exports table (`{ columns, rows }`, e.g.
 *   `placesTable(graph)`) → its rows, in its column order (arrays joined with ", ").
 *
 * @throws OptionError when the input is none of these.
 * @example
 * resultRows({ Boston: 3, Beijing: 5 }); // [{ place: 'Beijing', value: 5 }, { place: 'Boston', value: 3 }]
 */
export function resultRows(input: TableInput, options: Pick<TableOptions, 'valueName' | 'layout'> = {}): Row[] {
  const valueName = options.valueName ?? TABLE_DEFAULTS.valueName;
  const layout = options.layout ?? TABLE_DEFAULTS.layout;
  if (input === null || typeof input !== 'object') {
    throw new OptionError('input', input, 'an analysis result, an array of rows or an arquero table');
  }
  if (Array.isArray(input)) return plainRows(input as readonly object[]);
  if (isRowSource(input)) return plainRows(input.objects());
  if (isColumnsAndRows(input)) {
    return input.rows.map((r) => Object.fromEntries(input.columns.map((c) => [c, toCell(r[c])])));
  }
  if (isRaiResult(input)) {
    if (layout === 'long') {
      return input.cells.map((c) => ({ place: c.place, discipline: c.discipline, researchers: c.researchers, rai: c.rai }));
    }
    const byPlace = new Map<string, Row>(input.places.map((p) => [p, { place: p }]));
    for (const c of input.cells) {
      const row = byPlace.get(c.place) ?? { place: c.place };
      row[c.discipline] = c.rai;
      byPlace.set(c.place, row);
    }
    return [...byPlace.values()].map((row) => {
      const full: Row = { place: row.place };
      for (const d of input.disciplines) full[d] = row[d] ?? null;
      return full;
    });
  }
  if (isCommunities(input)) {
    return input.communities.map((c) => ({
      community: c.id,
      label: c.label,
      size: c.size,
      dominantCountry: c.dominantCountry,
      dominantCountryShare: c.dominantCountryShare,
      members: c.members.join(', '),
    }));
  }
  if (isTopFlows(input)) {
    const rows: Row[] = [];
    for (const place of Object.keys(input).sort()) {
      for (const f of input[place]!) {
        rows.push({ place, rank: f.rank, source: f.place, weight: f.weight, researchers: f.researchers });
      }
    }
    return rows;
  }
  if (isNodeMeasure(input)) {
    return Object.entries(input)
      .sort(([ka, a], [kb, b]) => {
        if (a === null || b === null) return a === b ? compareKeys(ka, kb) : a === null ? 1 : -1;
        return b - a || compareKeys(ka, kb);
      })
      .map(([place, value]) => ({ place, [valueName]: value }));
  }
  throw new OptionError(
    'input',
    input,
    'an analysis result (NodeMeasure, TopFlows, CommunitiesResult, RaiResult), an array of rows or an arquero table',
  );
}

function checkOptions(options: TableOptions): Required<TableOptions> {
  const o = { ...TABLE_DEFAULTS, ...options };
  for (const key of Object.keys(options)) {
    if (!(key in TABLE_DEFAULTS))
      throw new OptionError(key, (options as Record<string, unknown>)[key], `one of ${Object.keys(TABLE_DEFAULTS).join(', ')}`);
  }
  if (!(o.limit >= 0)) throw new OptionError('limit', o.limit, 'a number ≥ 0 (Infinity for all rows)');
  if (!Number.isInteger(o.digits) || o.digits < 0 || o.digits > 12) throw new OptionError('digits', o.digits, 'an integer from 0 to 12');
  if (o.layout !== 'wide' && o.layout !== 'long') throw new OptionError('layout', o.layout, "'wide' or 'long'");
  return o;
}

/**
 * An HTML `<table>` of an analysis result (see {@link resultRows} for how each shape becomes
 * rows). Text is escaped, numbers are formatted without locale (`9,300`, `0.123`) and
 * right-aligned, null shows as "–". Only the first `limit` rows are shown, with a footer that
 * counts the rest. Pure string output: display it with `asHtml(...)` in a notebook.
 *
 * @param input - an analysis result, an array of rows or an arquero table.
 * @param options - {@link TABLE_DEFAULTS}.
 * @throws OptionError on an unknown option or input.
 * @example
 * toHtmlTable(netInflow(graph), { valueName: 'netInflow', limit: 5, caption: 'Net inflow (moves)' });
 */
export function toHtmlTable(input: TableInput, options: TableOptions = {}): string {
  const o = checkOptions(options);
  const rows = resultRows(input, o);
  const columns = o.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const shown = rows.slice(0, o.limit);
  const numeric = columns.map(
    (c) => shown.length > 0 && shown.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'),
  );
  // a column with any fraction shows every value with the same decimals, so digits line up
  const fractional = columns.map((c) => shown.some((r) => typeof r[c] === 'number' && !Number.isInteger(r[c])));
  const cell = (value: Cell, i: number): string =>
    typeof value === 'number' || value === null || value === undefined
      ? formatNumber(value as number | null, o.digits, fractional[i])
      : escapeXml(value);
  const align = (i: number): string => (numeric[i] ? ' style="text-align:right"' : ' style="text-align:left"');
  const parts: string[] = ['<table class="talentflow-table" style="border-collapse:collapse;font-variant-numeric:tabular-nums">'];
  if (o.caption !== null) parts.push(`<caption style="text-align:left;font-weight:600">${escapeXml(o.caption)}</caption>`);
  parts.push(`<thead><tr>${columns.map((c, i) => `<th${align(i)}>${escapeXml(c)}</th>`).join('')}</tr></thead>`);
  parts.push('<tbody>');
  for (const row of shown) parts.push(`<tr>${columns.map((c, i) => `<td${align(i)}>${cell(row[c], i)}</td>`).join('')}</tr>`);
  parts.push('</tbody>');
  const rest = rows.length - shown.length;
  if (rest > 0) {
    parts.push(
      `<tfoot><tr><td colspan="${columns.length}" style="text-align:left;color:#666">… ${formatNumber(rest)} more row${rest === 1 ? '' : 's'} (${formatNumber(rows.length)} in all)</td></tr></tfoot>`,
    );
  }
  parts.push('</table>');
  return parts.join('');
}

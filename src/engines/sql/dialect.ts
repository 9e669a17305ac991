/**
 * The few SQL spellings that differ between the engines that run talentflow's SQL steps:
 * DuckDB (embedded), ClickHouse (a cluster, server 18.16 and later) and Spark SQL (documented in
 * docs/large-inputs.md, not run by talentflow). Each step in `src/engines/sql/` is written once
 * against this interface and rendered for every dialect, so that the engines cannot drift apart.
 */

export type DialectName = 'duckdb' | 'clickhouse' | 'spark';

/** How one dialect spells what the steps need. Arguments are SQL expressions. */
export interface Dialect {
  name: DialectName;
  /** A string literal. */
  str(text: string): string;
  /** A quoted identifier. */
  id(name: string): string;
  /**
   * An input column of `header` as the engine's raw table names it: DuckDB's `src` view (see
   * `openSource`) by position, `_r0`, `_r1`, ..., so that no header name reaches the SQL; the
   * other dialects read a table whose columns carry the header's names.
   */
  column(header: readonly string[], name: string): string;
  /** A typed NULL text (ClickHouse cannot send an untyped NULL column between shards). */
  nullText: string;
  /** True when the whole of `text` matches the RE2/Java regular expression `re`. */
  fullMatch(text: string, re: string): string;
  /** `text` with the first match of `re` replaced by `by`. */
  replaceFirst(text: string, re: string, by: string): string;
  /** `text` as DOUBLE, NULL when it is not a number. */
  toDouble(text: string): string;
  /** Decimal digits as an integer: NULL or 0 when they are not (ClickHouse cannot nest a NULL in a CASE). */
  toInt(text: string): string;
  /** True for ±infinity. */
  isInf(x: string): string;
  /** Length in characters. */
  length(text: string): string;
  /** Lower case. */
  lower(text: string): string;
  /** Rows of the group where `cond` holds. */
  countIf(cond: string): string;
  /** Sum of `x` over the rows of the group where `cond` holds (0 when none). */
  sumIf(x: string, cond: string): string;
  /** Exact count of distinct non-NULL values. */
  distinctCount(x: string): string;
  /** The value of `x` on the row of the group with the largest `by`. */
  argMax(x: string, by: string): string;
  /** NULL for an empty text, else the text. */
  nullIfEmpty(text: string): string;
  /**
   * Cheap vectorised tests for the common case (a clean cell, a four-digit year, a count written
   * as a plain integer) that let most rows skip the regular expressions; absent, every row takes
   * the exact path. A shortcut only ever says "certainly fine"; every other row goes the exact way.
   */
  fast?: FastPaths;
}

/** The spellings the shortcuts of {@link Dialect.fast} need. */
export interface FastPaths {
  /** True only when `text` (not NULL) has nothing JS `trim` removes at either end. */
  untrimmed(text: string): string;
  /** `text` cast to a small integer type (years), NULL when the cast fails; the cast may accept more than digits. */
  year(text: string): string;
  /** `text` cast to an unsigned integer type (counts), NULL when the cast fails; the cast may accept more than digits. */
  count(text: string): string;
  /** An integer as its decimal text (compared with the cell: the cast accepted plain digits only when they print back the same). */
  text(x: string): string;
  /** An integer as a 32-bit integer. */
  int32(x: string): string;
  /** An integer as DOUBLE. */
  double(x: string): string;
}

/** Characters JavaScript's `String.prototype.trim` removes, as a regular-expression class body (RE2 and Java). */
export const JS_WHITESPACE =
  '\\t\\n\\x0B\\f\\r \\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

const sqlStr = (text: string) => `'${text.replace(/'/g, "''")}'`;

export const DUCKDB: Dialect = {
  name: 'duckdb',
  str: sqlStr,
  id: (name) => `"${name.replace(/"/g, '""')}"`,
  column: (header, name) => `_r${header.indexOf(name)}`,
  nullText: 'CAST(NULL AS VARCHAR)',
  fullMatch: (text, re) => `regexp_full_match(${text}, ${sqlStr(re)})`,
  replaceFirst: (text, re, by) => `regexp_replace(${text}, ${sqlStr(re)}, ${sqlStr(by)})`,
  toDouble: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  toInt: (text) => `TRY_CAST(${text} AS INTEGER)`,
  isInf: (x) => `isinf(${x})`,
  length: (text) => `length(${text})`,
  lower: (text) => `lower(${text})`,
  countIf: (cond) => `count(*) FILTER (WHERE ${cond})`,
  sumIf: (x, cond) => `coalesce(sum(${x}) FILTER (WHERE ${cond}), 0)`,
  // INTEGER, so that the edges come back as typed arrays (Session.numbers).
  distinctCount: (x) => `CAST(count(DISTINCT ${x}) AS INTEGER)`,
  argMax: (x, by) => `arg_max(${x}, ${by})`,
  nullIfEmpty: (text) => `nullif(${text}, '')`,
  fast: {
    // The first byte is a visible ASCII character (0x21–0x7F) and the last character is below
    // U+00A0 and not a control or space: JS trim removes nothing.
    untrimmed: (text) => `${text} >= '!' AND ${text} < chr(128) AND substr(${text}, -1) BETWEEN '!' AND chr(159)`,
    year: (text) => `TRY_CAST(${text} AS SMALLINT)`,
    count: (text) => `TRY_CAST(${text} AS UINTEGER)`,
    text: (x) => `CAST(${x} AS VARCHAR)`,
    int32: (x) => `CAST(${x} AS INTEGER)`,
    double: (x) => `CAST(${x} AS DOUBLE)`,
  },
};

/** ClickHouse: string literals escape backslashes too. */
const chStr = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const CLICKHOUSE: Dialect = {
  name: 'clickhouse',
  str: chStr,
  id: (name) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  column: (_header, name) => CLICKHOUSE.id(name),
  nullText: 'CAST(NULL AS Nullable(String))',
  fullMatch: (text, re) => `match(${text}, ${chStr(`^(?:${re})$`)})`,
  replaceFirst: (text, re, by) => `replaceRegexpOne(${text}, ${chStr(re)}, ${chStr(by)})`,
  // ClickHouse's parser refuses a leading '+', which the JS reader accepts.
  toDouble: (text) => `toFloat64OrNull(replaceRegexpOne(${text}, '^\\\\+', ''))`,
  toInt: (text) => `toInt32OrZero(${text})`,
  isInf: (x) => `isInfinite(${x})`,
  length: (text) => `lengthUTF8(${text})`,
  lower: (text) => `lowerUTF8(${text})`,
  countIf: (cond) => `countIf(${cond})`,
  sumIf: (x, cond) => `sumIf(${x}, ${cond})`,
  distinctCount: (x) => `toInt64(uniqExact(${x}))`,
  argMax: (x, by) => `argMax(${x}, ${by})`,
  nullIfEmpty: (text) => `CASE WHEN ${text} = '' THEN NULL ELSE ${text} END`,
};

/** Spark SQL 3.x with ANSI mode off (a failed cast is NULL). Rendered for the documentation. */
export const SPARK: Dialect = {
  name: 'spark',
  str: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  id: (name) => `\`${name.replace(/`/g, '``')}\``,
  column: (_header, name) => SPARK.id(name),
  nullText: 'CAST(NULL AS STRING)',
  fullMatch: (text, re) => `(${text} RLIKE '^(?:${re.replace(/\\/g, '\\\\').replace(/'/g, "\\'")})$')`,
  // Every pattern the steps replace is anchored (one match at most), so replacing all is replacing the first.
  replaceFirst: (text, re, by) => `regexp_replace(${text}, '${re.replace(/\\/g, '\\\\')}', '${by}')`,
  toDouble: (text) => `CAST(${text} AS DOUBLE)`,
  toInt: (text) => `CAST(${text} AS INT)`,
  isInf: (x) => `(abs(${x}) = double('Infinity'))`,
  length: (text) => `char_length(${text})`,
  lower: (text) => `lower(${text})`,
  countIf: (cond) => `count_if(${cond})`,
  sumIf: (x, cond) => `coalesce(sum(CASE WHEN ${cond} THEN ${x} END), 0)`,
  distinctCount: (x) => `count(DISTINCT ${x})`,
  argMax: (x, by) => `max_by(${x}, ${by})`,
  nullIfEmpty: (text) => `nullif(${text}, '')`,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = Object.freeze({ duckdb: DUCKDB, clickhouse: CLICKHOUSE, spark: SPARK });

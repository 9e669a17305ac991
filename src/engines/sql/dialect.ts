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
  /** Arrays and lambdas (the timeline derivation, `timelines.ts`). */
  arrays: ArrayFunctions;
}

/**
 * The array functions the timeline derivation is written with (ClickHouse 18.16 has no window
 * functions: each researcher's years become arrays, and the rules are maps and filters over them).
 * Indices are 1-based in every dialect; `param` is a lambda parameter, unique within a query.
 */
export interface ArrayFunctions {
  /** `arr` with `body` applied to each element `param`. */
  map(arr: string, param: string, body: string): string;
  /** The elements `param` of `arr` for which `body` holds. */
  filter(arr: string, param: string, body: string): string;
  /** Element `i` (1-based; out of range: NULL or the type's default, never an error). */
  at(arr: string, i: string): string;
  /** Number of elements. */
  len(arr: string): string;
  /** 1, 2, …, len(arr). */
  indices(arr: string): string;
  /** 0, 1, …, n − 1 (n ≥ 1). */
  upTo(n: string): string;
  /** The `length` elements of `arr` from element `start` (1-based) on. */
  slice(arr: string, start: string, length: string): string;
  /** Sum of the elements, 0 for an empty array. */
  sum(arr: string): string;
  /** Largest element, 0 for an empty array (the arrays are of non-negative numbers). */
  max(arr: string): string;
  /** True when `x` is an element of `arr`. */
  has(arr: string, x: string): string;
  /** The arrays of an array of arrays one after the other. */
  flatten(arr: string): string;
  /** Aggregate: the values of `value` over the group's rows where `cond` holds, ordered by `order` (empty when none). */
  collect(value: string, order: string, cond: string): string;
  /** In a SELECT list: one output row per element of `arr`, the element as the value. */
  explode(arr: string): string;
  /** Integer division. */
  intDiv(a: string, b: string): string;
  int32(x: string): string;
  int64(x: string): string;
  float64(x: string): string;
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
  arrays: {
    map: (arr, p, body) => `list_transform(${arr}, lambda ${p}: ${body})`,
    filter: (arr, p, body) => `list_filter(${arr}, lambda ${p}: ${body})`,
    at: (arr, i) => `(${arr})[${i}]`,
    len: (arr) => `len(${arr})`,
    indices: (arr) => `range(1, len(${arr}) + 1)`,
    upTo: (n) => `range(${n})`,
    slice: (arr, start, length) => `list_slice(${arr}, ${start}, ${start} + ${length} - 1)`,
    sum: (arr) => `coalesce(list_sum(${arr}), 0)`,
    max: (arr) => `coalesce(list_max(${arr}), 0)`,
    has: (arr, x) => `list_contains(${arr}, ${x})`,
    flatten: (arr) => `flatten(${arr})`,
    // Sorting the group's two lists afterwards is much faster than an ordered aggregate; both
    // lists of one group hold its rows in the same order.
    collect: (value, order, cond) =>
      `coalesce(list_select(list(${value}) FILTER (WHERE ${cond}), list_grade_up(list(${order}) FILTER (WHERE ${cond}))), [])`,
    explode: (arr) => `unnest(${arr})`,
    intDiv: (a, b) => `(${a} // ${b})`,
    int32: (x) => `CAST(${x} AS INTEGER)`,
    int64: (x) => `CAST(${x} AS BIGINT)`,
    float64: (x) => `CAST(${x} AS DOUBLE)`,
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
  arrays: {
    map: (arr, p, body) => `arrayMap(${p} -> ${body}, ${arr})`,
    filter: (arr, p, body) => `arrayFilter(${p} -> ${body}, ${arr})`,
    at: (arr, i) => `arrayElement(${arr}, ${i})`,
    len: (arr) => `length(${arr})`,
    indices: (arr) => `arrayEnumerate(${arr})`,
    upTo: (n) => `range(toUInt32(${n}))`,
    slice: (arr, start, length) => `arraySlice(${arr}, ${start}, ${length})`,
    sum: (arr) => `arraySum(${arr})`,
    max: (arr) => `arrayReduce('max', ${arr})`,
    has: (arr, x) => `has(${arr}, ${x})`,
    // Server 18.16 has no arrayFlatten.
    flatten: (arr) => `arrayReduce('groupArrayArray', ${arr})`,
    collect: (value, order, cond) => `arraySort((tf_cv, tf_co) -> tf_co, groupArrayIf(${value}, ${cond}), groupArrayIf(${order}, ${cond}))`,
    explode: (arr) => `arrayJoin(${arr})`,
    intDiv: (a, b) => `intDiv(${a}, ${b})`,
    int32: (x) => `toInt32(${x})`,
    int64: (x) => `toInt64(${x})`,
    float64: (x) => `toFloat64(${x})`,
  },
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
  arrays: {
    map: (arr, p, body) => `transform(${arr}, ${p} -> ${body})`,
    filter: (arr, p, body) => `filter(${arr}, ${p} -> ${body})`,
    // element_at is 1-based (arr[i] is 0-based); out of range is NULL with ANSI mode off.
    at: (arr, i) => `element_at(${arr}, ${i})`,
    len: (arr) => `size(${arr})`,
    indices: (arr) => `transform(${arr}, (tf_e, tf_i) -> tf_i + 1)`,
    upTo: (n) => `sequence(0, ${n} - 1)`,
    slice: (arr, start, length) => `slice(${arr}, ${start}, ${length})`,
    sum: (arr) => `aggregate(${arr}, CAST(0 AS DOUBLE), (tf_a, tf_e) -> tf_a + tf_e)`,
    max: (arr) => `coalesce(array_max(${arr}), 0)`,
    has: (arr, x) => `array_contains(${arr}, ${x})`,
    flatten: (arr) => `flatten(${arr})`,
    collect: (value, order, cond) =>
      `transform(array_sort(collect_list(CASE WHEN ${cond} THEN named_struct('o', ${order}, 'v', ${value}) END)), tf_e -> tf_e.v)`,
    explode: (arr) => `explode(${arr})`,
    intDiv: (a, b) => `(${a} div ${b})`,
    int32: (x) => `CAST(${x} AS INT)`,
    int64: (x) => `CAST(${x} AS BIGINT)`,
    float64: (x) => `CAST(${x} AS DOUBLE)`,
  },
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = Object.freeze({ duckdb: DUCKDB, clickhouse: CLICKHOUSE, spark: SPARK });

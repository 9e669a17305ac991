/**
 * An embedded DuckDB database for one analysis run (no server): loaded lazily because
 * `@duckdb/node-api` is an optional dependency, with the run's temporary tables spilling to a
 * temporary directory when the input does not fit in memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TalentFlowError } from '../../errors.ts';
import { registerTemporary, releaseTemporary } from '../../io/temporary.ts';

/** Options of {@link openSession}. */
export interface SessionOptions {
  /** Worker threads (DuckDB's `threads`); default: every core. */
  threads?: number;
  /** DuckDB's `memory_limit`, e.g. `'4GB'`; default DuckDB's (80% of RAM). Past it, tables spill to disk. */
  memoryLimit?: string;
}

/** Rows of a query as plain JS values (BIGINT and HUGEINT as numbers: every count here is < 2^53). */
export type Row = Record<string, unknown>;

/** One open database. Close it with {@link Session.close}. */
export interface Session {
  /** Runs statements without reading a result. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its rows as objects. */
  rows(sql: string): Promise<Row[]>;
  /** Runs a query and returns its rows as text cells in column order (NULL as null), as the shared SQL steps read results. */
  text(sql: string): Promise<Array<Array<string | null>>>;
  /** Runs a query and returns its columns (column name → values), cheaper than rows for large results. */
  columns(sql: string): Promise<Record<string, unknown[]>>;
  /**
   * Runs a query whose columns are all INTEGER or DOUBLE without NULLs and returns them as typed
   * arrays (Int32Array, Float64Array), copied chunk by chunk from DuckDB's vectors: no JS value
   * per cell, the cheap way to hand over millions of numbers.
   * @throws TalentFlowError on another column type or a NULL.
   */
  numbers(sql: string): Promise<Record<string, Int32Array | Float64Array>>;
  /** Appends rows to an existing table through DuckDB's appender. */
  append(table: string, rows: Iterable<ReadonlyArray<string | number | boolean | null>>): Promise<void>;
  /** The session's own temporary folder (spill files; removed by `close`). */
  tempDir: string;
  close(): Promise<void>;
}

/** The driver's module, loaded once. */
type Driver = typeof import('@duckdb/node-api');
let driver: Promise<Driver> | null = null;

/** True when `@duckdb/node-api` can be loaded on this machine. */
export async function duckdbAvailable(): Promise<boolean> {
  try {
    await loadDriver();
    return true;
  } catch {
    return false;
  }
}

function loadDriver(): Promise<Driver> {
  driver ??= import('@duckdb/node-api').catch((cause: unknown) => {
    driver = null;
    throw new TalentFlowError(
      'the DuckDB engine needs the optional dependency @duckdb/node-api (npm install @duckdb/node-api), or use --engine js',
      { cause },
    );
  });
  return driver;
}

/** The parts of the driver's INTEGER and DOUBLE vectors that {@link Session.numbers} reads. */
interface Vector {
  items: Int32Array | Float64Array;
  /** Validity bits, 64 rows a word; null when every row is valid. */
  validity: { data: BigUint64Array | null };
}

function allValid(bits: BigUint64Array | null, rows: number): boolean {
  if (bits === null) return true;
  const full = Math.floor(rows / 64);
  for (let w = 0; w < full; w++) if (bits[w] !== 0xffffffffffffffffn) return false;
  const rest = rows % 64;
  if (rest === 0) return true;
  const mask = (1n << BigInt(rest)) - 1n;
  return (bits[full]! & mask) === mask;
}

const toNumber = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/**
 * Opens an in-memory DuckDB database whose spill files go to a fresh temporary directory,
 * removed again by `close()`.
 *
 * @throws TalentFlowError when `@duckdb/node-api` is not installed.
 * @example
 * const db = await openSession({ threads: 2 });
 * const [{ n }] = await db.rows("select count(*) as n from read_csv('moves.csv')");
 * await db.close();
 */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const duckdb = await loadDriver();
  const spill = await mkdtemp(join(tmpdir(), 'talentflow-duckdb-'));
  const config: Record<string, string> = { temp_directory: spill, preserve_insertion_order: 'true' };
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  registerTemporary(spill);
  let instance: Awaited<ReturnType<typeof duckdb.DuckDBInstance.create>>;
  let connection: Awaited<ReturnType<typeof instance.connect>>;
  try {
    instance = await duckdb.DuckDBInstance.create(':memory:', config);
    connection = await instance.connect();
  } catch (error) {
    await rm(spill, { recursive: true, force: true });
    releaseTemporary(spill);
    throw error;
  }
  return {
    tempDir: spill,
    async run(sql) {
      await connection.run(sql);
    },
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      return reader.getRowsJS().map((values) => {
        const row: Row = {};
        names.forEach((name, i) => (row[name] = toNumber(values[i])));
        return row;
      });
    },
    async text(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowsJS().map((values) => values.map((v) => (v === null || v === undefined ? null : String(toNumber(v)))));
    },
    async columns(sql) {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const out: Record<string, unknown[]> = {};
      for (const name of names) out[name] = [];
      reader.getColumnsJS().forEach((values, i) => {
        out[names[i]!] = values.map(toNumber);
      });
      return out;
    },
    async numbers(sql) {
      const result = await connection.run(sql);
      const names = result.columnNames();
      const n = result.rowCount;
      const out: Record<string, Int32Array | Float64Array> = {};
      const types = result.columnTypes().map((t, i) => {
        if (t.typeId === duckdb.DuckDBTypeId.INTEGER) return (out[names[i]!] = new Int32Array(n));
        if (t.typeId === duckdb.DuckDBTypeId.DOUBLE) return (out[names[i]!] = new Float64Array(n));
        throw new TalentFlowError(`column ${names[i]} is ${t.toString()}, not INTEGER or DOUBLE`);
      });
      let at = 0;
      for (let c = 0; c < result.chunkCount; c++) {
        const chunk = result.getChunk(c);
        const rows = chunk.rowCount;
        types.forEach((target, i) => {
          const vector = chunk.getColumnVector(i) as unknown as Vector;
          if (!allValid(vector.validity.data, rows)) throw new TalentFlowError(`column ${names[i]} has a NULL`);
          target.set(vector.items.subarray(0, rows), at);
        });
        at += rows;
      }
      return out;
    },
    async append(table, rows) {
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'string') appender.appendVarchar(v);
          else if (typeof v === 'boolean') appender.appendBoolean(v);
          else if (Number.isInteger(v)) appender.appendBigInt(BigInt(v));
          else appender.appendDouble(v);
        }
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      try {
        connection.closeSync();
        instance.closeSync();
      } finally {
        await rm(spill, { recursive: true, force: true });
        releaseTemporary(spill);
      }
    },
  };
}

/** A SQL string literal: `'it''s'`. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier: `"from"`. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A connection to a ClickHouse server over its HTTP interface, through ClickHouse's official JS
 * client (`@clickhouse/client`, an optional dependency loaded on first use). The engine needs
 * four things of it: statements, queries read back as TabSeparated text (the one result format
 * every server version writes the same way; 64-bit integers stay exact), and streamed inserts.
 */
import type { Readable } from 'node:stream';
import { TalentFlowError } from '../../errors.ts';

/** One cell of a TabSeparated result: text, or null for `\N`. */
export type Cell = string | null;

/** What the engine asks of ClickHouse. */
export interface Connection {
  /** The server URL (for messages). */
  url: string;
  /** Runs a statement (DDL, INSERT … SELECT) and waits for it to finish. */
  command(sql: string): Promise<void>;
  /** Runs a query and returns its rows as arrays of cells, in the query's column order. */
  rows(sql: string): Promise<Cell[][]>;
  /** Streams TabSeparated text (or CSV, the server parsing it) into `table` (`db.name`) with the given columns. */
  insert(table: string, columns: string[], text: Readable, format?: 'TabSeparated' | 'CSV'): Promise<void>;
  close(): Promise<void>;
}

type ClientModule = typeof import('@clickhouse/client');
let loaded: Promise<ClientModule> | null = null;

function loadClient(): Promise<ClientModule> {
  loaded ??= import('@clickhouse/client').catch((cause: unknown) => {
    loaded = null;
    throw new TalentFlowError('the ClickHouse engine needs the optional dependency @clickhouse/client (npm install @clickhouse/client)', {
      cause,
    });
  });
  return loaded;
}

/** True when `@clickhouse/client` can be loaded. */
export async function clickhouseClientAvailable(): Promise<boolean> {
  try {
    await loadClient();
    return true;
  } catch {
    return false;
  }
}

/** Reads ClickHouse's TabSeparated escapes back (`\t`, `\n`, `\\`, … and `\N` for NULL). */
export function parseTsv(text: string): Cell[][] {
  const out: Cell[][] = [];
  if (text === '') return out;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    out.push(
      line.split('\t').map((cell) => {
        if (cell === '\\N') return null;
        if (!cell.includes('\\')) return cell;
        return cell.replace(
          /\\(.)/g,
          (_m, c: string) => ({ t: '\t', n: '\n', r: '\r', '0': '\0', b: '\b', f: '\f', "'": "'", '\\': '\\' })[c] ?? c,
        );
      }),
    );
  }
  return out;
}

/** Per-query settings every statement runs with. */
const SETTINGS = {
  // The place mapping travels as constant arrays inside the queries (see places.ts).
  max_query_size: '1073741824',
  // A Distributed insert returns once the rows are on their shards, not queued on the initiator.
  insert_distributed_sync: '1',
  // Server 18.16 fails ("std::bad_typeid") when it moves a condition over the WITH aliases into
  // PREWHERE on the shards; every query reads the whole row anyway.
  optimize_move_to_prewhere: '0',
  // Progress headers keep a long query's connection busy, so that no idle timeout cuts it.
  send_progress_in_http_headers: '1',
  http_headers_progress_interval_ms: '10000',
  // A single quote starts no quoted CSV field (names like 's-Hertogenbosch), as in the other readers.
  format_csv_allow_single_quotes: '0',
};

/**
 * Opens a connection to `url` (e.g. `http://127.0.0.1:8123`, user and password in the URL or
 * the default user). Queries may take long on large tables: no request timeout below an hour.
 * @throws TalentFlowError when the client is not installed or the server does not answer.
 */
export async function connect(url: string): Promise<Connection> {
  const { createClient, ClickHouseLogLevel } = await loadClient();
  const parsed = new URL(url);
  const client = createClient({
    url: `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`,
    username: decodeURIComponent(parsed.username) || 'default',
    password: decodeURIComponent(parsed.password),
    request_timeout: 3_600_000,
    clickhouse_settings: SETTINGS as never,
    // Failures come back as TalentFlowErrors naming the query; the client's own log would repeat them.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const fail = (sql: string, cause: unknown): never => {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new TalentFlowError(`ClickHouse at ${parsed.host} refused a query (${detail}): ${sql.slice(0, 300)}`, { cause });
  };
  const ping = await client.ping();
  if (!ping.success) {
    await client.close();
    throw new TalentFlowError(`ClickHouse does not answer at ${parsed.host}: ${ping.error?.message ?? 'no reply'}`, { cause: ping.error });
  }
  return {
    url: `${parsed.protocol}//${parsed.host}`,
    async command(sql) {
      try {
        await client.command({ query: sql });
      } catch (e) {
        fail(sql, e);
      }
    },
    async rows(sql) {
      try {
        const result = await client.query({ query: sql, format: 'TabSeparated' });
        return parseTsv(await result.text());
      } catch (e) {
        return fail(sql, e);
      }
    },
    async insert(table, columns, text, format = 'TabSeparated') {
      try {
        await client.insert({ table, values: text, format, columns: columns as [string, ...string[]] });
      } catch (e) {
        fail(`INSERT INTO ${table}`, e);
      }
    },
    async close() {
      await client.close();
    },
  };
}

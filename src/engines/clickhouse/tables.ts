/**
 * The cluster and the tables the ClickHouse engine reads: which cluster the server belongs to,
 * and the row table the input is loaded into — a `MergeTree` table on every shard (`<name>_local`)
 * and a `Distributed` table over them (`<name>`) that spreads inserted rows over the shards and
 * runs each query on all of them in parallel.
 */
import { OptionError, TalentFlowError } from '../../errors.ts';
import { CLICKHOUSE } from '../sql/dialect.ts';
import type { Connection } from './connection.ts';

/** The column that carries each row's physical line in the input file. */
export const LINE_COLUMN = 'tf_line';

/** A table name as `db` and `name`. */
export interface TableName {
  db: string;
  name: string;
}

/** `db.name` or `name` (in `default`). */
export function parseTableName(text: string, option: string): TableName {
  const m = /^(?:([A-Za-z_][A-Za-z0-9_]*)\.)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(text);
  if (!m) throw new OptionError(option, text, 'a table name such as talentflow_rows or analytics.talentflow_rows (letters, digits, _)');
  return { db: m[1] ?? 'default', name: m[2]! };
}

/** `db`.`name`, quoted. */
export function qualified(t: TableName): string {
  return `${CLICKHOUSE.id(t.db)}.${CLICKHOUSE.id(t.name)}`;
}

/**
 * The cluster to load into: `wanted` when given (it must be known to the server), else the one
 * cluster the server knows.
 * @throws OptionError when the cluster is unknown or several are known and none was named.
 */
export async function chooseCluster(conn: Connection, wanted: string | undefined): Promise<{ name: string; shards: number }> {
  const rows = await conn.rows(`SELECT cluster, uniqExact(shard_num) FROM system.clusters GROUP BY cluster ORDER BY cluster`);
  const known = new Map(rows.map((r) => [r[0]!, Number(r[1])]));
  if (wanted !== undefined) {
    const shards = known.get(wanted);
    if (shards === undefined)
      throw new OptionError(
        'clickhouse-cluster',
        wanted,
        `a cluster of ${conn.url}: ${[...known.keys()].join(', ') || 'none is configured (remote_servers)'}`,
      );
    return { name: wanted, shards };
  }
  if (known.size !== 1) {
    throw new OptionError(
      'clickhouse-cluster',
      '(none)',
      `one of the clusters of ${conn.url}: ${[...known.keys()].join(', ') || 'none is configured (remote_servers)'}`,
    );
  }
  const [name, shards] = [...known][0]!;
  return { name, shards };
}

/** The columns of an existing table, in order, with their types. */
export async function tableColumns(conn: Connection, t: TableName): Promise<Array<{ name: string; type: string }>> {
  // system.columns of server 18.16 has no column position; DESCRIBE lists the columns in order.
  const [exists] = await conn.rows(
    `SELECT count() FROM system.tables WHERE database = ${CLICKHOUSE.str(t.db)} AND name = ${CLICKHOUSE.str(t.name)}`,
  );
  if (Number(exists![0]) === 0) return [];
  const rows = await conn.rows(`DESCRIBE TABLE ${qualified(t)}`);
  return rows.map((r) => ({ name: r[0]!, type: r[1]! }));
}

/** The column of a loaded table that records which fields its validation columns were made for. */
export const MAP_COLUMN = 'tf_map';

/**
 * (Re)creates the row table for `header`: `<name>_local` on each shard with the line, every
 * input column as String and the validation columns (`derived`, MATERIALIZED: each shard
 * computes them once, as its rows arrive), a `Distributed` table `<name>_load` over the input
 * columns to insert into, and the `Distributed` table `<name>` over every column to query. With
 * one connection per shard the local tables are created shard by shard; with a single
 * connection to a cluster of several shards, by distributed DDL (`ON CLUSTER`, which needs the
 * cluster's ZooKeeper).
 *
 * @param derived - (name, SQL) of the validation columns, computed from the input columns.
 * @param shardingKey - SQL over the columns that picks each row's shard (`rand()`: spread evenly).
 * @returns the table to insert into.
 */
export async function createRowTables(
  conns: Connection[],
  cluster: { name: string; shards: number },
  t: TableName,
  header: readonly string[],
  derived: ReadonlyArray<readonly [string, string]>,
  shardingKey: string,
): Promise<TableName> {
  if (conns.length !== 1 && conns.length !== cluster.shards) {
    throw new OptionError(
      'clickhouse-url',
      conns.map((c) => c.url).join(','),
      `one URL, or one per shard of cluster ${cluster.name} (${cluster.shards})`,
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (h.startsWith('tf_'))
      throw new TalentFlowError(
        `the input has a column named ${h}; the ClickHouse engine keeps the tf_ prefix for its own columns: rename it`,
      );
    if (seen.has(h)) throw new TalentFlowError(`the header has the column "${h}" twice`);
    seen.add(h);
  }
  const local: TableName = { db: t.db, name: `${t.name}_local` };
  const load: TableName = { db: t.db, name: `${t.name}_load` };
  const raw = [`${LINE_COLUMN} UInt64`, ...header.map((h) => `${CLICKHOUSE.id(h)} String`)];
  const columns = [...raw, ...derived.map(([name, expr]) => `${name} MATERIALIZED ${expr}`)].join(',\n  ');
  const onCluster = conns.length === 1 && cluster.shards > 1 ? ` ON CLUSTER ${CLICKHOUSE.id(cluster.name)}` : '';
  const first = conns[0]!;
  const distributed = `ENGINE = Distributed(${CLICKHOUSE.id(cluster.name)}, ${CLICKHOUSE.id(t.db)}, ${CLICKHOUSE.id(local.name)}, ${shardingKey})`;
  await first.command(`DROP TABLE IF EXISTS ${qualified(t)}`);
  await first.command(`DROP TABLE IF EXISTS ${qualified(load)}`);
  for (const conn of onCluster ? [first] : conns) {
    await conn.command(`DROP TABLE IF EXISTS ${qualified(local)}${onCluster}`);
    await conn.command(`CREATE TABLE ${qualified(local)}${onCluster} (${columns}) ENGINE = MergeTree() ORDER BY tuple()`);
  }
  // A Distributed table cannot insert into MATERIALIZED columns, nor select them unless it has
  // them as ordinary columns: one table to load, one to query.
  const typed = await tableColumns(first, local);
  await first.command(`CREATE TABLE ${qualified(load)} (${raw.join(', ')}) ${distributed}`);
  await first.command(`CREATE TABLE ${qualified(t)} (${typed.map((c) => `${CLICKHOUSE.id(c.name)} ${c.type}`).join(', ')}) ${distributed}`);
  return load;
}

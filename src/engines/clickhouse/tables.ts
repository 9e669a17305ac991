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
    if (shards === undefined) throw new OptionError('clickhouse-cluster', wanted, `a cluster of ${conn.url}: ${[...known.keys()].join(', ') || 'none is configured (remote_servers)'}`);
    return { name: wanted, shards };
  }
  if (known.size !== 1) {
    throw new OptionError('clickhouse-cluster', '(none)', `one of the clusters of ${conn.url}: ${[...known.keys()].join(', ') || 'none is configured (remote_servers)'}`);
  }
  const [name, shards] = [...known][0]!;
  return { name, shards };
}

/** The columns of an existing table, in order, with their types. */
export async function tableColumns(conn: Connection, t: TableName): Promise<Array<{ name: string; type: string }>> {
  const rows = await conn.rows(
    `SELECT name, type FROM system.columns WHERE database = ${CLICKHOUSE.str(t.db)} AND table = ${CLICKHOUSE.str(t.name)} ORDER BY position`,
  );
  return rows.map((r) => ({ name: r[0]!, type: r[1]! }));
}

/**
 * (Re)creates the row table for `header`: `<name>_local` (the line, then every column as
 * String) on each shard and the `Distributed` table `<name>` on the first connection. With one
 * connection per shard the local tables are created shard by shard; with a single connection to
 * a cluster of several shards, by distributed DDL (`ON CLUSTER`, which needs the cluster's
 * ZooKeeper).
 *
 * @param shardingKey - SQL over the columns that picks each row's shard (`rand()`: spread evenly).
 */
export async function createRowTables(conns: Connection[], cluster: { name: string; shards: number }, t: TableName, header: readonly string[], shardingKey: string): Promise<void> {
  if (conns.length !== 1 && conns.length !== cluster.shards) {
    throw new OptionError('clickhouse-url', conns.map((c) => c.url).join(','), `one URL, or one per shard of cluster ${cluster.name} (${cluster.shards})`);
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (h === LINE_COLUMN) throw new TalentFlowError(`the input has a column named ${LINE_COLUMN}, which the ClickHouse engine uses for line numbers; rename it`);
    if (seen.has(h)) throw new TalentFlowError(`the header has the column "${h}" twice`);
    seen.add(h);
  }
  const local: TableName = { db: t.db, name: `${t.name}_local` };
  const columns = [`${LINE_COLUMN} UInt64`, ...header.map((h) => `${CLICKHOUSE.id(h)} String`)].join(', ');
  const onCluster = conns.length === 1 && cluster.shards > 1 ? ` ON CLUSTER ${CLICKHOUSE.id(cluster.name)}` : '';
  const first = conns[0]!;
  await first.command(`DROP TABLE IF EXISTS ${qualified(t)}`);
  for (const conn of onCluster ? [first] : conns) {
    await conn.command(`DROP TABLE IF EXISTS ${qualified(local)}${onCluster}`);
    await conn.command(`CREATE TABLE ${qualified(local)}${onCluster} (${columns}) ENGINE = MergeTree() ORDER BY tuple()`);
  }
  await first.command(
    `CREATE TABLE ${qualified(t)} AS ${qualified(local)} ENGINE = Distributed(${CLICKHOUSE.id(cluster.name)}, ${CLICKHOUSE.id(t.db)}, ${CLICKHOUSE.id(local.name)}, ${shardingKey})`,
  );
}

/**
 * A throw-away two-shard ClickHouse cluster on loopback ports, for the ClickHouse engine's tests
 * and benchmark: two `clickhouse-server` processes (Debian's package), each with its own config,
 * data and logs in a temporary folder, listening on 127.0.0.1 only, on ports chosen free at run
 * time. Both know the cluster `talentflow` (one replica per shard), so a `Distributed` table on
 * either spreads rows over both. `stop()` ends the two processes and removes the folder; a start
 * that fails stops what it started and says why (with the server's log).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian installs the server. */
export const CLICKHOUSE_SERVER = '/usr/bin/clickhouse-server';

/** The cluster name in `remote_servers`. */
export const CLUSTER = 'talentflow';

export interface LocalCluster {
  /** HTTP URL of the first server (the one talentflow talks to). */
  url: string;
  /** HTTP URLs of every server, shard by shard. */
  urls: string[];
  /** Native (tcp) ports of the shards. */
  tcpPorts: number[];
  cluster: string;
  stop(): Promise<void>;
}

/** Why a cluster cannot start here, or null when the server binary is installed. */
export function clusterUnavailable(): string | null {
  const bin = [CLICKHOUSE_SERVER, '/usr/sbin/clickhouse-server'].find((p) => existsSync(p));
  return bin ? null : `clickhouse-server is not installed (Debian package clickhouse-server; npm test installs it with apt-get)`;
}

function serverBinary(): string {
  return [CLICKHOUSE_SERVER, '/usr/sbin/clickhouse-server'].find((p) => existsSync(p)) ?? CLICKHOUSE_SERVER;
}

/** A free loopback port (asked of the kernel, then released: the server binds it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function configXml(dir: string, http: number, tcp: number, shards: number[]): string {
  const replicas = shards.map((port) => `<shard><replica><host>127.0.0.1</host><port>${port}</port></replica></shard>`).join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mlock_executable>false</mlock_executable>
  <remote_servers><${CLUSTER}>${replicas}</${CLUSTER}></remote_servers>
</yandex>
`;
}

async function ping(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
    return r.ok && (await r.text()).startsWith('Ok');
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts two shards and waits until both answer `/ping` (up to `timeoutMs`).
 * @throws Error naming the server that did not come up, with the tail of its log.
 */
export async function startLocalCluster(options: { timeoutMs?: number } = {}): Promise<LocalCluster> {
  const why = clusterUnavailable();
  if (why) throw new Error(why);
  const root = await mkdtemp(join(tmpdir(), 'talentflow-clickhouse-'));
  const ports = { http: [await freePort(), await freePort()], tcp: [await freePort(), await freePort()] };
  const children: ChildProcess[] = [];
  const urls = ports.http.map((p) => `http://127.0.0.1:${p}`);
  const stop = async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    const all = Promise.all(children.map(exited));
    const late = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 15_000);
    await all;
    clearTimeout(late);
    await rm(root, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 2; i++) {
      const dir = join(root, `shard${i + 1}`);
      for (const sub of ['data', 'tmp', 'user_files', 'format_schemas']) await mkdir(join(dir, sub), { recursive: true });
      await writeFile(join(dir, 'config.xml'), configXml(dir, ports.http[i]!, ports.tcp[i]!, ports.tcp));
      const child = spawn(serverBinary(), [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' });
      child.on('error', () => {});
      children.push(child);
    }
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (let i = 0; i < 2; i++) {
      while (!(await ping(urls[i]!))) {
        const child = children[i]!;
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
          const log = await readFile(join(root, `shard${i + 1}`, 'server.err.log'), 'utf8').catch(() => '');
          throw new Error(
            `clickhouse-server of shard ${i + 1} did not start (${child.exitCode !== null ? `exit ${child.exitCode}` : 'timeout'}): ${log.slice(-2000)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: urls[0]!, urls, tcpPorts: ports.tcp, cluster: CLUSTER, stop };
}

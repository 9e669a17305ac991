#!/usr/bin/env node
// Installs what the project needs on a fresh machine, and nothing when it is already there:
// npm packages when node_modules is missing or older than the lock file; the build (scripts/build.mjs: dist/ and
// the viewer) when a source is newer than it; with --test also Debian's chromium (browser tests), Jupyter (notebook
// tests) and clickhouse-server/clickhouse-client (the ClickHouse engine's tests start a two-shard cluster on loopback
// ports; they skip, saying why, where the package cannot be installed).
// Plain Node, no dependencies: it runs before node_modules exists.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantTest = process.argv.includes('--test');
const log = (msg) => process.stderr.write(`setup: ${msg}\n`);

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, ...opts });
}

function npmInstallNeeded() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  const lock = join(root, 'package-lock.json');
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs;
}

if (npmInstallNeeded()) {
  // `npm install`, not `npm ci`: the lock file holds only the platform packages this registry
  // serves (linux-x64 builds of duckdb and deno), and `npm ci` refuses a lock without the others.
  log('installing npm packages (npm install)');
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
}

// After the install: the build needs the compiler and Vite from node_modules.
{
  const { build } = await import('./build.mjs');
  try {
    await build();
  } catch (error) {
    log(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function haveCommand(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const debianPackages = [];
if (wantTest) {
  if (!existsSync('/usr/bin/chromium')) debianPackages.push('chromium');
  const jupyterOk = (() => {
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import nbconvert, nbclient, ipykernel'], { stdio: 'ignore' });
      return haveCommand('jupyter');
    } catch {
      return false;
    }
  })();
  if (!jupyterOk) {
    debianPackages.push(
      'jupyter-nbconvert',
      'python3-nbconvert',
      'python3-nbclient',
      'jupyter-client',
      'python3-ipykernel',
      'jupyter-core',
    );
  }
}

if (debianPackages.length > 0) {
  if (!haveCommand('apt-get')) {
    log(`cannot install ${debianPackages.join(', ')}: no apt-get on this machine`);
    process.exit(1);
  }
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  log(`installing Debian packages: ${debianPackages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { env });
  run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', '--no-install-recommends', ...debianPackages], {
    env,
  });
}

// ClickHouse is optional for the suite: a machine whose package sources lack it still runs every
// other test, and the ClickHouse tests say they were skipped and why.
if (wantTest && !existsSync('/usr/bin/clickhouse-server') && !existsSync('/usr/sbin/clickhouse-server')) {
  if (!haveCommand('apt-get'))
    log('cannot install clickhouse-server: no apt-get on this machine; the ClickHouse engine tests will be skipped');
  else {
    const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) => run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], { env });
    try {
      log('installing Debian packages: clickhouse-server clickhouse-client');
      apt(['update', '-qq']);
      apt(['install', '-y', '-qq', '--no-install-recommends', 'clickhouse-server', 'clickhouse-client']);
    } catch {
      log('clickhouse-server could not be installed; the ClickHouse engine tests will be skipped');
    }
  }
}

if (wantTest) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  log(`ready (${pkg.name} ${pkg.version})`);
}

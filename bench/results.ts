/**
 * bench/RESULTS.md from the gathered runs: machine and versions, then per kind and size one table
 * of stages (wall time, CPU time, peak memory; talentflow's engines against pandas + networkx and
 * pandas + igraph, with ratios ours / theirs), the targets checked, and a CPU profile summary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { StageResult } from './memory.ts';

export interface OursRun {
  stages: StageResult[];
  nodes: number;
  edges: number;
  problems: number;
  betweennessMinWeight: number;
  /** Output files that could not be built, with the error. */
  failed?: Record<string, string>;
}

export interface PythonRun {
  stages: StageResult[];
  nodes: number;
  edges: number;
  rows: number;
  betweennessMinWeight: number;
  versions: Record<string, string>;
}

export interface RunRecord {
  kind: 'moves' | 'timelines';
  size: number;
  file: string;
  ours: Record<string, OursRun>;
  python: PythonRun | null;
  /** Load average (1, 5, 15 min) when each run of this record started: the machine is shared. */
  load: string[];
}

const ANALYSES = ['strength', 'pagerank', 'hits', 'betweenness (thresholded)', 'louvain', 'rai', 'top sources'];
const ROWS = ['read + validate', 'resolve places', 'derive moves', 'flows + graph', ...ANALYSES, 'other measures', 'exports'];

type Cell = { wall: number; cpu: number; peak: number } | null;

function ours(run: OursRun | undefined, name: string): Cell {
  const s = run?.stages.find((x) => x.name === name);
  return s ? { wall: s.wall_ms, cpu: s.cpu_ms, peak: s.peak_mb } : null;
}

/** A Python stage: the shared pandas stages, or the library's; "flows + graph" = pandas aggregation + the library's graph build. */
function theirs(run: PythonRun | null, lib: 'networkx' | 'igraph', name: string): Cell {
  if (!run) return null;
  const pick = (impl: string, n: string) => run.stages.find((s) => s.impl === impl && s.name === n);
  const parts =
    name === 'flows + graph' ? [pick('pandas', 'aggregate flows'), pick(lib, 'graph build')] : [pick('pandas', name) ?? pick(lib, name)];
  if (parts.some((p) => !p)) return null;
  return {
    wall: parts.reduce((a, p) => a + p!.wall_ms, 0),
    cpu: parts.reduce((a, p) => a + p!.cpu_ms, 0),
    peak: Math.max(...parts.map((p) => p!.peak_mb)),
  };
}

function total(cells: Cell[]): Cell {
  const present = cells.filter((c): c is NonNullable<Cell> => c !== null);
  if (!present.length) return null;
  return {
    wall: present.reduce((a, c) => a + c.wall, 0),
    cpu: present.reduce((a, c) => a + c.cpu, 0),
    peak: Math.max(...present.map((c) => c.peak)),
  };
}

const ms = (c: Cell) => (c ? (c.wall >= 10_000 ? `${(c.wall / 1000).toFixed(1)} s` : `${Math.round(c.wall)} ms`) : '–');
const ratio = (a: Cell, b: Cell) => (a && b && b.wall > 0 ? (a.wall / b.wall).toFixed(a.wall / b.wall < 0.1 ? 3 : 2) : '–');
const mb = (c: Cell) => (c ? `${Math.round(c.peak)}` : '–');

function versions(results: Record<string, RunRecord>): string[] {
  const v = (p: string) => {
    try {
      return (JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  const py = Object.values(results).find((r) => r.python)?.python?.versions ?? {};
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return [
    `talentflow ${pkg.version}, Node ${process.versions.node}, graphology ${v('graphology')}, graphology-metrics ${v('graphology-metrics')}, ` +
      `graphology-communities-louvain ${v('graphology-communities-louvain')}, arquero ${v('arquero')}, @duckdb/node-api ${v('@duckdb/node-api')}`,
    `Python ${py.python ?? '?'}, pandas ${py.pandas ?? '?'}, networkx ${py.networkx ?? '?'}, python-igraph ${py.igraph ?? '?'} (Debian packages)`,
  ];
}

function table(r: RunRecord): string[] {
  const js = r.ours.js;
  const dk = r.ours.duckdb;
  const py = r.python;
  const rows = ROWS.filter((name) => name !== 'derive moves' || r.kind === 'timelines');
  const lines = [
    '| stage | talentflow JS | talentflow DuckDB | pandas + networkx | pandas + igraph | DuckDB / nx | DuckDB / igraph | JS / nx | JS / igraph | peak MiB (JS / DuckDB / py) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const all: Cell[][] = [[], [], [], []];
  for (const name of rows) {
    const c = [ours(js, name), ours(dk, name), theirs(py, 'networkx', name), theirs(py, 'igraph', name)];
    if (name === 'other measures') c[2] = c[3] = null;
    c.forEach((x, i) => all[i]!.push(x));
    lines.push(
      `| ${name} | ${ms(c[0]!)} | ${ms(c[1]!)} | ${ms(c[2]!)} | ${ms(c[3]!)} | ${ratio(c[1]!, c[2]!)} | ${ratio(c[1]!, c[3]!)} | ${ratio(c[0]!, c[2]!)} | ${ratio(c[0]!, c[3]!)} | ${mb(c[0]!)} / ${mb(c[1]!)} / ${mb(c[2]!)} |`,
    );
  }
  const t = all.map(total);
  lines.push(
    `| **end to end** | **${ms(t[0]!)}** | **${ms(t[1]!)}** | **${ms(t[2]!)}** | **${ms(t[3]!)}** | **${ratio(t[1]!, t[2]!)}** | **${ratio(t[1]!, t[3]!)}** | **${ratio(t[0]!, t[2]!)}** | **${ratio(t[0]!, t[3]!)}** | ${mb(t[0]!)} / ${mb(t[1]!)} / ${mb(t[2]!)} |`,
  );
  const cpu = t.map((c) => (c ? `${(c.cpu / 1000).toFixed(1)} s` : '–'));
  lines.push(
    '',
    `CPU time end to end (all threads): JS ${cpu[0]}, DuckDB ${cpu[1]}, pandas + networkx ${cpu[2]}, pandas + igraph ${cpu[3]}.`,
  );
  const g = dk ?? js;
  if (g)
    lines.push(
      `Graph: ${g.nodes} places, ${g.edges} flows; ${g.problems} problem rows; betweenness on flows ≥ ${g.betweennessMinWeight} moves (≤ 5,000 flows).` +
        (py ? ` Python graph: ${py.nodes} places, ${py.edges} flows.` : ''),
    );
  for (const [engine, run] of Object.entries(r.ours)) {
    for (const [file, error] of Object.entries(run.failed ?? {}))
      lines.push(`**${engine} engine: ${file} could not be written** (${error}); the exports time covers the other files.`);
  }
  lines.push(`Load average when the runs started: ${r.load.slice(-3).join('; ')}.`);
  return lines;
}

function targets(results: Record<string, RunRecord>): string[] {
  const r = results['moves-10000000'];
  const run = r?.ours.duckdb;
  if (!r || !run) return ['10^7 moves not run yet.'];
  const cells = ROWS.map((n) => ours(run, n));
  const e2e = total(cells)!;
  const read = ours(run, 'read + validate')!;
  const nx = ROWS.map((n) => (n === 'other measures' ? null : theirs(r.python, 'networkx', n)));
  const nxTotal = total(nx);
  const check = (ok: boolean) => (ok ? 'met' : '**not met**');
  const out = [
    `| target (10^7 move rows, DuckDB engine) | measured | |`,
    '|---|---|---|',
    `| graph with all analyses and exports < 20 s | ${ms(e2e)} | ${check(e2e.wall < 20_000)} |`,
    `| peak memory < 4 GiB | ${Math.round(e2e.peak)} MiB | ${check(e2e.peak < 4096)} |`,
    `| reading ≥ 1 M rows/s | ${(((r.size / read.wall) * 1000) / 1e6).toFixed(2)} M rows/s (read + validate) | ${check(r.size / read.wall >= 1000)} |`,
  ];
  for (const a of ANALYSES) {
    const ratioNx = ours(run, a) && theirs(r.python, 'networkx', a) ? ours(run, a)!.wall / theirs(r.python, 'networkx', a)!.wall : NaN;
    out.push(
      `| ${a} ≥ 10× faster than networkx | ${Number.isNaN(ratioNx) ? '–' : `${(1 / ratioNx).toPrecision(2)}×`} | ${check(ratioNx <= 0.1)} |`,
    );
  }
  for (const a of ['pagerank', 'hits', 'louvain']) {
    const x = ours(run, a);
    const y = theirs(r.python, 'igraph', a);
    const q = x && y ? x.wall / y.wall : NaN;
    out.push(`| ${a} within 2× of igraph | ${Number.isNaN(q) ? '–' : `${q.toFixed(2)}× igraph's time`} | ${check(q <= 2)} |`);
  }
  const q = nxTotal ? e2e.wall / nxTotal.wall : NaN;
  out.push(
    `| end to end ≥ 10× ahead of pandas + networkx | ${Number.isNaN(q) ? '–' : `${(1 / q).toPrecision(2)}×`} | ${check(q <= 0.1)} |`,
  );
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

function profileSummary(profile: string | null): string[] {
  if (!profile) return [];
  const { kind, size, path } = JSON.parse(profile) as { kind: string; size: number; path: string };
  const data = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byNode = new Map<number, ProfileNode>(data.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let totalMs = 0;
  data.samples.forEach((id, i) => {
    const n = byNode.get(id)!;
    const url = n.callFrame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'} — ${url || '(native)'}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    const dt = (data.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    totalMs += dt;
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return [
    `Main-thread V8 CPU profile of \`bench/ours.ts --engine duckdb --kind ${kind}\` at ${size.toExponential()} rows (${(totalMs / 1000).toFixed(1)} s sampled; DuckDB's worker threads are native and not sampled, their time shows in the stage table). Self time by function:`,
    '',
    '| self time | share | function — file |',
    '|---:|---:|---|',
    ...top.map(([k, v]) => `| ${(v / 1000).toFixed(2)} s | ${((v / totalMs) * 100).toFixed(1)}% | \`${k}\` |`),
  ];
}

/** Writes RESULTS.md. */
export function writeResults(path: string, results: Record<string, RunRecord>, meta: { command: string; profile: string | null }): void {
  const records = Object.values(results).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.size - b.size));
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`${meta.command}\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}. Data: bench/generate.ts, seed 1, 5,000 places.`,
    `Machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, shared with other jobs (load averages below).`,
    ...versions(results).map((v) => `Versions: ${v}.`),
    '',
    'Times are wall-clock per stage; ratios are ours / theirs (below 1: talentflow is faster). Peak memory is the',
    "process's resident high-water mark within the stage (VmHWM reset per stage). pandas stages are shared by the",
    'networkx and igraph columns; "flows + graph" is pandas aggregation plus the library\'s graph build. See bench/README.md',
    'for what each stage does in each implementation.',
    '',
    '## Targets',
    '',
    ...targets(results),
    '',
  ];
  for (const r of records) lines.push(`## ${r.kind}, ${r.size.toExponential().replace('e+', ' × 10^')} rows`, '', ...table(r), '');
  // The reading of the numbers (where targets are missed and why) is written by hand beside the data.
  if (existsSync('bench/FINDINGS.md')) lines.push(readFileSync('bench/FINDINGS.md', 'utf8').trim(), '');
  // The ClickHouse engine's run (bench/clickhouse.ts) needs a cluster and is recorded apart.
  if (existsSync('bench/CLICKHOUSE.md')) lines.push(readFileSync('bench/CLICKHOUSE.md', 'utf8').trim(), '');
  const prof = profileSummary(meta.profile);
  if (prof.length) lines.push('## Profile', '', ...prof, '');
  writeFileSync(path, lines.join('\n'));
}

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './run-cli.ts';

const INPUT = 'tests/fixtures/cli/moves-small.csv';
const GOLDEN = join(ROOT, 'tests/fixtures/golden/cli-small');
const tmp = mkdtempSync(join(tmpdir(), 'talentflow-cli-'));
const out = join(tmp, 'out');
let run: CliResult;

function csvRows(file: string): Record<string, string>[] {
  // The fixtures' CSVs have no quoted line breaks; quoted commas are handled.
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const split = (line: string) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') cells.push(cur), (cur = '');
      else cur += ch;
    }
    cells.push(cur);
    return cells;
  };
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i]!, v])));
}

// createdBy holds the command line, whose --out is a temporary folder.
const normalise = (name: string, text: string) =>
  name === 'manifest.json' ? text.replace(/"createdBy": "[^"]*"/, '"createdBy": "<command line>"') : text;

beforeAll(() => {
  run = runCli(['analyze', INPUT, '--out', out, '--min-flow', '1', '--stability-runs', '5']);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('talentflow analyze (small moves table)', () => {
  it('runAnalyze exits 0 and writes every output', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'communities.csv',
      'flows.arrow',
      'flows.csv',
      'graph.gexf',
      'graph.json',
      'manifest.json',
      'places.csv',
      'problems.csv',
      'rai.csv',
      'resolutions.csv',
      'timeseries.csv',
      'top_destinations.csv',
      'top_sources.csv',
    ]);
  });

  it('runAnalyze computes the hand-counted strengths', () => {
    const places: Record<string, Record<string, string>> = Object.fromEntries(csvRows(join(out, 'places.csv')).map((r) => [r.place!, r]));
    // Shenzhen in: r01 r02 (Beijing), r03 r04 r05 (Guangzhou), r06 (Hong Kong) = 6; out: r07, r08 = 2.
    expect(places.Shenzhen).toMatchObject({ inflow: '6', outflow: '2', net_inflow: '4', balance_class: 'magnet' });
    // Boston in: r10 (New York), r11 (Berkeley → San Francisco metro), r14 (Beijing) = 3;
    // out: r09 (Cambridge US = Boston → New York), r12 (→ Palo Alto), r13 (→ Beijing) = 3; r16 stays within Boston.
    expect(places.Boston).toMatchObject({ inflow: '3', outflow: '3', net_inflow: '0' });
    // Cambridge GB is not Boston.
    expect(places['Cambridge, GB']).toMatchObject({ country: 'GB', inflow: '0', outflow: '1' });
    // A moves table has no stock: those cells are empty, never made up.
    expect(places.Shenzhen!.stock).toBe('');
    expect(places.Shenzhen!.inflow_ratio).toBe('');
    const net = Object.values(places).reduce((sum, r) => sum + Number(r.net_inflow), 0);
    expect(net).toBe(0);
  });

  it('runAnalyze reports every skipped row with file, line, field and value', () => {
    const problems = csvRows(join(out, 'problems.csv'));
    expect(problems.map((p) => [p.line, p.field, p.value, p.reason])).toEqual([
      ['18', 'from', 'Shenzen', 'unknown-place'],
      ['19', 'to', 'London', 'self-move'],
      ['20', 'year', 'twenty', 'bad-year'],
      ['21', 'researcher_id', '', 'empty-id'],
    ]);
    expect(problems[0]!.suggestions!.split(';')[0]).toBe('Shenzhen, CN');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.counts).toMatchObject({ records: 16, skipped: 4, movesWithinPlace: 1, nodes: 10, edges: 12 });
    expect(manifest.seed).toBe(42);
    expect(run.stdout).toContain('Read 20 rows: 16 used; 4 skipped');
  });

  it('runAnalyze output matches the golden files', () => {
    const update = process.env.UPDATE_GOLDEN === '1';
    if (update) mkdirSync(GOLDEN, { recursive: true });
    const files = [...readdirSync(out), 'report.txt'].sort();
    for (const name of files) {
      // Binary files (flows.arrow) compare byte for byte: latin1 maps each byte to one character.
      const encoding = name.endsWith('.arrow') ? 'latin1' : 'utf8';
      const actual = normalise(name, name === 'report.txt' ? run.stdout.replace(out, '<out>') : readFileSync(join(out, name), encoding));
      const golden = join(GOLDEN, name);
      if (update) writeFileSync(golden, actual, encoding);
      expect(existsSync(golden), `golden file ${name}`).toBe(true);
      expect(actual, name).toBe(readFileSync(golden, encoding));
    }
  });

  it('runAnalyze is deterministic: a second run writes identical files', () => {
    const out2 = join(tmp, 'out2');
    const again = runCli(['analyze', INPUT, '--out', out2, '--min-flow', '1', '--stability-runs', '5']);
    expect(again.status).toBe(0);
    for (const name of readdirSync(out)) {
      if (name === 'manifest.json') continue;
      expect(readFileSync(join(out2, name), 'latin1'), name).toBe(readFileSync(join(out, name), 'latin1'));
    }
  });
});

describe('talentflow analyze --figures', () => {
  it('runAnalyze --figures writes the SVG figures into figures/', () => {
    const figOut = join(tmp, 'figures-run');
    const r = runCli(['analyze', INPUT, '--out', figOut, '--figures', '--quiet', '--min-flow', '1']);
    expect(r.status).toBe(0);
    const figures = readdirSync(join(figOut, 'figures')).sort();
    expect(figures).toEqual(expect.arrayContaining(['net-inflow.svg', 'pagerank.svg', 'rai-heatmap.svg', 'top-sources.svg']));
    for (const f of figures) expect(readFileSync(join(figOut, 'figures', f), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const manifest = JSON.parse(readFileSync(join(figOut, 'manifest.json'), 'utf8'));
    expect(manifest.outputs).toContain('figures/rai-heatmap.svg');
  });
});

describe('talentflow analyze --parquet', () => {
  it('runAnalyze --parquet writes a Parquet copy of each table, lists it in the manifest and keeps the CSV bytes', () => {
    const pqOut = join(tmp, 'parquet-run');
    const r = runCli(['analyze', INPUT, '--out', pqOut, '--parquet', '--quiet', '--min-flow', '1', '--stability-runs', '5']);
    expect(r.status).toBe(0);
    const tables = ['communities', 'places', 'problems', 'rai', 'top_destinations', 'top_sources'];
    const manifest = JSON.parse(readFileSync(join(pqOut, 'manifest.json'), 'utf8'));
    for (const t of tables) {
      // Parquet files open with the magic bytes "PAR1".
      expect(
        readFileSync(join(pqOut, `${t}.parquet`))
          .subarray(0, 4)
          .toString('latin1'),
        t,
      ).toBe('PAR1');
      expect(manifest.outputs).toContain(`${t}.parquet`);
      expect(readFileSync(join(pqOut, `${t}.csv`), 'utf8')).toBe(readFileSync(join(GOLDEN, `${t}.csv`), 'utf8'));
    }
    // flows.parquet is the flow store (with breakdowns), not a copy of flows.csv.
    expect(manifest.outputs).toContain('flows.parquet');
    expect(readFileSync(join(pqOut, 'flows.csv'), 'utf8')).toBe(readFileSync(join(GOLDEN, 'flows.csv'), 'utf8'));
  });
});

describe('talentflow analyze --timings and --gexf', () => {
  it('runAnalyze --timings prints each stage to stderr and records them in the manifest, leaving the other files as they were', () => {
    const tOut = join(tmp, 'timings-run');
    const r = runCli(['analyze', INPUT, '--out', tOut, '--timings', '--quiet', '--min-flow', '1', '--stability-runs', '5']);
    expect(r.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(tOut, 'manifest.json'), 'utf8'));
    const stages = (manifest.timings as { stage: string; ms: number; rssMiB: number; heapMiB: number }[]).map((t) => t.stage);
    for (const stage of [
      'start-up',
      'read',
      'validate',
      'resolve',
      'aggregate',
      'graph',
      'pagerank',
      'betweenness',
      'community',
      'rai',
      'write flows.arrow',
      'write graph.json',
    ]) {
      expect(stages, stage).toContain(stage);
      expect(r.stderr).toMatch(new RegExp(`^${stage}\\s+\\d+\\s+\\d+\\s+\\d+$`, 'm'));
    }
    for (const t of manifest.timings) {
      expect(t.ms).toBeGreaterThanOrEqual(0);
      expect(t.rssMiB).toBeGreaterThan(10);
    }
    // the total is the whole time: the rows above it (the stages, the time between them, the
    // folder's swap) add up to it, and it covers the manifest's stages
    const rows = [...r.stderr.matchAll(/^(.+?)\s{2,}(\d+)(?:\s+\d+\s+\d+)?$/gm)].map((m) => [m[1]!, Number(m[2])] as const);
    const total = rows.find(([stage]) => stage === 'total')![1];
    const above = rows.filter(([stage]) => stage !== 'total' && !stage.endsWith('(background)'));
    expect(above.map(([stage]) => stage)).toContain('manifest and folder swap');
    expect(Math.abs(above.reduce((n, [, ms]) => n + ms, 0) - total)).toBeLessThanOrEqual(above.length);
    expect(total).toBeGreaterThanOrEqual(manifest.timings.reduce((n: number, t: { ms: number }) => n + t.ms, 0) - 1);
    for (const name of readdirSync(tOut).filter((n) => n !== 'manifest.json')) {
      expect(readFileSync(join(tOut, name), 'latin1'), name).toBe(readFileSync(join(GOLDEN, name), 'latin1'));
    }
  });

  it('runAnalyze --parquet writes flows.parquet from the flow store, with its breakdown column', () => {
    const pqOut = join(tmp, 'parquet-flows');
    const r = runCli(['analyze', INPUT, '--out', pqOut, '--parquet', '--quiet']);
    expect(r.status).toBe(0);
    const bytes = readFileSync(join(pqOut, 'flows.parquet'));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    // The Parquet footer names every column, the nested breakdown's included.
    for (const column of ['source', 'target', 'moves', 'researchers', 'first_year', 'last_year', 'breakdown', 'year', 'discipline']) {
      expect(bytes.includes(Buffer.from(column)), column).toBe(true);
    }
  });
});

describe('talentflow analyze limits at scale', () => {
  it('runAnalyze --betweenness-max-flows and --stability-max-flows cut the work and say so on stderr', () => {
    const limited = join(tmp, 'limited');
    const r = runCli(['analyze', INPUT, '--out', limited, '--quiet', '--betweenness-max-flows', '2', '--stability-max-flows', '5']);
    expect(r.status).toBe(0);
    // 12 flows: Guangzhou→Shenzhen 3, Beijing→Shenzhen 2, ten of 1. At most 2: the 3rd largest is 1 → t = 2.
    expect(r.stderr).toContain('note: betweenness computed on the 2 strongest of 12 flows (at least 2 moves each)');
    expect(r.stderr).toContain('note: community stability skipped: 12 flows is more than stabilityMaxFlows 5');
    // The folder keeps what was cut: notes and caps in the manifest.
    const manifest = JSON.parse(readFileSync(join(limited, 'manifest.json'), 'utf8'));
    expect(manifest.options).toMatchObject({ betweennessMaxFlows: 2, stabilityMaxFlows: 5 });
    expect(manifest.notes).toEqual([
      expect.stringContaining('betweenness computed on the 2 strongest of 12 flows (at least 2 moves each)'),
      expect.stringContaining('community stability skipped: 12 flows is more than stabilityMaxFlows 5'),
    ]);
    // Neither kept flow lies between two others: every betweenness is 0 (exactly: Boston 0.18 above).
    expect(csvRows(join(limited, 'places.csv')).map((p) => p.betweenness)).toEqual(Array(10).fill('0'));
    const exact = csvRows(join(out, 'places.csv'));
    expect(exact.find((p) => p.place === 'Boston')!.betweenness).toBe('0.18055555555555555');
  });

  it('runAnalyze rejects a bad flow cap and documents both in --help', () => {
    for (const args of [
      ['--betweenness-max-flows', 'all'],
      ['--betweenness-max-flows', '-1'],
      ['--stability-max-flows', '1.5'],
    ]) {
      const r = runCli(['analyze', INPUT, '--out', join(tmp, 'bad-cap'), ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(args[0]);
    }
    const help = runCli(['analyze', '--help']).stdout;
    expect(help).toContain('--betweenness-max-flows <n|auto>');
    expect(help).toContain('--stability-max-flows <n>');
  });
});

describe('talentflow analyze exit codes', () => {
  it('runAnalyze --strict exits 1 and writes only problems.csv and its manifest', () => {
    const strictOut = join(tmp, 'strict');
    const r = runCli(['analyze', INPUT, '--out', strictOut, '--strict']);
    expect(r.status).toBe(1);
    expect(readdirSync(strictOut).sort()).toEqual(['manifest.json', 'problems.csv']);
    expect(JSON.parse(readFileSync(join(strictOut, 'manifest.json'), 'utf8')).outputs).toEqual(['problems.csv']);
    expect(r.stderr).toContain('unknown-place');
  });

  it('runAnalyze exits 3 on a missing file, 2 on a bad option, 0 on --help', () => {
    expect(runCli(['analyze', 'no/such/file.csv', '--out', join(tmp, 'x')]).status).toBe(3);
    const bad = runCli(['analyze', INPUT, '--window', '2023-2019']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--window');
    expect(runCli(['analyze', INPUT, '--level', 'planet']).status).toBe(2);
    expect(runCli(['analyze', '--help']).status).toBe(0);
    expect(runCli(['frobnicate']).status).toBe(2);
  });
});

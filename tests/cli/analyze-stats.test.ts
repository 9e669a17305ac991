// The statistical measures through the CLI: the disparity backbone, expected flows, quadrants, intervals.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './run-cli.ts';

const INPUT = 'tests/fixtures/cli/moves-small.csv';
const tmp = mkdtempSync(join(tmpdir(), 'talentflow-stats-'));
const out = join(tmp, 'out');
let run: CliResult;

/** Rows of a CSV without quoted quotes or line breaks (keys with commas are quoted whole). */
function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const split = (l: string) => [...l.matchAll(/(?:^|,)("[^"]*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, ''));
  const names = split(header!);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [names[i]!, v])));
}

beforeAll(() => {
  run = runCli(['analyze', INPUT, '--out', out, '--backbone-alpha', '0.3', '--stability-runs', '0']);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('talentflow analyze: statistical measures', () => {
  it('runAnalyze --backbone-alpha marks the flows whose disparity α is below it, and the report counts them', () => {
    expect(run.status).toBe(0);
    const flows = rows(join(out, 'flows.csv'));
    // Shenzhen receives 3 (Guangzhou) + 2 (Beijing) + 1 (Hong Kong): α_in(Guangzhou→Shenzhen) = (1 − 3/6)² = 0.25;
    // Beijing sends 2 + 1: α_out(Beijing→Shenzhen) = 1/3. Every other flow has α ≥ 4/9.
    const byPair = Object.fromEntries(flows.map((f) => [`${f.source}→${f.target}`, f]));
    expect(byPair['Guangzhou→Shenzhen']).toMatchObject({ disparity_alpha: '0.25', backbone: 'true' });
    expect(byPair['Beijing→Shenzhen']!.backbone).toBe('false');
    expect(flows.filter((f) => f.backbone === 'true')).toHaveLength(1);
    for (const f of flows) expect(f.backbone === 'true').toBe(Number(f.disparity_alpha) < 0.3);
    expect(run.stdout).toContain('1 of 12 flows (8.3%) carry 20.0% of the 15 moves');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.options.backboneAlpha).toBe(0.3);
    expect(manifest.backbone).toEqual({ alpha: 0.3, flows: 12, keptFlows: 1, moves: 15, keptMoves: 3 });
  });

  it('runAnalyze fits the gravity model: expected and excess per flow, the fit in the manifest and the report', () => {
    const flows = rows(join(out, 'flows.csv'));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const fit = manifest.gravity;
    // 10 places with coordinates (Cambridge GB, London, Palo Alto … included): 90 ordered pairs, 12 with a flow.
    expect(fit).toMatchObject({ fitted: true, reason: null, places: 10, observations: 90, zeroPairs: 78, flowsWithoutCoordinates: 0 });
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.pseudoR2).toBeGreaterThan(0);
    expect(fit.pseudoR2).toBeLessThanOrEqual(1);
    expect(fit.deviance).toBeCloseTo((1 - fit.pseudoR2) * fit.nullDeviance, 6);
    for (const f of flows) expect(Number(f.excess) * Number(f.expected)).toBeCloseTo(Number(f.weight), 9);
    // Cambridge GB sends one move (to London): its expected flows to the other 9 places sum to that
    // one move, so the one to London is below 1.
    expect(Number(flows.find((f) => f.source === 'Cambridge, GB')!.expected)).toBeLessThan(1);
    expect(run.stdout).toContain(`distance elasticity ${fit.distanceElasticity.toFixed(3)}`);
    expect(run.stdout).toContain('Corridors stronger than size and distance predict');
    const off = runCli(['analyze', INPUT, '--out', join(tmp, 'off'), '--gravity-max-places', '0', '--quiet']);
    expect(off.status).toBe(0);
    expect(rows(join(tmp, 'off', 'flows.csv')).every((f) => f.expected === '' && f.excess === '')).toBe(true);
    expect(JSON.parse(readFileSync(join(tmp, 'off', 'manifest.json'), 'utf8')).gravity).toBeUndefined();
  });

  it('runAnalyze writes the quadrant of each place of inflow against net rate, split at the medians', () => {
    const places: Record<string, Record<string, string>> = Object.fromEntries(rows(join(out, 'places.csv')).map((p) => [p.place!, p]));
    // The medians of inflow and net rate, recomputed from the columns.
    const values = Object.values(places).map((p) => ({
      size: Number(p.inflow),
      rate: (Number(p.inflow) - Number(p.outflow)) / (Number(p.inflow) + Number(p.outflow)),
    }));
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
    };
    const size = median(values.map((v) => v.size));
    const rate = median(values.map((v) => v.rate));
    for (const p of Object.values(places)) {
      const i = Number(p.inflow);
      const r = (i - Number(p.outflow)) / (i + Number(p.outflow));
      expect(p.quadrant, p.place).toBe(i >= size ? (r >= rate ? 'leader' : 'incumbent') : r >= rate ? 'riser' : 'laggard');
    }
    // Shenzhen: in 6, out 2, the largest inflow and a net rate of 0.5.
    expect(places['Shenzhen']!.quadrant).toBe('leader');
    expect(run.stdout).toContain('Stock against momentum (inflow against net rate');
  });

  it('runAnalyze --bootstrap writes intervals.csv, seeded and reproducible, and lists it in the manifest', () => {
    const args = (dir: string, seed: string) => [
      'analyze',
      INPUT,
      '--out',
      join(tmp, dir),
      '--bootstrap',
      '40',
      '--seed',
      seed,
      '--stability-runs',
      '0',
    ];
    const a = runCli(args('b1', '7'));
    expect(a.status).toBe(0);
    const text = readFileSync(join(tmp, 'b1', 'intervals.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('place,label,measure,discipline,estimate,low,high,level,replicates,above_next,distinguishable');
    expect(runCli(args('b2', '7')).status).toBe(0);
    expect(readFileSync(join(tmp, 'b2', 'intervals.csv'), 'utf8')).toBe(text);
    expect(runCli(args('b3', '8')).status).toBe(0);
    expect(readFileSync(join(tmp, 'b3', 'intervals.csv'), 'utf8')).not.toBe(text);
    const manifest = JSON.parse(readFileSync(join(tmp, 'b1', 'manifest.json'), 'utf8'));
    expect(manifest.bootstrap).toEqual({ unit: 'moves', replicates: 40, seed: 7, level: 0.9 });
    expect(manifest.outputs).toContain('intervals.csv');
    const intervals = rows(join(tmp, 'b1', 'intervals.csv'));
    const places = rows(join(out, 'places.csv'));
    for (const p of places) {
      const net = intervals.find((i) => i.place === p.place && i.measure === 'net_inflow')!;
      expect(net.estimate).toBe(p.net_inflow);
      expect(Number(net.low)).toBeLessThanOrEqual(Number(net.estimate));
      expect(Number(net.high)).toBeGreaterThanOrEqual(Number(net.estimate));
    }
    // Cambridge GB sends its one move in every replicate that draws it: its net inflow is −1 or 0, never told apart from 0.
    expect(intervals.find((i) => i.place === 'Cambridge, GB' && i.measure === 'net_inflow')).toMatchObject({
      estimate: '-1',
      high: '0',
      distinguishable: 'false',
    });
    expect(a.stdout).toContain('Uncertainty (bootstrap: 40 resamples of the moves, seed 7, 90% intervals; intervals.csv)');
    // Off by default: no intervals.csv.
    expect(readdirSync(out)).not.toContain('intervals.csv');
  });

  it('runAnalyze --bootstrap on timelines resamples researchers (JS engine under auto; a note with --engine duckdb)', () => {
    const timelines = 'tests/fixtures/engines/timelines-rules.csv';
    const js = runCli(['analyze', timelines, '--out', join(tmp, 'tl'), '--bootstrap', '20', '--quiet']);
    expect(js.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(tmp, 'tl', 'manifest.json'), 'utf8'));
    expect(manifest.bootstrap).toEqual({ unit: 'researchers', replicates: 20, seed: 42, level: 0.9 });
    const intervals = rows(join(tmp, 'tl', 'intervals.csv'));
    for (const p of rows(join(tmp, 'tl', 'places.csv'))) {
      const ratio = intervals.find((i) => i.place === p.place && i.measure === 'inflow_ratio')!;
      expect(ratio.estimate, p.place).toBe(p.inflow_ratio);
      expect(intervals.find((i) => i.place === p.place && i.measure === 'net_inflow')!.estimate).toBe(p.net_inflow);
    }
    const duck = runCli(['analyze', timelines, '--out', join(tmp, 'tl-duck'), '--bootstrap', '20', '--engine', 'duckdb', '--quiet']);
    expect(duck.status).toBe(0);
    expect(duck.stderr).toContain(
      'note: bootstrap skipped: resampling researchers needs the timeline records in memory; run with --engine js',
    );
    expect(readdirSync(join(tmp, 'tl-duck'))).not.toContain('intervals.csv');
  });

  it('runAnalyze rejects a --backbone-alpha outside (0, 1] and documents it in --help', () => {
    for (const value of ['0', '1.5', 'x']) {
      const r = runCli(['analyze', INPUT, '--out', join(tmp, 'bad'), '--backbone-alpha', value]);
      expect(r.status, value).toBe(2);
      expect(r.stderr).toContain('--backbone-alpha');
    }
    expect(runCli(['analyze', '--help']).stdout).toContain('--backbone-alpha <x>');
  });
});

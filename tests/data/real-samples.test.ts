// The real samples shipped in data/ go through the pipeline with every row accounted for.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/pipeline/analyze-file.ts';
import type { AnalysisRun } from '../../src/pipeline/analyze.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

describe('analyzeFile on the Scholarly Migration Database country flows (real, CC-BY 4.0)', () => {
  let run: AnalysisRun;
  beforeAll(async () => {
    run = await analyzeFile(root('data/scholarly-migration/scopus_2024_V1_scholarlymigration_countryflows_enriched.csv.gz'), {
      level: 'country',
      columns: { from: 'iso3codefrom', to: 'iso3codeto', count: 'n_migrations' },
      stabilityRuns: 0,
    });
  }, 300_000);

  it('analyzeFile reads all 92,980 rows and 1,797,186 moves without a problem', () => {
    expect(run.problems).toEqual([]);
    expect(run.rowsRead).toBe(92_980);
    let moves = 0;
    run.graph.forEachEdge((_e, a) => (moves += a.weight));
    expect(moves).toBe(1_797_186);
    expect(run.graph.order).toBe(211);
    // Aggregated rows have no researcher ids: distinct researchers are unknown, not made up.
    run.graph.forEachEdge((_e, a) => expect(a.researchers).toBeNull());
  });

  it('pagerank makes the United States the top hub', () => {
    const ranked = run.graph.mapNodes((k, a) => [k, a.pagerank as number] as const).sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('USA');
    expect(run.graph.getNodeAttribute('USA', 'hubClass')).toBe('hub');
    const hub = run.graph.mapNodes((k, a) => [k, a.hubScore as number] as const).sort((a, b) => b[1] - a[1]);
    expect(hub[0]![0]).toBe('USA');
  });

  it('balanceClass separates balance from size: India is a hub and an exporter, the United States a balanced hub', () => {
    const classes = (k: string) => [run.graph.getNodeAttribute(k, 'hubClass'), run.graph.getNodeAttribute(k, 'balanceClass')];
    // India: in 31,241, out 48,089 → b = −16,848 / 79,330 = −0.212 ≤ −0.2.
    expect(classes('IND')).toEqual(['hub', 'exporter']);
    expect(run.graph.getNodeAttribute('IND', 'balance')).toBeCloseTo(-16_848 / 79_330, 12);
    // United States: in 374,781, out 346,816 → b = 0.039.
    expect(classes('USA')).toEqual(['hub', 'balanced']);
    // Saudi Arabia: in 15,742, out 8,513 → b = 0.298: a magnet of medium size or more, not a hub.
    expect(classes('SAU')[1]).toBe('magnet');
  });

  it('netInflow sums to zero over the closed set of countries', () => {
    let sum = 0;
    run.graph.forEachNode((_k, a) => (sum += a.netInflow as number));
    expect(sum).toBe(0);
  });
});

describe('analyzeFile on the Nobel laureates records (real, CC0)', () => {
  it('analyzeFile accounts for every row: used + skipped = read, each skip with a located problem', async () => {
    const run = await analyzeFile(root('data/nobel/nobel_moves.csv'), { stabilityRuns: 0, topMinWeight: 3 });
    expect(run.rowsRead).toBe(799);
    expect(run.records + run.skipped).toBe(799);
    const errorLines = new Set(run.problems.filter((p) => p.severity === 'error').map((p) => p.line));
    expect(errorLines.size).toBe(run.skipped);
    for (const p of run.problems) {
      expect(p.file).toMatch(/nobel_moves\.csv$/);
      expect(p.line).toBeGreaterThanOrEqual(2);
    }
    // Boston (Harvard, MIT) receives the most laureates.
    const top = run.graph.mapNodes((k, a) => [k, a.inflow as number] as const).sort((a, b) => b[1] - a[1]);
    expect(top[0]![0]).toBe('Boston');
  }, 120_000);
});

// The calibrated synthetic sample, analysed by the toolkit's own pipeline, lands on the SET 2024
// report's published figures within the tolerances stated in data/calibrated/README.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/pipeline/analyze-file.ts';
import type { AnalysisRun } from '../../src/pipeline/analyze.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const split = (l: string) =>
    l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const cols = split(head!);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [cols[i]!, v])));
}

let run: AnalysisRun;
const attr = (place: string, name: string) => run.graph.getNodeAttribute(place, name) as number;

beforeAll(async () => {
  run = await analyzeFile(root('data/calibrated/timelines.csv.gz'), { stabilityRuns: 0 });
}, 300_000);

describe('analyzeFile on the calibrated sample', () => {
  it('analyzeFile reads every row without a problem', () => {
    expect(run.problems).toEqual([]);
    expect(run.options.kind).toBe('timelines');
    expect(run.graph.hasNode('Shenzhen')).toBe(true);
  });

  it('analyzeFile reproduces the published inflow ratios (±1 pp) and young shares (±1.5 pp)', () => {
    const targets = readCsv(root('data/set2024/set2024_derived_targets.csv'));
    expect(targets.length).toBe(15);
    for (const t of targets) {
      const ratio = attr(t.city!, 'inflowRatio') * 100;
      expect(Math.abs(ratio - Number(t.inflow_ratio_pct)), `${t.city} inflow ratio ${ratio}`).toBeLessThanOrEqual(1.0);
      const young = (attr(t.city!, 'young') / attr(t.city!, 'stock')) * 100;
      expect(Math.abs(young - Number(t.young_active_share_pct)), `${t.city} young share ${young}`).toBeLessThanOrEqual(1.5);
    }
  });

  it('analyzeFile makes Shenzhen the highest inflow ratio of the 30 SET metros and a magnet', () => {
    const metros = new Set(readCsv(root('data/places/set2024_metro_areas.csv')).map((r) => r.metro!));
    const ratios = [...metros].map((m) => [m, attr(m, 'inflowRatio')] as const).sort((a, b) => b[1] - a[1]);
    expect(ratios[0]![0]).toBe('Shenzhen');
    expect(attr('Shenzhen', 'inflow')).toBeGreaterThanOrEqual(2 * attr('Shenzhen', 'outflow'));
    expect(run.graph.getNodeAttribute('Shenzhen', 'balanceClass')).toBe('magnet');
  });

  it("analyzeFile reproduces each city's published top-5 RAI within 0.1", () => {
    const cells = new Map(run.analyses.rai.cells.map((c) => [`${c.place}|${c.discipline}`, c.rai]));
    const published = readCsv(root('data/set2024/set2024_rai_top5.csv'));
    expect(published.length).toBe(150);
    for (const p of published) {
      const got = cells.get(`${p.city}|${p.discipline}`);
      expect(got, `${p.city} ${p.discipline}`).not.toBeNull();
      expect(Math.abs((got as number) - Number(p.rai)), `${p.city} ${p.discipline}: ${got} vs ${p.rai}`).toBeLessThanOrEqual(0.1);
    }
  });

  it('topSources of Shenzhen: Guangzhou, then Shanghai, then Beijing', () => {
    const sources = run.analyses.topSources.Shenzhen!.map((f) => f.place);
    expect(sources.slice(0, 3)).toEqual(['Guangzhou', 'Shanghai', 'Beijing']);
  });

  it('hubClass makes Beijing and Boston hubs, with the two largest in- and out-strengths', () => {
    expect(run.graph.getNodeAttribute('Beijing', 'hubClass')).toBe('hub');
    expect(run.graph.getNodeAttribute('Boston', 'hubClass')).toBe('hub');
    const top2 = (name: string) =>
      run.graph
        .mapNodes((k, a) => [k, a[name] as number] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([k]) => k)
        .sort();
    expect(top2('inflow')).toEqual(['Beijing', 'Boston']);
    expect(top2('outflow')).toEqual(['Beijing', 'Boston']);
  });

  it('communities put the Greater Bay Area together and the large US metros together', () => {
    const c = (p: string) => run.graph.getNodeAttribute(p, 'community');
    expect(c('Hong Kong')).toBe(c('Shenzhen'));
    expect(c('Guangzhou')).toBe(c('Shenzhen'));
    const us = ['Boston', 'New York', 'San Francisco', 'Los Angeles', 'Seattle', 'Chicago', 'San Diego', 'Washington D.C.'];
    for (const m of us) expect(c(m), m).toBe(c('Boston'));
    expect(c('Boston')).not.toBe(c('Shenzhen'));
  });
});

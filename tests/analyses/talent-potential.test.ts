import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { talentPotential } from '../../src/analyses/talent-potential.ts';
import { flowGraph } from './helpers.ts';
import type { NodeSpec } from './helpers.ts';

function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

describe('talentPotential', () => {
  it('talentPotential from stock attributes reproduces the report’s top 15 (within 0.1)', () => {
    // Each metro gets stock 10,000 with inflowSet and young from the recovered raw percentages.
    // Young growth is not published raw; any raw growth that is an increasing linear function of
    // the published score gives the same min–max score, so each metro grows at
    // g = (score − 60)/400 a year (score 100 → 10 %), and a 16th place "Lowest" holds the report's
    // minima of the 30 metros (inflow 5.0 %, young share 15.2 %, growth score 60 → 0 %).
    const raw = new Map(readCsv('set2024_derived_targets.csv').map((r) => [r.city!, r]));
    const published = readCsv('set2024_talent_potential_top15.csv');
    const place = (key: string, inflowPct: number, youngPct: number, growthScore: number): NodeSpec => {
      const g = (growthScore - 60) / 400;
      return {
        key,
        stock: 10_000,
        inflowSet: inflowPct * 100,
        young: youngPct * 100,
        youngByYear: { '2019': 1000, '2023': 1000 * (1 + g) ** 4 },
      };
    };
    const nodes = published.map((r) =>
      place(
        r.city!,
        Number(raw.get(r.city!)!.inflow_ratio_pct),
        Number(raw.get(r.city!)!.young_active_share_pct),
        Number(r.young_growth_score),
      ),
    );
    nodes.push(place('Lowest', 5.0, 15.2, 60));
    const graph = flowGraph(nodes, []);
    graph.setAttribute('window', [2019, 2023]);
    const r = talentPotential(graph);
    for (const row of published) {
      expect(Math.abs(r.index[row.city!]! - Number(row.talent_potential))).toBeLessThan(0.1);
      expect(r.scores.youngGrowth[row.city!]).toBeCloseTo(Number(row.young_growth_score), 9);
    }
    expect(r.raw.inflowRatio.Shenzhen).toBeCloseTo(0.239, 12);
    expect(r.index.Lowest).toBe(60);
    talentPotential.assign(graph);
    expect(graph.getNodeAttribute('Shenzhen', 'talentPotential')).toBeCloseTo(96.52, 1);
    expect(graph.getNodeAttribute('Guangzhou', 'youngShare')).toBeCloseTo(0.447, 12);
  });

  it('talentPotential is null without stock and validates weights', () => {
    const g = flowGraph(['A', 'B'], [['A', 'B', 3]]);
    expect(talentPotential(g).index).toEqual({ A: null, B: null });
    expect(() => talentPotential(g, { weights: { youngShare: 0.5, youngGrowth: 0.5, inflowRatio: 0.5 } })).toThrow(OptionError);
  });
});

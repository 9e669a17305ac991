import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { DEFAULTS, topDestinations, topSources } from '../../src/analyses/top-sources.ts';
import { flowGraph } from './helpers.ts';

// Flows into Shenzhen: Guangzhou 900, Shanghai 700, Beijing 700 (tie with Shanghai),
// Hong Kong 650, Wuhan 120, Xi'an 100 (exactly the cut), Chengdu 99 (below the cut).
const shenzhen = () =>
  flowGraph(
    [],
    [
      ['Guangzhou', 'Shenzhen', 900, { researchers: 850 }],
      ['Shanghai', 'Shenzhen', 700, { researchers: 690 }],
      ['Beijing', 'Shenzhen', 700, { researchers: 640 }],
      ['Hong Kong', 'Shenzhen', 650, { researchers: 600 }],
      ['Wuhan', 'Shenzhen', 120, { researchers: 120 }],
      ["Xi'an", 'Shenzhen', 100, { researchers: 95 }],
      ['Chengdu', 'Shenzhen', 99, { researchers: 99 }],
      ['Shenzhen', 'Hong Kong', 300, { researchers: 280 }],
      ['Shenzhen', 'Guangzhou', 300, { researchers: 290 }],
      ['Shenzhen', 'Beijing', 50, { researchers: 50 }],
    ],
  );

describe('topSources', () => {
  it('topSources keeps the k largest sources ≥ minWeight, ties by place key', () => {
    const top = topSources(shenzhen());
    // 5 of the 6 sources ≥ 100; Beijing before Shanghai on the 700 tie ("B" < "S"); Xi'an is 6th
    expect(top.Shenzhen!.map((f) => [f.place, f.weight, f.rank])).toEqual([
      ['Guangzhou', 900, 1],
      ['Beijing', 700, 2],
      ['Shanghai', 700, 3],
      ['Hong Kong', 650, 4],
      ['Wuhan', 120, 5],
    ]);
    expect(top.Shenzhen![0]!.researchers).toBe(850);
    // every place has an entry; Guangzhou receives 300 from Shenzhen
    expect(top.Guangzhou).toEqual([{ place: 'Shenzhen', weight: 300, researchers: 290, rank: 1 }]);
    expect(top.Chengdu).toEqual([]);
  });

  it('topSources minWeight is inclusive and k is an option', () => {
    const top = topSources(shenzhen(), { k: 10 });
    // 100 is kept (≥ 100), 99 is not
    expect(top.Shenzhen!.map((f) => f.place)).toEqual(['Guangzhou', 'Beijing', 'Shanghai', 'Hong Kong', 'Wuhan', "Xi'an"]);
    const all = topSources(shenzhen(), { k: 10, minWeight: 0 });
    expect(all.Shenzhen).toHaveLength(7);
    expect(all.Beijing).toEqual([{ place: 'Shenzhen', weight: 50, researchers: 50, rank: 1 }]);
  });

  it('topSources ranks by distinct researchers on request', () => {
    // researchers: Guangzhou 850, Shanghai 690, Beijing 640, Hong Kong 600, Wuhan 120 (Xi'an 95 < 100)
    const top = topSources(shenzhen(), { rankBy: 'researchers' });
    expect(top.Shenzhen!.map((f) => f.place)).toEqual(['Guangzhou', 'Shanghai', 'Beijing', 'Hong Kong', 'Wuhan']);
    // aggregated input has no researcher ids: ranking by them is an error, by weight is fine
    const agg = flowGraph([], [['A', 'B', 200]]);
    expect(topSources(agg).B).toEqual([{ place: 'A', weight: 200, researchers: null, rank: 1 }]);
    expect(() => topSources(agg, { rankBy: 'researchers' })).toThrow(OptionError);
  });

  it('topSources validates options', () => {
    for (const bad of [{ k: 0 }, { k: 2.5 }, { minWeight: -1 }, { rankBy: 'moves' }, { top: 5 }]) {
      expect(() => topSources(shenzhen(), bad as never)).toThrow(OptionError);
    }
    expect(DEFAULTS).toEqual({ k: 5, minWeight: 100, rankBy: 'weight' });
  });
});

describe('topDestinations', () => {
  it('topDestinations mirrors topSources, ties by key', () => {
    const top = topDestinations(shenzhen(), { minWeight: 0 });
    // Shenzhen → Guangzhou 300, → Hong Kong 300 (tie: "G" < "H"), → Beijing 50
    expect(top.Shenzhen!.map((f) => [f.place, f.weight])).toEqual([
      ['Guangzhou', 300],
      ['Hong Kong', 300],
      ['Beijing', 50],
    ]);
    expect(topDestinations(shenzhen()).Shenzhen!.map((f) => f.place)).toEqual(['Guangzhou', 'Hong Kong']);
  });
});

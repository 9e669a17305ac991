import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { DEFAULTS as ANALYSIS_DEFAULTS } from '../../src/analyses/run-all.ts';
import { ANALYZE_DEFAULTS, resolveAnalyzeOptions } from '../../src/pipeline/options.ts';

describe('resolveAnalyzeOptions', () => {
  it('resolveAnalyzeOptions fills the flow caps from the analyses’ defaults', () => {
    const o = resolveAnalyzeOptions();
    expect(o.betweennessMaxFlows).toBe('auto');
    expect(o.stabilityMaxFlows).toBe(200_000);
    expect(ANALYZE_DEFAULTS.betweennessMaxFlows).toBe(ANALYSIS_DEFAULTS.betweennessMaxFlows);
    expect(ANALYZE_DEFAULTS.stabilityMaxFlows).toBe(ANALYSIS_DEFAULTS.stabilityMaxFlows);
  });

  it('resolveAnalyzeOptions accepts 0 and Infinity as "no limit", resolved as Infinity (the measures\' meaning), and rejects other caps', () => {
    expect(resolveAnalyzeOptions({ betweennessMaxFlows: 0, stabilityMaxFlows: 0 })).toMatchObject({
      betweennessMaxFlows: Infinity,
      stabilityMaxFlows: Infinity,
    });
    expect(resolveAnalyzeOptions({ stabilityMaxFlows: Infinity }).stabilityMaxFlows).toBe(Infinity);
    expect(resolveAnalyzeOptions({ betweennessMaxFlows: 5000 }).betweennessMaxFlows).toBe(5000);
    for (const bad of [
      { betweennessMaxFlows: -1 },
      { betweennessMaxFlows: 'exact' },
      { stabilityMaxFlows: 2.5 },
      { stabilityMaxFlows: 'auto' },
    ]) {
      expect(() => resolveAnalyzeOptions(bad as never), JSON.stringify(bad)).toThrow(OptionError);
    }
  });

  it('resolveAnalyzeOptions checks each option as the CLI checks its flag (one rule per option)', () => {
    const rejected = (options: object) => {
      try {
        resolveAnalyzeOptions(options as never);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(OptionError);
        return (error as OptionError).option;
      }
    };
    // Seeds are 32-bit: a negative or larger seed would alias another one.
    expect(rejected({ seed: -1 })).toBe('seed');
    expect(rejected({ seed: 2 ** 32 })).toBe('seed');
    expect(resolveAnalyzeOptions({ seed: 2 ** 32 - 1 }).seed).toBe(4294967295);
    expect(rejected({ resolution: 0 })).toBe('resolution');
    expect(rejected({ topK: 0 })).toBe('topK');
    // A minimum of moves may be fractional (a graph built by hand may carry fractional weights), never negative.
    expect(resolveAnalyzeOptions({ topMinWeight: 2.5 }).topMinWeight).toBe(2.5);
    expect(rejected({ topMinWeight: -1 })).toBe('topMinWeight');
    expect(rejected({ stabilityRuns: 1.5 })).toBe('stabilityRuns');
    expect(rejected({ backboneAlpha: 0 })).toBe('backboneAlpha');
    expect(resolveAnalyzeOptions({ backboneAlpha: 1 }).backboneAlpha).toBe(1);
    expect(rejected({ gravityMaxPlaces: -1 })).toBe('gravityMaxPlaces');
    expect(rejected({ bootstrap: 0.5 })).toBe('bootstrap');
    expect(rejected({ window: [1899, 2000] })).toBe('window');
    expect(rejected({ years: [2020, 2019] })).toBe('years');
    expect(
      rejected({
        compare: [
          [2000, 2001],
          [2003, 2101],
        ],
      }),
    ).toBe('compare');
    expect(rejected({ level: 'region' })).toBe('level');
  });
});

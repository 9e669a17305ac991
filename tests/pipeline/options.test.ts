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

  it('resolveAnalyzeOptions accepts 0 and Infinity as "no limit" and rejects other caps', () => {
    expect(resolveAnalyzeOptions({ betweennessMaxFlows: 0, stabilityMaxFlows: Infinity })).toMatchObject({
      betweennessMaxFlows: 0,
      stabilityMaxFlows: Infinity,
    });
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
});

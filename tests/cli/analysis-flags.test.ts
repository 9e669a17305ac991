import { describe, expect, it } from 'vitest';
import { ANALYSIS_FLAGS, analysisFlagsHelp, flagOf, parseAnalysisFlags } from '../../src/cli/analysis-flags.ts';
import { DEFAULTS as GRAPH_DEFAULTS } from '../../src/analyses/run-all.ts';
import { ANALYZE_DEFAULTS } from '../../src/pipeline/options.ts';
import { OptionError } from '../../src/errors.ts';

describe('parseAnalysisFlags', () => {
  it('parseAnalysisFlags: no flag gives the library defaults, which analyzeGraph shares', () => {
    const parsed = parseAnalysisFlags({});
    for (const f of ANALYSIS_FLAGS) {
      expect(parsed[f.option], f.option).toEqual(ANALYZE_DEFAULTS[f.option]);
      if (f.option in GRAPH_DEFAULTS)
        expect(GRAPH_DEFAULTS[f.option as keyof typeof GRAPH_DEFAULTS], f.option).toEqual(ANALYZE_DEFAULTS[f.option]);
    }
    expect(parsed.stabilityRuns).toBe(20);
    expect(parsed.topMinWeight).toBe(100);
  });

  it('parseAnalysisFlags: flags are the kebab-case option names; --min-flow is still read; a bad value names the flag', () => {
    expect(flagOf('topMinWeight')).toBe('top-min-weight');
    expect(parseAnalysisFlags({ 'top-min-weight': '7', 'top-k': '3', 'betweenness-max-flows': 'auto' })).toMatchObject({
      topMinWeight: 7,
      topK: 3,
      betweennessMaxFlows: 'auto',
    });
    expect(parseAnalysisFlags({ 'min-flow': '9' }).topMinWeight).toBe(9);
    const error = (() => {
      try {
        parseAnalysisFlags({ 'top-k': '0' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe('--top-k');
    expect(analysisFlagsHelp()).toContain('--top-min-weight <n>');
    expect(analysisFlagsHelp()).toContain('(default: 20)');
  });
});

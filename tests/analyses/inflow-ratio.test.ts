import { describe, expect, it } from 'vitest';
import { TalentFlowError, OptionError } from '../../src/errors.ts';
import { inflowRatio } from '../../src/analyses/inflow-ratio.ts';
import { flowGraph } from './helpers.ts';

describe('inflowRatio', () => {
  it('inflowRatio divides inflowSet by stock, null without stock or with stock 0', () => {
    const g = flowGraph(
      [
        { key: 'Shenzhen', stock: 1000, inflowSet: 239 }, // 239 / 1000 = 0.239 (the report's 23.9 %)
        { key: 'Hong Kong', stock: 200, inflowSet: 0 }, // 0
        { key: 'Empty', stock: 0, inflowSet: 0 }, // nobody: null
        'Moves only', // no stock attributes: null
      ],
      [['Hong Kong', 'Shenzhen', 5]],
    );
    expect(inflowRatio(g)).toEqual({ Shenzhen: 0.239, 'Hong Kong': 0, Empty: null, 'Moves only': null });
    inflowRatio.assign(g);
    expect(g.getNodeAttribute('Shenzhen', 'inflowRatio')).toBe(0.239);
    expect(g.getNodeAttribute('Moves only', 'inflowRatio')).toBeNull();
  });

  it('inflowRatio rejects counts that cannot be right', () => {
    expect(() => inflowRatio(flowGraph([{ key: 'A', stock: 10, inflowSet: 11 }], []))).toThrow(TalentFlowError);
    expect(() => inflowRatio(flowGraph([{ key: 'A', stock: -1, inflowSet: 0 }], []))).toThrow(TalentFlowError);
    expect(() => inflowRatio(flowGraph([{ key: 'A', stock: 5, inflowSet: Number.NaN }], []))).toThrow(TalentFlowError);
    expect(() => inflowRatio(flowGraph(['A'], []), { x: 1 } as never)).toThrow(OptionError);
  });
});

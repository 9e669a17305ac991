import { describe, expect, it } from 'vitest';
import { TalentFlowError } from '../../src/errors.ts';
import { retention } from '../../src/analyses/retention.ts';
import { flowGraph } from './helpers.ts';

describe('retention', () => {
  it('retention is 1 − leftSet / presentBefore; null without stock or nobody present before', () => {
    const g = flowGraph(
      [
        { key: 'Boston', presentBefore: 800, leftSet: 200 }, // out 200/800 = 0.25, kept 0.75
        { key: 'Austin', presentBefore: 50, leftSet: 50 }, // everyone left: out 1, kept 0
        { key: 'New', presentBefore: 0, leftSet: 0 }, // null
        'Moves only',
      ],
      [],
    );
    const r = retention(g);
    expect(r.outflowRatio).toEqual({ Boston: 0.25, Austin: 1, New: null, 'Moves only': null });
    expect(r.retention).toEqual({ Boston: 0.75, Austin: 0, New: null, 'Moves only': null });
    retention.assign(g);
    expect(g.getNodeAttribute('Boston', 'retention')).toBe(0.75);
    expect(g.getNodeAttribute('Boston', 'outflowRatio')).toBe(0.25);
    expect(g.getNodeAttribute('New', 'retention')).toBeNull();
  });

  it('retention rejects leftSet above presentBefore', () => {
    expect(() => retention(flowGraph([{ key: 'A', presentBefore: 3, leftSet: 4 }], []))).toThrow(TalentFlowError);
  });
});

import { describe, expect, it } from 'vitest';
import { DirectedGraph } from 'graphology';
import { OptionError } from '../../src/errors.ts';
import { DEFAULTS, strength } from '../../src/analyses/strength.ts';
import { flowGraph } from './helpers.ts';

// A 4-node graph:
//   A→B 10, A→C 5, B→A 2, B→C 3, C→D 7, D→A 1
// inflow:  A = 2 + 1 = 3, B = 10, C = 5 + 3 = 8, D = 7
// outflow: A = 10 + 5 = 15, B = 2 + 3 = 5, C = 7, D = 1
const fourNodes = () =>
  flowGraph(
    ['A', 'B', 'C', 'D'],
    [
      ['A', 'B', 10, { researchers: 9 }],
      ['A', 'C', 5, { researchers: 5 }],
      ['B', 'A', 2, { researchers: 2 }],
      ['B', 'C', 3, { researchers: 1 }],
      ['C', 'D', 7, { researchers: 6 }],
      ['D', 'A', 1, { researchers: 1 }],
    ],
  );

describe('strength', () => {
  it('strength gives weighted in- and out-degree on a 4-node graph', () => {
    const { inflow, outflow } = strength(fourNodes());
    expect(inflow).toEqual({ A: 3, B: 10, C: 8, D: 7 });
    expect(outflow).toEqual({ A: 15, B: 5, C: 7, D: 1 });
  });

  it('strength with getEdgeWeight "researchers" and null (edge count)', () => {
    // researchers: inflow A = 2 + 1, B = 9, C = 5 + 1, D = 6
    expect(strength(fourNodes(), { getEdgeWeight: 'researchers' }).inflow).toEqual({ A: 3, B: 9, C: 6, D: 6 });
    // edge counts: out A = 2, B = 2, C = 1, D = 1
    expect(strength(fourNodes(), { getEdgeWeight: null }).outflow).toEqual({ A: 2, B: 2, C: 1, D: 1 });
    expect(strength(fourNodes(), { getEdgeWeight: (_e, a) => (a.weight as number) * 2 }).inflow.B).toBe(20);
  });

  it('strength.assign writes inflow and outflow node attributes', () => {
    const g = fourNodes();
    strength.assign(g);
    expect(g.getNodeAttribute('A', 'inflow')).toBe(3);
    expect(g.getNodeAttribute('A', 'outflow')).toBe(15);
    expect(g.getNodeAttribute('D', 'outflow')).toBe(1);
  });

  it('strength gives 0 to an isolated place and ignores self-loops', () => {
    const g = new DirectedGraph();
    g.addNode('X');
    g.addNode('Y');
    g.addEdge('Y', 'Y', { weight: 4 });
    expect(strength(g)).toEqual({ inflow: { X: 0, Y: 0 }, outflow: { X: 0, Y: 0 } });
  });

  it('strength rejects a missing, negative or non-numeric weight instead of defaulting it', () => {
    for (const bad of [undefined, -1, Number.NaN, '3']) {
      const g = new DirectedGraph();
      g.mergeEdge('A', 'B', { weight: bad });
      const err = (() => {
        try {
          strength(g);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(OptionError);
      expect((err as OptionError).option).toBe('getEdgeWeight');
    }
    // researchers is null on aggregated input: not a usable weight
    const g = flowGraph([], [['A', 'B', 3]]);
    expect(() => strength(g, { getEdgeWeight: 'researchers' })).toThrow(OptionError);
  });

  it('strength rejects unknown options and bad getters', () => {
    expect(() => strength(fourNodes(), { weight: 'x' } as never)).toThrow(OptionError);
    expect(() => strength(fourNodes(), { getEdgeWeight: 3 as never })).toThrow(OptionError);
    expect(DEFAULTS.getEdgeWeight).toBe('weight');
  });
});

import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { edgeArrays, outboundCsr, sharingFlowArrays, strengthArrays, strengthsOf } from '../../src/analyses/flow-arrays.ts';
import { flowGraph } from './helpers.ts';

const abc = () =>
  flowGraph(
    ['A', 'B', 'C'],
    [
      ['B', 'C', 2],
      ['A', 'B', 5],
      ['A', 'C', 1],
    ],
  );

describe('edgeArrays', () => {
  it('edgeArrays reads endpoints and weights in the order edges were added', () => {
    const e = edgeArrays(abc(), 'weight');
    expect(e.nodes).toEqual(['A', 'B', 'C']);
    expect([...e.source]).toEqual([1, 0, 0]);
    expect([...e.target]).toEqual([2, 1, 2]);
    expect([...e.weight]).toEqual([2, 5, 1]);
    expect(e.undirected).toBeNull();
    expect([...edgeArrays(abc(), null).weight]).toEqual([1, 1, 1]);
    expect([...edgeArrays(abc(), (_e, a) => (a.weight as number) / 2).weight]).toEqual([1, 2.5, 0.5]);
  });

  it('edgeArrays rejects a missing, negative or non-finite weight', () => {
    for (const w of [-1, NaN, Infinity, '3', undefined]) {
      const g = abc();
      g.setEdgeAttribute(g.edges()[1]!, 'weight', w as number);
      expect(() => edgeArrays(g, 'weight'), String(w)).toThrow(OptionError);
    }
  });

  it('outboundCsr groups out-flows by source in insertion order; strengthArrays sums them', () => {
    const csr = outboundCsr(abc(), 'weight');
    // A: →B 5, →C 1; B: →C 2; C: none
    expect([...csr.starts]).toEqual([0, 2, 3, 3]);
    expect([...csr.targets]).toEqual([1, 2, 2]);
    expect([...csr.weights]).toEqual([5, 1, 2]);
    expect(csr.edgeCount).toBe(3);
    const s = strengthArrays(edgeArrays(abc(), 'weight'));
    expect([...s.inflow]).toEqual([0, 5, 3]);
    expect([...s.outflow]).toEqual([6, 2, 0]);
    // strengthsOf: the same sums read straight from the graph, or from the shared arrays.
    const g = abc();
    expect(strengthsOf(g, 'weight')).toEqual(s);
    expect(sharingFlowArrays(g, () => strengthsOf(g, 'weight'))).toEqual(s);
  });
});

describe('sharingFlowArrays', () => {
  it('sharingFlowArrays reads a graph’s edges once per weight inside, afresh outside', () => {
    const g = abc();
    const inside = sharingFlowArrays(g, () => {
      const first = edgeArrays(g, 'weight');
      expect(edgeArrays(g, 'weight')).toBe(first);
      expect(edgeArrays(g, null)).not.toBe(first);
      expect(outboundCsr(g, 'weight')).toBe(outboundCsr(g, 'weight'));
      // another graph, or a weight function, is never shared
      const other = abc();
      expect(edgeArrays(other, 'weight')).not.toBe(edgeArrays(other, 'weight'));
      const half = (_e: string, a: Record<string, unknown>) => (a.weight as number) / 2;
      expect(edgeArrays(g, half)).not.toBe(edgeArrays(g, half));
      // nested: a scope of its own, the outer one restored after
      sharingFlowArrays(other, () => expect(edgeArrays(other, 'weight')).toBe(edgeArrays(other, 'weight')));
      expect(edgeArrays(g, 'weight')).toBe(first);
      return first;
    });
    expect(edgeArrays(g, 'weight')).not.toBe(inside);
    g.setEdgeAttribute(g.edges()[0]!, 'weight', 7);
    expect(edgeArrays(g, 'weight').weight[0]).toBe(7);
    expect(() =>
      sharingFlowArrays(g, () => {
        throw new RangeError('x');
      }),
    ).toThrow(RangeError);
    expect(edgeArrays(g, 'weight')).not.toBe(edgeArrays(g, 'weight')); // the scope ended with the error
  });
});

import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { attributeMeasure } from '../../src/display/measures.ts';

describe('attributeMeasure', () => {
  it('attributeMeasure reads finite numbers and turns anything else into null', () => {
    const g = new Graph();
    g.addNode('a', { pagerank: 0.5 });
    g.addNode('b', { pagerank: null });
    g.addNode('c', { pagerank: 'high' });
    g.addNode('d', {});
    g.addNode('e', { pagerank: Number.NaN });
    expect(attributeMeasure(g, 'pagerank')).toEqual({ a: 0.5, b: null, c: null, d: null, e: null });
  });
});

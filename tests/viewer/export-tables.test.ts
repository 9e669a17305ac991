import { describe, expect, it } from 'vitest';
import { flowGraph } from '../analyses/helpers.ts';
import { flowsCsv } from '../../viewer/src/export/tables.ts';
import { mapPositions, toRenderGraph } from '../../viewer/src/render-graph.ts';
import { project } from '../../viewer/src/map/projection.ts';
import type { FlowGraph } from '../../src/graph/types.ts';

const nodes = [
  { key: 'A', lat: 0, lon: 0 },
  { key: 'B', lat: 10, lon: 20 },
];
const render = (g: FlowGraph) =>
  toRenderGraph(g, { positions: mapPositions(g, project), sizeBy: 'inflow', nodeColor: 'community', edgeColor: 'sourceCommunity' }).places;

describe('flowsCsv', () => {
  it('flowsCsv keeps the researchers column when the flows know their researchers', () => {
    const g = flowGraph(nodes, [
      ['A', 'B', 5, { researchers: 4 }],
      ['B', 'A', 2, { researchers: 2 }],
    ]);
    const [header, first] = flowsCsv(g, render(g))
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(header!.slice(0, 6)).toEqual(['source', 'source_label', 'target', 'target_label', 'weight', 'researchers']);
    expect(first!.slice(0, 6)).toEqual(['A', 'A', 'B', 'B', '5', '4']);
  });

  it('flowsCsv leaves out the researchers column when no flow drawn knows them (a year or discipline subset)', () => {
    const g = flowGraph(nodes, [
      ['A', 'B', 5, { researchers: null }],
      ['B', 'A', 2, { researchers: null }],
    ]);
    const [header, first] = flowsCsv(g, render(g))
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(header).not.toContain('researchers');
    expect(header!.slice(0, 6)).toEqual(['source', 'source_label', 'target', 'target_label', 'weight', 'first_year']);
    expect(first!.slice(0, 5)).toEqual(['A', 'A', 'B', 'B', '5']);
  });
});

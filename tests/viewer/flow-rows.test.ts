import Graph, { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { FlowGraph } from '../../src/graph/types.ts';
import type { RenderGraph } from '../../viewer/src/render-graph.ts';
import { flowRows, sortRows } from '../../viewer/src/table/flow-rows.ts';

/** Drawn: Boston → Austin 30, Austin → Boston 10, Chicago → Austin 10, Boston → Chicago 50 (100 moves). */
function graphs(): { drawn: RenderGraph; selection: FlowGraph } {
  const drawn = new Graph({ type: 'directed' }) as RenderGraph;
  const selection = new DirectedGraph() as unknown as FlowGraph;
  for (const p of ['Boston', 'Austin', 'Chicago']) {
    drawn.addNode(p, { label: p } as never);
    selection.addNode(p, { label: p } as never);
  }
  const flows: [string, string, number, number | null][] = [
    ['Boston', 'Austin', 30, 28],
    ['Austin', 'Boston', 10, null],
    ['Chicago', 'Austin', 10, 9],
    ['Boston', 'Chicago', 50, 41],
  ];
  for (const [s, t, w, r] of flows) {
    const key = `${s}>${t}`;
    drawn.addDirectedEdgeWithKey(key, s, t, { weight: w } as never);
    selection.addDirectedEdgeWithKey(key, s, t, { weight: w, researchers: r } as never);
  }
  return { drawn, selection };
}
const order = (rows: { source: string; target: string }[]) => rows.map((r) => `${r.source}→${r.target}`);

describe('flowRows', () => {
  it('flowRows gives each drawn flow its moves, researchers and share of every move drawn', () => {
    const { drawn, selection } = graphs();
    const rows = flowRows(drawn, selection);
    expect(rows.find((r) => r.source === 'Boston' && r.target === 'Chicago')).toMatchObject({ moves: 50, researchers: 41, share: 0.5, edge: 'Boston>Chicago' });
    expect(rows.find((r) => r.source === 'Austin')?.researchers).toBeNull();
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('sortRows', () => {
  const rows = flowRows(graphs().drawn, graphs().selection);

  it('sortRows by moves: largest first, ties by source then target name', () => {
    expect(order(sortRows(rows, { column: 'moves', descending: true }))).toEqual(['Boston→Chicago', 'Boston→Austin', 'Austin→Boston', 'Chicago→Austin']);
    expect(order(sortRows(rows, { column: 'moves', descending: false }))).toEqual(['Austin→Boston', 'Chicago→Austin', 'Boston→Austin', 'Boston→Chicago']);
  });

  it('sortRows by source or target name, ties by moves', () => {
    expect(order(sortRows(rows, { column: 'source', descending: false }))).toEqual(['Austin→Boston', 'Boston→Chicago', 'Boston→Austin', 'Chicago→Austin']);
    expect(order(sortRows(rows, { column: 'target', descending: true }))).toEqual(['Boston→Chicago', 'Austin→Boston', 'Boston→Austin', 'Chicago→Austin']);
  });

  it('sortRows by researchers puts unknown counts last in both directions', () => {
    expect(order(sortRows(rows, { column: 'researchers', descending: true }))).toEqual(['Boston→Chicago', 'Boston→Austin', 'Chicago→Austin', 'Austin→Boston']);
    expect(order(sortRows(rows, { column: 'researchers', descending: false }))).toEqual(['Chicago→Austin', 'Boston→Austin', 'Boston→Chicago', 'Austin→Boston']);
  });
});

import Graph, { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { FlowGraph } from '../../src/graph/types.ts';
import type { RenderGraph } from '../../viewer/src/render-graph.ts';
import { createRng } from '../../src/random.ts';
import type { TableSort } from '../../viewer/src/state.ts';
import { flowColumns, topRows } from '../../viewer/src/table/flow-rows.ts';
import { renderMapOf } from './fixtures/render-map.ts';

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

const all = (sort: TableSort) => {
  const { drawn, selection } = graphs();
  return topRows(flowColumns(renderMapOf(drawn), selection), sort, Infinity);
};

describe('flowColumns', () => {
  it('flowColumns / topRows give each drawn flow its moves, researchers and share of every move drawn', () => {
    const rows = all({ column: 'moves', descending: true });
    expect(rows.find((r) => r.source === 'Boston' && r.target === 'Chicago')).toMatchObject({
      moves: 50,
      researchers: 41,
      share: 0.5,
      edge: 'Boston>Chicago',
    });
    expect(rows.find((r) => r.source === 'Austin')?.researchers).toBeNull();
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('topRows', () => {
  it('topRows by moves: largest first, ties by source then target name', () => {
    expect(order(all({ column: 'moves', descending: true }))).toEqual([
      'Boston→Chicago',
      'Boston→Austin',
      'Austin→Boston',
      'Chicago→Austin',
    ]);
    expect(order(all({ column: 'moves', descending: false }))).toEqual([
      'Austin→Boston',
      'Chicago→Austin',
      'Boston→Austin',
      'Boston→Chicago',
    ]);
  });

  it('topRows by source or target name, ties by moves', () => {
    expect(order(all({ column: 'source', descending: false }))).toEqual([
      'Austin→Boston',
      'Boston→Chicago',
      'Boston→Austin',
      'Chicago→Austin',
    ]);
    expect(order(all({ column: 'target', descending: true }))).toEqual([
      'Boston→Chicago',
      'Austin→Boston',
      'Boston→Austin',
      'Chicago→Austin',
    ]);
  });

  it('topRows by researchers puts unknown counts last in both directions', () => {
    expect(order(all({ column: 'researchers', descending: true }))).toEqual([
      'Boston→Chicago',
      'Boston→Austin',
      'Chicago→Austin',
      'Austin→Boston',
    ]);
    expect(order(all({ column: 'researchers', descending: false }))).toEqual([
      'Chicago→Austin',
      'Boston→Austin',
      'Boston→Chicago',
      'Austin→Boston',
    ]);
  });
});

describe('topRows on many flows', () => {
  it('topRows keeps the same first n as sorting every flow, for each column and direction (random flows with many ties)', () => {
    const rng = createRng(3);
    const drawn = new Graph({ type: 'directed' }) as RenderGraph;
    const selection = new DirectedGraph() as unknown as FlowGraph;
    // Labels repeat (two places named "P7"), so names tie and the id decides.
    for (let i = 0; i < 120; i++) {
      drawn.addNode(`id${i}`, { label: `P${i % 90}` } as never);
      selection.addNode(`id${i}`, {} as never);
    }
    for (let k = 0; k < 3000; k++) {
      const s = `id${Math.floor(rng() * 120)}`;
      const t = `id${Math.floor(rng() * 120)}`;
      if (s === t || drawn.hasEdge(s, t)) continue;
      const w = 1 + Math.floor(rng() * 6);
      drawn.addDirectedEdgeWithKey(`${s}>${t}`, s, t, { weight: w } as never);
      selection.addDirectedEdgeWithKey(`${s}>${t}`, s, t, { weight: w, researchers: rng() < 0.2 ? null : w } as never);
    }
    const columns = flowColumns(renderMapOf(drawn), selection);
    const key = (r: { edge: string }) => r.edge;
    for (const column of ['source', 'target', 'moves', 'researchers', 'share'] as const) {
      for (const descending of [true, false]) {
        const full = topRows(columns, { column, descending }, Infinity).map(key);
        expect(full).toHaveLength(drawn.size);
        for (const n of [1, 10, 100]) expect(topRows(columns, { column, descending }, n).map(key)).toEqual(full.slice(0, n));
      }
    }
  });
});

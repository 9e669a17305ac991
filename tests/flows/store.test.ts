import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { flowOfEachEdge } from '../../src/flows/graph.ts';
import { findFlow, flowCells, flowStore, forEachCell, inflowByDiscipline, flowYearMatrix, storeYears } from '../../src/flows/store.ts';
import { rai } from '../../src/analyses/rai.ts';
import { mv, place, randomMoves } from '../graph/helpers.ts';
import { allBreakdowns } from './breakdowns.ts';

// A→B: 2019 CS ×2, 2021 (no discipline) ×1; B→C: 2020 Medicine ×3, 2020 CS ×1; C→A: 2022 CS ×1.
const { graph, flows } = buildFlows({
  moves: [
    mv('A', 'B', 2019, 'CS', 2, 'r1'),
    mv('A', 'B', 2021, null, 1, 'r2'),
    mv('B', 'C', 2020, 'Medicine', 3, null),
    mv('B', 'C', 2020, 'CS', 1, 'r3'),
    mv('C', 'A', 2022, 'CS', 1, 'r4'),
  ],
  places: ['A', 'B', 'C'].map((id) => place(id)),
  kind: 'moves',
  level: 'metro',
});

describe('flow store accessors', () => {
  it('findFlow finds a flow by place ids and answers −1 for a missing one', () => {
    expect([findFlow(flows, 'A', 'B'), findFlow(flows, 'B', 'C'), findFlow(flows, 'C', 'A')]).toEqual([0, 1, 2]);
    expect([findFlow(flows, 'B', 'A'), findFlow(flows, 'A', 'Z')]).toEqual([-1, -1]);
  });

  it('forEachCell lists a flow’s cells in year then discipline order, by hand', () => {
    const cells: unknown[] = [];
    forEachCell(flows, 1, (year, discipline, moves) => cells.push([year, discipline, moves]));
    expect(cells).toEqual([
      [2020, 'CS', 1],
      [2020, 'Medicine', 3],
    ]);
    expect(flowCells(flows, 0)).toEqual([0, 2]);
  });

  it('flowYearMatrix gives the flows × years matrix, by hand', () => {
    const { first, years, matrix } = flowYearMatrix(flows);
    expect([first, years]).toEqual([2019, 4]);
    expect([...matrix]).toEqual([2, 0, 1, 0, /* B→C */ 0, 4, 0, 0, /* C→A */ 0, 0, 0, 1]);
    expect([...flowYearMatrix(flows, [2020, 2020]).matrix]).toEqual([0, 4, 0]);
    expect(storeYears(flows)).toEqual([2019, 2022]);
  });

  it('inflowByDiscipline sums the cells into each target by discipline, without discipline-less moves', () => {
    // places A, B, C × disciplines CS, Medicine
    expect([...inflowByDiscipline(flows)]).toEqual([1, 0, 2, 0, 1, 3]);
  });

  it('rai by inflow from the store equals rai from edge byDiscipline objects', () => {
    const withEdges = graph.copy();
    for (const [key, b] of Object.entries(allBreakdowns(flows))) {
      const [s, t] = key.split('→') as [string, string];
      withEdges.setEdgeAttribute(s, t, 'byDiscipline', b.byDiscipline);
    }
    expect(rai(graph, { basis: 'inflow', flows })).toEqual(rai(withEdges, { basis: 'inflow' }));
    // Seeded random moves: the same RAI cells both ways.
    const ids = ['P', 'Q', 'R', 'S', 'T'];
    const big = buildFlows({ moves: randomMoves(3, ids, 500), places: ids.map((id) => place(id)), kind: 'moves', level: 'metro' });
    const copy = big.graph.copy();
    for (const [key, b] of Object.entries(allBreakdowns(big.flows))) {
      const [s, t] = key.split('→') as [string, string];
      copy.setEdgeAttribute(s, t, 'byDiscipline', b.byDiscipline);
    }
    const fromStore = rai(big.graph, { basis: 'inflow', flows: big.flows });
    expect(fromStore.cells.length).toBeGreaterThan(10);
    expect(fromStore).toEqual(rai(copy, { basis: 'inflow' }));
  });

  it('flowOfEachEdge maps a graph’s edges to the store’s flows, in any edge order', () => {
    expect([...flowOfEachEdge(graph, flows)]).toEqual([0, 1, 2]);
    const reordered = graph.emptyCopy();
    reordered.addDirectedEdge('C', 'A', { weight: 1, researchers: 1 });
    reordered.addDirectedEdge('A', 'C', { weight: 1, researchers: 1 });
    reordered.addDirectedEdge('A', 'B', { weight: 3, researchers: 2 });
    expect([...flowOfEachEdge(reordered, flows)]).toEqual([2, -1, 0]);
  });

  it('flowStore rejects columns out of order, of unequal length or out of range', () => {
    const good = { places: ['A', 'B'], disciplines: ['CS'] };
    const f = (source: number[], target: number[]) => ({
      source: Int32Array.from(source),
      target: Int32Array.from(target),
      moves: new Float64Array(source.length),
      researchers: new Float64Array(source.length),
      firstYear: new Float64Array(source.length),
      lastYear: new Float64Array(source.length),
    });
    const c = (flow: number[], year: number[], discipline: number[]) => ({
      flow: Int32Array.from(flow),
      year: Int32Array.from(year),
      discipline: Int32Array.from(discipline),
      moves: new Float64Array(flow.length),
    });
    expect(() => flowStore({ ...good, flows: f([1, 0], [0, 1]), cells: c([], [], []) })).toThrow(OptionError);
    expect(() => flowStore({ ...good, flows: f([0], [2]), cells: c([], [], []) })).toThrow(OptionError);
    expect(() => flowStore({ ...good, flows: f([0], [1]), cells: c([0, 0], [2020, 2019], [0, 0]) })).toThrow(OptionError);
    expect(() => flowStore({ ...good, flows: f([0], [1]), cells: c([0], [2020], [1]) })).toThrow(OptionError);
    expect(() => flowStore({ ...good, flows: { ...f([0], [1]), moves: new Float64Array(2) }, cells: c([], [], []) })).toThrow(OptionError);
    expect(flowStore({ ...good, flows: f([0, 1], [1, 0]), cells: c([0, 0, 1], [2019, 2019, 2019], [-1, 0, 0]) }).cellStarts).toEqual(
      Int32Array.from([0, 2, 3]),
    );
  });
});

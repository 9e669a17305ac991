/**
 * The resampling units of a moves table for {@link bootstrap}: the flow graph's moves as cells of
 * a flow and a discipline. The per-discipline breakdown of a flow is read through
 * {@link flowDisciplineCounts} only, so that where it is stored can change in one place.
 */
import type { Attributes } from 'graphology-types';
import { OptionError } from '../errors.ts';
import type { MoveUnits } from './bootstrap.ts';
import { edgeArrays } from './flow-arrays.ts';
import { checkGraph } from './graph-input.ts';
import type { AnyGraph } from './graph-input.ts';

/** Moves of a flow by discipline (edge attribute `byDiscipline`), or null when the flow has none. */
export function flowDisciplineCounts(attributes: Attributes): Record<string, number> | null {
  const counts = attributes['byDiscipline'];
  return counts !== null && typeof counts === 'object' ? (counts as Record<string, number>) : null;
}

/**
 * One cell per flow and discipline with its moves, and one per flow for its moves without a
 * discipline; places in graph order, flows in edge order.
 *
 * @throws OptionError when a weight is not a whole number of moves or a flow's disciplines sum above its weight.
 * @example bootstrap(moveUnits(graph), { replicates: 200, seed: 42 });
 */
export function moveUnits(graph: AnyGraph): MoveUnits {
  checkGraph(graph);
  const e = edgeArrays(graph, 'weight');
  const disciplines = new Map<string, number>();
  const cellFlow: number[] = [];
  const cellDiscipline: number[] = [];
  const cellWeight: number[] = [];
  let k = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const w = e.weight[k]!;
    if (!Number.isInteger(w)) throw new OptionError('weight', w, `whole numbers of moves to resample, but ${source} → ${target} has ${w}`);
    let rest = w;
    const counts = flowDisciplineCounts(attributes);
    for (const name of Object.keys(counts ?? {}).sort()) {
      const n = counts![name]!;
      if (!(n > 0)) continue;
      if (!disciplines.has(name)) disciplines.set(name, disciplines.size);
      cellFlow.push(k);
      cellDiscipline.push(disciplines.get(name)!);
      cellWeight.push(n);
      rest -= n;
    }
    if (rest < 0) throw new OptionError('byDiscipline', counts, `at most the flow's ${w} moves on ${source} → ${target}`);
    if (rest > 0) {
      cellFlow.push(k);
      cellDiscipline.push(-1);
      cellWeight.push(rest);
    }
    k++;
  });
  // Disciplines in name order, so that the cells' indices do not depend on edge order.
  const names = [...disciplines.keys()].sort();
  const renumber = new Int32Array(names.length);
  names.forEach((name, i) => (renumber[disciplines.get(name)!] = i));
  return {
    kind: 'moves',
    places: e.nodes,
    source: e.source,
    target: e.target,
    disciplines: names,
    cellFlow: Int32Array.from(cellFlow),
    cellDiscipline: Int32Array.from(cellDiscipline, (d) => (d < 0 ? -1 : renumber[d]!)),
    cellWeight: Float64Array.from(cellWeight),
  };
}

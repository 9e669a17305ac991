/**
 * The histogram under the map: moves by arrival year, from the flow store's breakdown cells
 * (flows.arrow), following every filter but the years themselves (so the brush shows what lies
 * outside the range it selects):
 *
 *   all[y]    moves arriving in year y on the flows the discipline and place filters keep
 *             (the legend's groups, the selected place's direction); the minimum flow and the
 *             top-k mode are not applied, since they depend on the years chosen
 *   drawn[y]  the part of all[y] that the map draws: moves arriving in year y, inside the
 *             selected years, on a flow drawn now. Σ drawn = the moves of the flows drawn.
 *
 * One pass over the flows and their cells, typed arrays only.
 */
import type { FlowStore } from 'talentflow';

export interface YearCounts {
  /** First year of the bars (the analysis's first arrival year). */
  first: number;
  all: Float64Array;
  drawn: Float64Array;
}

export interface YearCountOptions {
  /** First and last arrival year of the analysis: one bar each. */
  span: [number, number];
  /** Selected arrival years (null: every year). */
  years: [number, number] | null;
  /** Selected discipline (null: every move, with or without a discipline). */
  discipline: string | null;
  /** Whether a flow (source, target place ids) passes the place filters. */
  keep(source: string, target: string): boolean;
  /** Whether a flow is drawn now. */
  drawn(source: string, target: string): boolean;
}

/**
 * Moves by year, all and drawn (see the file's head).
 *
 * @example movesByYear(store, { span: [2011, 2023], years: [2019, 2020], discipline: null, keep: () => true, drawn: (s, t) => drawnGraph.hasEdge(s, t) })
 */
export function movesByYear(store: FlowStore, o: YearCountOptions): YearCounts {
  const [first, last] = o.span;
  const all = new Float64Array(last - first + 1);
  const drawn = new Float64Array(last - first + 1);
  const d = o.discipline === null ? null : store.disciplines.indexOf(o.discipline);
  const { source, target } = store.flows;
  const { year, discipline, moves } = store.cells;
  const from = o.years ? o.years[0] : -Infinity;
  const to = o.years ? o.years[1] : Infinity;
  for (let f = 0; f < source.length; f++) {
    const s = store.places[source[f]!]!;
    const t = store.places[target[f]!]!;
    if (!o.keep(s, t)) continue;
    const isDrawn = o.drawn(s, t);
    for (let c = store.cellStarts[f]!; c < store.cellStarts[f + 1]!; c++) {
      if (d !== null && discipline[c] !== d) continue;
      const y = year[c]!;
      if (y < first || y > last) continue;
      all[y - first]! += moves[c]!;
      if (isDrawn && y >= from && y <= to) drawn[y - first]! += moves[c]!;
    }
  }
  return { first, all, drawn };
}

/**
 * The years a play step shows after `years`: the window moved one year later, as wide as the
 * selection (one year when every year is selected), wrapping to the start after the last year.
 *
 * @example nextWindow([2019, 2020], [2011, 2023]) // [2020, 2021]
 * @example nextWindow(null, [2011, 2023]) // [2011, 2011]
 */
export function nextWindow(years: [number, number] | null, span: [number, number]): [number, number] {
  const [first, last] = span;
  if (years === null || (years[0] <= first && years[1] >= last)) return [first, first];
  const width = years[1] - years[0] + 1;
  if (years[1] >= last) return [first, Math.min(last, first + width - 1)];
  return [years[0] + 1, years[1] + 1];
}

/**
 * A flow's breakdowns from the flow store as the count objects the graph's edges used to carry
 * (`byYear`, `byDiscipline`, `byYearDiscipline`): the hand-checked form tests compare against.
 */
import { findFlow, forEachCell, type FlowStore } from '../../src/flows/store.ts';

export interface Breakdowns {
  weight: number;
  researchers: number | null;
  byYear: Record<string, number>;
  byDiscipline: Record<string, number>;
  byYearDiscipline: Record<string, Record<string, number>>;
}

/** The breakdowns of source → target, or null when the store has no such flow. */
export function breakdownsOf(store: FlowStore, source: string, target: string): Breakdowns | null {
  const f = findFlow(store, source, target);
  if (f < 0) return null;
  const byYear: Record<string, number> = {};
  const byDiscipline: Record<string, number> = {};
  const byYearDiscipline: Record<string, Record<string, number>> = {};
  forEachCell(store, f, (year, discipline, moves) => {
    byYear[year] = (byYear[year] ?? 0) + moves;
    if (discipline === null) return;
    byDiscipline[discipline] = (byDiscipline[discipline] ?? 0) + moves;
    const y = (byYearDiscipline[year] ??= {});
    y[discipline] = (y[discipline] ?? 0) + moves;
  });
  const r = store.flows.researchers[f]!;
  return { weight: store.flows.moves[f]!, researchers: !Number.isNaN(r) ? r : null, byYear, byDiscipline, byYearDiscipline };
}

/** Every flow as "source→target" with its breakdowns, in store order. */
export function allBreakdowns(store: FlowStore): Record<string, Breakdowns> {
  const out: Record<string, Breakdowns> = {};
  for (let f = 0; f < store.flows.source.length; f++) {
    const s = store.places[store.flows.source[f]!]!;
    const t = store.places[store.flows.target[f]!]!;
    out[`${s}→${t}`] = breakdownsOf(store, s, t)!;
  }
  return out;
}

/**
 * `compare.csv` (`--compare A-B,C-D`): one row per place with each measure in both periods, its
 * change, its rank in each period and the rank change (`analyses/compare-periods.ts`). Column
 * names are fixed (`_1` = first period, `_2` = second); the periods themselves are the
 * `period_1` and `period_2` cells, so the same reader works for any pair of periods.
 */
import { COMPARED_MEASURES, type ComparisonResult } from '../analyses/compare-periods.ts';
import type { Table } from './csv.ts';

/** The columns of `compare.csv`, in order. */
export const COMPARE_COLUMNS: readonly string[] = [
  'place',
  'period_1',
  'period_2',
  ...COMPARED_MEASURES.flatMap((m) => [`${m}_1`, `${m}_2`, `${m}_change`, `${m}_rank_1`, `${m}_rank_2`, `${m}_rank_change`]),
  'balance_class_1',
  'balance_class_2',
];

/**
 * The comparison as a table, rows by place key.
 *
 * @example
 * compareTable(comparePeriods(graph, { periods: [[1998, 2004], [2012, 2018]] })).rows[0];
 * // { place: 'AFG', period_1: '1998-2004', period_2: '2012-2018', inflow_1: 40, inflow_2: 310, … }
 */
export function compareTable(result: ComparisonResult): Table {
  const [p1, p2] = result.periods.map(([a, b]) => `${a}-${b}`);
  return {
    columns: [...COMPARE_COLUMNS],
    rows: result.rows.map((r) => {
      const row: Record<string, unknown> = { place: r.place, period_1: p1, period_2: p2 };
      for (const m of COMPARED_MEASURES) {
        const v = r.measures[m];
        row[`${m}_1`] = v.values[0];
        row[`${m}_2`] = v.values[1];
        row[`${m}_change`] = v.change;
        row[`${m}_rank_1`] = v.ranks[0];
        row[`${m}_rank_2`] = v.ranks[1];
        row[`${m}_rank_change`] = v.rankChange;
      }
      row.balance_class_1 = r.balanceClass[0];
      row.balance_class_2 = r.balanceClass[1];
      return row;
    }),
  };
}

/**
 * `intervals.csv` (with `--bootstrap N`): one row per place and measure (and discipline for RAI),
 * the point estimate and its bootstrap interval (`analyses/bootstrap.ts`).
 */
import type { BootstrapResult, IntervalMeasure } from '../analyses/bootstrap.ts';
import type { FlowGraph } from '../graph/types.ts';
import { compareKeys } from '../compare-keys.ts';
import type { Table } from './csv.ts';

/** The columns of `intervals.csv`, in order. */
export const INTERVALS_COLUMNS: readonly string[] = [
  'place',
  'label',
  'measure',
  'discipline',
  'estimate',
  'low',
  'high',
  'level',
  'replicates',
  'above_next',
  'distinguishable',
];

const ORDER: Record<IntervalMeasure, number> = { net_inflow: 0, inflow_ratio: 1, pagerank_rank: 2, rai: 3 };

/**
 * The intervals table: net inflow, inflow ratio, PageRank rank (by rank) and RAI, each by place
 * key (RAI then by discipline). `distinguishable`: the interval excludes 0 (net inflow, inflow
 * ratio) or 1 (RAI); for the rank, the place outranks the next one in ≥ (1 + level)/2 of replicates.
 *
 * @example intervalsTable(run.intervals!, run.graph).rows[0]; // { place: 'Beijing', measure: 'net_inflow', estimate: -412, low: -520, … }
 */
export function intervalsTable(result: BootstrapResult, graph: FlowGraph): Table {
  const label = (key: string) => (graph.hasNode(key) ? (graph.getNodeAttribute(key, 'label') ?? key) : key);
  const sorted = [...result.intervals].sort(
    (a, b) =>
      ORDER[a.measure] - ORDER[b.measure] ||
      (a.measure === 'pagerank_rank' ? a.estimate! - b.estimate! : 0) ||
      compareKeys(a.place, b.place) ||
      compareKeys(a.discipline ?? '', b.discipline ?? ''),
  );
  const rows = sorted.map((i) => ({
    place: i.place,
    label: label(i.place),
    measure: i.measure,
    discipline: i.discipline,
    estimate: i.estimate,
    low: i.low,
    high: i.high,
    level: result.level,
    replicates: result.replicates,
    above_next: i.aboveNext,
    distinguishable: i.distinguishable,
  }));
  return { columns: [...INTERVALS_COLUMNS], rows };
}

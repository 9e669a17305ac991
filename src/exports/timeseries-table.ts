/**
 * `timeseries.csv`: one row per place and year with any move or population (`analyses/time-series.ts`).
 * Rates are empty where the population is unknown or 0, never a made-up number.
 */
import type { TimeSeriesResult } from '../analyses/time-series.ts';
import type { Table } from './csv.ts';

/** The columns of `timeseries.csv`, in order. */
export const TIMESERIES_COLUMNS: readonly string[] = [
  'place',
  'year',
  'inflow',
  'outflow',
  'net_inflow',
  'population',
  'inflow_rate',
  'outflow_rate',
  'net_rate',
];

/**
 * The yearly series as a table, rows by place then year.
 *
 * @example
 * timeSeriesTable(timeSeries(graph)).rows[0];
 * // { place: 'Beijing', year: 2019, inflow: 12, outflow: 30, net_inflow: -18, population: null, inflow_rate: null, … }
 */
export function timeSeriesTable(result: TimeSeriesResult): Table {
  return {
    columns: [...TIMESERIES_COLUMNS],
    rows: result.rows.map((r) => ({
      place: r.place,
      year: r.year,
      inflow: r.inflow,
      outflow: r.outflow,
      net_inflow: r.netInflow,
      population: r.population,
      inflow_rate: r.inflowRate,
      outflow_rate: r.outflowRate,
      net_rate: r.netRate,
    })),
  };
}

/**
 * The report's "Rising and falling" section (`--compare`): the places whose net inflow grew and
 * shrank most between the two periods, with their ranks, and the places that switched between
 * net sender and net receiver. Pure: text from a comparison.
 */
import type { ComparisonResult, ComparisonRow } from '../analyses/compare-periods.ts';
import { formatFixed, formatSigned, textTable } from './text-table.ts';
import { compareKeys } from '../compare-keys.ts';

const dash = ([a, b]: [number, number]) => `${a}–${b}`;
const byKey = (a: ComparisonRow, b: ComparisonRow) => compareKeys(a.place, b.place);

/**
 * Formats the section.
 *
 * @param comparison - `comparePeriods`' result.
 * @param labelOf - place key → readable name.
 * @param rows - places per list.
 * @example risingFalling(comparePeriods(graph, { periods: [[1998, 2004], [2012, 2018]] }), (k) => k, 5);
 */
export function risingFalling(comparison: ComparisonResult, labelOf: (key: string) => string, rows: number): string {
  const [p1, p2] = comparison.periods.map(dash) as [string, string];
  const withRate = comparison.rows.some((r) => r.measures.net_rate.values.some((v) => v !== null));
  const columns = [
    { title: 'place' },
    { title: `net ${p1}`, align: 'right' as const },
    { title: `net ${p2}`, align: 'right' as const },
    { title: 'change', align: 'right' as const },
    { title: 'rank', align: 'right' as const },
    ...(withRate
      ? [
          { title: `net rate ${p1}`, align: 'right' as const },
          { title: `net rate ${p2}`, align: 'right' as const },
        ]
      : []),
  ];
  const cells = (r: ComparisonRow) => {
    const n = r.measures.net_inflow;
    const [r1, r2] = n.ranks;
    return [
      labelOf(r.place),
      formatSigned(n.values[0]),
      formatSigned(n.values[1]),
      formatSigned(n.change),
      `${r1 ?? '–'} → ${r2 ?? '–'}`,
      ...(withRate ? r.measures.net_rate.values.map((v) => formatFixed(v, 4)) : []),
    ];
  };
  const change = (r: ComparisonRow) => r.measures.net_inflow.change ?? 0;
  const rising = comparison.rows.filter((r) => change(r) > 0).sort((a, b) => change(b) - change(a) || byKey(a, b));
  const falling = comparison.rows.filter((r) => change(r) < 0).sort((a, b) => change(a) - change(b) || byKey(a, b));
  const out: string[] = [`Rising and falling (net inflow, ${p1} → ${p2}; rank 1 = largest net inflow)`];
  out.push('Rising (largest gain in net inflow)');
  out.push(rising.length ? textTable(columns, rising.slice(0, rows).map(cells)) : '  none');
  out.push('Falling (largest loss in net inflow)');
  out.push(falling.length ? textTable(columns, falling.slice(0, rows).map(cells)) : '  none');
  const switched = (from: (v: number) => boolean, to: (v: number) => boolean) =>
    comparison.rows
      .filter((r) => {
        const [a, b] = r.measures.net_inflow.values;
        return a !== null && b !== null && from(a) && to(b);
      })
      .sort((a, b) => Math.abs(change(b)) - Math.abs(change(a)) || byKey(a, b));
  const list = (rs: ComparisonRow[]) =>
    rs.length
      ? rs
          .slice(0, 10)
          .map((r) => labelOf(r.place))
          .join(', ') + (rs.length > 10 ? `, and ${rs.length - 10} more` : '')
      : 'none';
  out.push(
    `Net sender → net receiver: ${list(
      switched(
        (v) => v < 0,
        (v) => v > 0,
      ),
    )}`,
  );
  out.push(
    `Net receiver → net sender: ${list(
      switched(
        (v) => v > 0,
        (v) => v < 0,
      ),
    )}`,
  );
  return out.join('\n');
}

/**
 * The report's sections on the per-flow and per-place statistical measures: the disparity
 * backbone, expected flows (gravity), stock against momentum and the bootstrap intervals. Pure:
 * each reads a finished run and returns lines of text (empty when the measure did not run).
 */
import type { AnalysisRun } from '../pipeline/analyze.ts';
import { formatFixed, formatInt, formatPercent, textTable } from './text-table.ts';
import { compareKeys } from '../compare-keys.ts';
import { columnValue, deferredEdges } from '../flows/lazy-edges.ts';

/** "Disparity backbone (α < 0.05): 120 of 4,830 flows (2.5%) carry 41.0% of the 90,210 moves." */
export function backboneLines(run: AnalysisRun): string[] {
  const b = run.analyses.backbone;
  if (!b || b.flows === 0) return [];
  const flowShare = formatPercent(b.keptFlows / b.flows);
  const moveShare = b.moves > 0 ? formatPercent(b.keptMoves / b.moves) : '';
  return [
    `Disparity backbone (flows whose share of their source's sending or destination's receiving is significant, α < ${b.alpha}):`,
    `  ${formatInt(b.keptFlows)} of ${formatInt(b.flows)} flows (${flowShare}) carry ${moveShare} of the ${formatInt(b.moves)} moves (flows.csv backbone, disparity_alpha).`,
  ];
}

/** Flows below this many moves are left out of the corridor ranking: the excess of a flow of a few moves is mostly noise. */
export const CORRIDOR_MIN_MOVES = 20;

/**
 * The gravity fit in one paragraph, then "Corridors stronger than size and distance predict": the
 * flows of at least `minMoves` moves with the largest observed / expected.
 */
export function gravityLines(run: AnalysisRun, rows: number, minMoves = CORRIDOR_MIN_MOVES): string[] {
  const fit = run.analyses.gravity;
  if (!fit) return [];
  const out: string[] = [];
  const places = `${formatInt(fit.places)} places with coordinates, ${formatInt(fit.observations)} ordered pairs of which ${formatInt(fit.zeroPairs)} without flow`;
  out.push(`Expected flows (Poisson PML gravity: origin and destination effects, log great-circle distance; ${places}):`);
  if (!fit.fitted) {
    out.push(`  not fitted: ${fit.reason}.`);
    return out;
  }
  out.push(
    `  distance elasticity ${formatFixed(fit.distanceElasticity, 3)}, pseudo-R² ${formatFixed(fit.pseudoR2, 3)} ` +
      `(deviance ${formatInt(fit.deviance)} of ${formatInt(fit.nullDeviance)}), ${fit.iterations} Newton steps.`,
  );
  if (fit.flowsWithoutCoordinates > 0) {
    out.push(`  ${formatInt(fit.flowsWithoutCoordinates)} flows touch a place without coordinates: no expected value.`);
  }
  const g = run.graph;
  const label = (key: string) => String(g.getNodeAttribute(key, 'label') ?? key);
  const corridors: { source: string; target: string; weight: number; expected: number; excess: number }[] = [];
  const keep = (source: string, target: string, weight: number, expected: unknown, excess: unknown): void => {
    if (typeof excess === 'number' && typeof expected === 'number' && weight >= minMoves) {
      corridors.push({ source, target, weight, expected, excess });
    }
  };
  // Read from the columns while the edges are deferred (iterating them would build them all).
  const deferred = deferredEdges(g);
  const expectedColumn = deferred?.columns.find((c) => c.name === 'expected');
  const excessColumn = deferred?.columns.find((c) => c.name === 'excess');
  if (deferred) {
    const { places, flows } = deferred.store;
    if (expectedColumn && excessColumn) {
      for (let f = 0; f < flows.moves.length; f++) {
        keep(
          places[flows.source[f]!]!,
          places[flows.target[f]!]!,
          flows.moves[f]!,
          columnValue(expectedColumn, f),
          columnValue(excessColumn, f),
        );
      }
    }
  } else g.forEachEdge((_e, a, source, target) => keep(source, target, a.weight, a.expected, a.excess));
  corridors.sort((x, y) => y.excess - x.excess || compareKeys(x.source, y.source) || compareKeys(x.target, y.target));
  out.push('');
  out.push(`Corridors stronger than size and distance predict (flows of at least ${minMoves} moves, observed / expected)`);
  out.push(
    corridors.length
      ? textTable(
          [
            { title: 'from' },
            { title: 'to' },
            { title: 'moves', align: 'right' },
            { title: 'expected', align: 'right' },
            { title: 'excess', align: 'right' },
          ],
          corridors
            .slice(0, rows)
            .map((c) => [
              label(c.source),
              label(c.target),
              formatInt(c.weight),
              formatFixed(c.expected, 1),
              `×${formatFixed(c.excess, 2)}`,
            ]),
        )
      : `  none: no flow of at least ${minMoves} moves`,
  );
  return out;
}

/** "Stock against momentum": the thresholds and, per quadrant, how many places and the largest ones. */
export function quadrantLines(run: AnalysisRun, rows: number): string[] {
  const q = run.analyses.quadrants;
  if (!q || q.thresholds.size === null || q.thresholds.momentum === null) return [];
  const stock = q.basis === 'stock';
  const sizeName = stock ? 'stock' : 'inflow';
  const momentumText = stock ? formatPercent(q.thresholds.momentum) : formatFixed(q.thresholds.momentum, 3);
  const out = [
    `Stock against momentum (${sizeName} against ${stock ? 'inflow ratio' : 'net rate (in − out)/(in + out)'}, ` +
      `split at ${sizeName} ${formatInt(q.thresholds.size)} and ${momentumText}; places.csv quadrant; figures/quadrants.svg with --figures)`,
  ];
  const g = run.graph;
  const size = (key: string) => Number(g.getNodeAttribute(key, stock ? 'stock' : 'inflow') ?? 0);
  for (const name of ['leader', 'riser', 'incumbent', 'laggard'] as const) {
    const members = g.filterNodes((_k, a) => a['quadrant'] === name).sort((a, b) => size(b) - size(a) || compareKeys(a, b));
    const shown = members.slice(0, rows).map((k) => String(g.getNodeAttribute(k, 'label') ?? k));
    const more = members.length > shown.length ? ', …' : '';
    out.push(`  ${`${name}s`.padEnd(11)} ${String(members.length).padStart(4)}  ${shown.join(', ')}${more}`);
  }
  return out;
}

/**
 * "Uncertainty": with `--bootstrap N`, which magnets and exporters are not distinguishable from
 * zero, and the PageRank ranking with its rank intervals, "≈" marking a place not told apart
 * from the next one.
 */
export function intervalLines(run: AnalysisRun, rows: number): string[] {
  const b = run.intervals;
  if (!b) return [];
  const g = run.graph;
  const label = (key: string) => String(g.getNodeAttribute(key, 'label') ?? key);
  const level = formatPercent(b.level, 0);
  const of = (measure: string) => b.intervals.filter((i) => i.measure === measure);
  const net = of('net_inflow');
  const zero = net.filter((i) => i.distinguishable === false);
  const out = [
    `Uncertainty (bootstrap: ${formatInt(b.replicates)} resamples of the ${b.unit}, seed ${b.seed}, ${level} intervals; intervals.csv)`,
    `  net inflow not distinguishable from zero: ${formatInt(zero.length)} of ${formatInt(net.length)} places` +
      (zero.length
        ? ` (largest: ${[...zero]
            .sort((x, y) => Math.abs(y.estimate!) - Math.abs(x.estimate!) || compareKeys(x.place, y.place))
            .slice(0, rows)
            .map((i) => label(i.place))
            .join(', ')})`
        : ''),
  ];
  const ratio = of('inflow_ratio').filter((i) => i.estimate !== null);
  if (ratio.length) {
    out.push(
      `  inflow ratio not distinguishable from zero: ${formatInt(ratio.filter((i) => i.distinguishable === false).length)} of ${formatInt(ratio.length)} places`,
    );
  }
  const rai = of('rai');
  if (rai.length) {
    out.push(
      `  RAI not distinguishable from 1 (the world average): ${formatInt(rai.filter((i) => i.distinguishable === false).length)} of ${formatInt(rai.length)} place × discipline cells`,
    );
  }
  const ranks = of('pagerank_rank')
    .sort((x, y) => x.estimate! - y.estimate!)
    .slice(0, rows * 2);
  out.push(
    textTable(
      [
        { title: 'rank', align: 'right' },
        { title: 'place' },
        { title: `${level} interval`, align: 'right' },
        { title: 'net inflow (interval)', align: 'right' },
        { title: '' },
      ],
      ranks.map((i) => {
        const n = net.find((x) => x.place === i.place)!;
        return [
          i.estimate,
          label(i.place),
          `${i.low}–${i.high}`,
          `${formatInt(n.estimate)} (${formatInt(n.low)} to ${formatInt(n.high)})${n.distinguishable === false ? ' ~0' : ''}`,
          i.distinguishable === false ? `≈ next (above it in ${formatPercent(i.aboveNext, 0)})` : '',
        ];
      }),
    ),
  );
  return out;
}

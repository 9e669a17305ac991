/**
 * The short report `talentflow analyze` prints: what was read, the graph, top hubs, magnets and
 * exporters, communities with labels, and the strongest discipline specialisations (RAI).
 * Pure: it reads a finished run and returns text.
 */
import type { AnalysisRun } from '../pipeline/analyze.ts';
import { summariseProblems, formatProblemSummary } from '../records/problems.ts';
import { backboneLines, gravityLines, intervalLines, quadrantLines } from './statistics.ts';
import { formatFixed, formatInt, formatPercent, formatSigned, textTable } from './text-table.ts';
import { runComparison } from '../pipeline/compare.ts';
import { risingFalling } from './rising-falling.ts';
import { compareKeys } from '../compare-keys.ts';
import { storeEdgesOf } from '../flows/graph.ts';

export interface ReportOptions {
  /** Rows per ranking. */
  rows?: number;
  /** RAI specialisations shown: cells with at least this many researchers (avoids tiny-count noise). */
  raiMinResearchers?: number;
}

export const REPORT_DEFAULTS: Readonly<Required<ReportOptions>> = Object.freeze({ rows: 5, raiMinResearchers: 30 });

interface PlaceRow {
  key: string;
  label: string;
  inflow: number;
  outflow: number;
  netInflow: number;
  pagerank: number;
  inflowRatio: number | null;
  hubClass: string;
  balanceClass: string;
  stock: number | null;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function placeRows(run: AnalysisRun): PlaceRow[] {
  return run.graph.mapNodes((key, a) => ({
    key,
    label: String(a.label ?? key),
    inflow: num(a.inflow),
    outflow: num(a.outflow),
    netInflow: num(a.netInflow),
    pagerank: num(a.pagerank),
    inflowRatio: numOrNull(a.inflowRatio),
    hubClass: String(a.hubClass ?? ''),
    balanceClass: String(a.balanceClass ?? ''),
    stock: numOrNull(a.stock),
  }));
}

const byKey = (a: PlaceRow, b: PlaceRow) => compareKeys(a.key, b.key);

/** Formats the report. */
export function formatReport(run: AnalysisRun, options: ReportOptions = {}): string {
  const o = { ...REPORT_DEFAULTS, ...options };
  const g = run.graph;
  const out: string[] = [];
  const opt = run.options;
  const windowText = opt.kind === 'timelines' ? `, window ${opt.window[0]}–${opt.window[1]}` : '';
  const yearsText = opt.years ? `, moves ${opt.years[0]}–${opt.years[1]}` : '';
  out.push(`talentflow analyze ${run.file}`);
  out.push(`  ${opt.kind}, ${opt.level} level${windowText}${yearsText}, seed ${opt.seed}`);
  out.push('');

  const skippedText = run.skipped ? `; ${formatInt(run.skipped)} skipped (see problems.csv)` : '';
  out.push(`Read ${formatInt(run.rowsRead)} rows: ${formatInt(run.records)} used${skippedText}.`);
  if (run.researchers) {
    out.push(
      `Researchers: ${formatInt(run.researchers.total)}, of whom ${formatInt(run.researchers.active)} active in ${opt.window[0]}–${opt.window[1]}.`,
    );
  }
  if (run.problems.length) out.push(formatProblemSummary(summariseProblems(run.problems)));
  // From the store's column while the graph's edges are still deferred: iterating the edges
  // would add every one of them to graphology, seconds and hundreds of MiB on a large run.
  let moves = 0;
  const store = storeEdgesOf(g);
  if (store) for (const w of store.flows.moves) moves += w;
  else
    g.forEachEdge((_e, a) => {
      moves += a.weight;
    });
  const within = num(g.getAttribute('movesWithinPlace'));
  const notes: string[] = [];
  if (within) notes.push(`${formatInt(within)} more stayed within one place at this level`);
  if (run.movesOutsideYears && opt.years) {
    notes.push(`${formatInt(run.movesOutsideYears)} outside ${opt.years[0]}–${opt.years[1]} left out by --years`);
  }
  const withinText = notes.length ? ` (${notes.join('; ')})` : '';
  out.push(`Graph: ${formatInt(g.order)} places, ${formatInt(g.size)} flows, ${formatInt(moves)} moves${withinText}.`);
  out.push('');

  const rows = placeRows(run);
  const hasStock = rows.some((r) => r.stock !== null);
  const placeColumns = [
    { title: 'place' },
    { title: 'pagerank', align: 'right' as const },
    { title: 'inflow', align: 'right' as const },
    { title: 'outflow', align: 'right' as const },
    { title: 'net', align: 'right' as const },
    ...(hasStock ? [{ title: 'inflow ratio', align: 'right' as const }] : []),
    { title: 'class' },
  ];
  const placeCells = (r: PlaceRow) => [
    r.label,
    formatFixed(r.pagerank, 4),
    formatInt(r.inflow),
    formatInt(r.outflow),
    formatSigned(r.netInflow),
    ...(hasStock ? [formatPercent(r.inflowRatio)] : []),
    [r.hubClass, r.balanceClass].filter(Boolean).join(', '),
  ];

  const hubs = [...rows].sort((a, b) => b.pagerank - a.pagerank || byKey(a, b)).slice(0, o.rows);
  out.push('Top hubs (weighted PageRank)');
  out.push(textTable(placeColumns, hubs.map(placeCells)));
  out.push('');

  // The lists follow the balance class (net inflow relative to turnover), not the sign of the net
  // inflow: a large place gaining a little is balanced, not a magnet.
  const threshold = run.analyses.balanceClasses?.balanceThreshold;
  const rule = threshold === undefined ? '' : `, |balance| ≥ ${threshold}`;
  const magnets = rows.filter((r) => r.balanceClass === 'magnet').sort((a, b) => b.netInflow - a.netInflow || byKey(a, b));
  out.push(`Magnets (balance class magnet${rule}; largest net inflow)`);
  out.push(magnets.length ? textTable(placeColumns, magnets.slice(0, o.rows).map(placeCells)) : '  none');
  out.push('');

  const exporters = rows.filter((r) => r.balanceClass === 'exporter').sort((a, b) => a.netInflow - b.netInflow || byKey(a, b));
  out.push(`Net exporters (balance class exporter${rule}; largest net outflow)`);
  out.push(exporters.length ? textTable(placeColumns, exporters.slice(0, o.rows).map(placeCells)) : '  none');
  out.push('');

  const comparison = runComparison(run);
  if (comparison) {
    out.push(risingFalling(comparison, (k) => (g.hasNode(k) ? String(g.getNodeAttribute(k, 'label') ?? k) : k), o.rows));
    out.push('');
  }

  const c = run.analyses.communities;
  out.push(
    `Communities (Louvain, resolution ${c.resolution}, seed ${c.seed}): ${c.communities.length}, modularity ${c.modularity.toFixed(3)}`,
  );
  const shown = c.communities.slice(0, Math.max(o.rows, 6));
  out.push(
    textTable(
      [{ title: '#', align: 'right' }, { title: 'label' }, { title: 'places', align: 'right' }, { title: 'dominant country' }],
      shown.map((ci) => [
        ci.id,
        ci.label,
        ci.size,
        ci.dominantCountry ? `${ci.dominantCountry} ${formatPercent(ci.dominantCountryShare, 0)}` : '',
      ]),
    ),
  );
  if (c.communities.length > shown.length) out.push(`  … and ${c.communities.length - shown.length} more in communities.csv`);
  out.push('');

  const rai = run.analyses.rai;
  const labelOf = (key: string) => (g.hasNode(key) ? String(g.getNodeAttribute(key, 'label') ?? key) : key);
  const specialisations = rai.cells
    .filter((cell) => cell.rai !== null && cell.researchers >= o.raiMinResearchers)
    .sort((a, b) => (b.rai ?? 0) - (a.rai ?? 0) || compareKeys(a.place, b.place))
    .slice(0, o.rows * 2);
  const basis = rai.basis === 'stock' ? 'active researchers' : 'inflowing moves';
  out.push(`Strongest specialisations (RAI on ${basis}, at least ${o.raiMinResearchers} per cell)`);
  out.push(
    specialisations.length
      ? textTable(
          [{ title: 'place' }, { title: 'discipline' }, { title: 'RAI', align: 'right' }, { title: 'n', align: 'right' }],
          specialisations.map((cell) => [labelOf(cell.place), cell.discipline, formatFixed(cell.rai, 2), formatInt(cell.researchers)]),
        )
      : '  none (no discipline column, or no cell reaches the minimum)',
  );
  for (const section of [quadrantLines(run, o.rows), backboneLines(run), gravityLines(run, o.rows * 2), intervalLines(run, o.rows)]) {
    if (section.length) out.push('', ...section);
  }
  // Caps that changed what was computed at scale, and measures that did not converge.
  if (run.analyses.warnings.length) {
    out.push('');
    out.push('Notes');
    for (const w of run.analyses.warnings) out.push(`  ${w}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Declarative descriptions of what the viewer can show, which drive the controls, the legend,
 * the tooltip and the place card alike (after Gephi Lite's metric descriptions): a label, the
 * places.csv column it mirrors, and how to format it.
 */
import type { EdgeColoring, NodeColoring, SizeMeasure } from './state.ts';
import { formatShare, formatSigned, formatValue } from './ui/dom.ts';
import { attributesShownIn, type MeasureFormat } from 'talentflow';

const PAGERANK = attributesShownIn('map').find((a) => a.attribute === 'pagerank')!;

export interface MeasureDescription {
  label: string;
  /** Short help shown as the control's title. */
  help: string;
}

export const SIZE_MEASURE_INFO: Record<SizeMeasure, MeasureDescription & { attribute: string | null }> = {
  pagerank: { label: PAGERANK.label, help: `${PAGERANK.description} (of the whole analysis)`, attribute: PAGERANK.attribute },
  inflow: { label: 'In-flow', help: 'moves into the place in the years and discipline selected', attribute: null },
  outflow: { label: 'Out-flow', help: 'moves out of the place in the years and discipline selected', attribute: null },
  absNetInflow: { label: '|Net inflow|', help: '|in − out| in the years and discipline selected', attribute: null },
  stock: { label: 'Stock', help: 'active researchers at the end of the window (timelines only)', attribute: 'stock' },
};

export const NODE_COLOR_INFO: Record<NodeColoring, MeasureDescription> = {
  community: { label: 'Community', help: 'flow communities (Louvain, seeded), labelled by their largest members' },
  netInflow: { label: 'Net inflow', help: 'in − out in the years and discipline selected: red gains, blue losses' },
  netRate: {
    label: 'Net rate',
    help: 'net inflow per researcher-year of the place in the years selected (population from timelines or --population; grey without one)',
  },
  netChange: {
    label: 'Change between periods',
    help: 'net inflow of the later period less the earlier one, from compare.csv (analyze --compare A-B,C-D): red rising, blue falling; grey without it',
  },
  quadrant: {
    label: 'Stock vs momentum',
    help: 'quadrant of the whole run: leaders, risers, incumbents, laggards (size against momentum, split at the medians)',
  },
};

export const EDGE_COLOR_INFO: Record<EdgeColoring, MeasureDescription> = {
  sourceCommunity: { label: 'Source community', help: 'colour of the community the flow leaves' },
  source: { label: 'Source place', help: 'one colour per large source place, grey for the rest' },
};

export type CardFormat = MeasureFormat;

/** The figures of a place card: places.csv column, label, format; the stock, then the registry's card measures. */
export const CARD_FIELDS: readonly { column: string; label: string; format: CardFormat }[] = [
  { column: 'stock', label: 'Stock (active researchers)', format: 'integer' },
  ...attributesShownIn('card').map((a) => ({ column: a.column!, label: a.label, format: a.format })),
];

/** Display text of a places.csv cell ("–" for an empty cell). */
export function formatCell(text: string | undefined, format: CardFormat): string {
  if (text === undefined || text === '') return '–';
  if (format === 'text') return text;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (format === 'share') return formatShare(n);
  if (format === 'signed') return formatSigned(n);
  if (format === 'score') return n.toPrecision(3);
  return formatValue(n);
}

/** The intervals.csv measure shown beside each card field. */
const INTERVAL_OF: Readonly<Record<string, string>> = { net_inflow: 'net_inflow', inflow_ratio: 'inflow_ratio', pagerank: 'pagerank_rank' };

/**
 * The bootstrap interval beside a card field, from an intervals.csv row: "90 %: −12 to +40 · not
 * distinguishable from 0" (net inflow, inflow ratio), "rank 6, 90 %: 6–8 · ≈ next" (PageRank);
 * null when the run has no interval for it.
 *
 * @example intervalNote({ low: '-12', high: '40', level: '0.9', distinguishable: 'false' }, 'net_inflow', 'signed')
 */
export function intervalNote(row: Record<string, string> | undefined, column: string, format: CardFormat): string | null {
  if (!row || !(column in INTERVAL_OF) || row['low'] === undefined || row['low'] === '') return null;
  const level = `${Math.round(Number(row['level'] ?? 0.9) * 100)} %`;
  if (column === 'pagerank') {
    return `rank ${row['estimate']}, ${level}: ${row['low']}–${row['high']}${row['distinguishable'] === 'false' ? ' · ≈ next' : ''}`;
  }
  // Net inflow bounds are percentiles of whole moves: shown as whole moves.
  const bound = (text: string | undefined) => formatCell(format === 'signed' && text ? String(Math.round(Number(text))) : text, format);
  const zero = row['distinguishable'] === 'false' ? ' · not distinguishable from 0' : '';
  return `${level}: ${bound(row['low'])} to ${bound(row['high'])}${zero}`;
}

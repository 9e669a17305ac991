/**
 * Declarative descriptions of what the viewer can show, which drive the controls, the legend,
 * the tooltip and the place card alike (after Gephi Lite's metric descriptions): a label, the
 * places.csv column it mirrors, and how to format it.
 */
import type { EdgeColoring, NodeColoring, SizeMeasure } from './state.ts';
import { formatShare, formatSigned, formatValue } from './ui/dom.ts';

export interface MeasureDescription {
  label: string;
  /** Short help shown as the control's title. */
  help: string;
}

export const SIZE_MEASURE_INFO: Record<SizeMeasure, MeasureDescription & { attribute: string | null }> = {
  pagerank: { label: 'PageRank', help: 'weighted PageRank of the whole analysis (sums to 1)', attribute: 'pagerank' },
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
};

export const EDGE_COLOR_INFO: Record<EdgeColoring, MeasureDescription> = {
  sourceCommunity: { label: 'Source community', help: 'colour of the community the flow leaves' },
  source: { label: 'Source place', help: 'one colour per large source place, grey for the rest' },
};

export type CardFormat = 'integer' | 'signed' | 'share' | 'score' | 'text';

/** The figures of a place card: places.csv column, label, format. */
export const CARD_FIELDS: readonly { column: string; label: string; format: CardFormat }[] = [
  { column: 'stock', label: 'Stock (active researchers)', format: 'integer' },
  { column: 'inflow', label: 'Inflow (moves in)', format: 'integer' },
  { column: 'outflow', label: 'Outflow (moves out)', format: 'integer' },
  { column: 'net_inflow', label: 'Net inflow', format: 'signed' },
  { column: 'inflow_ratio', label: 'Inflow ratio (SET)', format: 'share' },
  { column: 'hub_class', label: 'Size class', format: 'text' },
  { column: 'balance_class', label: 'Balance class', format: 'text' },
  { column: 'pagerank', label: 'PageRank', format: 'score' },
  { column: 'community_label', label: 'Community', format: 'text' },
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

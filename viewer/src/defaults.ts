/**
 * The viewer's control defaults, read from the library's DEFAULTS so that the CLI, the README,
 * the notebooks and the viewer agree: the flow filter (src/flows/filter.ts) and the report's
 * top-sources figure (src/analyses/top-sources.ts: five sources of at least 100).
 */
import { TOP_FLOWS_DEFAULTS as TOP_SOURCES } from 'talentflow';
import { FILTER_DEFAULTS as FILTER } from 'talentflow';

export const VIEW_DEFAULTS = Object.freeze({
  minWeight: FILTER.minWeight,
  k: TOP_SOURCES.k,
  topMinWeight: TOP_SOURCES.minWeight,
  /** Node size: PageRank, the measure the report's hub finding rests on (Beijing and Boston). */
  sizeBy: 'pagerank' as const,
  /** Top-5 sources and destinations in a place card (the report's five). */
  cardTop: TOP_SOURCES.k,
});

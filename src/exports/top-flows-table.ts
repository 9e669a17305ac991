/** `top_sources.csv` / `top_destinations.csv`: the k largest flows into (out of) each place, long format. */
import type { TopFlows } from '../analyses/types.ts';
import type { Table } from './csv.ts';
import { compareKeys } from '../compare-keys.ts';

/**
 * One row per (place, rank): `destination, rank, source, weight, researchers` for top sources,
 * `source, rank, destination, weight, researchers` for top destinations. Places sorted by key.
 */
export function topFlowsTable(flows: TopFlows, other: 'source' | 'destination'): Table {
  const self = other === 'source' ? 'destination' : 'source';
  const columns = [self, 'rank', other, 'weight', 'researchers'];
  const rows: Record<string, unknown>[] = [];
  for (const place of Object.keys(flows).sort(compareKeys)) {
    for (const f of flows[place] ?? []) {
      rows.push({ [self]: place, rank: f.rank, [other]: f.place, weight: f.weight, researchers: f.researchers });
    }
  }
  return { columns, rows };
}

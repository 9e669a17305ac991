/**
 * `communities.csv`: one row per community found by the communities analysis.
 *
 * The run's modularity, resolution and seed describe the whole partition, not a row: they go
 * into the manifest (see `buildManifest`'s `communities`), keeping the CSV plain (comment lines
 * break most CSV readers).
 */
import type { CommunitiesResult } from '../analyses/types.ts';
import type { Table } from './csv.ts';

/** The columns of `communities.csv`, in order. */
export const COMMUNITIES_COLUMNS: readonly string[] = [
  'community',
  'label',
  'size',
  'members',
  'dominant_country',
  'dominant_country_share',
  'dominant_region',
];

/**
 * The communities table: id, label, size, members (`;`-joined node keys, largest first),
 * dominant country (ISO2) with its share of the community's strength (0..1), dominant region.
 * Rows in community id order (0 = largest by strength).
 *
 * @example
 * communitiesTable(result).rows[0];
 * // { community: 0, label: 'Shenzhen – Hong Kong – Guangzhou', size: 3, members: 'Shenzhen;Hong Kong;Guangzhou', … }
 */
export function communitiesTable(result: CommunitiesResult): Table {
  const rows = [...result.communities]
    .sort((a, b) => a.id - b.id)
    .map((c) => ({
      community: c.id,
      label: c.label,
      size: c.size,
      members: c.members.join(';'),
      dominant_country: c.dominantCountry,
      dominant_country_share: c.dominantCountryShare,
      dominant_region: c.dominantRegion,
    }));
  return { columns: [...COMMUNITIES_COLUMNS], rows };
}

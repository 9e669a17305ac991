/**
 * What the ClickHouse engine (`analyzeWithClickHouse`) is given: where the cluster is, the
 * options, and the defaults: `table`, the Distributed table a file is loaded into (`<name>_local`
 * on every shard).
 */
import type { AnalyzeOptions } from '../../pipeline/options.ts';
import type { RecordKind } from '../../records/types.ts';

export const DEFAULTS = Object.freeze({ table: 'default.talentflow_rows' });

/** Where the cluster is and which tables to use. */
export interface ClickHouseTarget {
  /** HTTP URL of a server of the cluster; several (comma-separated or an array): one per shard, the first is queried. */
  url: string | string[];
  /** The cluster (`remote_servers`); default: the only one the server knows. */
  cluster?: string;
  /** The Distributed table to load the file into (`db.name`; default `default.talentflow_rows`); `<name>_local` on the shards. */
  table?: string;
  /** Analyse this existing table instead of loading a file (its columns are the input's). */
  inputTable?: string;
}

/** Options: the analysis options (`kind` may be `'auto'`). */
export type ClickHouseAnalyzeOptions = Omit<AnalyzeOptions, 'kind'> & { kind?: RecordKind | 'auto' };

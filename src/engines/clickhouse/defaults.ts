/**
 * Defaults of the ClickHouse engine (`analyzeWithClickHouse`): `table`, the Distributed table a
 * file is loaded into (`<name>_local` on every shard).
 */
export const DEFAULTS = Object.freeze({ table: 'default.talentflow_rows' });

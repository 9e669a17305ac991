/**
 * Which engine reads and aggregates an input: the JS engine (arquero tables, records in memory;
 * every format, the reference implementation) or the DuckDB engine (`src/engines/duckdb/`:
 * streamed SQL, inputs larger than memory, Parquet). Both give identical outputs on the same
 * input; `auto` picks DuckDB for Parquet and for large CSV/TSV inputs when it is installed.
 */
import { OptionError } from '../errors.ts';
import { sourceKind } from './duckdb/source.ts';

export type Engine = 'js' | 'duckdb';
export type EngineChoice = Engine | 'auto';

/**
 * Defaults of {@link chooseEngine}: `engine` ('auto'); `duckdbMinBytes` (16 MiB on disk; a `.gz`
 * file counts 5× its size, about its text size): from this size on `auto` uses DuckDB, which reads
 * and aggregates several times faster and without holding the records in memory.
 */
export const DEFAULTS = Object.freeze({ engine: 'auto' as EngineChoice, duckdbMinBytes: 16 * 2 ** 20 });

export interface ChooseEngineInput {
  /** `--engine`: auto, js or duckdb. */
  engine?: EngineChoice;
  path: string;
  /** File size in bytes. */
  bytes: number;
  /** Whether `@duckdb/node-api` loads (see `duckdbAvailable`). */
  duckdb: boolean;
  /** `auto` threshold; see {@link DEFAULTS}. */
  duckdbMinBytes?: number;
}

/**
 * The engine for one input.
 *
 * @throws OptionError for an unknown engine, `js` on a Parquet file, or `duckdb` on a format it
 *   does not read (JSON lines).
 * @example chooseEngine({ path: 'moves.csv.gz', bytes: 300e6, duckdb: true }) // 'duckdb'
 * @example chooseEngine({ path: 'moves.csv', bytes: 2e6, duckdb: true }) // 'js'
 */
export function chooseEngine(input: ChooseEngineInput): Engine {
  const engine = input.engine ?? DEFAULTS.engine;
  if (engine !== 'auto' && engine !== 'js' && engine !== 'duckdb') throw new OptionError('engine', engine, 'auto, js or duckdb');
  const kind = sourceKind(input.path);
  if (engine === 'js') {
    if (kind?.format === 'parquet')
      throw new OptionError('engine', engine, 'duckdb or auto for a Parquet input (the JS engine reads CSV, TSV and JSON lines)');
    return 'js';
  }
  if (engine === 'duckdb') {
    if (!kind)
      throw new OptionError('engine', engine, 'js or auto for this input (the DuckDB engine reads CSV, TSV, optionally .gz, and Parquet)');
    return 'duckdb';
  }
  if (!kind) return 'js';
  if (kind.format === 'parquet') return 'duckdb';
  const textBytes = kind.gzip ? input.bytes * 5 : input.bytes;
  return input.duckdb && textBytes >= (input.duckdbMinBytes ?? DEFAULTS.duckdbMinBytes) ? 'duckdb' : 'js';
}

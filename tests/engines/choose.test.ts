import { describe, expect, it } from 'vitest';
import { chooseEngine, DEFAULTS } from '../../src/engines/choose.ts';
import { OptionError } from '../../src/errors.ts';

describe('chooseEngine', () => {
  const MiB = 2 ** 20;
  it('chooseEngine auto: DuckDB from the size threshold on, JS below it or without DuckDB', () => {
    expect(DEFAULTS.duckdbMinBytes).toBe(16 * MiB);
    expect(chooseEngine({ path: 'm.csv', bytes: 16 * MiB, duckdb: true })).toBe('duckdb');
    expect(chooseEngine({ path: 'm.csv', bytes: 16 * MiB - 1, duckdb: true })).toBe('js');
    expect(chooseEngine({ path: 'm.csv', bytes: 1e9, duckdb: false })).toBe('js');
    // A .gz file counts 5× its size: 4 MiB of gzip ≈ 20 MiB of text.
    expect(chooseEngine({ path: 'm.csv.gz', bytes: 4 * MiB, duckdb: true })).toBe('duckdb');
    expect(chooseEngine({ path: 'm.tsv.gz', bytes: 3 * MiB, duckdb: true })).toBe('js');
  });

  it('chooseEngine auto: Parquet always goes to DuckDB, JSON lines always to JS', () => {
    expect(chooseEngine({ path: 'm.parquet', bytes: 10, duckdb: false })).toBe('duckdb');
    expect(chooseEngine({ path: 'm.jsonl.gz', bytes: 1e10, duckdb: true })).toBe('js');
  });

  it('chooseEngine honours an explicit engine and rejects impossible pairs with OptionError', () => {
    expect(chooseEngine({ engine: 'js', path: 'm.csv', bytes: 1e10, duckdb: true })).toBe('js');
    expect(chooseEngine({ engine: 'duckdb', path: 'm.csv', bytes: 10, duckdb: true })).toBe('duckdb');
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const parquetJs = fail(() => chooseEngine({ engine: 'js', path: 'm.parquet', bytes: 1, duckdb: true }));
    expect(parquetJs).toBeInstanceOf(OptionError);
    expect(parquetJs).toMatchObject({ option: 'engine', value: 'js' });
    expect(fail(() => chooseEngine({ engine: 'duckdb', path: 'm.jsonl', bytes: 1, duckdb: true }))).toMatchObject({
      option: 'engine',
      value: 'duckdb',
    });
    expect(fail(() => chooseEngine({ engine: 'spark' as never, path: 'm.csv', bytes: 1, duckdb: true }))).toBeInstanceOf(OptionError);
  });
});

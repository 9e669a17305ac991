/**
 * The ClickHouse engine against the DuckDB engine (itself tested against the JS engine) on a
 * two-shard cluster started from Debian's clickhouse-server on loopback ports: the same
 * problems (reasons, lines, values, order), counts and byte-identical output files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithClickHouse, type ClickHouseAnalyzeOptions } from '../../src/engines/clickhouse/analyze.ts';
import { clickhouseClientAvailable } from '../../src/engines/clickhouse/connection.ts';
import { analyzeFileWithDuckDB } from '../../src/engines/duckdb/analyze.ts';
import { duckdbAvailable } from '../../src/engines/duckdb/session.ts';
import { clusterUnavailable, startLocalCluster, type LocalCluster } from '../support/clickhouse-cluster.ts';
import { expectSameRun } from './same-run.ts';

const missing = clusterUnavailable() ?? (!(await clickhouseClientAvailable()) ? '@clickhouse/client is not installed' : null) ?? (!(await duckdbAvailable()) ? '@duckdb/node-api is not installed' : null);
if (missing) console.warn(`skipping the ClickHouse engine tests: ${missing}`);

describe.skipIf(missing !== null)('analyzeWithClickHouse', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await startLocalCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const both = async (path: string, options: ClickHouseAnalyzeOptions = {}) => {
    const duck = await analyzeFileWithDuckDB(path, { stabilityRuns: 0, ...options });
    const ch = await analyzeWithClickHouse(path, { stabilityRuns: 0, ...options }, { url: cluster.urls });
    return [duck, ch] as const;
  };

  const bad = readdirSync('tests/fixtures/bad').filter((f) => f.endsWith('.csv'));
  it.each(bad)('analyzeWithClickHouse equals the DuckDB engine on bad/%s', async (name) => {
    const [duck, ch] = await both(join('tests/fixtures/bad', name));
    expect(ch.problems.length).toBeGreaterThan(0);
    await expectSameRun(duck, ch);
  });

  it('analyzeWithClickHouse equals the DuckDB engine on the moves rule fixture, with and without a years filter', async () => {
    for (const years of [null, [2020, 2021] as [number, number]]) {
      const [duck, ch] = await both('tests/fixtures/engines/moves-rules.csv', { years });
      await expectSameRun(duck, ch);
    }
  });

  it('analyzeWithClickHouse equals the DuckDB engine on the timeline rule fixture, at every level', async () => {
    for (const level of ['metro', 'city', 'country'] as const) {
      const [duck, ch] = await both('tests/fixtures/engines/timelines-rules.csv', { level });
      await expectSameRun(duck, ch);
    }
  });
});

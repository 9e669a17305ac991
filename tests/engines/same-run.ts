/**
 * The engines' equivalence check shared by the DuckDB tests: the same problems, counts,
 * researchers, flow store and byte-identical output files from the JS engine and the DuckDB engine.
 */
import { expect } from 'vitest';
import type { AnalysisRun } from '../../src/pipeline/analyze.ts';
import { buildOutputFiles } from '../../src/pipeline/outputs.ts';

const META = { input: { path: 'input.csv', sha256: '0'.repeat(64), bytes: 0 }, packageVersion: '0.0.0' };

export async function expectSameRun(js: AnalysisRun, duck: AnalysisRun): Promise<void> {
  expect(duck.problems).toEqual(js.problems);
  expect([duck.rowsRead, duck.records, duck.skipped]).toEqual([js.rowsRead, js.records, js.skipped]);
  expect(duck.researchers).toEqual(js.researchers);
  // The flow store, breakdown cells included, column for column.
  expect(duck.flows).toEqual(js.flows);
  const a = await buildOutputFiles(js, META);
  const b = await buildOutputFiles(duck, META);
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const name of Object.keys(a)) expect(b[name], name).toEqual(a[name]);
}

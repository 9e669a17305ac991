import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/read-table.ts';
import { analyzeTable } from '../../src/pipeline/analyze.ts';

describe('analyzeTable', () => {
  it('analyzeTable counts the moves the years filter leaves out, not within-place moves', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tf-years-')), 'agg.csv');
    writeFileSync(
      path,
      'from,from_country,to,to_country,year,count\n' +
        'Beijing,CN,Shenzhen,CN,2019,2\n' + // outside 2020–2022: 2 moves left out
        'Beijing,CN,Shenzhen,CN,2021,5\n' +
        'Boston,US,London,GB,2022,3\n' +
        'Cambridge,US,Boston,US,2019,4\n', // within the Boston metro: not a flow, not counted as left out
    );
    const read = await readTable(path);
    const run = analyzeTable(read.table, read, { kind: 'moves', years: [2020, 2022], stabilityRuns: 0 });
    // Moves handed to the graph: 2 + 5 + 3 = 10; in the graph: 5 + 3 = 8; left out: 2.
    expect(run.analyses.totals.moves).toBe(8);
    expect(run.movesOutsideYears).toBe(2);
    expect(run.graph.getAttribute('movesWithinPlace')).toBe(4);
  });
});

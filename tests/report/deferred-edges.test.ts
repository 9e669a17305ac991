// The text report on a run whose graph edges are still deferred (src/flows/lazy-edges.ts): it
// reads the flows from the store's columns, so printing it does not add every edge to graphology
// (on 10^6 moves that cost 2 s and 160 MiB after the outputs were written), and it says the same
// as the report on the same run once the edges exist.
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/read-table.ts';
import { analyzeTable } from '../../src/pipeline/analyze.ts';
import { deferredEdges } from '../../src/flows/lazy-edges.ts';
import { ensureEdges } from '../../src/flows/graph.ts';
import { formatReport } from '../../src/report/report.ts';

describe('formatReport on deferred edges', () => {
  it('formatReport reads moves and gravity corridors from the columns and matches the report on built edges', async () => {
    const read = await readTable('tests/fixtures/cli/moves-small.csv');
    const run = analyzeTable(read.table, read, { stabilityRuns: 0, kind: 'moves' });
    expect(deferredEdges(run.graph)).not.toBeNull();
    const fromColumns = formatReport(run);
    expect(deferredEdges(run.graph)).not.toBeNull();
    // 15 moves in the fixture's 12 flows (counted by hand); the gravity fit's corridors are listed
    expect(fromColumns).toContain('12 flows, 15 moves');
    expect(fromColumns).toContain('Corridors stronger than size and distance predict');
    ensureEdges(run.graph);
    expect(deferredEdges(run.graph)).toBeNull();
    expect(formatReport(run)).toBe(fromColumns);
  });
});

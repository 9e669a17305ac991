/**
 * The bad-input corpus (tests/fixtures/bad/): one small file per problem type, read from disk,
 * parsed and resolved with the fake resolver. Each must produce exactly its problem, located.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/read-table.ts';
import { parseMoves } from '../../src/records/parse-moves.ts';
import { resolveMoves } from '../../src/records/resolve-moves.ts';
import { fakeResolver } from './fake-resolver.ts';

const dir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

type Expected = [line: number, field: string, value: string, reason: string, severity: 'error' | 'warning'];

const CASES: Array<[file: string, expected: Expected[], kept: number]> = [
  ['missing-column.csv', [[1, 'to', 'to', 'missing-column', 'error']], 0],
  ['empty-id.csv', [[3, 'researcher_id', '', 'empty-id', 'error']], 2],
  ['bad-year.csv', [[4, 'year', 'twenty21', 'bad-year', 'error']], 2],
  ['negative-count.csv', [[3, 'count', '-4', 'bad-count', 'error']], 1],
  ['non-integer-count.csv', [[3, 'count', '2.5', 'bad-count', 'error']], 1],
  ['zero-count.csv', [[3, 'count', '0', 'bad-count', 'warning']], 1],
  ['self-move.csv', [[3, 'to', 'beijing', 'self-move', 'error']], 1],
  ['unknown-place.csv', [[3, 'from', 'Bejjing', 'unknown-place', 'error']], 1],
  ['malformed-row.csv', [[3, 'row', '5 fields', 'malformed-row', 'error']], 2],
];

describe('parseMoves and resolveMoves on the bad-input corpus', () => {
  for (const [file, expected, kept] of CASES) {
    it(`parseMoves/resolveMoves report ${file} as ${expected.map((e) => e[3]).join(', ')}`, async () => {
      const read = await readTable(join(dir, file));
      const parsed = parseMoves(read.table, { ...read, file });
      const resolved = resolveMoves(parsed.records, fakeResolver(), file);
      const problems = [...parsed.problems, ...resolved.problems];
      expect(problems.map((p) => [p.line, p.field, p.value, p.reason, p.severity])).toEqual(expected);
      expect(problems.every((p) => p.file === file && p.message.length > 0)).toBe(true);
      expect(resolved.moves.length).toBe(kept);
    });
  }

  it('resolveMoves suggests the nearest names for an unknown place', async () => {
    const read = await readTable(join(dir, 'unknown-place.csv'));
    const resolved = resolveMoves(parseMoves(read.table, read).records, fakeResolver(), read.file);
    expect(resolved.problems[0]?.suggestions).toEqual(['Boston', 'Beijing']);
  });
});

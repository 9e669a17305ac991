import { describe, expect, it } from 'vitest';
import { formatProblemSummary, summariseProblems } from '../../src/records/problems.ts';
import type { Problem } from '../../src/records/types.ts';

const p = (line: number, reason: Problem['reason'], field: string, value: string, severity: Problem['severity'] = 'error'): Problem => ({
  file: 'm.csv',
  line,
  field,
  value,
  reason,
  severity,
  message: '',
});

describe('summariseProblems', () => {
  it('summariseProblems groups by reason, most frequent first, keeping the first three examples', () => {
    const problems = [
      p(2, 'bad-year', 'year', '20x9'),
      p(3, 'bad-count', 'count', '0', 'warning'),
      p(4, 'bad-year', 'year', '1850'),
      p(5, 'bad-count', 'count', '-1'),
      p(6, 'bad-year', 'year', ''),
      p(7, 'bad-year', 'year', '3000'),
      p(8, 'assumed-country', 'from', 'Paris', 'warning'),
    ];
    const s = summariseProblems(problems);
    expect([s.total, s.errors, s.warnings]).toEqual([7, 5, 2]);
    expect(s.byReason.map((g) => [g.reason, g.count, g.errors, g.warnings, g.examples.map((e) => e.line)])).toEqual([
      ['bad-year', 4, 4, 0, [2, 4, 6]],
      ['bad-count', 2, 1, 1, [3, 5]],
      ['assumed-country', 1, 0, 1, [8]],
    ]);
  });

  it('summariseProblems of nothing is empty', () => {
    expect(summariseProblems([])).toEqual({ total: 0, errors: 0, warnings: 0, byReason: [] });
  });
});

describe('formatProblemSummary', () => {
  it('formatProblemSummary writes one line per reason with file:line field=value examples', () => {
    const s = summariseProblems([
      p(2, 'bad-year', 'year', '20x9'),
      p(4, 'bad-year', 'year', '1850'),
      p(3, 'bad-count', 'count', '0', 'warning'),
    ]);
    expect(formatProblemSummary(s)).toBe(
      ['bad-year: 2 errors, e.g. m.csv:2 year="20x9", m.csv:4 year="1850"', 'bad-count: 1 warning, e.g. m.csv:3 count="0"'].join('\n'),
    );
  });

  it('formatProblemSummary marks that more problems exist than examples shown', () => {
    const s = summariseProblems([1, 2, 3, 4].map((i) => p(i, 'empty-id', 'researcher_id', '')));
    expect(formatProblemSummary(s).endsWith(', …')).toBe(true);
    expect(formatProblemSummary(summariseProblems([]))).toBe('');
  });
});

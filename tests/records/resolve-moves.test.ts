import { describe, expect, it } from 'vitest';
import { resolveMoves } from '../../src/records/resolve-moves.ts';
import type { MoveRecord } from '../../src/records/types.ts';
import { fakeResolver } from './fake-resolver.ts';

function move(
  line: number,
  from: string,
  to: string,
  fromCountry: string | null,
  toCountry: string | null,
  count = 1,
  id: string | null = 'r',
): MoveRecord {
  return { researcherId: id, from, to, fromCountry, toCountry, year: 2020, discipline: 'Medicine', count, line };
}

describe('resolveMoves', () => {
  it('resolveMoves maps names to place ids and counts moves within one place instead of reporting them', () => {
    const r = resolveMoves(
      [
        move(2, 'Beijing', 'Shenzhen', 'CN', 'CN'),
        move(3, 'Cambridge', 'Boston', 'US', 'US', 4), // both Boston at metro level
        move(4, 'Cambridge', 'Boston', 'GB', 'US', 2, null),
      ],
      fakeResolver(),
      'm.csv',
    );
    expect(r.problems).toEqual([]);
    expect(r.movesWithinPlace).toBe(4);
    expect(r.moves).toEqual([
      { researcherId: 'r', source: 'Beijing', target: 'Shenzhen', year: 2020, discipline: 'Medicine', count: 1 },
      { researcherId: null, source: 'Cambridge, GB', target: 'Boston', year: 2020, discipline: 'Medicine', count: 2 },
    ]);
    expect([...r.places.keys()].sort()).toEqual(['Beijing', 'Boston', 'Cambridge, GB', 'Shenzhen']);
  });

  it('resolveMoves skips unresolved rows with the resolver reason and suggestions, keeps rows with warnings', () => {
    const r = resolveMoves(
      [
        move(2, 'Bostn', 'Shenzhen', null, null), // unknown-place on from
        move(3, 'Cambridge', 'Beijing', null, null), // ambiguous-place
        move(4, 'Boston', 'Paris', 'US', null), // assumed-country warning: kept
        move(5, 'Boston', 'Berlin', 'US', 'DE'), // unknown-country, reported on to_country
        move(6, 'Atlantis', 'Xanadu', null, null), // both ends fail: two problems
      ],
      fakeResolver(),
      'm.csv',
    );
    expect(r.problems.map((p) => [p.line, p.field, p.value, p.reason, p.severity, p.suggestions])).toEqual([
      [2, 'from', 'Bostn', 'unknown-place', 'error', ['Boston', 'Beijing']],
      [3, 'from', 'Cambridge', 'ambiguous-place', 'error', ['Boston', 'Cambridge, GB']],
      [4, 'to', 'Paris', 'assumed-country', 'warning', undefined],
      [5, 'to_country', 'DE', 'unknown-country', 'error', []],
      [6, 'from', 'Atlantis', 'unknown-place', 'error', []],
      [6, 'to', 'Xanadu', 'unknown-place', 'error', []],
    ]);
    expect(r.problems.every((p) => p.file === 'm.csv')).toBe(true);
    expect(r.moves.map((m) => [m.source, m.target])).toEqual([['Boston', 'Paris']]);
    expect(r.movesWithinPlace).toBe(0);
  });
});

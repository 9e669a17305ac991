import { describe, expect, it } from 'vitest';
import { resolveTimelines } from '../../src/records/resolve-timelines.ts';
import type { TimelineRecord } from '../../src/records/types.ts';
import { fakeResolver } from './fake-resolver.ts';

describe('resolveTimelines', () => {
  it('resolveTimelines builds columnar rows of resolved places and skips unresolved rows', () => {
    const rec = (line: number, id: string, place: string, country: string | null, publications = 1): TimelineRecord => ({
      researcherId: id,
      year: 2018 + line,
      place,
      country,
      discipline: line % 2 ? 'Physics' : null,
      publications,
      line,
    });
    const r = resolveTimelines(
      [rec(2, 'a', 'Cambridge', 'US', 2), rec(3, 'a', 'Atlantis', null), rec(4, 'b', 'Boston', null), rec(5, 'b', 'Paris', null, 3)],
      fakeResolver(),
      't.csv',
    );
    expect(r.problems.map((p) => [p.line, p.field, p.reason, p.severity])).toEqual([
      [3, 'place', 'unknown-place', 'error'],
      [5, 'place', 'assumed-country', 'warning'],
    ]);
    const rows = r.rows;
    expect(rows.length).toBe(3);
    expect([...rows.researcher].map((i) => rows.researcherIds[i])).toEqual(['a', 'b', 'b']);
    expect([...rows.place].map((i) => rows.placeIds[i])).toEqual(['Boston', 'Boston', 'Paris']);
    expect([...rows.year]).toEqual([2020, 2022, 2023]);
    expect([...rows.publications]).toEqual([2, 1, 3]);
    expect([...rows.discipline].map((i) => (i < 0 ? null : rows.disciplines[i]))).toEqual([null, null, 'Physics']);
    expect([...r.places.keys()]).toEqual(['Boston', 'Paris']);
  });
});

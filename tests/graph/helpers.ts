/** Places and moves for the graph tests. */
import type { Place } from '../../src/places/types.ts';
import type { ResolvedMove } from '../../src/records/types.ts';
import { createRng } from '../../src/random.ts';
import { buildFlows } from '../../src/graph/build.ts';

export function place(id: string, country: string | null = null): Place {
  return { id, label: id, level: 'metro', country, countryName: null, region: null, subregion: null, lat: 1, lon: 2 };
}

export function mv(
  source: string,
  target: string,
  year: number,
  discipline: string | null = null,
  count = 1,
  researcherId: string | null = 'r1',
): ResolvedMove {
  return { researcherId, source, target, year, discipline, count };
}

/** Seeded random moves over `places`: years 2015–2024, a few disciplines (and none), some aggregated rows. */
export function randomMoves(seed: number, places: string[], n: number): ResolvedMove[] {
  const rng = createRng(seed);
  const disciplines = ['Medicine', 'Physics', 'Computer Science', null];
  const moves: ResolvedMove[] = [];
  for (let i = 0; i < n; i++) {
    const s = Math.floor(rng() * places.length);
    let t = Math.floor(rng() * (places.length - 1));
    if (t >= s) t++;
    const aggregated = rng() < 0.1;
    moves.push({
      researcherId: aggregated ? null : `r${Math.floor((rng() * n) / 3)}`,
      source: places[s]!,
      target: places[t]!,
      year: 2015 + Math.floor(rng() * 10),
      discipline: disciplines[Math.floor(rng() * disciplines.length)]!,
      count: aggregated ? 1 + Math.floor(rng() * 20) : 1,
    });
  }
  return moves;
}

/** The small flow graph of the flow-store tests: A→B ×3 (two rows), B→C ×4, C→A ×1, A→C ×2. */
export function smallFlows() {
  return buildFlows({
    moves: [
      mv('A', 'B', 2019, 'CS', 2, 'r1'),
      mv('A', 'B', 2021, null, 1, 'r2'),
      mv('B', 'C', 2020, 'Medicine', 4, null),
      mv('C', 'A', 2022, 'CS', 1, 'r4'),
      mv('A', 'C', 2020, 'CS', 2, 'r5'),
    ],
    places: ['A', 'B', 'C'].map((id) => place(id)),
    kind: 'moves',
    level: 'metro',
  });
}

/**
 * `rai.csv`: the relative activity index in long format, one row per (place, discipline).
 * RAI of X in Y = (researchers of X in Y / researchers of X) / (researchers in Y / all researchers),
 * 1 = world average (domain.md); an empty cell where it does not apply.
 */
import type { RaiResult } from '../analyses/types.ts';
import type { Table } from './csv.ts';
import { compareKeys } from '../compare-keys.ts';

/** The columns of `rai.csv`, in order. `basis` repeats the result's basis (stock or inflow) on every row. */
export const RAI_COLUMNS: readonly string[] = ['place', 'discipline', 'researchers', 'rai', 'basis'];

/**
 * The RAI table in long format: place, discipline, researchers (stock basis) or inflowing
 * moves (inflow basis), rai, basis. Rows follow the result's `places` then `disciplines`
 * order; cells naming a place or discipline missing from those lists come last, by key.
 *
 * @example
 * raiTable(result).rows[0]; // { place: 'Shenzhen', discipline: 'Computer Science', researchers: 812, rai: 2.2, basis: 'stock' }
 */
export function raiTable(result: RaiResult): Table {
  const placeRank = new Map(result.places.map((p, i) => [p, i]));
  const disciplineRank = new Map(result.disciplines.map((d, i) => [d, i]));
  const rank = (m: Map<string, number>, k: string) => m.get(k) ?? Number.MAX_SAFE_INTEGER;
  const cells = [...result.cells].sort(
    (a, b) =>
      rank(placeRank, a.place) - rank(placeRank, b.place) ||
      compareKeys(a.place, b.place) ||
      rank(disciplineRank, a.discipline) - rank(disciplineRank, b.discipline) ||
      compareKeys(a.discipline, b.discipline),
  );
  const rows = cells.map((c) => ({
    place: c.place,
    discipline: c.discipline,
    researchers: c.researchers,
    rai: c.rai,
    basis: result.basis,
  }));
  return { columns: [...RAI_COLUMNS], rows };
}

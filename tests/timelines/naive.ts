/**
 * A deliberately plain re-implementation of the timeline rules (objects, sorts, no typed arrays,
 * nothing shared with src/timelines) used as the independent method in property tests.
 */
import type { PlaceStock } from '../../src/graph/types.ts';
import type { ResolvedMove } from '../../src/records/types.ts';
import type { TimelineEntry } from '../../src/timelines/rows.ts';
import { compareKeys } from '../../src/compare-keys.ts';

const byText = (a: string, b: string) => compareKeys(a, b);

function argmaxWithTies(tally: Map<string, number>, prefer?: string): string {
  const max = Math.max(...tally.values());
  const tied = [...tally.keys()].filter((k) => tally.get(k) === max).sort(byText);
  return prefer !== undefined && tied.includes(prefer) ? prefer : tied[0]!;
}

export function naiveSummary(entries: TimelineEntry[], window: [number, number] = [2019, 2023]) {
  const [w0, w1] = window;
  const byResearcher = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    if (!byResearcher.has(e.researcherId)) byResearcher.set(e.researcherId, []);
    byResearcher.get(e.researcherId)!.push(e);
  }
  const moves: ResolvedMove[] = [];
  const stock = new Map<string, PlaceStock>();
  const at = (place: string): PlaceStock => {
    if (!stock.has(place)) {
      const youngByYear: Record<string, number> = {};
      for (let t = w0; t <= w1; t++) youngByYear[t] = 0;
      stock.set(place, {
        stock: 0,
        young: 0,
        inflowSet: 0,
        leftSet: 0,
        presentBefore: 0,
        youngByYear,
        byDiscipline: {},
        researchersByYear: {},
      });
    }
    return stock.get(place)!;
  };
  let active = 0;
  for (const [id, rows] of byResearcher) {
    const pubs = (r: TimelineEntry) => r.publications ?? 1;
    const disciplines = new Map<string, number>();
    for (const r of rows) if (r.discipline) disciplines.set(r.discipline, (disciplines.get(r.discipline) ?? 0) + pubs(r));
    const discipline = disciplines.size ? argmaxWithTies(disciplines) : null;

    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const chosen = new Map<number, string>();
    let previous: string | undefined;
    for (const y of years) {
      const tally = new Map<string, number>();
      for (const r of rows) if (r.year === y) tally.set(r.place, (tally.get(r.place) ?? 0) + pubs(r));
      previous = argmaxWithTies(tally, previous);
      chosen.set(y, previous);
    }
    for (let k = 1; k < years.length; k++) {
      const a = chosen.get(years[k - 1]!)!;
      const b = chosen.get(years[k]!)!;
      if (a !== b) moves.push({ researcherId: id, source: a, target: b, year: years[k]!, discipline, count: 1 });
    }

    // Padded population: every year from the first to the last publication, at the place of the
    // latest publication year up to it.
    for (let t = years[0]!; t <= years[years.length - 1]!; t++) {
      const latest = years.filter((y) => y <= t).pop()!;
      const p = at(chosen.get(latest)!).researchersByYear!;
      p[t] = (p[t] ?? 0) + 1;
    }

    const sum = (from: number, to: number) => rows.filter((r) => r.year >= from && r.year <= to).reduce((s, r) => s + pubs(r), 0);
    if (!(sum(w0, w1) >= 3 && sum(Math.max(w0, w1 - 2), w1) >= 1)) continue;
    active++;
    const first = years[0]!;
    const inWindow = years.filter((y) => y >= w0 && y <= w1);
    const latest = inWindow[inWindow.length - 1]!;
    const home = chosen.get(latest)!;
    const h = at(home);
    h.stock++;
    if (latest - first <= 5) h.young++;
    const preRows = rows.filter((r) => r.year < w0);
    if (preRows.length > 0 && !preRows.some((r) => r.place === home)) h.inflowSet++;
    const preYears = years.filter((y) => y < w0);
    if (preYears.length) {
      const last = chosen.get(preYears[preYears.length - 1]!)!;
      at(last).presentBefore++;
      if (last !== home) at(last).leftSet++;
    }
    for (const t of inWindow) if (t - first <= 5) at(chosen.get(t)!).youngByYear[t]!++;
    if (discipline) h.byDiscipline[discipline] = (h.byDiscipline[discipline] ?? 0) + 1;
  }
  return { moves, stock, researchers: byResearcher.size, active };
}

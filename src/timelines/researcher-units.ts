/**
 * The resampling units of affiliation timelines for the bootstrap (`analyses/bootstrap.ts`): one
 * per researcher, with the moves, home, SET inflow and primary discipline that
 * `summariseTimelines` counts for them, by the same rules (`researcher.ts`).
 */
import type { ResearcherUnits } from '../analyses/bootstrap.ts';
import { OptionError } from '../errors.ts';
import { forEachProfile } from './profiles.ts';
import { checkTimelineOptions, flowedIn, homePlace, isActive, type TimelineOptions } from './researcher.ts';
import type { TimelineRows } from './rows.ts';

/**
 * @param rows - the resolved timeline rows the graph was built from.
 * @param flows - the graph's places (node keys) and flows (source, target as indices into places), e.g. `edgeArrays(graph, 'weight')`.
 * @param options - the window rules, and `years`: moves outside it are not in the graph and not resampled.
 * @throws OptionError when a move of the rows has no flow in `flows` (the graph was built from other rows).
 */
export function researcherUnits(
  rows: TimelineRows,
  flows: { nodes: readonly string[]; source: Int32Array; target: Int32Array },
  options: Partial<TimelineOptions> & { years?: [number, number] | null } = {},
): ResearcherUnits {
  const { years = null, ...rules } = options;
  const o = checkTimelineOptions(rules);
  const P = flows.nodes.length;
  const index = new Map(flows.nodes.map((n, i) => [n, i]));
  const flowOf = new Map<number, number>();
  for (let f = 0; f < flows.source.length; f++) flowOf.set(flows.source[f]! * P + flows.target[f]!, f);
  const placeOf = rows.placeIds.map((id) => index.get(id) ?? -1);
  const unitStart: number[] = [0];
  const unitFlow: number[] = [];
  const home: number[] = [];
  const inflow: number[] = [];
  const discipline: number[] = [];
  forEachProfile(rows, (p) => {
    for (let k = 1; k < p.length; k++) {
      const from = p.places[k - 1]!;
      const to = p.places[k]!;
      if (from === to || (years && (p.years[k]! < years[0] || p.years[k]! > years[1]))) continue;
      const f = flowOf.get(placeOf[from]! * P + placeOf[to]!);
      if (f === undefined)
        throw new OptionError('flows', `${rows.placeIds[from]} → ${rows.placeIds[to]}`, 'the flows of the graph built from these rows');
      unitFlow.push(f);
    }
    unitStart.push(unitFlow.length);
    const active = isActive(p, o);
    home.push(active ? placeOf[homePlace(p, o)!]! : -1);
    inflow.push(active && flowedIn(p, o) ? 1 : 0);
    discipline.push(p.discipline);
  });
  return {
    kind: 'researchers',
    places: [...flows.nodes],
    source: flows.source,
    target: flows.target,
    disciplines: [...rows.disciplines],
    unitStart: Int32Array.from(unitStart),
    unitFlow: Int32Array.from(unitFlow),
    home: Int32Array.from(home),
    flowedIn: Uint8Array.from(inflow),
    discipline: Int32Array.from(discipline),
  };
}

import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableFromIPC, tableToIPC } from '@uwdata/flechette';
import { InputError } from '../../src/errors.ts';
import { flowStoreFromArrow, flowStoreToArrow, FLOWS_ARROW_COLUMNS } from '../../src/exports/flows-arrow.ts';
import { filterFlows } from '../../src/flows/filter.ts';
import { buildFlows } from '../../src/graph/build.ts';
import { mv, place, randomMoves } from '../graph/helpers.ts';

const { flows } = buildFlows({
  moves: [mv('A', 'B', 2019, 'CS', 2, 'r1'), mv('A', 'B', 2021, null, 1, 'r2'), mv('B', 'C', 2020, 'Medicine', 3, null)],
  places: ['A', 'B', 'C', 'D'].map((id) => place(id)),
  kind: 'moves',
  level: 'metro',
});

describe('flowStoreToArrow', () => {
  it('flowStoreToArrow writes one row per flow with its breakdown, as an Arrow reader sees it', () => {
    const table = tableFromIPC(flowStoreToArrow(flows));
    expect(table.schema.fields.map((f) => f.name)).toEqual(FLOWS_ARROW_COLUMNS);
    expect(JSON.parse(JSON.stringify(table.toArray()))).toEqual([
      {
        source: 'A',
        target: 'B',
        moves: 3,
        researchers: 2,
        first_year: 2019,
        last_year: 2021,
        breakdown: [
          { year: 2019, discipline: 'CS', moves: 2 },
          { year: 2021, discipline: null, moves: 1 },
        ],
      },
      {
        source: 'B',
        target: 'C',
        moves: 3,
        researchers: null,
        first_year: 2020,
        last_year: 2020,
        breakdown: [{ year: 2020, discipline: 'Medicine', moves: 3 }],
      },
    ]);
  });

  it('flowStoreFromArrow reads back the same store, places without flows and emptied flows included (seeded random moves)', () => {
    expect(flowStoreFromArrow(flowStoreToArrow(flows))).toEqual(flows);
    const ids = ['Beijing', 'Boston', 'Hong Kong', 'Shenzhen', 'Tokyo'];
    for (const seed of [1, 2, 3]) {
      const store = buildFlows({
        moves: randomMoves(seed, ids, 300),
        places: ids.map((id) => place(id)),
        kind: 'moves',
        level: 'metro',
      }).flows;
      expect(flowStoreFromArrow(flowStoreToArrow(store))).toEqual(store);
      // A filter that empties flows (minWeight 0): null years, no cells.
      const emptied = filterFlows(store, { disciplines: ['Physics'], minWeight: 0 });
      expect(flowStoreFromArrow(flowStoreToArrow(emptied))).toEqual(emptied);
    }
    const none = buildFlows({ moves: [], places: [], kind: 'moves', level: 'metro' }).flows;
    expect(flowStoreFromArrow(flowStoreToArrow(none))).toEqual(none);
  });

  it('flowStoreFromArrow throws InputError for bytes that are not Arrow, or an Arrow table without the columns', () => {
    expect(() => flowStoreFromArrow(new TextEncoder().encode('source,target\n'))).toThrow(InputError);
    const other = tableToIPC(tableFromArrays({ source: ['A'], weight: Float64Array.of(1) }), { format: 'file' })!;
    expect(() => flowStoreFromArrow(other)).toThrow(InputError);
    try {
      flowStoreFromArrow(new Uint8Array(8), 'out/flows.arrow');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).file).toBe('out/flows.arrow');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { flowStore } from '../../src/flows/store.ts';
import { movesByYear, nextWindow } from '../../viewer/src/time/moves-by-year.ts';

/**
 * A → B: 3 Computer Science moves in 2019, 2 Medicine in 2020; B → A: 1 CS in 2019;
 * B → C: 4 without a discipline in 2021; C → A: 5 CS in 2020.
 */
const store = flowStore({
  places: ['A', 'B', 'C'],
  disciplines: ['CS', 'Med'],
  flows: {
    source: Int32Array.from([0, 1, 1, 2]),
    target: Int32Array.from([1, 0, 2, 0]),
    moves: Float64Array.from([5, 1, 4, 5]),
    researchers: Float64Array.from([5, 1, 4, 5]),
    firstYear: Float64Array.from([2019, 2019, 2021, 2020]),
    lastYear: Float64Array.from([2020, 2019, 2021, 2020]),
  },
  cells: {
    flow: Int32Array.from([0, 0, 1, 2, 3]),
    year: Int32Array.from([2019, 2020, 2019, 2021, 2020]),
    discipline: Int32Array.from([0, 1, 0, -1, 0]),
    moves: Float64Array.from([3, 2, 1, 4, 5]),
  },
});
const every = () => true;
const span: [number, number] = [2019, 2021];

describe('movesByYear', () => {
  it('movesByYear sums every cell by year when nothing is filtered (worked by hand)', () => {
    const c = movesByYear(store, { span, years: null, discipline: null, keep: every, drawn: every });
    expect(c.first).toBe(2019);
    expect([...c.all]).toEqual([3 + 1, 2 + 5, 4]);
    expect([...c.drawn]).toEqual([4, 7, 4]);
  });

  it('movesByYear counts as drawn only the drawn flows’ moves inside the selected years', () => {
    const drawn = (s: string, t: string) => (s === 'A' && t === 'B') || (s === 'C' && t === 'A');
    const c = movesByYear(store, { span, years: [2020, 2021], discipline: null, keep: every, drawn });
    expect([...c.all]).toEqual([4, 7, 4]);
    // A → B's 2019 moves lie outside the years; B → C is not drawn.
    expect([...c.drawn]).toEqual([0, 2 + 5, 0]);
  });

  it('movesByYear follows the discipline (moves without one left out) and the place filters', () => {
    expect([...movesByYear(store, { span, years: null, discipline: 'CS', keep: every, drawn: every }).all]).toEqual([4, 5, 0]);
    const touchingC = (s: string, t: string) => s === 'C' || t === 'C';
    expect([...movesByYear(store, { span, years: null, discipline: null, keep: touchingC, drawn: every }).all]).toEqual([0, 5, 4]);
  });
});

describe('nextWindow', () => {
  it('nextWindow moves the selected window one year later, as wide as it is', () => {
    expect(nextWindow([2012, 2014], [2011, 2023])).toEqual([2013, 2015]);
    expect(nextWindow([2022, 2022], [2011, 2023])).toEqual([2023, 2023]);
  });

  it('nextWindow starts at the first year, one year wide, from every year', () => {
    expect(nextWindow(null, [2011, 2023])).toEqual([2011, 2011]);
    expect(nextWindow([2011, 2023], [2011, 2023])).toEqual([2011, 2011]);
  });

  it('nextWindow wraps to the start after the last year', () => {
    expect(nextWindow([2021, 2023], [2011, 2023])).toEqual([2011, 2013]);
  });
});

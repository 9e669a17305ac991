import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import {
  academicAge,
  checkTimelineOptions,
  flowedIn,
  homePlace,
  isActive,
  isYoung,
  lastPlaceBefore,
  type ResearcherProfile,
} from '../../src/timelines/researcher.ts';

/**
 * A profile from one place per year ([year, place, publications]) plus extra raw rows that lost
 * the per-year choice (pre-window affiliations that were not chosen).
 */
function profile(years: Array<[number, string, number?]>, extraRows: Array<[number, string]> = []): ResearcherProfile<string> {
  const rows = [...years.map(([y, p]) => [y, p] as [number, string]), ...extraRows].sort((a, b) => a[0] - b[0]);
  return {
    length: years.length,
    years: years.map((y) => y[0]),
    publications: years.map((y) => y[2] ?? 1),
    places: years.map((y) => y[1]),
    rowCount: rows.length,
    rowYears: rows.map((r) => r[0]),
    rowPlaces: rows.map((r) => r[1]),
  };
}

describe('isActive', () => {
  it('isActive needs 3 publications in 2019–2023 and one in 2021–2023', () => {
    // 2 publications: not active.
    expect(
      isActive(
        profile([
          [2019, 'A'],
          [2022, 'A'],
        ]),
      ),
    ).toBe(false);
    // 3 publications, all in 2019–2020: not active (nothing in the last 3 years).
    expect(
      isActive(
        profile([
          [2019, 'A', 2],
          [2020, 'A'],
        ]),
      ),
    ).toBe(false);
    // 3 publications with one in 2021: active.
    expect(
      isActive(
        profile([
          [2019, 'A'],
          [2020, 'A'],
          [2021, 'A'],
        ]),
      ),
    ).toBe(true);
    // Publications counted, not rows: 3 publications in one 2023 row.
    expect(isActive(profile([[2023, 'A', 3]]))).toBe(true);
    // Pre- and post-window publications do not count.
    expect(
      isActive(
        profile([
          [2015, 'A', 9],
          [2022, 'A'],
          [2024, 'A', 9],
        ]),
      ),
    ).toBe(false);
  });

  it('isActive follows the window and thresholds given', () => {
    const p = profile([
      [2010, 'A'],
      [2011, 'A'],
      [2012, 'A'],
    ]);
    expect(isActive(p, checkTimelineOptions({ window: [2008, 2012] }))).toBe(true);
    expect(isActive(p, checkTimelineOptions({ window: [2008, 2012], minPublications: 4 }))).toBe(false);
  });
});

describe('academicAge', () => {
  it('academicAge is latest publication year up to the window end minus the first publication year', () => {
    expect(
      academicAge(
        profile([
          [2016, 'A'],
          [2019, 'B'],
          [2023, 'B'],
        ]),
      ),
    ).toBe(7);
    // A 2026 publication is after the window: the age at the window's end is 2023 − 2020.
    expect(
      academicAge(
        profile([
          [2020, 'A'],
          [2023, 'A'],
          [2026, 'A'],
        ]),
      ),
    ).toBe(3);
    expect(academicAge(profile([[2025, 'A']]))).toBeNull();
  });
});

describe('isYoung', () => {
  it('isYoung: academic age 5 is young, 6 is not, and only active researchers are young', () => {
    expect(
      isYoung(
        profile([
          [2018, 'A'],
          [2021, 'A'],
          [2022, 'A'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(true); // 2023 − 2018 = 5
    expect(
      isYoung(
        profile([
          [2017, 'A'],
          [2021, 'A'],
          [2022, 'A'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(false); // 6
    expect(
      isYoung(
        profile([
          [2022, 'A'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(false); // age 1 but 2 publications: not active
  });
});

describe('homePlace and lastPlaceBefore', () => {
  it('homePlace is the place of the latest in-window year; lastPlaceBefore of the latest pre-window year', () => {
    const p = profile([
      [2014, 'C'],
      [2017, 'B'],
      [2020, 'A'],
      [2022, 'D'],
      [2025, 'E'],
    ]);
    expect(homePlace(p)).toBe('D');
    expect(lastPlaceBefore(p)).toBe('B');
    expect(
      homePlace(
        profile([
          [2015, 'A'],
          [2024, 'B'],
        ]),
      ),
    ).toBeUndefined();
    expect(lastPlaceBefore(profile([[2019, 'A']]))).toBeUndefined();
  });
});

describe('flowedIn', () => {
  it('flowedIn: published in A before 2019 and at A in 2023 is not an inflow into A', () => {
    expect(
      flowedIn(
        profile([
          [2016, 'A'],
          [2021, 'A'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(false);
    // Even with a stint elsewhere in between.
    expect(
      flowedIn(
        profile([
          [2015, 'A'],
          [2017, 'B'],
          [2020, 'B'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(false);
  });

  it('flowedIn: from B before 2019, now at A, is an inflow into A', () => {
    expect(
      flowedIn(
        profile([
          [2016, 'B'],
          [2021, 'A'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(true);
    // The move may happen late in the window: home is where the latest in-window year is.
    expect(
      flowedIn(
        profile([
          [2018, 'B'],
          [2019, 'B'],
          [2020, 'B'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(true);
  });

  it('flowedIn: pre-window rows at both A and B are not an inflow into A, even when B was chosen for that year', () => {
    // 2017: rows at B (chosen) and at A (not chosen): a raw pre-window affiliation with A.
    expect(
      flowedIn(
        profile(
          [
            [2017, 'B'],
            [2021, 'A'],
            [2023, 'A'],
          ],
          [[2017, 'A']],
        ),
      ),
    ).toBe(false);
  });

  it('flowedIn: no pre-window publication, or no in-window publication, is not an inflow', () => {
    expect(
      flowedIn(
        profile([
          [2019, 'B'],
          [2021, 'A'],
          [2023, 'A'],
        ]),
      ),
    ).toBe(false);
    expect(
      flowedIn(
        profile([
          [2015, 'B'],
          [2024, 'A'],
        ]),
      ),
    ).toBe(false);
  });
});

describe('checkTimelineOptions', () => {
  it('checkTimelineOptions fills defaults and rejects bad windows, thresholds and unknown options', () => {
    expect(checkTimelineOptions()).toEqual({ window: [2019, 2023], minPublications: 3, recentYears: 3, youngMaxAge: 5 });
    expect(checkTimelineOptions({ window: undefined }).window).toEqual([2019, 2023]);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ window: [2023, 2019] }, 'window'],
      [{ window: [2019.5, 2023] }, 'window'],
      [{ window: 2019 }, 'window'],
      [{ minPublications: 0 }, 'minPublications'],
      [{ youngMaxAge: -1 }, 'youngMaxAge'],
      [{ recentYears: 1.5 }, 'recentYears'],
      [{ windw: [2019, 2023] }, 'windw'],
    ];
    for (const [options, option] of bad) {
      try {
        checkTimelineOptions(options as never);
        throw new Error(`accepted ${JSON.stringify(options)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(OptionError);
        expect((error as OptionError).option).toBe(option);
      }
    }
  });
});

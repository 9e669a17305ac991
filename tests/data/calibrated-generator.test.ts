// The SYNTHETIC calibrated sample's generator (data/calibrated/): deterministic, its independent
// measurement follows the SET rules on hand-worked timelines, and the committed file passes
// every check and is exactly what the generator writes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTimelinesCsv, parseTimelinesCsv, splitCsvLine, type TimelineRow } from '../../data/calibrated/csv.ts';
import { generateTimelines } from '../../data/calibrated/generate.ts';
import { measureSample, weightedPagerank } from '../../data/calibrated/measure.ts';
import { PLACES, placeOf, resolveRaw } from '../../data/calibrated/places.ts';
import { verifySample, type SampleReport } from '../../data/calibrated/verify.ts';
import { loadGazetteer } from '../../src/places/gazetteer.ts';
import { normalizeName } from '../../src/places/normalize.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

describe('generateTimelines', () => {
  const small = { scale: 1 / 2000 };

  it('generateTimelines gives the same rows for the same seed and other rows for another seed', () => {
    const a = generateTimelines({ seed: 5, ...small });
    const b = generateTimelines({ seed: 5, ...small });
    const c = generateTimelines({ seed: 6, ...small });
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
    expect(formatTimelinesCsv(c)).not.toBe(formatTimelinesCsv(a));
  });

  it('generateTimelines writes one row per researcher-year, one discipline each, resolvable places, years 2010–2023', () => {
    const rows = generateTimelines({ seed: 11, ...small });
    const years = new Set<string>();
    const disciplines = new Map<string, string>();
    for (const r of rows) {
      const key = `${r.researcherId}|${r.year}`;
      expect(years.has(key), key).toBe(false);
      years.add(key);
      expect(disciplines.get(r.researcherId) ?? r.discipline).toBe(r.discipline);
      disciplines.set(r.researcherId, r.discipline);
      expect(resolveRaw(r.place, r.country), `${r.place}, ${r.country}`).toBeDefined();
      expect(r.year >= 2010 && r.year <= 2023).toBe(true);
      expect(r.researcherId).toMatch(/^SYN\d{7}$/);
    }
  });

  it('generateTimelines rejects a scale outside (0, 1]', () => {
    expect(() => generateTimelines({ scale: 0 })).toThrow(RangeError);
    expect(() => generateTimelines({ scale: 2 })).toThrow(RangeError);
  });
});

describe('measureSample', () => {
  const row = (
    researcherId: string,
    year: number,
    place: string,
    country: string,
    publications: number,
    discipline = 'Medicine',
  ): TimelineRow => ({
    researcherId,
    year,
    place,
    country,
    discipline,
    publications,
  });

  it('measureSample applies the SET rules to hand-worked timelines', () => {
    const m = measureSample([
      // a: Beijing 2015, Shenzhen 2020 and 2022; 4 window publications, 3 in 2021–2023 → active;
      // published before 2019 and never at Shenzhen then → SET inflow into Shenzhen; age 7.
      row('a', 2015, 'Beijing', 'CN', 2),
      row('a', 2020, 'Shenzhen', 'CN', 1),
      row('a', 2022, 'Shenzhen', 'CN', 3),
      // b: Shenzhen 2016 and 2022 → active stayer, not an inflow (a pre-2019 row at home).
      row('b', 2016, 'Shenzhen', 'CN', 1),
      row('b', 2022, 'Shenzhen', 'CN', 3),
      // c: Cambridge (US) 2019, Boston 2021: one metro, no move; first 2019 → no pre-window
      // publication, not an inflow; age 2 → young; young at Boston in 2019 and 2021.
      row('c', 2019, 'Cambridge', 'US', 1, 'Neuroscience'),
      row('c', 2021, 'Boston', 'US', 2, 'Neuroscience'),
      // d: Cambridge (GB) 2018, Boston 2020 and 2021 with 1 publication each: 2 in the window →
      // not active, but its move Cambridge, GB → Boston is a flow.
      row('d', 2018, 'Cambridge', 'GB', 1),
      row('d', 2020, 'Boston', 'US', 1),
      row('d', 2021, 'Boston', 'US', 1),
      // e: 2021 split 2–2 between Boston and Chicago: a tied researcher-year.
      row('e', 2021, 'Boston', 'US', 2),
      row('e', 2021, 'Chicago', 'US', 2),
    ]);
    expect(m.researchers).toBe(5);
    expect(m.active).toBe(4); // a, b, c, e (e: 4 publications in 2021)
    expect(m.tiedYears).toBe(1);
    expect(m.places.get('Shenzhen')).toMatchObject({ stock: 2, young: 0, inflowSet: 1, byDiscipline: { Medicine: 2 } });
    // Young in a year means academic age ≤ 5 in that year: a (first 2015) is young at Shenzhen in 2020 only.
    expect(m.places.get('Shenzhen')!.youngByYear).toEqual({ 2019: 0, 2020: 1, 2021: 0, 2022: 0, 2023: 0 });
    // Boston: c (young, Neuroscience) and e (tie broken towards "Boston" < "Chicago"; first year 2021 → young).
    expect(m.places.get('Boston')).toMatchObject({ stock: 2, young: 2, inflowSet: 0, byDiscipline: { Neuroscience: 1, Medicine: 1 } });
    expect(m.places.get('Boston')!.youngByYear).toEqual({ 2019: 1, 2020: 0, 2021: 2, 2022: 0, 2023: 0 });
    expect(Object.fromEntries(m.flows)).toEqual({ 'Beijing\tShenzhen': 1, 'Cambridge, GB\tBoston': 1 });
  });
});

describe('weightedPagerank', () => {
  it('weightedPagerank solves hand-worked graphs, weights and a place without outflow included', () => {
    // A ⇄ B (1 each way), C → A (1): PR(C) = 0.15/3 = 0.05; PR(B) = 0.05 + 0.85·PR(A);
    // PR(A) = 0.05 + 0.85·(PR(B) + PR(C)) = 0.135 + 0.7225·PR(A) → PR(A) = 0.135/0.2775.
    const a = 0.135 / 0.2775;
    const r = weightedPagerank(
      new Map([
        ['A\tB', 1],
        ['B\tA', 1],
        ['C\tA', 1],
      ]),
      ['A', 'B', 'C'],
    );
    expect(r.A).toBeCloseTo(a, 10);
    expect(r.B).toBeCloseTo(0.05 + 0.85 * a, 10);
    expect(r.C).toBeCloseTo(0.05, 10);
    // A → B only: B has no outflow and spreads its rank evenly. PR(A) = 0.075 + 0.425·PR(B),
    // PR(A) + PR(B) = 1 → 1.425·PR(A) = 0.5.
    const d = weightedPagerank(new Map([['A\tB', 3]]), ['A', 'B']);
    expect(d.A).toBeCloseTo(0.5 / 1.425, 10);
    expect(d.B).toBeCloseTo(1 - 0.5 / 1.425, 10);
    // Weights split a place's rank: C → A 3, C → B 1 sends A three times what B gets from C.
    const w = weightedPagerank(
      new Map([
        ['C\tA', 3],
        ['C\tB', 1],
        ['A\tC', 1],
        ['B\tC', 1],
      ]),
      ['A', 'B', 'C'],
    );
    expect((w.A! - 0.05) / (w.B! - 0.05)).toBeCloseTo(3, 10);
    expect(w.A! + w.B! + w.C!).toBeCloseTo(1, 12);
  });
});

describe('parseTimelinesCsv', () => {
  it('parseTimelinesCsv reads back what formatTimelinesCsv writes, quoted commas included', () => {
    const rows: TimelineRow[] = [
      {
        researcherId: 'SYN0000001',
        year: 2012,
        place: 'Washington, D.C.',
        country: 'US',
        discipline: 'Biochemistry, Genetics and Molecular Biology',
        publications: 3,
      },
      { researcherId: 'SYN0000001', year: 2020, place: 'Xi’an', country: 'CN', discipline: 'Say "hi"', publications: 1 },
    ];
    const text = formatTimelinesCsv(rows);
    expect(text.split('\n')[1]).toBe('SYN0000001,2012,"Washington, D.C.",US,"Biochemistry, Genetics and Molecular Biology",3');
    expect(parseTimelinesCsv(text)).toEqual(rows);
  });
});

describe('places of the calibrated sample', () => {
  it('resolveRaw names are metro members of the SET metro table or GeoNames cities (data/places/geonames) outside every metro', () => {
    const members = new Map<string, string>();
    const [, ...lines] = readFileSync(root('data/places/set2024_metro_areas.csv'), 'utf8').trim().split(/\r?\n/);
    for (const line of lines) {
      const [metro, , country, city] = splitCsvLine(line);
      members.set(`${city}|${country}`, metro!);
    }
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
    const foldedMembers = new Map([...members].map(([k, v]) => [fold(k), v]));
    // A GeoNames city of the gazetteer (cities500) under exactly that name, in that country.
    const gazetteer = loadGazetteer();
    const isGeoNamesCity = (name: string, country: string): boolean =>
      gazetteer.find(normalizeName(name), country).some((c) => c.source === 'geonames' && c.name === name);
    for (const p of PLACES) {
      for (const [name] of p.names) {
        const key = `${name}|${p.country}`;
        const metro = members.get(key) ?? foldedMembers.get(fold(key));
        if (p.set) expect(metro, key).toBe(p.key);
        else {
          expect(metro, key).toBeUndefined();
          expect(isGeoNamesCity(name, p.country), key).toBe(true);
          expect(p.key).toBe(`${name}, ${p.country}`);
        }
      }
    }
  });
});

describe('verifySample on the committed sample', () => {
  let rows: TimelineRow[];
  let committed: SampleReport;
  let text: string;
  beforeAll(() => {
    text = gunzipSync(readFileSync(root('data/calibrated/timelines.csv.gz'))).toString('utf8');
    rows = parseTimelinesCsv(text);
    committed = JSON.parse(readFileSync(root('data/calibrated/targets.json'), 'utf8')) as SampleReport;
  }, 120_000);

  it('verifySample passes every check on timelines.csv.gz, as targets.json records', () => {
    expect(committed.synthetic).toBe(true);
    expect(committed.scale).toBe('1:20');
    const report = verifySample(rows, { seed: committed.seed, scale: 1 / 20 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(200);
    expect(report).toEqual(committed);
  });

  it('verifySample fails when the Shenzhen inflowers are taken away', () => {
    // Keep only researchers who never left a pre-2019 place for Shenzhen: Shenzhen loses its SET
    // inflow, so the inflow-ratio target and its rank among the 30 must fail.
    const inflowers = new Set<string>();
    const pre = new Map<string, boolean>();
    for (const r of rows) if (r.year < 2019 && r.place !== 'Shenzhen') pre.set(r.researcherId, true);
    for (const r of rows) if (r.place === 'Shenzhen' && r.year >= 2019 && pre.get(r.researcherId)) inflowers.add(r.researcherId);
    const report = verifySample(
      rows.filter((r) => !inflowers.has(r.researcherId)),
      { seed: committed.seed, scale: 1 / 20 },
    );
    const failed = new Set(report.checks.filter((c) => !c.ok).map((c) => c.target));
    expect(failed.has('inflow ratio % Shenzhen')).toBe(true);
    expect(failed.has('highest inflow ratio of the 30')).toBe(true);
  });

  it('verifySample fails the PageRank check when arrivals in Beijing are taken away, and the Europe check without moves within Europe', () => {
    const dropWhere = (pred: (places: string[]) => boolean) => {
      const byId = new Map<string, TimelineRow[]>();
      for (const r of rows) byId.set(r.researcherId, [...(byId.get(r.researcherId) ?? []), r]);
      const out = new Set<string>();
      for (const [id, list] of byId) {
        const places = list.sort((a, b) => a.year - b.year).map((r) => resolveRaw(r.place, r.country)!);
        if (pred(places)) out.add(id);
      }
      const kept = rows.filter((r) => !out.has(r.researcherId));
      const report = verifySample(kept, { seed: committed.seed, scale: 1 / 20 });
      return new Set(report.checks.filter((c) => !c.ok).map((c) => c.target));
    };
    const pagerank = 'Beijing and Boston are the two largest by weighted PageRank (α 0.85)';
    const europe = 'Louvain: the 9 European metros one community apart from East Asia–Pacific, the US and China (seeds passing)';
    const noBeijingArrivals = dropWhere((ps) => ps[0] !== 'Beijing' && ps.includes('Beijing'));
    expect(noBeijingArrivals.has(pagerank)).toBe(true);
    expect(noBeijingArrivals.has(europe)).toBe(false);
    const inEurope = (k: string) => placeOf(k).region === 'Europe';
    const noEuropeanMoves = dropWhere((ps) => ps.some((p, i) => i > 0 && p !== ps[i - 1] && inEurope(p) && inEurope(ps[i - 1]!)));
    expect(noEuropeanMoves.has(europe)).toBe(true);
    expect(noEuropeanMoves.has(pagerank)).toBe(false);
  }, 60_000);

  it('generateTimelines with the recorded seed and scale writes exactly the committed file', () => {
    expect(formatTimelinesCsv(generateTimelines({ seed: committed.seed, scale: 1 / 20 })) === text).toBe(true);
  });
});

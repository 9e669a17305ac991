// Migration rates on the real Scholarly Migration Database flows with its own padded researcher
// populations equal the rates it publishes, wherever the flows hold the same counts as its
// per-country file; where they do not, the flows are short (never over): they leave out moves.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { timeSeries, type TimeSeriesRow } from '../../src/analyses/time-series.ts';
import { comparePeriods } from '../../src/analyses/compare-periods.ts';
import { readTable } from '../../src/io/read-table.ts';
import { analyzeFile } from '../../src/pipeline/analyze-file.ts';
import type { AnalysisRun } from '../../src/pipeline/analyze.ts';
import { addPopulation } from '../../src/pipeline/population.ts';
import { parsePopulation } from '../../src/records/parse-population.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const FLOWS = root('data/scholarly-migration/scopus_2024_V1_scholarlymigration_countryflows_enriched.csv.gz');
const COUNTRY = root('data/scholarly-migration/scopus_2024_V1_scholarlymigration_country_enriched.csv.gz');
const GAPS = root('data/scholarly-migration/count-gaps.csv');

interface Published {
  code: string;
  year: number;
  population: number;
  inflow: number;
  outflow: number;
  inRate: number;
  outRate: number;
  netRate: number;
}

// The published rates are single-precision floats written with the fewest digits that read back
// as the same float (0.055555556, 0.000525279): ours must round to that very float.
const close = (ours: number | null, published: number) => ours !== null && Math.fround(ours) === Math.fround(published);

describe('timeSeries on the SMD flows with the SMD padded populations (real, CC-BY 4.0)', () => {
  let run: AnalysisRun;
  let rows: Map<string, TimeSeriesRow>;
  let published: Published[];
  beforeAll(async () => {
    run = await analyzeFile(FLOWS, {
      level: 'country',
      columns: { from: 'iso3codefrom', to: 'iso3codeto', count: 'n_migrations' },
      stabilityRuns: 0,
    });
    const table = await readTable(COUNTRY);
    const columns = {
      place: 'countrycode',
      population: 'padded_population_of_researchers',
      inflow: 'number_of_inmigrations',
      outflow: 'number_of_outmigrations',
    };
    addPopulation(run, parsePopulation(table.table, { ...table, file: 'country_enriched.csv', columns }), 'country_enriched.csv');
    rows = new Map(timeSeries(run.graph, { population: run.population!.values }).rows.map((r) => [`${r.place} ${r.year}`, r]));
    // Read independently of the population reader: the file's own columns, its rows with a country, years of the flows.
    published = table.table
      .objects()
      .map((o) => o as Record<string, string>)
      .filter((o) => Boolean(o.countrycode) && Number(o.year) <= 2018)
      .map((o) => ({
        code: o.countrycode!,
        year: Number(o.year),
        population: Number(o.padded_population_of_researchers),
        inflow: Number(o.number_of_inmigrations),
        outflow: Number(o.number_of_outmigrations),
        inRate: Number(o.inmigrationrate),
        outRate: Number(o.outmigrationrate),
        netRate: Number(o.netmigrationrate),
      }));
  }, 300_000);

  it('timeSeries equals the published in-, out- and net migration rates for every country-year whose counts match', () => {
    const matching = published.filter((p) => {
      const r = rows.get(`${p.code} ${p.year}`);
      return r !== undefined && r.inflow === p.inflow && r.outflow === p.outflow;
    });
    expect(published).toHaveLength(4128);
    expect(matching).toHaveLength(2833);
    for (const p of matching) {
      const r = rows.get(`${p.code} ${p.year}`)!;
      expect(r.population, `${p.code} ${p.year}`).toBe(p.population);
      expect(close(r.inflowRate, p.inRate), `${p.code} ${p.year} inflow rate ${r.inflowRate} vs ${p.inRate}`).toBe(true);
      expect(close(r.outflowRate, p.outRate), `${p.code} ${p.year} outflow rate`).toBe(true);
      expect(close(r.netRate, p.netRate), `${p.code} ${p.year} net rate`).toBe(true);
    }
  });

  it('timeSeries: where the counts differ the flows are short, never over, as a file leaving out Taiwan and territories would be', () => {
    const differ = published.filter((p) => {
      const r = rows.get(`${p.code} ${p.year}`)!;
      return r.inflow !== p.inflow || r.outflow !== p.outflow;
    });
    expect(differ).toHaveLength(4128 - 2833);
    for (const p of differ) {
      const r = rows.get(`${p.code} ${p.year}`)!;
      expect(r.inflow, `${p.code} ${p.year}`).toBeLessThanOrEqual(p.inflow);
      expect(r.outflow, `${p.code} ${p.year}`).toBeLessThanOrEqual(p.outflow);
    }
    // China 2018: 10,831 in-moves published, 10,488 in the flows (343 short; 339 of them from Taiwan).
    expect(rows.get('CHN 2018')).toMatchObject({ inflow: 10_488, outflow: 9_016 });
    expect(differ.find((p) => p.code === 'CHN' && p.year === 2018)).toMatchObject({ inflow: 10_831, outflow: 9_193 });
    // The run found the same place-years and said so.
    expect(run.population!.check.mismatches.map((m) => `${m.place} ${m.year}`).sort()).toEqual(
      differ.map((p) => `${p.code} ${p.year}`).sort(),
    );
    expect(run.analyses.warnings.some((w) => w.includes('1,295 of 4,128 place-years'))).toBe(true);
    expect(run.analyses.warnings.some((w) => w.includes('1 place without any flow in the input: CUW'))).toBe(true);
  });

  it('count-gaps.csv lists every country-year whose counts differ, with the gap', () => {
    const lines = readFileSync(GAPS, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('country,year,flows_inflow,published_inflow,flows_outflow,published_outflow');
    const expected = run.population!.check.mismatches.map((m) =>
      [m.place, m.year, m.inflow, m.referenceInflow, m.outflow, m.referenceOutflow].join(','),
    );
    expect(lines.slice(1)).toEqual(expected);
  });

  it('addPopulation reports the 201 rows without a country as empty-place problems, nothing dropped silently', () => {
    const mine = run.problems.filter((p) => p.file === 'country_enriched.csv');
    expect(mine).toHaveLength(201);
    expect(new Set(mine.map((p) => p.reason))).toEqual(new Set(['empty-place']));
    expect(run.population!.records + mine.length).toBe(run.population!.rowsRead);
  });

  it('comparePeriods: China switches from net sender (1998–2004) to net receiver (2012–2018)', () => {
    const r = comparePeriods(run.graph, {
      periods: [
        [1998, 2004],
        [2012, 2018],
      ],
      population: run.population!.values,
    });
    const chn = r.rows.find((x) => x.place === 'CHN')!;
    // Summed from the flows file (pandas): 1998–2004 in 10,357, out 12,570; 2012–2018 in 55,160, out 50,304.
    expect(chn.measures.inflow.values).toEqual([10_357, 55_160]);
    expect(chn.measures.outflow.values).toEqual([12_570, 50_304]);
    expect(chn.measures.net_inflow).toMatchObject({ values: [-2_213, 4_856], change: 7_069 });
    expect(chn.measures.net_inflow.ranks[1]).toBeLessThan(chn.measures.net_inflow.ranks[0]!);
    expect(chn.measures.net_rate.values[0]).toBeLessThan(0);
    expect(chn.measures.net_rate.values[1]).toBeGreaterThan(0);
  });
});

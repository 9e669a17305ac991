import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const INPUT = 'tests/fixtures/cli/moves-small.csv';
const POPULATION = 'tests/fixtures/cli/population-small.csv';
const MAP = 'place=city,population=researchers';
const tmp = mkdtempSync(join(tmpdir(), 'talentflow-population-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const rowsOf = (file: string) => {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
};

describe('talentflow analyze --population', () => {
  it('runAnalyze --population divides the yearly moves by the population, resolved at metro level', () => {
    const out = join(tmp, 'rates');
    const r = runCli([
      'analyze',
      INPUT,
      '--out',
      out,
      '--stability-runs',
      '0',
      '--quiet',
      '--population',
      POPULATION,
      '--population-map',
      MAP,
    ]);
    expect(r.status).toBe(0);
    const rows = Object.fromEntries(rowsOf(join(out, 'timeseries.csv')).map((x) => [`${x.place} ${x.year}`, x]));
    // Shenzhen 2021: in r04, r05 (from Guangzhou), out none; 40 researchers.
    expect(rows['Shenzhen 2021']).toEqual({
      place: 'Shenzhen',
      year: '2021',
      inflow: '2',
      outflow: '0',
      net_inflow: '2',
      population: '40',
      inflow_rate: '0.05',
      outflow_rate: '0',
      net_rate: '0.05',
    });
    // Shenzhen 2022: in r06, out r07; 50.
    expect(rows['Shenzhen 2022']).toMatchObject({ inflow: '1', outflow: '1', population: '50', inflow_rate: '0.02', net_rate: '0' });
    // Boston 2020: Cambridge US (30) and Boston (70) are one metro: 100; in r10 (r16 stays within Boston).
    expect(rows['Boston 2020']).toMatchObject({ inflow: '1', outflow: '0', population: '100', inflow_rate: '0.01' });
    // No population: rates empty, never made up.
    expect(rows['Beijing 2019']).toMatchObject({ outflow: '1', population: '', inflow_rate: '', net_rate: '' });
    expect(rows['Shenzhen 2030']).toBeUndefined();
    const problems = rowsOf(join(out, 'problems.csv')).filter((p) => p.file === POPULATION);
    expect(problems.map((p) => [p.line, p.field, p.value, p.reason])).toEqual([['6', 'place', 'Shenzen', 'unknown-place']]);
    expect(r.stderr).toContain("1 place-year (2030) is outside the moves' years 2019–2023");
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.options.population).toBe(POPULATION);
    expect(manifest.outputs).toContain('timeseries.csv');
    // graph.json carries the population to the viewer.
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    const boston = graph.nodes.find((n: { key: string }) => n.key === 'Boston');
    expect(boston.attributes.populationByYear).toEqual({ '2020': 100 });
  });

  it('runAnalyze --population with --strict makes its problems fatal', () => {
    const out = join(tmp, 'strict');
    const r = runCli([
      'analyze',
      INPUT,
      '--out',
      out,
      '--stability-runs',
      '0',
      '--strict',
      '--population',
      POPULATION,
      '--population-map',
      MAP,
    ]);
    expect(r.status).toBe(1);
    expect(existsSync(join(out, 'timeseries.csv'))).toBe(false);
    expect(readFileSync(join(out, 'problems.csv'), 'utf8')).toContain('Shenzen');
  });

  it('runAnalyze exits 3 on a population file without its columns and 2 on a bad --population-map', () => {
    const missing = runCli(['analyze', INPUT, '--out', join(tmp, 'm'), '--stability-runs', '0', '--population', POPULATION]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('--population-map place=<column>');
    const bad = runCli(['analyze', INPUT, '--out', join(tmp, 'b'), '--population', POPULATION, '--population-map', 'from=city']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('population-map');
  });

  it('runAnalyze --compare writes compare.csv and the report section Rising and falling', () => {
    const out = join(tmp, 'compare');
    const r = runCli(['analyze', INPUT, '--out', out, '--stability-runs', '0', '--compare', '2019-2020,2021-2023']);
    expect(r.status).toBe(0);
    const rows = Object.fromEntries(rowsOf(join(out, 'compare.csv')).map((x) => [x.place, x]));
    // Shenzhen 2019–2020: in r01, r02, r03 = 3, out r08 = 1; 2021–2023: in r04, r05, r06 = 3, out r07 = 1.
    expect(rows.Shenzhen).toMatchObject({
      period_1: '2019-2020',
      period_2: '2021-2023',
      inflow_1: '3',
      outflow_1: '1',
      inflow_2: '3',
      outflow_2: '1',
      net_inflow_change: '0',
    });
    // Beijing 2019–2020: out r01, r02 (net −2); 2021–2023: in r13, out r14 (net 0).
    expect(rows.Beijing).toMatchObject({ net_inflow_1: '-2', net_inflow_2: '0', net_inflow_change: '2' });
    expect(r.stdout).toContain('Rising and falling (net inflow, 2019–2020 → 2021–2023');
    const bad = runCli(['analyze', INPUT, '--out', join(tmp, 'c2'), '--compare', '2019-2020']);
    expect(bad.status).toBe(2);
  });
});

import { fromCSV } from 'arquero';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { parseColumnMap } from '../../src/records/columns.ts';
import { parsePopulation } from '../../src/records/parse-population.ts';
import { resolvePopulation } from '../../src/records/resolve-population.ts';
import { fakeResolver } from './fake-resolver.ts';

const csv = (text: string) => fromCSV(text, { autoType: false });

describe('parsePopulation', () => {
  it('parsePopulation reads place, year (2000.0 too), population and the optional counts', () => {
    const r = parsePopulation(csv('place,country,year,population,inflow,outflow\nBoston,US,2000.0,120,3,4\nShenzhen,,2001,7.5,0,0\n'), {
      file: 'p.csv',
    });
    expect(r.problems).toEqual([]);
    expect(r.records).toEqual([
      { place: 'Boston', country: 'US', year: 2000, population: 120, inflow: 3, outflow: 4, line: 2 },
      { place: 'Shenzhen', country: null, year: 2001, population: 7.5, inflow: 0, outflow: 0, line: 3 },
    ]);
  });

  it('parsePopulation reports each bad cell with file, line, field and value and skips the row', () => {
    const text = 'place,year,population,inflow\n,2000,1,0\nA,20x0,1,0\nA,2000,-3,0\nA,2001,,0\nA,2002,5,1.5\nA,2003,5,1\nA,2003,6,1\n';
    const r = parsePopulation(csv(text), { file: 'p.csv' });
    expect(r.problems.map((p) => [p.line, p.field, p.value, p.reason, p.severity])).toEqual([
      [2, 'place', '', 'empty-place', 'error'],
      [3, 'year', '20x0', 'bad-year', 'error'],
      [4, 'population', '-3', 'bad-population', 'error'],
      [5, 'population', '', 'bad-population', 'error'],
      [6, 'inflow', '1.5', 'bad-count', 'error'],
      [8, 'place', 'A', 'duplicate-row', 'error'],
    ]);
    expect(r.records.map((x) => x.line)).toEqual([7]);
    expect(r.rowsRead).toBe(7);
  });

  it('parsePopulation maps other column names and names the missing ones', () => {
    const text = 'countrycode,year,padded_population_of_researchers\nCHN,2018.0,100\n';
    const columns = parseColumnMap('place=countrycode,population=padded_population_of_researchers', 'population', 'population-map');
    expect(parsePopulation(csv(text), { file: 'c.csv', columns }).records[0]).toMatchObject({ place: 'CHN', year: 2018, population: 100 });
    const missing = parsePopulation(csv(text), { file: 'c.csv' });
    expect(missing.records).toEqual([]);
    expect(missing.problems.map((p) => [p.field, p.reason])).toEqual([
      ['place', 'missing-column'],
      ['population', 'missing-column'],
    ]);
    expect(missing.problems[0]!.message).toContain('--population-map place=<column>');
  });

  it('parseColumnMap names the population option and rejects fields of other tables', () => {
    expect(() => parseColumnMap('from=x', 'population', 'population-map')).toThrow(OptionError);
    try {
      parseColumnMap('from=x', 'population', 'population-map');
    } catch (e) {
      expect((e as OptionError).option).toBe('population-map');
    }
  });
});

describe('resolvePopulation', () => {
  it('resolvePopulation sums rows of one place and year (Cambridge US is Boston) and reports unknown names', () => {
    const read = parsePopulation(
      csv(
        'place,country,year,population,inflow,outflow\nBoston,US,2020,100,5,6\nCambridge,US,2020,30,1,2\nBoston,US,2021,110,0,0\nShenzen,CN,2020,9,0,0\nParis,,2020,50,0,0\n',
      ),
      { file: 'p.csv' },
    );
    const r = resolvePopulation(read.records, fakeResolver(), 'p.csv');
    expect([...r.population].map(([k, v]) => [k, [...v]])).toEqual([
      [
        'Boston',
        [
          [2020, 130],
          [2021, 110],
        ],
      ],
      ['Paris', [[2020, 50]]],
    ]);
    expect(r.reference!.get('Boston')!.get(2020)).toEqual({ inflow: 6, outflow: 8 });
    expect(r.records).toBe(4);
    expect(r.problems.map((p) => [p.line, p.field, p.value, p.reason, p.severity])).toEqual([
      [5, 'place', 'Shenzen', 'unknown-place', 'error'],
      [6, 'place', 'Paris', 'assumed-country', 'warning'],
    ]);
    expect(r.problems[0]!.suggestions).toContain('Shenzhen');
  });

  it('resolvePopulation has no reference counts when the table has no inflow or outflow column', () => {
    const read = parsePopulation(csv('place,country,year,population\nBoston,US,2020,100\n'), { file: 'p.csv' });
    expect(resolvePopulation(read.records, fakeResolver(), 'p.csv').reference).toBeNull();
  });
});

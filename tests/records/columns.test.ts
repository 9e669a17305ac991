import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { checkColumnMap, headerKey, matchColumns, parseColumnMap } from '../../src/records/columns.ts';

function optionError(fn: () => unknown): OptionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionError);
    return error as OptionError;
  }
  throw new Error('expected an OptionError');
}

describe('parseColumnMap', () => {
  it('parseColumnMap reads the Scholarly Migration Database mapping', () => {
    expect(parseColumnMap('from=iso3codefrom,to=iso3codeto,count=n_migrations')).toEqual({
      from: 'iso3codefrom',
      to: 'iso3codeto',
      count: 'n_migrations',
    });
  });

  it('parseColumnMap trims spaces, accepts case in field names and returns {} for empty text', () => {
    expect(parseColumnMap(' From = src , YEAR=yr ')).toEqual({ from: 'src', year: 'yr' });
    expect(parseColumnMap('')).toEqual({});
  });

  it('parseColumnMap rejects a pair without "=", an empty side, an unknown field and a repeated field', () => {
    for (const bad of ['from', 'from=', '=src', 'from=a,,to=b', 'origin=src', 'from=a,from=b']) {
      const e = optionError(() => parseColumnMap(bad));
      expect(e.option).toBe('map');
      expect(e.value).toBe(bad);
    }
  });

  it('parseColumnMap with a kind accepts only the fields of that kind', () => {
    expect(parseColumnMap('place=city', 'timelines')).toEqual({ place: 'city' });
    expect(optionError(() => parseColumnMap('place=city', 'moves')).option).toBe('map');
  });
});

describe('matchColumns', () => {
  it('matchColumns matches headers ignoring case, spaces and hyphens', () => {
    expect(headerKey(' Researcher-ID ')).toBe('researcher_id');
    const m = matchColumns(['Researcher ID', 'FROM', 'To', 'Year'], ['researcher_id', 'from', 'to', 'year', 'count']);
    expect([...m.found]).toEqual([
      ['researcher_id', 'Researcher ID'],
      ['from', 'FROM'],
      ['to', 'To'],
      ['year', 'Year'],
    ]);
    expect(m.missing).toEqual([{ field: 'count', column: 'count' }]);
  });

  it('matchColumns follows the map, and a mapped column that is absent is missing even if the canonical one exists', () => {
    const m = matchColumns(['from', 'iso3codeto', 'year'], ['from', 'to', 'year'], { from: 'iso3codefrom', to: 'ISO3CODETO' });
    expect(m.found.get('to')).toBe('iso3codeto');
    expect(m.missing).toEqual([{ field: 'from', column: 'iso3codefrom' }]);
  });
});

describe('checkColumnMap', () => {
  it('checkColumnMap rejects unknown fields and empty column names with option "columns"', () => {
    expect(checkColumnMap({ Count: 'n' }, 'moves')).toEqual({ count: 'n' });
    expect(optionError(() => checkColumnMap({ origin: 'x' }, 'moves')).option).toBe('columns');
    expect(optionError(() => checkColumnMap({ from: ' ' }, 'moves')).option).toBe('columns');
  });
});

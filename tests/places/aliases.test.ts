import { describe, expect, it } from 'vitest';
import { parseAliasCsv } from '../../src/places/aliases.ts';

describe('parseAliasCsv', () => {
  it('parseAliasCsv reads aliases and returns countries as ISO2 codes', () => {
    const text =
      'name,country,target,target_country\nPok Fu Lam,HK,Hong Kong,HK\nGarching,DEU,Munich,\nHeadington,,Oxford,United Kingdom\n';
    expect(parseAliasCsv(text, 'aliases.csv')).toEqual({
      aliases: [
        { name: 'Pok Fu Lam', country: 'HK', target: 'Hong Kong', targetCountry: 'HK' },
        { name: 'Garching', country: 'DE', target: 'Munich', targetCountry: null },
        { name: 'Headington', country: null, target: 'Oxford', targetCountry: 'GB' },
      ],
      problems: [],
    });
  });

  it('parseAliasCsv accepts a file without country columns and in any column order', () => {
    const { aliases, problems } = parseAliasCsv('target,name\r\n"Washington, D.C.",Foggy Bottom\r\n', 'a.csv');
    expect(problems).toEqual([]);
    expect(aliases).toEqual([{ name: 'Foggy Bottom', country: null, target: 'Washington, D.C.', targetCountry: null }]);
  });

  it('parseAliasCsv reports each bad row by file, line, field and value and keeps the good ones', () => {
    const text = [
      'name,country,target,target_country',
      'Pok Fu Lam,HK,Hong Kong,HK', // line 2: fine
      'Nowhere,XX,Paris,FR', // line 3: unknown country
      ',FR,Paris,FR', // line 4: empty name
      'Orsay,FR,,', // line 5: empty target
      'Too,Many,Fields,Here,Extra', // line 6: five fields
      'Pok Fu Lam,HK,Kowloon,HK', // line 7: same name and country, other target
      'Pok Fu Lam,HK,hong kong,HK', // line 8: same target again: harmless duplicate
    ].join('\n');
    const { aliases, problems } = parseAliasCsv(text, 'my-aliases.csv');
    expect(aliases.map((a) => a.name)).toEqual(['Pok Fu Lam']);
    expect(problems.map(({ file, line, field, value, reason, severity }) => ({ file, line, field, value, reason, severity }))).toEqual([
      { file: 'my-aliases.csv', line: 3, field: 'country', value: 'XX', reason: 'unknown-country', severity: 'error' },
      { file: 'my-aliases.csv', line: 4, field: 'name', value: '', reason: 'empty-place', severity: 'error' },
      { file: 'my-aliases.csv', line: 5, field: 'target', value: '', reason: 'empty-place', severity: 'error' },
      { file: 'my-aliases.csv', line: 6, field: '', value: 'Too,Many,Fields,Here,Extra', reason: 'malformed-row', severity: 'error' },
      { file: 'my-aliases.csv', line: 7, field: 'name', value: 'Pok Fu Lam', reason: 'malformed-row', severity: 'error' },
    ]);
  });

  it('parseAliasCsv reports a missing required column once and reads nothing', () => {
    const { aliases, problems } = parseAliasCsv('name,country\nPok Fu Lam,HK\n', 'a.csv');
    expect(aliases).toEqual([]);
    expect(problems).toMatchObject([{ file: 'a.csv', line: 1, field: 'target', reason: 'missing-column' }]);
  });

  it('parseAliasCsv reports an unclosed quote as a malformed row', () => {
    const { problems } = parseAliasCsv('name,target\n"Pok Fu Lam,Hong Kong\n', 'a.csv');
    expect(problems).toMatchObject([{ line: 2, reason: 'malformed-row' }]);
  });
});

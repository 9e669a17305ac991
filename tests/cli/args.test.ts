import { describe, expect, it } from 'vitest';
import { parseChoice, parseIntOption, parseNumberOption, parseYearRange, parseCommandLine } from '../../src/cli/args.ts';
import { OptionError } from '../../src/errors.ts';

describe('parseYearRange', () => {
  it('parseYearRange reads ranges with hyphen or en dash and single years', () => {
    expect(parseYearRange('--window', '2019-2023')).toEqual([2019, 2023]);
    expect(parseYearRange('--window', '2019–2023')).toEqual([2019, 2023]);
    expect(parseYearRange('--years', '2020')).toEqual([2020, 2020]);
  });
  it('parseYearRange rejects reversed or malformed ranges with OptionError naming the option', () => {
    for (const bad of ['2023-2019', '19-23', 'abc', '']) {
      try {
        parseYearRange('--window', bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(OptionError);
        expect((e as OptionError).option).toBe('--window');
        expect((e as OptionError).value).toBe(bad);
      }
    }
  });
});

describe('parseIntOption / parseNumberOption / parseChoice', () => {
  it('parseIntOption accepts integers in range and rejects others', () => {
    expect(parseIntOption('--seed', undefined, 42)).toBe(42);
    expect(parseIntOption('--seed', '7', 42, 0)).toBe(7);
    expect(() => parseIntOption('--seed', '1.5', 42)).toThrow(OptionError);
    expect(() => parseIntOption('--top-k', '0', 5, 1)).toThrow(OptionError);
  });
  it('parseNumberOption rejects blanks and non-finite values', () => {
    expect(parseNumberOption('--resolution', '0.5', 1, 0)).toBe(0.5);
    expect(() => parseNumberOption('--resolution', ' ', 1, 0)).toThrow(OptionError);
    expect(() => parseNumberOption('--resolution', 'Infinity', 1, 0)).toThrow(OptionError);
  });
  it('parseChoice keeps to the listed words', () => {
    expect(parseChoice('--level', 'city', ['metro', 'city', 'country'] as const, 'metro')).toBe('city');
    expect(() => parseChoice('--level', 'region', ['metro', 'city', 'country'] as const, 'metro')).toThrow(OptionError);
  });
  it('parseCommandLine turns unknown options into OptionError', () => {
    expect(() => parseCommandLine(['--nope'], { out: { type: 'string' } }, 'analyze')).toThrow(OptionError);
    expect(parseCommandLine(['x', '--out', 'd'], { out: { type: 'string' } }, 'analyze').values.out).toBe('d');
  });
});

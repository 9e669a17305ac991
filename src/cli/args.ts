/** Command-line parsing shared by the commands: node's parseArgs plus value checks that name the option. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OptionError } from '../errors.ts';
import { checkYearRange } from '../records/cells.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

type StrictConfig<T extends OptionSpec> = { args: string[]; options: T; allowPositionals: true; strict: true };

/** What {@link parseCommandLine} returns: parseArgs' typed `values` and `positionals`. */
export type ParsedCommandLine<T extends OptionSpec> = ReturnType<typeof parseArgs<StrictConfig<T>>>;

/** parseArgs with strict checking, turning its errors into OptionError (exit code 2). */
export function parseCommandLine<const T extends OptionSpec>(argv: string[], options: T, command: string): ParsedCommandLine<T> {
  try {
    return parseArgs<StrictConfig<T>>({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new OptionError(command, argv.join(' '), `valid options (see "talentflow ${command} --help"): ${message}`, {
      cause: error,
    });
  }
}

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value starting with "-" for an option and calls
 * the command line ambiguous; a negative number after an option that takes a value is its value
 * (and is then checked against the option's range).
 */
function joinNegativeValues(argv: string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** "2019-2023" or "2019–2023" or "2019" → [2019, 2023], checked as the library checks a range; the option name goes into the error. */
export function parseYearRange(option: string, value: string): [number, number] {
  const m = /^\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*$/.exec(value);
  if (!m) throw new OptionError(option, value, 'a year or a year range like 2019-2023');
  const a = Number(m[1]);
  const range = [a, m[2] === undefined ? a : Number(m[2])];
  return parseFlagValue(option, value, (name) => checkYearRange(name, range));
}

/**
 * A flag's value checked by a library check: "auto" and "Infinity" stay words or numbers as the
 * check expects, anything else is read as a number (a blank is not 0). An OptionError names the
 * flag and quotes the value as typed.
 */
export function parseFlagValue<T>(flag: string, raw: string, check: (name: string, value: unknown) => T): T {
  const value: unknown = raw === 'auto' ? raw : raw.trim() === '' ? Number.NaN : Number(raw);
  try {
    return check(flag, value);
  } catch (error) {
    if (error instanceof OptionError) throw new OptionError(flag, raw, error.expected, { cause: error });
    throw error;
  }
}

/** An integer option within [min, max]. */
export function parseIntOption(option: string, value: string | undefined, fallback: number, min = -Infinity, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = `${Number.isFinite(min) ? min : ''}..${Number.isFinite(max) ? max : ''}`;
    throw new OptionError(option, value, `an integer in ${range}`);
  }
  return n;
}

/** A finite number option within [min, max]. */
export function parseNumberOption(option: string, value: string | undefined, fallback: number, min = -Infinity, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new OptionError(option, value, `a number between ${min} and ${max}`);
  }
  return n;
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(option: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new OptionError(option, value, `one of ${choices.join(', ')}`);
  return value as T;
}

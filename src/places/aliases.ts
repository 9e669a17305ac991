/**
 * User aliases: a CSV that maps names the built-in tables do not know (or place differently)
 * onto known places, e.g. a district onto its city ("Pok Fu Lam", HK → "Hong Kong") or a
 * municipality into a metro ("Garching", DE → "Munich").
 */
import type { Problem } from '../records/types.ts';
import { resolveCountry } from './countries.ts';
import { parseCsvRows } from './csv.ts';
import { normalizeName } from './normalize.ts';
import type { PlaceAlias } from './types.ts';

const COLUMNS = ['name', 'country', 'target', 'target_country'] as const;
const REQUIRED = ['name', 'target'] as const;

function problem(file: string, line: number, field: string, value: string, reason: Problem['reason'], message: string): Problem {
  return { file, line, field, value, reason, severity: 'error', message };
}

/**
 * Reads a user alias CSV with the header `name,country,target,target_country` (any column
 * order; `country` and `target_country` may be left out or left empty). Each row says: a record
 * naming `name` (in `country`; any country when empty) is the place `target` (in
 * `target_country`; the record's own country when empty). Country values may be ISO2, ISO3 or
 * names and are returned as ISO2 codes.
 *
 * Bad rows are skipped and reported as {@link Problem}s located by file, line (header = 1),
 * field and value: an empty `name` or `target` (`empty-place`), an unknown country
 * (`unknown-country`), a row that is not valid CSV or has the wrong number of fields, or a
 * second row for the same name and country with another target (`malformed-row`). A header
 * without `name` or `target` is one `missing-column` problem and no aliases. Unknown extra
 * columns are ignored.
 *
 * @example
 * parseAliasCsv('name,country,target\nPok Fu Lam,HK,Hong Kong\n', 'aliases.csv').aliases
 * // [{ name: 'Pok Fu Lam', country: 'HK', target: 'Hong Kong', targetCountry: null }]
 */
export function parseAliasCsv(text: string, file: string): { aliases: PlaceAlias[]; problems: Problem[] } {
  const rows = parseCsvRows(text);
  const aliases: PlaceAlias[] = [];
  const problems: Problem[] = [];
  const header = rows[0];
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (!header || missing.length > 0) {
    problems.push(
      problem(
        file,
        1,
        missing.join(','),
        header?.fields.join(',') ?? '',
        'missing-column',
        `${file}:1: alias CSV needs the columns ${COLUMNS.join(',')} (country columns optional); missing ${missing.join(', ')}`,
      ),
    );
    return { aliases, problems };
  }
  const at = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const seen = new Map<string, { target: string; line: number }>();
  for (const row of rows.slice(1)) {
    if (row.error || row.fields.length !== names.length) {
      const why = row.error ?? `${row.fields.length} fields where the header has ${names.length}`;
      problems.push(problem(file, row.line, '', row.fields.join(','), 'malformed-row', `${file}:${row.line}: malformed row (${why})`));
      continue;
    }
    const get = (column: (typeof COLUMNS)[number]): string => (at[column] >= 0 ? (row.fields[at[column]] ?? '') : '').trim();
    const name = get('name');
    const target = get('target');
    let bad = false;
    for (const [field, value] of [
      ['name', name],
      ['target', target],
    ] as const) {
      if (value === '' || normalizeName(value) === '') {
        problems.push(problem(file, row.line, field, value, 'empty-place', `${file}:${row.line}: "${field}" is empty`));
        bad = true;
      }
    }
    const countries: (string | null)[] = [];
    for (const field of ['country', 'target_country'] as const) {
      const value = get(field);
      if (value === '') {
        countries.push(null);
        continue;
      }
      const info = resolveCountry(value);
      if (!info) {
        problems.push(
          problem(
            file,
            row.line,
            field,
            value,
            'unknown-country',
            `${file}:${row.line}: unknown country ${JSON.stringify(value)} in "${field}"; use an ISO code such as GB or GBR`,
          ),
        );
        bad = true;
      }
      countries.push(info?.iso2 ?? null);
    }
    if (bad) continue;
    const [country = null, targetCountry = null] = countries;
    const key = `${normalizeName(name)}|${country ?? ''}`;
    const resolvedTarget = `${normalizeName(target)}|${targetCountry ?? ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.target !== resolvedTarget) {
        problems.push(
          problem(
            file,
            row.line,
            'name',
            name,
            'malformed-row',
            `${file}:${row.line}: ${JSON.stringify(name)} already has another target on line ${earlier.line}`,
          ),
        );
      }
      continue;
    }
    seen.set(key, { target: resolvedTarget, line: row.line });
    aliases.push({ name, country, target, targetCountry });
  }
  return { aliases, problems };
}

/**
 * The problems of a ClickHouse run, worded as the other engines word them: the rows the checks
 * flagged (read back with their lines), the records the loader set aside (malformed, not UTF-8),
 * in line order, then the rows whose places the resolver flagged.
 */
import { encodingMessage } from '../../io/read-table.ts';
import { problem } from '../../records/table-input.ts';
import type { Problem, RecordKind } from '../../records/types.ts';
import { rowProblems } from '../duckdb/validate.ts';
import type { Cell, Connection } from './connection.ts';
import type { Input } from './input.ts';
import type { placeMapping } from './places.ts';

/** What the problems are gathered from. */
export interface ProblemSources {
  kind: RecordKind;
  /** The input has a count (publications) column. */
  hasCount: boolean;
  /** The flagged rows as the validation query reads them back (line first). */
  bad: Cell[][];
  input: Input;
  looksLatin1: boolean;
  mapping: ReturnType<typeof placeMapping>;
  /** WITH head with the place mapping, the Distributed table, and each end's (name, country) aliases. */
  mhead: string;
  from: string;
  ends: Array<[string, string]>;
}

/** The problems in the order the other engines give them. */
export async function collectProblems(conn: Connection, src: ProblemSources): Promise<Problem[]> {
  const { kind, hasCount, bad, input, looksLatin1, mapping, mhead, from, ends } = src;
  const parseProblems: Array<{ line: number; problems: Problem[] }> = bad.map((r) => {
    const line = Number(r[0]);
    const row =
      kind === 'moves'
        ? {
            id: r[1],
            f: r[2],
            t: r[3],
            fc: r[4],
            tc: r[5],
            ytext: r[6],
            year: r[7] === null ? null : Number(r[7]),
            ctext: r[8],
            cfault: r[9],
            self: r[10] === '1',
          }
        : { id: r[1], place: r[2], ytext: r[3], year: r[4] === null ? null : Number(r[4]), ctext: r[5], cfault: r[6] };
    return { line, problems: rowProblems(row, kind, hasCount, input.file, line) };
  });
  for (const m of input.malformed) {
    if (m.encoding !== undefined) {
      const message = encodingMessage(m.encoding.line, m.encoding.byte, looksLatin1, input.file);
      parseProblems.push({ line: m.line, problems: [problem(input.file, m.line, 'row', m.evidence, 'bad-encoding', message)] });
      continue;
    }
    const message = `row cannot be split into the header's ${input.header.length} columns (${m.evidence}); quote values that contain the delimiter`;
    parseProblems.push({ line: m.line, problems: [problem(input.file, m.line, 'row', m.evidence, 'malformed-row', message)] });
  }
  parseProblems.sort((a, b) => a.line - b.line);
  const problems: Problem[] = parseProblems.flatMap((p) => p.problems);
  const fieldsOf = kind === 'moves' ? ['from', 'to'] : ['place'];
  if (mapping.flagged.length > 0) {
    const keys = ends.map((_e, i) => `tf_k${i}`);
    const flaggedRows = await conn.rows(
      `${mhead}SELECT tf_ln, ${keys.join(', ')} FROM ${from} WHERE NOT tf_bad AND NOT tf_blank AND (${keys.map((k) => `has(tf_flagged, ${k})`).join(' OR ')}) ORDER BY tf_ln, ${keys.join(', ')}`,
    );
    for (const r of flaggedRows) {
      const line = Number(r[0]);
      fieldsOf.forEach((field, i) => {
        const p = mapping.problem(r[i + 1]!, field, input.file, line);
        if (p) problems.push(p);
      });
    }
  }
  return problems;
}

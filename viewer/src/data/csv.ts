/**
 * CSV fields by slicing, for the tables an analysis folder holds (places.csv and rai.csv run to
 * megabytes at 5,000 places). The library's parseCsvRows builds every field a character at a
 * time, which made these two files most of the time to open a large analysis; this reads the
 * same RFC 4180 subset (quoted fields, doubled quotes, LF or CRLF line ends, a leading BOM) with
 * one slice per field. Text it would have to report as malformed is left to parseCsvRows, so
 * errors (with their line numbers) stay the library's.
 */
import { InputError, parseCsvRows } from 'talentflow';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * The rows of `text` as field lists (blank lines skipped, as parseCsvRows does), or null when a
 * quoted field is malformed (unclosed, or text after its closing quote).
 *
 * @example csvFields('a,b\n1,"x, ""y"""\n') // [['a', 'b'], ['1', 'x, "y"']]
 */
export function csvFields(text: string): string[][] | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const rows: string[][] = [];
  let i = 0;
  while (i < n) {
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (src.charCodeAt(i) === QUOTE) {
        field = '';
        let from = i + 1;
        for (;;) {
          const q = src.indexOf('"', from);
          if (q < 0) return null;
          if (src.charCodeAt(q + 1) === QUOTE) {
            field += src.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          field += src.slice(from, q);
          i = q + 1;
          break;
        }
        const c = src.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && !(c === CR && src.charCodeAt(i + 1) === LF)) return null;
      } else {
        const start = i;
        for (; i < n; i++) {
          const c = src.charCodeAt(i);
          if (c === COMMA || c === LF || (c === CR && src.charCodeAt(i + 1) === LF)) break;
        }
        field = src.slice(start, i);
      }
      fields.push(field);
      if (i >= n) break;
      const c = src.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      i += c === CR ? 2 : 1;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) rows.push(fields);
  }
  return rows;
}

/**
 * CSV text as rows of fields, the header first: the viewer's fast reading, or the library's when
 * that declines. Throws InputError naming the file and line on malformed CSV.
 */
export function tableFields(text: string, file: string): string[][] {
  return csvFields(text) ?? badCsv(text, file);
}

/** The library's reading of CSV text csvFields declined: its error, or its rows if it has none. */
function badCsv(text: string, file: string): string[][] {
  const parsed = parseCsvRows(text);
  const bad = parsed.find((r) => r.error);
  if (bad) throw new InputError(file, `line ${bad.line} is not valid CSV (${bad.error})`);
  return parsed.map((r) => r.fields);
}

/** A cell's number, or null when it is empty or not a finite number. */
export const numberOrNull = (text: string | undefined): number | null => {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

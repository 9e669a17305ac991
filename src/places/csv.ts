/**
 * A small RFC 4180 CSV reader for the place tables (metro areas, user aliases). It keeps the
 * physical line where each row starts, which the alias reader needs to report problems, and it
 * flags malformed rows (an unclosed quote, text after a closing quote) instead of guessing.
 */

/** One CSV row with the 1-based physical line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  fields: string[];
  /** Why the row is not valid CSV, when it is not. */
  error?: 'unclosed-quote' | 'text-after-quote';
}

/**
 * Splits CSV text into rows of fields. Fields may be quoted with `"`, quotes inside quoted
 * fields are doubled, quoted fields may hold commas and line breaks; line ends are LF or CRLF;
 * a leading byte-order mark is ignored; blank lines are skipped.
 *
 * @example parseCsvRows('a,b\n"x, y",2\n') // [{line:1, fields:['a','b']}, {line:2, fields:['x, y','2']}]
 */
export function parseCsvRows(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let error: CsvRow['error'];
    let field = '';
    let atRowEnd = false;
    while (!atRowEnd) {
      if (src[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) error ??= 'unclosed-quote';
        // Anything between the closing quote and the next separator is malformed; keep it visible.
        while (i < n && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) {
          error ??= 'text-after-quote';
          field += src[i];
          i++;
        }
      } else {
        while (i < n && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) {
          field += src[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (i >= n) atRowEnd = true;
      else if (src[i] === ',') i++;
      else {
        i += src[i] === '\r' ? 2 : 1;
        line++;
        atRowEnd = true;
      }
    }
    const blank = fields.length === 1 && fields[0] === '' && error === undefined;
    if (!blank) rows.push(error ? { line: start, fields, error } : { line: start, fields });
  }
  return rows;
}

/**
 * The input file as rows for ClickHouse: a streaming CSV/TSV tokeniser that follows the record
 * rules of `readTable` (those of `DelimitedScanner`: quotes open only at a field's start, `""`
 * inside quotes is a quote, a record ends at LF, CR or CRLF outside quotes, empty records are
 * skipped) and writes each well-formed data record as one TabSeparated line led by the physical
 * line it starts on. A `Distributed` insert keeps no order, so the line travels with the row: the
 * cluster's problems then name the same lines as the JS engine's. Records with the wrong number of
 * fields are not sent; they are reported as `readTable` reports them (`malformed-row`). Nor are
 * well-formed records on a line whose bytes are not UTF-8 (`badLines`, found by `inspectInput`):
 * the text decoder would send them altered, and the other engines skip them as `bad-encoding`.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A record that is not sent: its line and what is wrong ("5 fields", "unclosed quote", ...), and
 * for a well-formed record on a line that is not UTF-8 the line and byte of the first such line.
 */
export interface MalformedRecord {
  line: number;
  evidence: string;
  encoding?: { line: number; byte: number };
}

/** TabSeparated escaping of one value (ClickHouse's text format). */
export function tsvEscape(value: string): string {
  // Most cells need nothing; the test is cheaper than four replacements.
  if (!/[\\\t\n\r\0]/.test(value)) return value;
  return value.replace(/[\\\t\n\r\0]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\0',
  );
}

/**
 * Feeds text chunk by chunk and returns, per chunk, the TabSeparated lines of the records it
 * completed: `line \t field1 \t field2 ...`. Record 0 is the header (`header`), not written.
 * @example
 * const t = new CsvRecords(',');
 * t.feed('a,b\n"x\ny",2\n') // '' — the header is read, the record waits for its end
 * t.finish() // '2\tx\\ny\t2\n'
 */
export class CsvRecords {
  private readonly delimiter: number;
  private carry = '';
  /** Line of the first character of `carry`. */
  private carryLine = 1;
  /** The header's fields, once read. */
  header: string[] | null = null;
  /** Data records written. */
  rows = 0;
  readonly malformed: MalformedRecord[] = [];
  /** Lines that are not UTF-8, ascending, and the first bad byte of each. */
  private readonly bad: number[];
  private readonly badBytes: ReadonlyMap<number, number>;
  private nextBad = 0;

  constructor(delimiter: string, badLines: ReadonlyMap<number, number> = new Map()) {
    this.delimiter = delimiter.charCodeAt(0);
    this.bad = [...badLines.keys()].sort((a, b) => a - b);
    this.badBytes = badLines;
  }

  /** Tokenises `chunk` (after what was left over) and returns the lines of the completed records. */
  feed(chunk: string): string {
    return this.scan(this.carry + chunk, false);
  }

  /** Ends the input: a last record without a line break is still a record. */
  finish(): string {
    return this.scan(this.carry, true);
  }

  private scan(text: string, final: boolean): string {
    const d = this.delimiter;
    const out: string[] = [];
    let line = this.carryLine;
    let i = 0;
    const n = text.length;
    while (i < n) {
      // One record from i.
      const start = i;
      const startLine = line;
      const fields: string[] = [];
      let field = '';
      let fieldStart = i;
      let quoted = false;
      let junk = false;
      let unclosed = false;
      let dirty = false;
      let ended = false;
      let p = i;
      while (p < n) {
        const c = text.charCodeAt(p);
        if (c === QUOTE && p === fieldStart && !quoted) {
          // A quoted field: up to the closing quote ("" is a quote).
          quoted = true;
          dirty = true;
          let q = p + 1;
          let value = '';
          for (;;) {
            const close = text.indexOf('"', q);
            if (close === -1) {
              unclosed = true;
              q = n;
              break;
            }
            if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(q, close + 1);
              q = close + 2;
              continue;
            }
            if (close + 1 === n && !final) {
              // The next chunk may start with the quote that makes this one a "".
              unclosed = true;
              q = n;
              break;
            }
            value += text.slice(q, close);
            q = close + 1;
            break;
          }
          for (let k = p; k < q; k++) {
            const ch = text.charCodeAt(k);
            if (ch === CR) {
              line++;
              if (k + 1 < q && text.charCodeAt(k + 1) === LF) k++;
            } else if (ch === LF) line++;
          }
          field = value;
          p = q;
          if (unclosed) break;
          continue;
        }
        if (c === d) {
          fields.push(quoted ? field : text.slice(fieldStart, p));
          quoted = false;
          field = '';
          dirty = true;
          p++;
          fieldStart = p;
          continue;
        }
        if (c === LF || c === CR) {
          if (c === CR && p + 1 === n && !final) break; // a CRLF may straddle the chunks
          fields.push(quoted ? field : text.slice(fieldStart, p));
          p += c === CR && p + 1 < n && text.charCodeAt(p + 1) === LF ? 2 : 1;
          line++;
          ended = true;
          break;
        }
        if (quoted) junk = true;
        dirty = true;
        p++;
      }
      if (!ended) {
        if (!final || (unclosed && !final)) {
          this.carry = text.slice(start);
          this.carryLine = startLine;
          return out.join('');
        }
        if (unclosed) {
          this.record(null, startLine, Infinity, 'unclosed quote', out);
          i = n;
          break;
        }
        if (!dirty) {
          i = n;
          break;
        }
        fields.push(quoted ? field : text.slice(fieldStart, p));
      }
      i = p;
      if (!dirty) continue; // an empty record (blank line) is no record
      this.record(fields, startLine, ended ? line : Infinity, junk ? 'text after a closing quote' : null, out);
    }
    this.carry = '';
    this.carryLine = line;
    return out.join('');
  }

  /** `next`: the line after the record's last (Infinity for the file's last record). */
  private record(fields: string[] | null, line: number, next: number, fault: string | null, out: string[]): void {
    while (this.nextBad < this.bad.length && this.bad[this.nextBad]! < line) this.nextBad++;
    if (this.header === null) {
      // A malformed header still names the columns it has; the readers fail on it later if it matters.
      this.header = fields ?? [];
      return;
    }
    if (fault !== null || fields === null) {
      this.malformed.push({ line, evidence: fault ?? 'unclosed quote' });
      return;
    }
    if (fields.length !== this.header.length) {
      this.malformed.push({ line, evidence: `${fields.length} fields` });
      return;
    }
    const bad = this.bad[this.nextBad];
    if (bad !== undefined && bad < next) {
      const byte = this.badBytes.get(bad)!;
      this.malformed.push({ line, evidence: `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`, encoding: { line: bad, byte } });
      return;
    }
    let s = String(line);
    for (const f of fields) s += '\t' + tsvEscape(f);
    out.push(s + '\n');
    this.rows++;
  }
}

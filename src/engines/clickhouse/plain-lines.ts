/**
 * The fast way of a CSV file to the cluster: when every record is one physical line whose quotes
 * only open at a field's start and close at its end, the server can parse the bytes itself (CSV
 * format) and read every cell as `CsvRecords` would — its only difference, trimming spaces and
 * tabs around unquoted cells, changes no result, since the checks trim every cell anyway. The
 * bytes then only need each line's number in front (`12,` + the line), which is a scan for line
 * feeds and quotes, not a tokeniser. The first line that is not plain (a quoted line break, a
 * quote inside a cell, a lone CR) says so, and the caller reads the file the exact way instead;
 * so does the server's refusal of a line with the wrong number of cells.
 */
import { CsvRecords } from './csv-records.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Whether `buf[start, end)` (a line without its line feed; a CR before it is allowed) is plain:
 * no other CR, and each quote opens a field (at the line's start or after a delimiter) and is
 * closed on the line before a delimiter or the line's end, `""` inside being a quote.
 * `quote`: the first quote at or after `start`, or −1.
 */
function plainLine(buf: Buffer, start: number, end: number, d: number, quote: number, cr: number): boolean {
  const stop = end > start && buf[end - 1] === CR ? end - 1 : end;
  if (cr !== -1 && cr < stop) return false;
  let p = quote;
  while (p !== -1 && p < stop) {
    if (p !== start && buf[p - 1] !== d) return false;
    let q = p + 1;
    for (;;) {
      q = buf.indexOf(QUOTE, q);
      if (q === -1 || q >= stop) return false;
      if (q + 1 < stop && buf[q + 1] === QUOTE) {
        q += 2;
        continue;
      }
      break;
    }
    if (q + 1 !== stop && buf[q + 1] !== d) return false;
    p = buf.indexOf(QUOTE, q + 1);
  }
  return true;
}

/**
 * Feeds the file's bytes chunk by chunk and returns, per chunk, the CSV of its complete data
 * lines, each led by its line number and a comma; `null` once a line is not plain (the caller
 * then stops). The first non-empty line is the header (`header`), not written; empty lines are
 * skipped, as empty records are.
 * @example
 * const p = new PlainLines(',');
 * p.feed(Buffer.from('a,b\nx,"y"\n')).toString() // '2,x,"y"\n'
 */
export class PlainLines {
  private readonly delimiter: number;
  private carry: Buffer | null = null;
  /** Lines consumed. */
  private line = 0;
  header: string[] | null = null;
  /** Data lines written. */
  rows = 0;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  feed(chunk: Buffer): Buffer | null {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    return this.scan(buf, false);
  }

  /** Ends the input: a last line without a line feed is still a line. */
  finish(): Buffer | null {
    const buf = this.carry ?? Buffer.alloc(0);
    this.carry = null;
    return this.scan(buf, true);
  }

  private scan(buf: Buffer, final: boolean): Buffer | null {
    const d = this.delimiter;
    let out = Buffer.allocUnsafe(buf.length + (buf.length >> 2) + 64);
    let at = 0;
    let start = 0;
    let quote = buf.indexOf(QUOTE);
    let cr = buf.indexOf(CR);
    while (start < buf.length) {
      let lf = buf.indexOf(LF, start);
      if (lf === -1) {
        if (!final) {
          this.carry = buf.subarray(start);
          break;
        }
        lf = buf.length;
      }
      this.line++;
      if (quote !== -1 && quote < start) quote = buf.indexOf(QUOTE, start);
      if (cr !== -1 && cr < start) cr = buf.indexOf(CR, start);
      const empty = lf === start || (lf === start + 1 && buf[start] === CR);
      if (!empty) {
        if (!plainLine(buf, start, lf, d, quote, cr)) return null;
        if (this.header === null) {
          const records = new CsvRecords(String.fromCharCode(d));
          records.feed(`${new TextDecoder().decode(buf.subarray(start, lf))}\n`);
          this.header = records.header ?? [];
        } else {
          const prefix = `${this.line},`;
          const need = prefix.length + (lf - start) + 1;
          if (at + need > out.length) {
            const grown = Buffer.allocUnsafe(Math.max(out.length * 2, at + need));
            out.copy(grown, 0, 0, at);
            out = grown;
          }
          at += out.write(prefix, at, 'latin1');
          at += buf.copy(out, at, start, lf);
          out[at++] = LF;
          this.rows++;
        }
      }
      start = lf + 1;
    }
    return out.subarray(0, at);
  }
}

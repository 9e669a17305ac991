/**
 * A streaming pass over delimited text that follows the same record rules as arquero's CSV
 * tokenizer (quotes open only at a field's start, `""` inside quotes is a quote, a record ends at
 * LF, CR or CRLF outside quotes) and keeps, for every record, the physical line it starts on and
 * how many fields it has. arquero gives neither: with a quoted line break the row index no longer
 * tells the line, and a row with too many or too few fields is silently cut or padded.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Width codes for records that are not a plain field count. */
export const BLANK_RECORD = 0;
export const TEXT_AFTER_QUOTE = -1;
export const UNCLOSED_QUOTE = -2;

/**
 * Scans delimited text chunk by chunk: `feed` each chunk, `finish` at the end, then read each
 * record's start line (`dataLines`) and width code (`width`). Record 0 is the header.
 * @example
 * const s = new DelimitedScanner(',');
 * s.feed('a,b\n"x\ny",2\n3,4\n'); s.finish();
 * s.dataLines(); // Int32Array [2, 4]
 */
export class DelimitedScanner {
  private readonly delimiter: number;
  private line = 1;
  private recordLine = 1;
  private fields = 0;
  private fieldStart = true;
  private inQuote = false;
  private quotePending = false;
  private afterQuote = false;
  private afterCR = false;
  private dirty = false;
  private junk = false;
  /** Fields of the current record up to its last non-empty one. */
  private filled = 0;
  private lines = new Int32Array(1024);
  private widths = new Int32Array(1024);
  /** Records seen so far (the header is record 0). */
  count = 0;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Scans the next chunk of text. */
  feed(chunk: string): void {
    // State in locals for the loop (several times faster than fields), written back at the end.
    const d = this.delimiter;
    let { line, fields, fieldStart, inQuote, quotePending, afterQuote, afterCR, dirty, junk, filled } = this;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inQuote) {
        if (quotePending) {
          quotePending = false;
          if (c === QUOTE) continue;
          inQuote = false;
          afterQuote = true;
        } else {
          if (c === QUOTE) quotePending = true;
          else if (c === CR) {
            line++;
            afterCR = true;
            continue;
          } else if (c === LF && !afterCR) line++;
          afterCR = false;
          continue;
        }
      }
      if (c === LF && afterCR) {
        afterCR = false;
        continue;
      }
      afterCR = false;
      if (c === d) {
        fields++;
        fieldStart = true;
        afterQuote = false;
        dirty = true;
      } else if (c === LF || c === CR) {
        this.push(this.recordLine, recordWidth(junk, dirty, fields), filled);
        fields = 0;
        filled = 0;
        fieldStart = true;
        afterQuote = false;
        dirty = false;
        junk = false;
        line++;
        this.recordLine = line;
        afterCR = c === CR;
      } else {
        if (afterQuote) junk = true;
        else if (c === QUOTE && fieldStart) inQuote = true;
        fieldStart = false;
        dirty = true;
        filled = fields + 1;
      }
    }
    Object.assign(this, { line, fields, fieldStart, inQuote, quotePending, afterQuote, afterCR, dirty, junk, filled });
  }

  /** Ends the text: a last record without a line break is still a record. */
  finish(): void {
    if (this.inQuote && this.quotePending) this.inQuote = false;
    if (this.inQuote) this.push(this.recordLine, UNCLOSED_QUOTE);
    else if (this.dirty) this.push(this.recordLine, recordWidth(this.junk, this.dirty, this.fields), this.filled);
  }

  /** Start line of each data record (records 1..count−1), or null when record r+1 is on line r+2 for every r. */
  dataLines(): Int32Array | null {
    const n = Math.max(0, this.count - 1);
    for (let r = 0; r < n; r++) {
      if (this.lines[r + 1] !== r + 2) return this.lines.slice(1, this.count);
    }
    return null;
  }

  /** Width code of each record: a field count, or one of BLANK_RECORD, TEXT_AFTER_QUOTE, UNCLOSED_QUOTE. */
  width(record: number): number {
    return this.widths[record]!;
  }

  private push(line: number, width: number, filled = width): void {
    // Empty fields past the header's are no data: the record counts as the header's width (both
    // readers drop them: arquero cuts the row, DuckDB ignores trailing empty fields).
    if (this.count > 0 && width > this.widths[0]! && filled <= this.widths[0]!) width = this.widths[0]!;
    if (this.count === this.lines.length) {
      const lines = new Int32Array(this.count * 2);
      lines.set(this.lines);
      this.lines = lines;
      const widths = new Int32Array(this.count * 2);
      widths.set(this.widths);
      this.widths = widths;
    }
    this.lines[this.count] = line;
    this.widths[this.count] = width;
    this.count++;
  }
}

function recordWidth(junk: boolean, dirty: boolean, fields: number): number {
  return junk ? TEXT_AFTER_QUOTE : dirty ? fields + 1 : BLANK_RECORD;
}

/**
 * Physical line numbers for the DuckDB engine's problems. DuckDB numbers data rows (`ord`) but
 * not lines: a quoted line break, a blank line or a row it set aside as malformed shifts them.
 * When a run has problems to locate, one streaming pass of the same scanner `readTable` uses
 * (`DelimitedScanner`) maps the k-th well-formed record to its line and words each malformed
 * record as `readTable` does. Clean inputs skip the pass.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.ts';
import { BLANK_RECORD, DelimitedScanner, TEXT_AFTER_QUOTE, UNCLOSED_QUOTE } from '../../io/delimited-scanner.ts';
import type { SourceKind } from './source.ts';

/** Where rows are: `line(ord)` for DuckDB's 1-based row number, and the rows DuckDB could not split. */
export interface LineMap {
  line(ord: number): number;
  /** Malformed records in file order: line and evidence ("5 fields", "unclosed quote", ...). */
  malformed: Array<{ line: number; evidence: string }>;
}

/** Parquet rows and clean CSVs: row r is on line r + 1 (the header is line 1). */
export const PLAIN_LINES: LineMap = { line: (ord) => ord + 1, malformed: [] };

/**
 * Scans `path` once and maps DuckDB's row numbers to lines.
 *
 * @param rows - rows DuckDB read (rejected rows excluded): checked against the scan.
 * @throws InputError when DuckDB and the scanner split the file into different records.
 */
export async function scanLines(path: string, kind: SourceKind, rows: number): Promise<LineMap> {
  if (kind.format === 'parquet') return PLAIN_LINES;
  const scanner = new DelimitedScanner(kind.format === 'tsv' ? '\t' : ',');
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const bytes = kind.gzip ? file.pipe(createGunzip()) : file;
  if (kind.gzip) file.on('error', (e) => bytes.destroy(e));
  const decoder = new TextDecoder();
  for await (const chunk of bytes) scanner.feed(decoder.decode(chunk as Buffer, { stream: true }));
  scanner.feed(decoder.decode());
  scanner.finish();

  const lines = scanner.dataLines();
  const width = scanner.count > 0 ? scanner.width(0) : 0;
  const good = new Int32Array(Math.max(0, scanner.count - 1));
  let n = 0;
  const malformed: LineMap['malformed'] = [];
  for (let r = 1; r < scanner.count; r++) {
    const w = scanner.width(r);
    const line = lines ? lines[r - 1]! : r + 1;
    if (w === BLANK_RECORD) continue;
    if (w === width) good[n++] = line;
    else malformed.push({ line, evidence: w === TEXT_AFTER_QUOTE ? 'text after a closing quote' : w === UNCLOSED_QUOTE ? 'unclosed quote' : `${w} fields` });
  }
  if (n !== rows) {
    throw new InputError(path, `DuckDB read ${rows} well-formed rows where the CSV scanner finds ${n}; read this file with --engine js`);
  }
  return { line: (ord) => good[ord - 1]!, malformed };
}

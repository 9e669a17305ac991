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
import type { InputInspection } from '../../io/inspect-input.ts';
import { encodingMessage } from '../../io/read-table.ts';

/** Where rows are: `line(ord)` for DuckDB's 1-based row number, and the rows DuckDB could not split. */
export interface LineMap {
  line(ord: number): number;
  /**
   * Records DuckDB did not read, in file order: line and evidence ("5 fields", "unclosed quote",
   * ...), and for a record with bytes that are not UTF-8 (DuckDB rejects those too) the
   * `bad-encoding` message.
   */
  malformed: Array<{ line: number; evidence: string; encoding?: string }>;
}

/** Parquet rows and clean CSVs: row r is on line r + 1 (the header is line 1). */
export const PLAIN_LINES: LineMap = { line: (ord) => ord + 1, malformed: [] };

/**
 * Line feeds in the file (decompressed), counted natively: when a file has exactly one per
 * record (header included), no quoted line break or blank line shifts the rows and row r is on
 * line r + 1, so the full scan can be skipped.
 */
export async function countLineFeeds(path: string, kind: SourceKind): Promise<number> {
  const file = createReadStream(path, { highWaterMark: 1 << 22 });
  const bytes = kind.gzip ? file.pipe(createGunzip()) : file;
  if (kind.gzip) file.on('error', (e) => bytes.destroy(e));
  let n = 0;
  let last = 10;
  for await (const chunk of bytes) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
    if (b.length) last = b[b.length - 1]!;
  }
  // A last line without a line feed is still a line.
  return last === 10 ? n : n + 1;
}

/**
 * The line map for a CSV/TSV whose DuckDB scan gave `rows` rows and `rejects` rejected rows:
 * the plain map when the file has one line per record and nothing was rejected, else a full scan.
 * The lines are those `inspectInput` counted when `seen` is given (no second pass over the file).
 */
export async function lineMapFor(
  path: string,
  kind: SourceKind,
  rows: number,
  rejects: number,
  seen: InputInspection | null = null,
): Promise<LineMap> {
  if (kind.format === 'parquet') return PLAIN_LINES;
  if (rejects === 0 && (seen?.badLines.size ?? 0) === 0 && (seen?.lines ?? (await countLineFeeds(path, kind))) === rows + 1)
    return PLAIN_LINES;
  return scanLines(path, kind, rows, seen);
}

/**
 * Scans `path` once and maps DuckDB's row numbers to lines.
 *
 * @param rows - rows DuckDB read (rejected rows excluded): checked against the scan.
 * @throws InputError when DuckDB and the scanner split the file into different records.
 */
export async function scanLines(path: string, kind: SourceKind, rows: number, seen: InputInspection | null = null): Promise<LineMap> {
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
  const bad = seen?.badLines.size ? [...seen.badLines.keys()].sort((a, b) => a - b) : [];
  let b = 0;
  for (let r = 1; r < scanner.count; r++) {
    const w = scanner.width(r);
    const line = lines ? lines[r - 1]! : r + 1;
    const next = r + 1 < scanner.count ? (lines ? lines[r]! : r + 2) : Infinity;
    while (b < bad.length && bad[b]! < line) b++;
    if (w === BLANK_RECORD) continue;
    if (w === width && b < bad.length && bad[b]! < next) {
      const byte = seen!.badLines.get(bad[b]!)!;
      malformed.push({
        line,
        evidence: `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        encoding: encodingMessage(bad[b]!, byte, seen!.looksLatin1, path),
      });
    } else if (w === width) good[n++] = line;
    else
      malformed.push({
        line,
        evidence: w === TEXT_AFTER_QUOTE ? 'text after a closing quote' : w === UNCLOSED_QUOTE ? 'unclosed quote' : `${w} fields`,
      });
  }
  if (n !== rows) {
    throw new InputError(path, `DuckDB read ${rows} well-formed rows where the CSV scanner finds ${n}; read this file with --engine js`);
  }
  return { line: (ord) => good[ord - 1]!, malformed };
}

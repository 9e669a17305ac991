/**
 * Reading input tables from files: CSV, TSV and JSON lines, each optionally gzip-compressed.
 * This is the only place in the reading chain that touches the filesystem; what it returns is
 * validated by the pure parsers (`parseMoves`, `parseTimelines`).
 *
 * Every cell is kept as the raw text (arquero with `autoType: false`; JSON values turned into
 * strings) so that validation sees exactly what the file says. Files are streamed, not read
 * into one string, so inputs larger than the engine's string limit still load.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { fromCSVStream, type ColumnTable } from 'arquero';
import { InputError } from '../errors.ts';
import { BLANK_RECORD, DelimitedScanner, TEXT_AFTER_QUOTE, UNCLOSED_QUOTE } from './delimited-scanner.ts';
import { readJsonLines } from './json-lines.ts';
import { encodingAdvice, hex, inspectInput, type InputInspection, type TextEncoding } from './inspect-input.ts';

/** The table formats {@link readTable} reads. */
export type TableFormat = 'csv' | 'tsv' | 'jsonl';

/** Options of {@link readTable} and {@link readText}. */
export interface ReadTableOptions {
  /** Called as bytes of the file are read (compressed bytes for `.gz`): `(done, total)`. */
  onProgress?: (done: number, total: number) => void;
  /** Text encoding of the file (default `utf8`; `latin1` reads ISO-8859-1). */
  encoding?: TextEncoding;
}

/** A read table with what the parsers need to locate problems; pass it on as `parseMoves(r.table, r)`. */
export interface ReadTableResult {
  table: ColumnTable;
  /** The path as given, written into problems. */
  file: string;
  format: TableFormat;
  gzip: boolean;
  /** 1-based line of each data row when it is not `row + 2` (CSV with quoted line breaks; always for JSON lines). */
  rowLines: Int32Array | null;
  /** Rows that do not split into the header's fields (CSV/TSV) or are not JSON objects: row → evidence. */
  malformedRows: Map<number, string> | null;
  /** Rows with bytes that are not UTF-8: row → the problem's message (the row is skipped as `bad-encoding`). */
  encodingRows: Map<number, string> | null;
}

const FORMATS: Array<[string, TableFormat]> = [
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.tab', 'tsv'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
];

/**
 * The format of a path from its extension (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, each optionally
 * followed by `.gz`), or null when the extension is none of these.
 * @example tableFormat('data/timelines.csv.gz') // { format: 'csv', gzip: true }
 */
export function tableFormat(path: string): { format: TableFormat; gzip: boolean } | null {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  for (const [ext, format] of FORMATS) if (base.endsWith(ext)) return { format, gzip };
  return null;
}

/**
 * Reads a CSV, TSV or JSON-lines file (optionally `.gz`) into an arquero table of strings.
 *
 * @throws InputError when the file is missing or unreadable, its extension is unknown, it is
 *   empty, its header repeats a column name, or it is not valid gzip.
 * @example
 * const read = await readTable('moves.csv.gz', { onProgress: (done, total) => bar.update(done, total) });
 * const { records, problems } = parseMoves(read.table, { ...read, columns });
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<ReadTableResult> {
  const kind = tableFormat(path);
  if (!kind) throw new InputError(path, 'unknown file type; expected .csv, .tsv, .jsonl or .ndjson, optionally followed by .gz');
  const delimiter = kind.format === 'jsonl' ? null : kind.format === 'tsv' ? '\t' : ',';
  const seen = await inspectInput(path, { gzip: kind.gzip, delimiter, ...(options.encoding ? { encoding: options.encoding } : {}) });
  const bytes = await openBytes(path, kind.gzip, options.onProgress);
  try {
    if (kind.format === 'jsonl') {
      const r = await readJsonLines(bytes, options.encoding);
      if (r.rows === 0) throw new InputError(path, 'is empty: no JSON rows');
      const encodingRows = rowsWithBadBytes(seen, path, r.rowLines, null);
      return {
        table: r.table,
        file: path,
        ...kind,
        rowLines: r.rowLines,
        malformedRows: r.malformedRows.size ? r.malformedRows : null,
        encodingRows,
      };
    }
    return await readDelimited(path, bytes, delimiter!, kind.gzip, seen, options.encoding);
  } catch (error) {
    bytes.destroy();
    if (error instanceof InputError) throw error;
    throw new InputError(path, `cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function readDelimited(
  path: string,
  bytes: Readable,
  delimiter: string,
  gzip: boolean,
  seen: InputInspection,
  encoding: TextEncoding = 'utf8',
): Promise<ReadTableResult> {
  const scanner = new DelimitedScanner(delimiter);
  // arquero's CSV stream reader mis-splits a quoted field that straddles two chunks, so chunks
  // are handed on only up to the last line break outside quotes; the rest waits for the next one.
  let carry = '';
  const scan = new TransformStream<string, string>({
    transform(chunk, controller) {
      scanner.feed(chunk);
      const text = carry + chunk;
      const cut = lastRecordBreak(text);
      carry = text.slice(cut);
      if (cut > 0) controller.enqueue(text.slice(0, cut));
    },
    flush(controller) {
      scanner.finish();
      if (carry) controller.enqueue(carry);
    },
  });
  const text = (Readable.toWeb(bytes) as ReadableStream<Uint8Array>)
    // Node's and the DOM's stream typings disagree on TextDecoderStream; at run time they are one class.
    .pipeThrough(decoderStream(encoding))
    .pipeThrough(scan);
  let table: ColumnTable;
  try {
    table = await fromCSVStream(text, { delimiter, autoType: false });
  } catch (error) {
    if (scanner.count === 0) throw new InputError(path, 'is empty: no header row', { cause: error });
    throw error;
  }
  const header = table.columnNames();
  const names = new Set<string>();
  for (const name of header) {
    if (names.has(name)) throw new InputError(path, `the header has the column "${name}" twice`);
    names.add(name);
  }
  const format = delimiter === '\t' ? 'tsv' : 'csv';
  // The scanner follows arquero's record rules; should they ever disagree, fall back to row + 2 rather than misplace lines.
  if (scanner.count - 1 !== table.numRows()) {
    return {
      table,
      file: path,
      format,
      gzip,
      rowLines: null,
      malformedRows: null,
      encodingRows: rowsWithBadBytes(seen, path, null, table.numRows()),
    };
  }
  const width = scanner.width(0);
  const malformed = new Map<number, string>();
  for (let r = 1; r < scanner.count; r++) {
    const w = scanner.width(r);
    if (w === BLANK_RECORD || w === width) continue;
    malformed.set(r - 1, w === TEXT_AFTER_QUOTE ? 'text after a closing quote' : w === UNCLOSED_QUOTE ? 'unclosed quote' : `${w} fields`);
  }
  const rowLines = scanner.dataLines();
  const encodingRows = rowsWithBadBytes(seen, path, rowLines, table.numRows());
  return { table, file: path, format, gzip, rowLines, malformedRows: malformed.size ? malformed : null, encodingRows };
}

/** Text from bytes: UTF-8 (invalid bytes become U+FFFD; their rows are reported) or ISO-8859-1. */
function decoderStream(encoding: TextEncoding): TransformStream<Uint8Array, string> {
  if (encoding === 'latin1') {
    return new TransformStream<Uint8Array, string>({
      transform(chunk, controller) {
        controller.enqueue(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
      },
    });
  }
  // Node's and the DOM's stream typings disagree on TextDecoderStream; at run time they are one class.
  return new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
}

/**
 * The rows whose source lines hold bytes that are not UTF-8 (see `inspectInput`), with the
 * problem's message. A row spans from its first line to the line before the next row.
 * `rowLines` null means row r is on line r + 2; `rows` null means one row per line (JSON lines).
 */
export function rowsWithBadBytes(
  seen: InputInspection,
  path: string,
  rowLines: ArrayLike<number> | null,
  rows: number | null,
): Map<number, string> | null {
  if (seen.badLines.size === 0) return null;
  const out = new Map<number, string>();
  const n = rows ?? rowLines?.length ?? 0;
  const lineOf = (r: number) => (rowLines ? rowLines[r]! : r + 2);
  for (const [line, byte] of seen.badLines) {
    // The last row starting on or before `line`.
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lineOf(mid) <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || out.has(found)) continue;
    if (rows === null && lineOf(found) !== line) continue;
    out.set(found, encodingMessage(line, byte, seen.looksLatin1, path));
  }
  return out.size ? out : null;
}

/** The message of a `bad-encoding` problem. */
export function encodingMessage(line: number, byte: number, looksLatin1: boolean, path: string): string {
  return `line ${line} is not UTF-8 (byte 0x${hex(byte)}); ${encodingAdvice(looksLatin1, path)}`;
}

/**
 * The index just after the last line break of `text` that lies outside a quoted field (0 when
 * there is none). `text` starts outside quotes; a doubled quote inside a field flips the state
 * twice, so counting quotes is enough.
 */
export function lastRecordBreak(text: string): number {
  let inQuotes = false;
  let last = 0;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    if (!inQuotes) {
      const end = q === -1 ? text.length : q;
      const nl = text.lastIndexOf('\n', end - 1);
      if (nl >= i) last = nl + 1;
    }
    if (q === -1) return last;
    inQuotes = !inQuotes;
    i = q + 1;
  }
}

/** The file's bytes (decompressed when `gzip`), reporting progress on the bytes read from disk. */
async function openBytes(path: string, gzip: boolean, onProgress?: (done: number, total: number) => void): Promise<Readable> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a regular file');
    size = s.size;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be opened (${(error as Error).message})`;
    throw new InputError(path, reason, { cause: error });
  }
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let done = 0;
  const counted = onProgress
    ? file.pipe(
        new Transform({
          transform(chunk: Buffer, _enc, callback) {
            done += chunk.length;
            onProgress(done, size);
            callback(null, chunk);
          },
        }),
      )
    : file;
  if (!gzip) return forwardErrors(file, counted);
  const gunzip = createGunzip();
  counted.pipe(gunzip);
  forwardErrors(file, gunzip);
  if (counted !== file) forwardErrors(counted, gunzip);
  return gunzip;
}

/** `pipe` does not carry errors downstream: do it so that a read error reaches the consumer. */
function forwardErrors(from: Readable, to: Readable): Readable {
  if (from !== to) from.on('error', (error) => to.destroy(error));
  return to;
}

/**
 * A whole text file (optionally `.gz`) as a string, without a byte-order mark. For small inputs
 * such as alias tables; tables go through {@link readTable}.
 *
 * @throws InputError when the file is missing or unreadable or not valid gzip.
 * @example const aliases = parseAliasCsv(await readText('aliases.csv'));
 */
export async function readText(path: string, options: ReadTableOptions = {}): Promise<string> {
  const bytes = await openBytes(path, path.toLowerCase().endsWith('.gz'), options.onProgress);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of bytes) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new InputError(path, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

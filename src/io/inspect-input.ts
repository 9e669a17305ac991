/**
 * The checks every engine runs on an input file before reading it, so that an unusable file gets
 * one clear cause (and the same one in both engines) instead of whatever a parser makes of it.
 *
 * One streaming pass over the (decompressed) bytes, at native speed (`Buffer.indexOf`,
 * `buffer.isUtf8`): the file opens (no such file, permission denied, a folder), a `.gz` is gzip and
 * complete, the text is not UTF-16/UTF-32 and holds no NUL byte (a binary file), the lines whose
 * bytes are not UTF-8 (each becomes a `bad-encoding` problem of its row; the header must be valid),
 * the header row (empty file, repeated column name) and whether any data follows it.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.ts';

/** Text encodings an input may be read in: UTF-8 (the default) or ISO-8859-1 (`--encoding latin1`). */
export const ENCODINGS = ['utf8', 'latin1'] as const;
export type TextEncoding = (typeof ENCODINGS)[number];

/** What {@link inspectInput} found. */
export interface InputInspection {
  /** Header fields as written (quotes removed), or null for JSON lines. */
  header: string[] | null;
  /** Physical line (1-based) → the first byte on it that is not UTF-8; empty for latin1 inputs. */
  badLines: Map<number, number>;
  /** True when every byte outside the header that is not UTF-8 is ≥ 0xA0, as in ISO-8859-1 text. */
  looksLatin1: boolean;
  /** Line feeds in the decompressed text. */
  lineFeeds: number;
  /** Lines in the decompressed text: the line feeds, plus one for a last line without one. */
  lines: number;
}

/** Options of {@link inspectInput}. */
export interface InspectOptions {
  gzip: boolean;
  /** `,` or tab for CSV/TSV (the header is parsed); null for JSON lines. */
  delimiter: string | null;
  encoding?: TextEncoding;
}

const BOMS: Array<[number[], string]> = [
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 BE'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 LE'],
  [[0xfe, 0xff], 'UTF-16 BE'],
  [[0xff, 0xfe], 'UTF-16 LE'],
];

/** Header bytes read at most before giving up on finding its end (a file with no line break). */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * Inspects the input at `path`.
 *
 * @throws InputError naming the cause: missing, unreadable or not a file; not gzip or a truncated
 *   gzip; UTF-16/32; binary (NUL byte, with its line); empty; a header that is not UTF-8 or repeats
 *   a column; a header and no data row.
 * @example const seen = await inspectInput('moves.csv', { gzip: false, delimiter: ',' });
 */
export async function inspectInput(path: string, options: InspectOptions): Promise<InputInspection> {
  await openCheck(path, options.gzip);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const bytes = options.gzip ? file.pipe(createGunzip()) : file;
  if (options.gzip) file.on('error', (e) => bytes.destroy(e));
  const latin1 = options.encoding === 'latin1';
  const badLines = new Map<number, number>();
  let looksLatin1 = true;
  let line = 1;
  let lineFeeds = 0;
  let last = 10;
  let first = true;
  let carry: Buffer = Buffer.alloc(0);
  let head: Buffer[] = [];
  let headBytes = 0;
  let header: string[] | null | undefined = options.delimiter === null ? null : undefined;
  let hasData = false;
  try {
    for await (const raw of bytes) {
      let chunk = raw as Buffer;
      if (chunk.length) last = chunk[chunk.length - 1]!;
      if (first) {
        first = false;
        for (const [bom, name] of BOMS) {
          if (chunk.length >= bom.length && bom.every((b, i) => chunk[i] === b)) {
            throw new InputError(
              path,
              `is ${name} text (byte-order mark); convert it to UTF-8, e.g. iconv -f ${name.replace(' ', '')} -t UTF-8 ${path} > converted`,
            );
          }
        }
      }
      if (header === undefined || !hasData) {
        head.push(chunk);
        headBytes += chunk.length;
      }
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        const at = line + count(chunk.subarray(0, nul), 10);
        throw new InputError(path, `line ${at}: holds a NUL byte: a binary file, or UTF-16 without a byte-order mark; expected UTF-8 text`);
      }
      if (!latin1) {
        chunk = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const end = completeEnd(chunk);
        carry = Buffer.from(chunk.subarray(end));
        const whole = chunk.subarray(0, end);
        if (!isUtf8(whole)) looksLatin1 = findBadLines(whole, line, badLines) && looksLatin1;
        lineFeeds += count(whole, 10);
        line = lineFeeds + 1;
      } else {
        lineFeeds += count(chunk, 10);
        line = lineFeeds + 1;
      }
      if (header === undefined || (header !== null && !hasData) || (header === null && !hasData)) {
        const found = headerAndData(Buffer.concat(head), options.delimiter, latin1, false);
        if (found) {
          header = found.header;
          hasData = found.hasData;
          if (hasData) head = [];
        } else if (headBytes > MAX_HEADER_BYTES && header === undefined) {
          throw new InputError(path, `has no line break in its first ${MAX_HEADER_BYTES} bytes: not a CSV/TSV table`);
        }
      }
    }
  } catch (error) {
    bytes.destroy();
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (options.gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE')) {
      throw new InputError(path, `is a truncated or damaged gzip file (${(error as Error).message})`, { cause: error });
    }
    throw new InputError(path, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (carry.length) {
    badLines.set(line, carry[0]!);
    looksLatin1 &&= carry[0]! >= 0xa0;
  }
  if (!hasData) {
    const found = headerAndData(Buffer.concat(head), options.delimiter, latin1, true);
    header = found?.header ?? header ?? null;
    hasData = found?.hasData ?? false;
  }
  if (options.delimiter !== null && (header === undefined || header === null)) throw new InputError(path, 'is empty: no header row');
  if (badLines.has(1)) {
    throw new InputError(path, `line 1: the header is not UTF-8 (byte 0x${hex(badLines.get(1)!)}); ${encodingAdvice(looksLatin1, path)}`);
  }
  if (header) {
    const seen = new Set<string>();
    for (const name of header) {
      if (seen.has(name)) throw new InputError(path, `the header has the column "${name}" twice`);
      seen.add(name);
    }
  }
  if (!hasData) {
    throw new InputError(path, options.delimiter === null ? 'is empty: no JSON rows' : 'has a header and no data rows');
  }
  return { header: header ?? null, badLines, looksLatin1, lineFeeds, lines: last === 10 ? lineFeeds : lineFeeds + 1 };
}

/** What to do about bytes that are not UTF-8. */
export function encodingAdvice(looksLatin1: boolean, path: string): string {
  return looksLatin1
    ? `the file looks like ISO-8859-1 (Latin-1): convert it with iconv -f latin1 -t utf-8 ${path} > converted, or pass --encoding latin1`
    : 'the file is not UTF-8: convert it to UTF-8 (e.g. with iconv)';
}

/** Two hex digits, upper case. */
export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Opens the file once to report the cause the file system gives (no such file, permission
 * denied, a folder), and for `gzip` checks the gzip magic number.
 * @throws InputError naming the cause.
 */
export async function openCheck(path: string, gzip: boolean): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const s = await handle.stat();
    if (s.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (gzip) {
      const magic = Buffer.alloc(2);
      const { bytesRead } = await handle.read(magic, 0, 2, 0);
      if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
        throw new InputError(
          path,
          bytesRead === 0 ? 'is empty (0 bytes; not even a gzip header)' : 'is not gzip-compressed although its name ends in .gz',
        );
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, fileSystemCause(error), { cause: error });
  } finally {
    await handle?.close();
  }
}

/** The file system's reason, in words. */
export function fileSystemCause(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (cannot be read by this user)';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot be opened (${(error as Error).message})`;
  }
}

function count(buf: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte); i !== -1; i = buf.indexOf(byte, i + 1)) n++;
  return n;
}

/** The end of the last complete UTF-8 sequence: an incomplete multi-byte character at the end waits for the next chunk. */
function completeEnd(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back]!;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? buf.length - back : buf.length;
    }
  }
  return buf.length;
}

/** Records, line by line, the first byte that is not UTF-8; returns whether all of them look like Latin-1 letters. */
function findBadLines(buf: Buffer, firstLine: number, out: Map<number, number>): boolean {
  let latin = true;
  let line = firstLine;
  let start = 0;
  while (start <= buf.length) {
    let end = buf.indexOf(10, start);
    if (end === -1) end = buf.length;
    const part = buf.subarray(start, end);
    if (!isUtf8(part)) {
      const byte = firstBadByte(part);
      if (!out.has(line)) out.set(line, byte);
      if (byte < 0xa0) latin = false;
    }
    if (end === buf.length) break;
    start = end + 1;
    line++;
  }
  return latin;
}

function firstBadByte(part: Buffer): number {
  for (let i = 0; i < part.length; i++) {
    if (part[i]! >= 0x80 && !isUtf8(part.subarray(i, i + utf8Length(part[i]!)))) return part[i]!;
    if (part[i]! >= 0x80) i += utf8Length(part[i]!) - 1;
  }
  return part[0] ?? 0;
}

function utf8Length(b: number): number {
  return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
}

/**
 * The header row (first record, with RFC 4180 quotes) and whether a non-blank character follows
 * it; null while the text seen so far does not hold the header's end (unless `atEnd`). For JSON
 * lines (no delimiter) only whether any line is non-blank.
 */
function headerAndData(
  buf: Buffer,
  delimiter: string | null,
  latin1: boolean,
  atEnd: boolean,
): { header: string[] | null; hasData: boolean } | null {
  let text = latin1 ? buf.toString('latin1') : new TextDecoder().decode(buf);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (delimiter === null) return { header: null, hasData: text.trim() !== '' };
  if (text.trim() === '' && atEnd) return null;
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\n' || c === '\r') break;
    else {
      field += c;
      fieldStart = false;
    }
  }
  if (i >= text.length && !atEnd) return null;
  fields.push(field);
  const rest = text.slice(i);
  if (rest.trim() === '' && !atEnd) return null;
  // Blank lines and lines of delimiters only are blank rows (not data).
  const blank = new RegExp(`^[\\s${delimiter === '\t' ? '\\t' : delimiter}]*$`);
  return { header: fields, hasData: !blank.test(rest) };
}

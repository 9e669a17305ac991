/**
 * Streaming input for the source readers (Node only): a file, gunzipped when it starts with the
 * gzip magic bytes (whatever its name), read line by line without ever holding the whole file,
 * with the count of raw (compressed) bytes read reported for a progress bar.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.ts';

/** Called with the number of raw bytes just read from the file. */
export type OnBytes = (bytes: number) => void;

/** True when the file starts with the gzip magic number 1f 8b. */
export async function isGzipFile(file: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch (error) {
    throw new InputError(file, `cannot be read: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle?.close();
  }
}

/**
 * The file's content as a byte stream, gunzipped when gzip-compressed. Errors of the file or of
 * the decompression (a truncated .gz) surface when the stream is consumed; wrap them with
 * {@link readFailure}.
 *
 * @example for await (const chunk of await openDecompressed('works.jsonl.gz')) { ... }
 */
export async function openDecompressed(file: string, onBytes?: OnBytes): Promise<Readable> {
  const gz = await isGzipFile(file);
  const raw = createReadStream(file, { highWaterMark: 1 << 16 });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (!gz) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Wraps a read or decompression failure of `file` as InputError (kept as is when it already is one). */
export function readFailure(file: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code ?? '';
  const what = code.startsWith('Z_') ? 'is not a readable gzip file' : 'read failed';
  return new InputError(file, `${what}: ${message}`, { cause: error });
}

/**
 * The file's lines (LF or CRLF, terminator removed) with their 1-based numbers.
 *
 * @throws InputError when the file is empty (nothing but white space) or binary (a NUL byte:
 *   text records never hold one), naming the line.
 * @example for await (const { text, line } of readLines('works.jsonl.gz')) { ... }
 */
export async function* readLines(file: string, onBytes?: OnBytes): AsyncGenerator<{ text: string; line: number }> {
  const input = await openDecompressed(file, onBytes);
  let linesSeen = 1;
  const checked = input.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, callback) {
        const nul = chunk.indexOf(0);
        if (nul !== -1) {
          for (let i = chunk.indexOf(10); i !== -1 && i < nul; i = chunk.indexOf(10, i + 1)) linesSeen++;
          callback(new InputError(file, `line ${linesSeen}: holds a NUL byte: a binary file, not text records`));
          return;
        }
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) linesSeen++;
        callback(null, chunk);
      },
    }),
  );
  input.on('error', (e) => checked.destroy(e));
  const lines = createInterface({ input: checked, crlfDelay: Infinity });
  let line = 0;
  let content = false;
  try {
    for await (const text of lines) {
      line++;
      const clean = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      content ||= clean.trim() !== '';
      yield { text: clean, line };
    }
  } catch (error) {
    throw readFailure(file, error);
  } finally {
    lines.close();
    input.destroy();
  }
  if (!content) throw new InputError(file, 'is empty: no records');
}

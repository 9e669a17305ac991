/**
 * The bytes of a file's data in large blocks, ready for `write(2)`: text chunks are encoded as
 * UTF-8 straight into one of two reused buffers, so that writing a file of gigabytes costs two
 * buffers of memory and a few hundred system calls, not a copy of the file.
 */
import { OptionError } from '../errors.ts';
import type { FileChunk } from './chunks.ts';

/** Data of one output file: text (written as UTF-8), bytes, or an iterable of such chunks produced as they are written. */
export type FileData = string | Uint8Array | Iterable<FileChunk>;

/** Size of each of the two write buffers. */
export const BLOCK_BYTES = 1 << 22;

/** Whether `data` is something the writers accept (without consuming an iterable). */
export function isFileData(data: unknown): data is FileData {
  if (typeof data === 'string' || data instanceof Uint8Array) return true;
  return data !== null && typeof data === 'object' && typeof (data as Iterable<unknown>)[Symbol.iterator] === 'function';
}

/**
 * Blocks of `data`'s bytes, in order. A yielded block is a view of a reused buffer: the consumer
 * must be done with it before asking for the next-but-one block (writing one block while the
 * next is being filled is fine). Throws `OptionError` for a chunk that is neither text nor bytes.
 */
export function* fileBlocks(data: FileData): Generator<Uint8Array, void, undefined> {
  if (data instanceof Uint8Array) {
    if (data.length) yield data;
    return;
  }
  if (typeof data === 'string' && data.length * 3 <= BLOCK_BYTES) {
    if (data.length) yield Buffer.from(data, 'utf8');
    return;
  }
  if (!isFileData(data)) throw new OptionError('data', typeof data, 'a string, a Uint8Array or an iterable of them');
  let buffer: Buffer = Buffer.allocUnsafe(BLOCK_BYTES);
  let spare: Buffer | undefined;
  let used = 0;
  const swap = (): Uint8Array => {
    const full = buffer.subarray(0, used);
    const next = spare ?? Buffer.allocUnsafe(BLOCK_BYTES);
    spare = buffer;
    buffer = next;
    used = 0;
    return full;
  };
  // A surrogate pair split across two text chunks is joined before encoding: the file holds the
  // UTF-8 of the chunks' concatenation.
  let carry = '';
  for (const chunk of typeof data === 'string' ? [data] : data) {
    if (typeof chunk === 'string') {
      let text = carry ? carry + chunk : chunk;
      carry = '';
      if (text.length && isHighSurrogate(text.charCodeAt(text.length - 1))) {
        carry = text[text.length - 1]!;
        text = text.slice(0, -1);
      }
      let from = 0;
      while (from < text.length) {
        // UTF-8 takes at most 3 bytes per UTF-16 code unit (4 per surrogate pair).
        const room = Math.floor((BLOCK_BYTES - used) / 3);
        if (text.length - from > room && used > 0) {
          yield swap();
          continue;
        }
        let to = Math.min(text.length, from + room);
        // Never split a surrogate pair: each half alone would be encoded as U+FFFD.
        if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
        used += buffer.write(from === 0 && to === text.length ? text : text.slice(from, to), used, 'utf8');
        from = to;
      }
    } else if (chunk instanceof Uint8Array) {
      if (carry) {
        if (BLOCK_BYTES - used < 3) yield swap();
        used += buffer.write(carry, used, 'utf8');
        carry = '';
      }
      if (chunk.length > BLOCK_BYTES - used) {
        if (used > 0) yield swap();
        if (chunk.length >= BLOCK_BYTES / 2) {
          yield chunk;
          continue;
        }
      }
      buffer.set(chunk, used);
      used += chunk.length;
    } else {
      throw new OptionError('data', typeof chunk, 'chunks that are strings or Uint8Arrays');
    }
  }
  if (carry) {
    if (BLOCK_BYTES - used < 3) yield swap();
    used += buffer.write(carry, used, 'utf8');
  }
  if (used > 0) yield swap();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

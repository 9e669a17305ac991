/**
 * Text written as UTF-8 bytes straight into large buffers, for the writers of the big files
 * (`flows.csv`, `graph.json`, the CSV tables): building the text with `+=` makes a rope of
 * millions of small strings that the file writer must flatten and encode again, which cost more
 * than producing the text. Numbers are written digit by digit where that gives the same text as
 * `String(n)`, so no string is made per cell.
 */
import { formatNumber } from './format-number.ts';

/** Bytes a buffer gathers before it is handed out as a chunk. */
export const BYTE_CHUNK = 1 << 20;

const encoder = new TextEncoder();

/** A growing run of bytes handed out in chunks of about {@link BYTE_CHUNK} bytes. */
export class ByteChunks {
  buf: Uint8Array;
  at = 0;
  /** Bytes beyond one per UTF-16 code unit so far: `full` counts characters, as the string writers did. */
  private extra = 0;

  /**
   * `limit`: the bytes a chunk holds before it is full (one more line or element may follow).
   * The buffer starts small and grows as it fills: a small file costs kilobytes, not a megabyte.
   */
  constructor(readonly limit: number = BYTE_CHUNK) {
    this.buf = new Uint8Array(Math.min(limit + 4096, 1 << 14));
  }

  /** Whether a chunk is full enough to hand out ({@link take}). */
  get full(): boolean {
    return this.at - this.extra >= this.limit;
  }

  /** The bytes written so far, as a chunk of its own (never reused); the writer starts afresh. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    // The next chunk is likely as large: start it at the size this one reached.
    this.buf = new Uint8Array(this.buf.length);
    this.at = 0;
    this.extra = 0;
    return out;
  }

  /** The last bytes of a file: {@link take} without starting another buffer. */
  rest(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(0);
    this.at = 0;
    this.extra = 0;
    return out;
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }

  /** Text known to be ASCII (digits, JSON punctuation, column names). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    if (s.length < 64) {
      let ascii = true;
      for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
      if (ascii) {
        this.ascii(s);
        return;
      }
    }
    this.room(s.length * 3);
    const written = encoder.encodeInto(s, this.buf.subarray(this.at)).written;
    this.at += written;
    this.extra += written - s.length;
  }

  /** Bytes made before (a place's cells, encoded once) of text `chars` UTF-16 code units long. */
  bytes(b: Uint8Array, chars: number = b.length): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
    this.extra += b.length - chars;
  }

  /** One byte (a comma, a newline). */
  byte(c: number): void {
    this.room(1);
    this.buf[this.at++] = c;
  }

  /**
   * `String(n)` of a number, as bytes: digit by digit for a safe integer (the same digits, and
   * "0" for −0 as String gives), through `String` otherwise.
   */
  number(n: number): void {
    if (Number.isSafeInteger(n)) this.integer(n);
    else this.ascii(String(n));
  }

  /** {@link formatNumber}'s text (plain decimal, NaN empty), as bytes. */
  plain(n: number): void {
    if (Number.isSafeInteger(n)) this.integer(n);
    else if (!Number.isNaN(n)) this.ascii(formatNumber(n));
  }

  private integer(n: number): void {
    this.room(17);
    const buf = this.buf;
    if (n < 0) {
      buf[this.at++] = 45;
      n = -n;
    } else if (n === 0) {
      buf[this.at++] = 48;
      return;
    }
    let digits = 0;
    for (let m = n; m >= 1; m = Math.floor(m / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    while (n >= 1) {
      const q = Math.floor(n / 10);
      buf[--at] = 48 + (n - q * 10);
      n = q;
    }
  }
}

const decoder = new TextDecoder();

/**
 * Byte chunks as text chunks (each chunk ends on a whole line or element, so each decodes alone):
 * the string form of a byte writer, for the public chunk APIs.
 */
export function* asText(chunks: Iterable<Uint8Array>): Generator<string, void, undefined> {
  for (const chunk of chunks) yield decoder.decode(chunk);
}

/** The UTF-8 bytes of `s`, with its length in UTF-16 code units (for {@link ByteChunks.bytes}). */
export function utf8(s: string): Uint8Array & { chars: number } {
  return Object.assign(encoder.encode(s), { chars: s.length });
}

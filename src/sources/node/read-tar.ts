/**
 * Streaming tar reader (POSIX ustar with pax and GNU long names), enough for ORCID's public data
 * file: a `.tar.gz` of one XML file per record, tens of gigabytes, read member by member without
 * extracting anything to disk.
 */

/** One regular file of the archive. */
export interface TarEntry {
  /** Path inside the archive. */
  name: string;
  data: Buffer;
}

const BLOCK = 512;

/** Pulls exact byte counts out of a chunk stream. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;
  constructor(private readonly source: AsyncIterator<Buffer | string>) {}

  /** The next `n` bytes, or fewer (possibly 0) at the end of the stream. */
  async take(n: number): Promise<Buffer> {
    while (this.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        this.chunks.push(chunk);
        this.length += chunk.length;
      }
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

function sizeOf(header: Buffer): number {
  const first = header[124]!;
  if (first & 0x80) {
    // GNU base-256 encoding for members of 8 GiB and more.
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + header[i]!;
    return n;
  }
  const text = field(header, 124, 12).trim();
  const n = text === '' ? 0 : parseInt(text, 8);
  if (!Number.isFinite(n)) throw new Error(`bad tar member size ${JSON.stringify(text)}`);
  return n;
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return parseInt(field(header, 148, 8).trim(), 8) === sum;
}

function paxPath(data: Buffer): string | null {
  // Records are "<length> <key>=<value>\n".
  let pos = 0;
  let path: string | null = null;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const len = parseInt(data.subarray(pos, space).toString('ascii'), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    pos += len;
  }
  return path;
}

/**
 * The regular files of a tar stream (already decompressed), in archive order.
 *
 * @throws Error on a header with a bad checksum or a truncated member.
 * @example for await (const { name, data } of readTarEntries(await openDecompressed('ORCID_summaries.tar.gz'))) { ... }
 */
export async function* readTarEntries(input: AsyncIterable<Buffer | string>): AsyncGenerator<TarEntry> {
  const queue = new ByteQueue(input[Symbol.asyncIterator]());
  let longName: string | null = null;
  for (;;) {
    const header = await queue.take(BLOCK);
    if (header.length === 0) return;
    if (header.length < BLOCK) throw new Error('truncated tar header');
    if (header.every((b) => b === 0)) return;
    if (!checksumOk(header)) throw new Error('bad tar header checksum (not a tar archive, or a corrupt one)');
    const size = sizeOf(header);
    const type = String.fromCharCode(header[156]!);
    const data = await queue.take(size);
    if (data.length < size) throw new Error('truncated tar member');
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await queue.take(pad);

    if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'L') longName = field(data, 0, data.length);
    else if (type === 'g') continue;
    else {
      const prefix = field(header, 257, 6).startsWith('ustar') ? field(header, 345, 155) : '';
      const base = field(header, 0, 100);
      const name = longName ?? (prefix ? `${prefix}/${base}` : base);
      longName = null;
      if (type === '0' || type === '\0' || type === '7') yield { name, data };
    }
  }
}

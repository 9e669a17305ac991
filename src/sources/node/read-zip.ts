/**
 * Reading members of a zip archive (Node only), enough for the archives ROR publishes its data
 * dumps in: members stored or deflated, found through the central directory (no zip64: a dump
 * is a few hundred MB).
 */
import { inflateRawSync } from 'node:zlib';

/** A member of a zip archive. */
export interface ZipMember {
  name: string;
  /** Uncompressed bytes. */
  read(): Buffer;
}

/**
 * The members of a zip archive held in memory.
 *
 * @throws Error when the bytes are no zip archive or a member uses another compression than stored or deflate.
 * @example zipMembers(readFileSync('v1.50-2024-07-29-ror-data.zip')).map((m) => m.name)
 */
export function zipMembers(zip: Buffer): ZipMember[] {
  // The end-of-central-directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const members: ZipMember[] = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip central directory is damaged');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    members.push({
      name,
      read() {
        if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip member ${name}: damaged local header`);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressed);
        if (method === 0) return Buffer.from(data);
        if (method === 8) return inflateRawSync(data);
        throw new Error(`zip member ${name}: compression method ${method} is not supported (stored or deflate only)`);
      },
    });
  }
  return members;
}

/**
 * SHA-256 checksums of input and output files for the manifest (Node only: reads files).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileDigest } from './write-atomic.ts';

/**
 * Size and SHA-256 of a file's bytes, read as a stream (large inputs are never held in memory
 * whole). Rejects with the file system's error (ENOENT …), or an AbortError once `signal` aborts
 * (the reading stops there).
 *
 * @example await digestOfFile('out/places.csv') // { bytes: 2048, sha256: 'a3f1…' }
 */
export function digestOfFile(path: string, options: { signal?: AbortSignal } = {}): Promise<FileDigest> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(path, options.signal ? { signal: options.signal } : {})
      .on('error', reject)
      .on('data', (chunk) => {
        bytes += chunk.length;
        hash.update(chunk);
      })
      .on('end', () => resolve({ bytes, sha256: hash.digest('hex') }));
  });
}

/**
 * SHA-256 of a file's bytes as 64 lowercase hex characters ({@link digestOfFile}).
 *
 * @example await sha256OfFile('data/nobel/nobel_birthcity_to_affiliationcity.csv') // 'a3f1…'
 */
export async function sha256OfFile(path: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  return (await digestOfFile(path, options)).sha256;
}

/**
 * SHA-256 of in-memory data (strings are hashed as UTF-8, as they are written).
 *
 * @example sha256OfData('') // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function sha256OfData(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

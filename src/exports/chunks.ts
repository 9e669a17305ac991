/**
 * Files produced piece by piece. The writers of large outputs (`graph.json`, `graph.gexf`,
 * `flows.csv`) are generators of text chunks, so that a graph of millions of flows is written
 * without ever holding one whole file in memory (V8 strings stop at 512 MiB) and the string
 * APIs (`graphToJson`, `toGexf`, `toCsv`) are the same generators joined.
 */

/** One piece of a file's content: text (UTF-8 when written) or bytes. */
export type FileChunk = string | Uint8Array;

/**
 * Characters a chunk generator gathers before it yields: large enough that the per-chunk
 * overhead (generator step, buffer copy) vanishes, small enough to stay in the CPU caches.
 */
export const CHUNK_CHARS = 1 << 16;

/**
 * Concatenates chunks into one string (byte chunks are decoded as UTF-8; a multi-byte
 * character split across byte chunks is decoded whole).
 *
 * @example chunksToString(['{"a":', new TextEncoder().encode('1}')]) // '{"a":1}'
 */
export function chunksToString(chunks: Iterable<FileChunk>): string {
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let pendingBytes = false;
  for (const chunk of chunks) {
    if (typeof chunk === 'string') {
      if (pendingBytes) parts.push(decoder.decode());
      pendingBytes = false;
      parts.push(chunk);
    } else {
      parts.push(decoder.decode(chunk, { stream: true }));
      pendingBytes = true;
    }
  }
  if (pendingBytes) parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Defers `make` until the first chunk is asked for: a lazily produced file, so that a folder's
 * files can be listed up front and built one at a time as they are written.
 *
 * @example const files = { 'places.csv': lazyChunks(() => csvChunks(columns, rows)) };
 */
export function* lazyChunks(make: () => Iterable<FileChunk>): Generator<FileChunk, void, undefined> {
  yield* make();
}

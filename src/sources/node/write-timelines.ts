/**
 * Writing canonical timelines CSV (Node only), streamed so that millions of rows never become
 * one string, and atomic: written to a temporary file beside the target, flushed, then renamed
 * over it, so a reader sees the old file or the complete new one. A `.gz` target is
 * gzip-compressed.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { formatCell, quoteField } from '../../exports/csv.ts';
import { TIMELINE_FIELDS } from '../../records/columns.ts';
import type { TimelineRecord } from '../../records/types.ts';

/**
 * The canonical timelines columns, in order: researcher_id, year, place, country, discipline,
 * publications, then the place columns ror_id, geonames_id, lat, lon, region (empty when unknown).
 */
export const TIMELINES_CSV_COLUMNS: readonly string[] = TIMELINE_FIELDS;

/** One CSV line (with its `\n`) of a timeline row, in {@link TIMELINES_CSV_COLUMNS} order. */
export function timelineCsvLine(r: TimelineRecord): string {
  return (
    [r.researcherId, r.year, r.place, r.country, r.discipline, r.publications, r.rorId, r.geonamesId, r.lat, r.lon, r.region]
      .map((v) => quoteField(formatCell(v ?? null)))
      .join(',') + '\n'
  );
}

function* csvChunks(records: readonly TimelineRecord[]): Generator<string> {
  yield TIMELINES_CSV_COLUMNS.join(',') + '\n';
  // Batches keep the stream's per-chunk overhead small without building one huge string.
  let batch = '';
  for (const r of records) {
    batch += timelineCsvLine(r);
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/**
 * Writes timeline rows as canonical CSV to `path` (gzip when it ends in `.gz`), atomically.
 * The directory must exist. On failure the temporary file is removed and `path` is untouched.
 *
 * @example await writeTimelinesCsv('out/timelines.csv.gz', result.records);
 */
export async function writeTimelinesCsv(path: string, records: readonly TimelineRecord[]): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
    const source = Readable.from(csvChunks(records));
    if (/\.gz$/i.test(path)) await pipeline(source, createGzip(), out);
    else await pipeline(source, out);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/**
 * Streams a CSV/TSV file (`.gz` too) into the cluster: the file is read chunk by chunk,
 * tokenised (`CsvRecords`: each row led by its line) and sent as TabSeparated through the HTTP
 * interface into the `Distributed` table, which spreads the rows over the shards. Nothing of
 * the file is held in memory beyond a chunk.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.ts';
import type { SourceKind } from '../duckdb/source.ts';
import type { Connection } from './connection.ts';
import { CsvRecords, type MalformedRecord } from './csv-records.ts';

/** What loading found: the header, the rows sent, the records that could not be split. */
export interface Loaded {
  header: string[];
  rows: number;
  malformed: MalformedRecord[];
}

/**
 * Reads `path` and inserts its rows. `prepare` is called with the header before the first row
 * is sent; it creates the tables and returns where to insert (`table` and its columns in
 * order: the line column, then the header's). Records on the lines of `badLines` (not UTF-8,
 * line → first bad byte) are set aside with the malformed ones.
 *
 * @throws InputError when the file cannot be read or has no header row.
 */
export async function loadFile(
  conn: Connection,
  path: string,
  kind: SourceKind,
  prepare: (header: string[]) => Promise<{ table: string; columns: string[] }>,
  badLines: ReadonlyMap<number, number> = new Map(),
): Promise<Loaded> {
  const records = new CsvRecords(kind.format === 'tsv' ? '\t' : ',', badLines);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const bytes = kind.gzip ? file.pipe(createGunzip()) : file;
  if (kind.gzip) file.on('error', (e) => bytes.destroy(e));
  const decoder = new TextDecoder();
  let out: PassThrough | null = null;
  let inserting: Promise<void> | null = null;
  const send = async (text: string) => {
    if (text === '' || out === null) return;
    if (!out.write(text)) await Promise.race([once(out, 'drain'), inserting]);
  };
  const start = async () => {
    const target = await prepare(records.header!);
    out = new PassThrough();
    inserting = conn.insert(target.table, target.columns, out);
    // A failed insert must not leave an unhandled rejection while the file is still being read.
    inserting.catch(() => {});
  };
  try {
    for await (const chunk of bytes) {
      const text = records.feed(decoder.decode(chunk as Buffer, { stream: true }));
      if (out === null && records.header !== null) await start();
      await send(text);
    }
    const text = records.feed(decoder.decode()) + records.finish();
    if (records.header === null) throw new InputError(path, 'is empty: no header row');
    if (out === null) await start();
    await send(text);
  } catch (error) {
    (out as PassThrough | null)?.destroy();
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException)?.code !== undefined)
      throw new InputError(path, `cannot be read: ${(error as Error).message}`, { cause: error });
    throw error;
  }
  (out as PassThrough | null)?.end();
  await inserting;
  return { header: records.header, rows: records.rows, malformed: records.malformed };
}

/**
 * Streams a CSV/TSV file (`.gz` too) into the cluster through the HTTP interface into the
 * `Distributed` table, which spreads the rows over the shards. A CSV file whose records are plain
 * lines goes as its own bytes, each line led by its number, and the server parses it
 * (`PlainLines`); any other file, or one the server refuses, is tokenised here (`CsvRecords`: each
 * row led by its line, records with the wrong number of fields set aside) and sent as
 * TabSeparated. Nothing of the file is held in memory beyond a chunk.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.ts';
import type { SourceKind } from '../duckdb/source.ts';
import type { Connection } from './connection.ts';
import { CsvRecords, type MalformedRecord } from './csv-records.ts';
import { PlainLines } from './plain-lines.ts';

/** What loading found: the header, the rows sent, the records that could not be split. */
export interface Loaded {
  header: string[];
  rows: number;
  malformed: MalformedRecord[];
  /** Who parsed the records: the server (plain lines) or the client (`CsvRecords`). */
  parsedBy: 'server' | 'client';
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
  // Lines that are not UTF-8 are set aside one by one: the exact way.
  if (kind.format === 'csv' && badLines.size === 0) {
    const plain = await loadPlain(conn, path, kind, prepare);
    if (plain) return plain;
  }
  return loadRecords(conn, path, kind, prepare, badLines);
}

function openBytes(path: string, kind: SourceKind) {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const bytes = kind.gzip ? file.pipe(createGunzip()) : file;
  if (kind.gzip) file.on('error', (e) => bytes.destroy(e));
  return bytes;
}

function readError(path: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException)?.code !== undefined)
    return new InputError(path, `cannot be read: ${(error as Error).message}`, { cause: error });
  return error;
}

/**
 * The fast way ({@link PlainLines}): null when a line is not plain or the server refuses a line
 * (the caller then loads the file the exact way, which makes the tables afresh).
 */
async function loadPlain(
  conn: Connection,
  path: string,
  kind: SourceKind,
  prepare: (header: string[]) => Promise<{ table: string; columns: string[] }>,
): Promise<Loaded | null> {
  const lines = new PlainLines(',');
  const bytes = openBytes(path, kind);
  let out: PassThrough | null = null;
  let inserting: Promise<boolean> | null = null;
  const send = async (b: Buffer | null): Promise<boolean> => {
    if (b === null) return false;
    if (out === null && lines.header !== null) {
      const target = await prepare(lines.header);
      out = new PassThrough();
      inserting = conn.insert(target.table, target.columns, out, 'CSV').then(
        () => true,
        () => false,
      );
    }
    if (b.length > 0 && out !== null && !out.write(b)) await Promise.race([once(out, 'drain'), inserting]);
    return true;
  };
  try {
    for await (const chunk of bytes) if (!(await send(lines.feed(chunk as Buffer)))) return abort(out, inserting);
    if (!(await send(lines.finish())) || lines.header === null) return abort(out, inserting);
  } catch (error) {
    await abort(out, inserting);
    throw readError(path, error);
  }
  const done = out as PassThrough | null;
  if (done === null) return null;
  done.end();
  return (await inserting) ? { header: lines.header, rows: lines.rows, malformed: [], parsedBy: 'server' } : null;
}

async function abort(out: PassThrough | null, inserting: Promise<boolean> | null): Promise<null> {
  out?.destroy(new Error('not plain'));
  await inserting;
  return null;
}

/** The exact way: every record tokenised here ({@link CsvRecords}). */
async function loadRecords(
  conn: Connection,
  path: string,
  kind: SourceKind,
  prepare: (header: string[]) => Promise<{ table: string; columns: string[] }>,
  badLines: ReadonlyMap<number, number>,
): Promise<Loaded> {
  const records = new CsvRecords(kind.format === 'tsv' ? '\t' : ',', badLines);
  const bytes = openBytes(path, kind);
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
    throw readError(path, error);
  }
  (out as PassThrough | null)?.end();
  await inserting;
  return { header: records.header, rows: records.rows, malformed: records.malformed, parsedBy: 'client' };
}

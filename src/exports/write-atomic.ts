/**
 * Atomic file writing: the toolkit's only writer of output files (Node only).
 *
 * A file is written to a temporary name in the same directory, flushed to disk, then renamed
 * over the final name. A rename within one directory is atomic on POSIX file systems, so a
 * reader sees either the old file or the complete new one, and a failure (disk full, killed
 * process, unwritable directory, a chunk generator that throws) never leaves a partial file under
 * the final name.
 *
 * Data is text, bytes, or an iterable of text/byte chunks (a generator such as
 * `graphJsonChunks(graph)`): chunks are encoded into two 4 MiB buffers that are written in turn,
 * one filling while the other is on its way to disk, so a file is never held whole in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, mkdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OptionError } from '../errors.ts';
import { fileBlocks, isFileData, type FileData } from './file-blocks.ts';

export type { FileData } from './file-blocks.ts';

/** Size and SHA-256 (hex) of the bytes a file was written with. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

function tempPathFor(path: string): string {
  // Hidden, unique per process and call, and in the target's directory so rename stays atomic.
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function checkData(data: unknown): asserts data is FileData {
  if (!isFileData(data)) throw new OptionError('data', typeof data, 'a string, a Uint8Array or an iterable of them');
}

type Handle = Awaited<ReturnType<typeof open>>;

/**
 * Writes every block of `data`, the next block being filled while the previous one is written,
 * and hashes the blocks on the way: the manifest's checksums need no second read of the file.
 */
async function writeData(handle: Handle, data: FileData): Promise<FileDigest> {
  let pending: Promise<void> | undefined;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for (const block of fileBlocks(data)) {
      if (pending) await pending;
      // hashed before the write is started, while the block cannot yet be refilled
      hash.update(block);
      bytes += block.length;
      pending = writeAll(handle, block);
      // Observed at once so that a failure while the next block is produced is not "unhandled".
      pending.catch(() => {});
    }
    if (pending) await pending;
  } catch (error) {
    if (pending) await pending.catch(() => {});
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function writeAll(handle: Handle, block: Uint8Array): Promise<void> {
  let written = 0;
  while (written < block.length) written += (await handle.write(block, written, block.length - written)).bytesWritten;
}

/**
 * Writes `data` to `path` atomically: temporary file in the same directory, write, fsync,
 * rename over `path`. Replaces an existing file; the directory must exist. `data` may be a
 * string (UTF-8), bytes, or an iterable of string/byte chunks consumed as they are written. On
 * failure (the file system's or an error thrown by the chunk iterable) the temporary file is
 * removed, `path` is untouched, and the error is rethrown. Resolves to the size and SHA-256 of
 * the bytes written.
 *
 * @example await writeFileAtomic('out/places.csv', toCsv(columns, rows));
 * @example await writeFileAtomic('out/graph.json', graphJsonChunks(graph));
 */
export async function writeFileAtomic(path: string, data: FileData): Promise<FileDigest> {
  checkData(data);
  const temp = tempPathFor(path);
  let handle: Handle | undefined;
  let digest: FileDigest;
  try {
    handle = await open(temp, 'wx', 0o644);
    digest = await writeData(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    if (handle) await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
  return digest;
}

/** Flushes the directory entry of the rename; best effort (not every platform can fsync a directory). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // durability of the rename is a bonus; the file content is already on disk
  }
}

/**
 * Synchronous {@link writeFileAtomic}, for callers that cannot await (exit handlers, scripts).
 *
 * @example writeFileAtomicSync('out/manifest.json', manifestToJson(manifest));
 */
export function writeFileAtomicSync(path: string, data: FileData): void {
  checkData(data);
  const temp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    for (const block of fileBlocks(data)) {
      let written = 0;
      while (written < block.length) written += writeSync(fd, block, written, block.length - written);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the original error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    throw error;
  }
}

/**
 * Writes several files into `dir` (created with its parents if missing), each atomically,
 * in file-name order. A file given as an iterable of chunks is produced while it is written,
 * so with generators (which start only when first read) one file at a time is built. Names are relative paths inside `dir` (`places.csv`, `figures/rai.svg`):
 * no absolute paths, no `\\`, no empty, `.` or `..` segment. Returns the paths
 * written. A failure stops the run and rethrows: files already written stay complete, the
 * failing one keeps its previous content (or does not exist), none is partial. `onWritten`
 * receives each file's name and {@link FileDigest} as it is written.
 *
 * @example
 * await writeOutputs('out/run1', { 'places.csv': placesCsv, 'graph.json': graphToJson(graph) });
 * // ['out/run1/graph.json', 'out/run1/places.csv']
 */
export async function writeOutputs(
  dir: string,
  files: Record<string, FileData>,
  onWritten?: (name: string, digest: FileDigest) => void,
): Promise<string[]> {
  const names = checkedNames(files);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (name.includes('/')) await mkdir(dirname(path), { recursive: true });
    const digest = await writeFileAtomic(path, files[name] as FileData);
    onWritten?.(name, digest);
    written.push(path);
  }
  return written;
}

/** Synchronous {@link writeOutputs}. */
export function writeOutputsSync(dir: string, files: Record<string, FileData>): string[] {
  const names = checkedNames(files);
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    const path = join(dir, name);
    if (name.includes('/')) mkdirSync(dirname(path), { recursive: true });
    writeFileAtomicSync(path, files[name] as FileData);
    return path;
  });
}

function checkedNames(files: Record<string, FileData>): string[] {
  const names = Object.keys(files).sort();
  for (const name of names) {
    const segments = name.split('/');
    if (/[\\\0]/.test(name) || segments.some((seg) => seg === '' || seg === '.' || seg === '..')) {
      throw new OptionError('files', name, 'relative paths inside the folder (no absolute path, "\\", "." or ".." segment)');
    }
    checkData(files[name]);
  }
  return names;
}

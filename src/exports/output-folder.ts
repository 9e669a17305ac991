/**
 * An output folder replaced as a unit (Node only). Every file of a run is written into a hidden
 * sibling folder (`.NAME.partial-PID-XXXXXX`), the manifest last with the SHA-256 of every file,
 * and only then does that folder take the place of the old one (two renames in the same parent).
 * A reader therefore sees the old result or the new one whole, never half of each; files of an
 * earlier run that this run does not write (figures, Parquet copies) go with the old folder; and
 * a run that fails or is interrupted leaves the old folder as it was and removes its partial one.
 *
 * A folder is only replaced when it is empty or holds an earlier result (a talentflow
 * manifest.json, or nothing but output files): `--out .` or a folder of other files is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OptionError, OutputError } from '../errors.ts';
import { registerTemporary, releaseTemporary } from '../io/temporary.ts';
import { digestOfFile } from './checksum.ts';
import { writeOutputs, type FileData, type FileDigest } from './write-atomic.ts';
import { assertCount, manifestToJson, type Manifest } from './manifest.ts';
import { compareKeys } from '../compare-keys.ts';

/** Size and SHA-256 of each file of a folder, by relative path (`figures/rai.svg`). */
export type FileHashes = Record<string, FileDigest>;

/** A folder being written; see {@link openOutputFolder}. */
export interface OutputFolder {
  /** The final folder. */
  readonly dir: string;
  /** The hidden sibling the files go into until {@link OutputFolder.commit}. */
  readonly partial: string;
  /** Writes files into the partial folder; returns their paths there. */
  write(files: Record<string, FileData>): Promise<string[]>;
  /**
   * Waits for files written into the partial folder by other means (a second thread); its
   * failure is reported as {@link OutputFolder.write}'s (a file system error as `OutputError`).
   */
  adopt<T>(work: Promise<T>): Promise<T>;
  /**
   * Records the size and SHA-256 of a file written into the partial folder by other means (as
   * {@link writeFileAtomic} returns them), so that {@link OutputFolder.commit} need not read it again.
   */
  written(name: string, digest: FileDigest): void;
  /**
   * Hashes every file written, writes `manifest.json` from `manifest(hashes)`, and puts the
   * folder in place of the old one. Returns the final paths, manifest included, sorted.
   */
  commit(manifest: (hashes: FileHashes) => string): Promise<string[]>;
  /** Removes the partial folder (after a failure); the old folder stays as it was. */
  discard(): Promise<void>;
}

/** Names an analysis writes; a folder holding only these (and hidden temporary files) is an earlier result. */
const OUTPUT_NAME = /^(?:[\w.-]+\.(?:csv|json|gexf|parquet)|figures|\..*\.tmp)$/;

/**
 * Prepares writing `dir`: checks that it can be replaced, creates its missing parents, and
 * creates the partial folder beside it (so an unwritable place fails before any work is done).
 * Partial and old folders left by killed runs of the same name are removed.
 *
 * @throws OutputError when `dir` or a parent is a file, permission is denied, the file system
 *   refuses a folder there, or `dir` holds files that are not an earlier result.
 * @example
 * const out = await openOutputFolder('out/run1');
 * await out.write({ 'places.csv': csv });
 * await out.commit((hashes) => manifestJson(hashes));
 */
export async function openOutputFolder(dir: string): Promise<OutputFolder> {
  const target = resolve(dir);
  const parent = dirname(target);
  const name = basename(target);
  await makeParents(dir, parent);
  await checkReplaceable(dir, target);
  await removeStale(parent, name);
  let partial: string;
  try {
    partial = await mkdtemp(join(parent, `.${name}.partial-${process.pid}-`));
    // mkdtemp makes the folder private (0700); the result is an ordinary folder.
    await chmod(partial, 0o755);
  } catch (error) {
    throw new OutputError(dir, `cannot create a folder in ${parent} (${cause(error)})`, { cause: error });
  }
  registerTemporary(partial);
  const adopt = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw new OutputError(dir, `cannot be written (${cause(error)})`, { cause: error });
      throw error;
    }
  };
  // Digests of the files as they were written: commit reads only files that came another way.
  const digests = new Map<string, FileDigest>();
  const written = (name: string, digest: FileDigest): void => void digests.set(name, digest);
  const write = (files: Record<string, FileData>): Promise<string[]> => adopt(writeOutputs(partial, files, written));
  return {
    dir,
    partial,
    write,
    adopt,
    written,
    async commit(manifest) {
      const hashes: FileHashes = {};
      for (const file of (await listFiles(partial)).filter((f) => f !== 'manifest.json')) {
        hashes[file] = digests.get(file) ?? (await digestOfFile(join(partial, file)));
      }
      await write({ 'manifest.json': manifest(hashes) });
      await swap(dir, target, partial);
      releaseTemporary(partial);
      return [...Object.keys(hashes), 'manifest.json'].sort().map((f) => join(dir, f));
    },
    async discard() {
      await rm(partial, { recursive: true, force: true });
      releaseTemporary(partial);
    },
  };
}

/** Replaces `target` by `partial`: the old folder is renamed aside first, then removed. */
async function swap(dir: string, target: string, partial: string): Promise<void> {
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}-${randomBytes(6).toString('hex')}`);
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new OutputError(dir, `cannot be replaced (${cause(error)})`, { cause: error });
  }
  try {
    await rename(partial, target);
  } catch (error) {
    if (moved) await rename(old, target).catch(() => {});
    throw new OutputError(dir, `cannot be replaced (${cause(error)})`, { cause: error });
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

/** Creates the missing parents of the folder one level at a time (a recursive mkdir loops forever under /proc). */
async function makeParents(dir: string, parent: string): Promise<void> {
  const missing: string[] = [];
  let p = parent;
  for (;;) {
    try {
      const s = await stat(p);
      if (!s.isDirectory()) throw new OutputError(dir, `${p} is not a folder`);
      break;
    } catch (error) {
      if (error instanceof OutputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(p) !== p) {
        missing.push(p);
        p = dirname(p);
        continue;
      }
      throw new OutputError(dir, `cannot reach ${p} (${cause(error)})`, { cause: error });
    }
  }
  for (const m of missing.reverse()) {
    try {
      await mkdir(m);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new OutputError(dir, `cannot create the folder ${m} (${cause(error)})`, { cause: error });
    }
  }
}

async function checkReplaceable(dir: string, target: string): Promise<void> {
  let entries: string[];
  try {
    const s = await stat(target);
    if (!s.isDirectory()) throw new OutputError(dir, 'exists and is not a folder; choose a folder for --out');
    entries = await readdir(target);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new OutputError(dir, `cannot be read (${cause(error)})`, { cause: error });
  }
  if (entries.includes('manifest.json')) {
    const text = await readFile(join(target, 'manifest.json'), 'utf8').catch(() => '');
    if (/"name":\s*"talentflow"/.test(text)) return;
  }
  const other = entries.filter((e) => !OUTPUT_NAME.test(e));
  if (other.length > 0) {
    throw new OutputError(
      dir,
      `holds files that are not a talentflow result (${other.slice(0, 3).join(', ')}${other.length > 3 ? ', …' : ''}); the output folder is replaced as a whole, so choose a new or empty one`,
    );
  }
}

/** Removes partial and old folders of `name` left by processes that no longer run. */
async function removeStale(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:partial|old)-(\\d+)-`);
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const m = pattern.exec(entry);
    if (m && !alive(Number(m[1]))) await rm(join(parent, entry), { recursive: true, force: true }).catch(() => {});
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

function cause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (error as Error).message;
}

/**
 * The manifest of a written folder: `manifestJson` with `files` (size and SHA-256 of every other
 * file, by name) and `runId`, the first 16 hex digits of the SHA-256 of that manifest (without
 * `createdBy` and `createdAt`). The run id is a fingerprint of the input, the options and every output byte, so the same run gives the
 * same id (results stay byte-identical across runs) and a folder whose files do not match its
 * manifest can be told.
 *
 * @example sealManifest(manifestToJson(m), { 'places.csv': { bytes: 120, sha256: 'ab…' } })
 */
export function sealManifest(manifestJson: string, hashes: Record<string, { bytes: number; sha256: string }>): string {
  const { runId: _old, files: _files, ...manifest } = JSON.parse(manifestJson) as Manifest;
  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const name of Object.keys(hashes).sort(compareKeys)) {
    const h = hashes[name]!;
    assertCount(`files.${name}.bytes`, h.bytes);
    if (!/^[0-9a-f]{64}$/.test(h.sha256))
      throw new OptionError(`files.${name}.sha256`, h.sha256, '64 lowercase hexadecimal characters (SHA-256)');
    files[name] = { bytes: h.bytes, sha256: h.sha256 };
  }
  // The command line and the run time are left out: the same input, options and outputs give
  // the same id wherever the folder was written.
  const { createdBy: _by, createdAt: _at, ...fingerprinted } = manifest;
  const body = manifestToJson({ ...fingerprinted, files });
  const runId = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const { manifestVersion, tool, ...rest } = manifest;
  return manifestToJson({ manifestVersion, tool, runId, ...rest, files });
}

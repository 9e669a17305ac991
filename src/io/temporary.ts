/**
 * The temporary files and folders a run has open (DuckDB spill folders, an output folder being
 * written), so that every way out of a run removes them: the owner removes its own on success
 * and on error, and {@link removeTemporariesSync} removes whatever is left when the process is
 * interrupted (the CLI calls it on SIGINT and SIGTERM).
 */
import { rmSync } from 'node:fs';

const open = new Set<string>();

/** Records a temporary path to remove if the process is interrupted. */
export function registerTemporary(path: string): void {
  open.add(path);
}

/** Forgets a temporary path its owner has removed (or turned into a result). */
export function releaseTemporary(path: string): void {
  open.delete(path);
}

/** The temporary paths currently registered. */
export function openTemporaries(): string[] {
  return [...open];
}

/**
 * Removes every registered temporary path, synchronously (it runs in signal handlers, where
 * nothing asynchronous completes), and forgets them. Errors are ignored: it is the last thing a
 * process does.
 */
export function removeTemporariesSync(): void {
  for (const path of open) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort on the way out
    }
  }
  open.clear();
}

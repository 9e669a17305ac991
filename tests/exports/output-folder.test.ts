// The output folder's manifest checksums: taken from the bytes as they are written (the main
// thread's writes and a second thread's, handed over with `written`), read back only for a file
// that came into the folder another way.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256OfData, sha256OfFile } from '../../src/exports/checksum.ts';
import { openOutputFolder } from '../../src/exports/output-folder.ts';
import { writeFileAtomic } from '../../src/exports/write-atomic.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-folder-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** 5 MiB and a bit in 1,000-byte text chunks: more than one of the writer's 4 MiB blocks. */
function* bigText(): Generator<string> {
  for (let i = 0; i < 5300; i++) yield `${String(i).padStart(8, '0')},${'x'.repeat(990)}\n`;
}

describe('checksums taken while writing', () => {
  it('writeFileAtomic resolves to the size and SHA-256 of the file it wrote, across blocks', async () => {
    const path = join(dir, 'big.csv');
    const digest = await writeFileAtomic(path, bigText());
    expect(digest).toEqual({ bytes: 5300 * 1000, sha256: await sha256OfFile(path) });
    expect(await writeFileAtomic(join(dir, 'small.csv'), 'a,b\n')).toEqual({ bytes: 4, sha256: sha256OfData('a,b\n') });
  });

  it("openOutputFolder's commit lists every file with its true checksum, however it was written", async () => {
    const out = await openOutputFolder(join(dir, 'out'));
    await out.write({ 'a.csv': 'a\n1\n', 'big.csv': bigText() });
    // as the second thread does: written beside the folder's own writes, then handed over
    out.written('thread.csv', await writeFileAtomic(join(out.partial, 'thread.csv'), 't\n'));
    // and a file that came another way (DuckDB's Parquet copies): read back at commit
    writeFileSync(join(out.partial, 'other.parquet'), 'PAR1');
    let hashes: Record<string, { bytes: number; sha256: string }> = {};
    await out.commit((h) => {
      hashes = h;
      return '{}\n';
    });
    const final = join(dir, 'out');
    expect(Object.keys(hashes)).toEqual(['a.csv', 'big.csv', 'other.parquet', 'thread.csv']);
    for (const [name, h] of Object.entries(hashes)) {
      expect(h).toEqual({ bytes: readFileSync(join(final, name)).length, sha256: await sha256OfFile(join(final, name)) });
    }
  });

  it('openOutputFolder trusts a handed-over digest without reading the file again', async () => {
    const out = await openOutputFolder(join(dir, 'out'));
    await writeFileAtomic(join(out.partial, 'thread.csv'), 't\n');
    out.written('thread.csv', { bytes: 2, sha256: 'given' });
    let hashes: Record<string, { bytes: number; sha256: string }> = {};
    await out.commit((h) => {
      hashes = h;
      return '{}\n';
    });
    expect(hashes['thread.csv']).toEqual({ bytes: 2, sha256: 'given' });
  });
});

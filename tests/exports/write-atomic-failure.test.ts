/**
 * A write that fails half way (disk full, I/O error) must leave the previous file intact.
 * The failure is injected by wrapping node:fs/promises' `open` so that the handle writes half
 * of the data it is given to the temporary file and then throws ENOSPC.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (...args: Parameters<typeof actual.open>) => {
    const handle = await actual.open(...args);
    const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = (async (data: Uint8Array) => {
      await writeFile(data.subarray(0, Math.floor(data.length / 2)));
      throw enospc();
    }) as typeof handle.writeFile;
    const write = handle.write.bind(handle) as (b: Uint8Array, o: number, l: number) => Promise<unknown>;
    handle.write = (async (data: Uint8Array, offset = 0, length = data.length - offset) => {
      await write(data, offset, Math.floor(length / 2));
      throw enospc();
    }) as unknown as typeof handle.write;
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

const { writeFileAtomic, writeOutputs } = await import('../../src/exports/write-atomic.ts');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writeFileAtomic failing mid-write keeps the previous file and removes the partial temporary file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentflow-fail-'));
    const path = join(dir, 'flows.csv');
    writeFileSync(path, 'previous complete content\n');
    await expect(writeFileAtomic(path, 'new content that will not fit on the disk\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(path, 'utf8')).toBe('previous complete content\n');
    expect(readdirSync(dir)).toEqual(['flows.csv']);
  });

  it('writeFileAtomic failing mid-write of a chunk generator stops the generator and leaves no file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentflow-fail-'));
    let closed = false;
    let produced = 0;
    function* chunks(): Generator<string> {
      try {
        // 20 MB in 1 MB chunks: the first 4 MiB block fills and its write fails while later chunks wait.
        for (let i = 0; i < 20; i++, produced++) yield 'x'.repeat(1 << 20);
      } finally {
        closed = true;
      }
    }
    await expect(writeFileAtomic(join(dir, 'graph.json'), chunks())).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(closed).toBe(true);
    expect(produced).toBeLessThan(20);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writeOutputs failing mid-write creates no file under a final name', async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentflow-fail-'));
    await expect(writeOutputs(join(dir, 'out'), { 'a.csv': 'aaaa', 'b.csv': 'bbbb' })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});

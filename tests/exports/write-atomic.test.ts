import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { sha256OfData, sha256OfFile } from '../../src/exports/checksum.ts';
import { writeFileAtomic, writeFileAtomicSync, writeOutputs, writeOutputsSync } from '../../src/exports/write-atomic.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writeFileAtomic creates then replaces a file and leaves no temporary file', async () => {
    const path = join(dir, 'places.csv');
    await writeFileAtomic(path, 'a,b\n1,2\n');
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
    await writeFileAtomic(path, new Uint8Array([0x78, 0x0a]));
    expect(readFileSync(path, 'utf8')).toBe('x\n');
    expect(readdirSync(dir)).toEqual(['places.csv']);
  });

  it('writeFileAtomic failing at the rename leaves what was under the final name and no temporary file', async () => {
    // A non-empty directory under the final name: the rename fails after the data was written.
    const path = join(dir, 'graph.json');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'previous');
    await expect(writeFileAtomic(path, '{"nodes":[]}\n')).rejects.toMatchObject({ code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/) });
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('writeFileAtomic into a missing directory rejects with ENOENT and creates nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writeFileAtomicSync behaves like the async version', () => {
    const path = join(dir, 'manifest.json');
    writeFileSync(path, 'old');
    writeFileAtomicSync(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'f'), 'x');
    expect(() => writeFileAtomicSync(join(dir, 'd'), 'y')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['d', 'manifest.json']);
  });
});

describe('writeOutputs', () => {
  it('writeOutputs creates the folder and writes every file in name order', async () => {
    const out = join(dir, 'out', 'run1');
    const written = await writeOutputs(out, { 'places.csv': 'p\n', 'flows.csv': 'f\n', 'graph.json': '{}\n' });
    expect(written).toEqual(['flows.csv', 'graph.json', 'places.csv'].map((n) => join(out, n)));
    expect(readdirSync(out).sort()).toEqual(['flows.csv', 'graph.json', 'places.csv']);
    expect(readFileSync(join(out, 'flows.csv'), 'utf8')).toBe('f\n');
    expect(writeOutputsSync(out, { 'flows.csv': 'g\n' })).toEqual([join(out, 'flows.csv')]);
    expect(readFileSync(join(out, 'flows.csv'), 'utf8')).toBe('g\n');
  });

  it('writeOutputs writes into a subfolder of the output folder', async () => {
    const out = join(dir, 'sub-ok');
    const written = await writeOutputs(out, { 'figures/rai.svg': '<svg/>', 'places.csv': 'p\n' });
    expect(written).toEqual([join(out, 'figures/rai.svg'), join(out, 'places.csv')]);
    expect(readFileSync(join(out, 'figures', 'rai.svg'), 'utf8')).toBe('<svg/>');
    rmSync(out, { recursive: true, force: true });
  });

  it('writeOutputs rejects names that leave the folder before writing anything', async () => {
    for (const name of ['../escape.csv', 'sub/../../x.csv', '/abs.csv', 'a\\b.csv', '..', '']) {
      await expect(writeOutputs(join(dir, 'o'), { 'ok.csv': 'x', [name]: 'y' })).rejects.toBeInstanceOf(OptionError);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sha256OfFile', () => {
  it('sha256OfFile matches the known digest of "abc" and sha256OfData', async () => {
    const path = join(dir, 'abc.txt');
    writeFileSync(path, 'abc');
    // FIPS 180-2 test vector for "abc".
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256OfFile(path)).toBe(expected);
    expect(sha256OfData('abc')).toBe(expected);
    await expect(sha256OfFile(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

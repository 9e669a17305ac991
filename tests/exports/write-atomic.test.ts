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
    await expect(writeFileAtomic(path, '{"nodes":[]}\n')).rejects.toMatchObject({
      code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/),
    });
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

  it('sha256OfFile stops reading when its signal aborts (a failed run does not finish its input checksum)', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(32 * 1024 * 1024, 97));
    const stop = new AbortController();
    const reading = sha256OfFile(big, { signal: stop.signal });
    stop.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('writeFileAtomic with chunks', () => {
  /** Text with 1-, 2-, 3- and 4-byte UTF-8 characters, `n` code units long, starting at a seeded place. */
  const alphabet = ['a', ',', 'é', 'Ω', '深', '圳', '😀', '\n', '"'];
  let block = '';
  for (let _i = 0, x = 1; block.length < 100_003; _i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    block += alphabet[x % alphabet.length];
  }
  function mixedText(n: number, seed: number): string {
    let start = (seed * 7919) % 1000;
    if (/[\udc00-\udfff]/.test(block[start]!)) start++;
    const text = block
      .slice(start)
      .repeat(Math.ceil(n / (block.length - start)))
      .slice(0, n);
    // Whole characters only: a lone surrogate has no UTF-8 of its own.
    return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) + 'z' : text;
  }

  it('writeFileAtomic writes the UTF-8 of the chunks concatenated, across several 4 MiB blocks', async () => {
    // 11 M characters: more than two blocks, so both buffers are reused.
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 40; i++) pieces.push(mixedText(1 + ((i * 7919) % 400_000), i));
    pieces.push(new Uint8Array(3_000_000).fill(0x41)); // a byte chunk larger than half a block is written as is
    pieces.push(new Uint8Array([0xe2, 0x82])); // bytes of one character split over two byte chunks
    pieces.push(new Uint8Array([0xac]));
    pieces.push(mixedText(5_000_000, 99));
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
    const path = join(dir, 'graph.json');
    await writeFileAtomic(
      path,
      (function* () {
        yield* pieces;
      })(),
    );
    expect(await sha256OfFile(path)).toBe(sha256OfData(expected));
    writeFileAtomicSync(join(dir, 'sync.json'), pieces);
    expect(await sha256OfFile(join(dir, 'sync.json'))).toBe(sha256OfData(expected));
    expect(readdirSync(dir).sort()).toEqual(['graph.json', 'sync.json']);
  });

  it('writeFileAtomic writes one string longer than a block and a surrogate pair split between chunks', async () => {
    const long = mixedText(3_000_001, 7); // × 3 bytes > 4 MiB: encoded in slices, never through one 9 MB copy
    await writeFileAtomic(join(dir, 'long.txt'), long);
    expect(readFileSync(join(dir, 'long.txt'), 'utf8')).toBe(long);
    // '😀' is the pair \ud83d\ude00: written whole, not as two U+FFFD.
    await writeFileAtomic(join(dir, 'pair.txt'), ['a\ud83d', '\ude00b', 'end\ud83d']);
    expect(readFileSync(join(dir, 'pair.txt'))).toEqual(Buffer.from('a😀bend\ud83d', 'utf8'));
    expect(readFileSync(join(dir, 'pair.txt'), 'utf8')).toBe('a😀bend\ufffd');
  });

  it('writeFileAtomic with a generator that throws mid-way rethrows its error and keeps the previous file', async () => {
    const path = join(dir, 'graph.gexf');
    writeFileSync(path, 'previous complete content\n');
    const failure = new Error('attribute is NaN');
    function* chunks(): Generator<string> {
      for (let i = 0; i < 6; i++) yield 'y'.repeat(1 << 20); // 6 MB: one block already written to the temporary file
      throw failure;
    }
    await expect(writeFileAtomic(path, chunks())).rejects.toBe(failure);
    expect(readFileSync(path, 'utf8')).toBe('previous complete content\n');
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
    expect(() => writeFileAtomicSync(path, chunks())).toThrow(failure);
    expect(readFileSync(path, 'utf8')).toBe('previous complete content\n');
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
  });

  it('writeFileAtomic rejects a chunk that is neither text nor bytes with OptionError and leaves no file', async () => {
    const path = join(dir, 'x.csv');
    await expect(writeFileAtomic(path, ['a', 42 as unknown as string])).rejects.toMatchObject({ name: 'OptionError', option: 'data' });
    await expect(writeFileAtomic(path, 42 as unknown as string)).rejects.toBeInstanceOf(OptionError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writeOutputs produces each generator only when its file is written, in name order', async () => {
    const out = join(dir, 'run');
    const log: string[] = [];
    function* file(name: string): Generator<string> {
      log.push(`start ${name}`);
      yield `${name}\n`;
      log.push(`end ${name}`);
    }
    const written = await writeOutputs(out, { 'places.csv': file('places.csv'), 'flows.csv': file('flows.csv'), 'manifest.json': '{}\n' });
    expect(log).toEqual(['start flows.csv', 'end flows.csv', 'start places.csv', 'end places.csv']);
    expect(written).toEqual(['flows.csv', 'manifest.json', 'places.csv'].map((n) => join(out, n)));
    expect(readFileSync(join(out, 'places.csv'), 'utf8')).toBe('places.csv\n');
  });

  it('writeOutputs stops at a generator that throws: earlier files complete, that one and later ones untouched', async () => {
    const out = join(dir, 'run');
    mkdirSync(out);
    writeFileSync(join(out, 'graph.json'), 'old graph\n');
    function* failing(): Generator<string> {
      yield '{"nodes":[';
      throw new RangeError('boom');
    }
    await expect(writeOutputs(out, { 'flows.csv': ['f\n'], 'graph.json': failing(), 'places.csv': 'p\n' })).rejects.toBeInstanceOf(
      RangeError,
    );
    expect(readdirSync(out).sort()).toEqual(['flows.csv', 'graph.json']);
    expect(readFileSync(join(out, 'flows.csv'), 'utf8')).toBe('f\n');
    expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe('old graph\n');
    expect(() => writeOutputsSync(out, { 'a.csv': 'a', 'b.csv': 5 as unknown as string })).toThrow(OptionError);
    expect(readdirSync(out).sort()).toEqual(['flows.csv', 'graph.json']);
  });
});

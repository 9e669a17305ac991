/**
 * A seeded corpus of mutated input files for the engine fuzz test: small moves and timelines
 * tables (the rule fixtures of tests/fixtures/engines/) with one to three mutations each, at the
 * byte, cell, row and header level: bad numbers, white space, quotes, line breaks, missing or
 * extra fields, blank rows, repeated or renamed columns, bytes that are not UTF-8, NUL bytes,
 * byte-order marks, CRLF, truncation. The same seed gives the same files.
 *
 * Run directly to write the corpus into a folder for inspection:
 *   npx tsx tests/fuzz/corpus.ts out/fuzz-corpus 300
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRng } from '../../src/random.ts';

/** One mutated file: its name (the extension decides the reader), its bytes and what was done to it. */
export interface CorpusFile {
  name: string;
  bytes: Buffer;
  mutations: string[];
}

const BASES = {
  moves: readFileSync(new URL('../fixtures/engines/moves-rules.csv', import.meta.url), 'utf8'),
  timelines: readFileSync(new URL('../fixtures/engines/timelines-rules.csv', import.meta.url), 'utf8'),
};

/** Cell values chosen to sit on the edges of the grammars (years, counts, places, white space). */
const CELLS = [
  '',
  ' ',
  '\u00a0',
  '0',
  '-1',
  '1e3',
  '1E2',
  '+3',
  '3.0',
  '3.',
  '.5',
  '2.5',
  '1e20',
  '9007199254740993',
  '1000000000',
  '1000000001',
  '9223372036854775807',
  'NaN',
  'Infinity',
  '0x10',
  '2019',
  '2019.0',
  '20x9',
  '1899',
  '2101',
  ' 2020 ',
  'Boston',
  'boston',
  'BOSTON',
  'Cambridge',
  'Shenzen',
  'Zürich',
  'São Paulo',
  '"',
  'a"b',
  'x,y',
  'line\nbreak',
  'US',
  'GB',
  'XX',
  'Beijing',
  'r1',
  'r2',
  '\t',
  'x'.repeat(300),
];

type Rng = () => number;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** CSV cell as written: quoted when it holds the delimiter, a quote or a line break (unless `raw`). */
function cell(v: string, raw: boolean): string {
  return !raw && /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function splitRows(text: string): string[][] {
  // The base files hold quotes only around whole simple cells, so a plain split is enough here.
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(',').map((c) => c.replace(/^"(.*)"$/, '$1')));
}

/** Text mutations, applied to the table before it is written out. */
const TABLE_MUTATIONS: Array<[string, (rows: string[][], rng: Rng) => void]> = [
  [
    'cell',
    (rows, rng) => {
      const r = 1 + Math.floor(rng() * (rows.length - 1));
      const c = Math.floor(rng() * rows[r]!.length);
      rows[r]![c] = pick(rng, CELLS);
    },
  ],
  [
    'cells',
    (rows, rng) => {
      for (let i = 0; i < 4; i++) {
        const r = 1 + Math.floor(rng() * (rows.length - 1));
        rows[r]![Math.floor(rng() * rows[r]!.length)] = pick(rng, CELLS);
      }
    },
  ],
  ['drop-field', (rows, rng) => rows[1 + Math.floor(rng() * (rows.length - 1))]!.pop()],
  ['extra-field', (rows, rng) => rows[1 + Math.floor(rng() * (rows.length - 1))]!.push(pick(rng, CELLS))],
  ['blank-row', (rows, rng) => rows.splice(1 + Math.floor(rng() * (rows.length - 1)), 0, [''])],
  [
    'delimiters-row',
    (rows, rng) =>
      rows.splice(
        1 + Math.floor(rng() * (rows.length - 1)),
        0,
        rows[0]!.map(() => ''),
      ),
  ],
  [
    'duplicate-row',
    (rows, rng) => {
      const r = 1 + Math.floor(rng() * (rows.length - 1));
      rows.splice(r, 0, [...rows[r]!]);
    },
  ],
  ['drop-row', (rows, rng) => rows.splice(1 + Math.floor(rng() * (rows.length - 1)), 1)],
  [
    'drop-column',
    (rows, rng) => {
      const c = Math.floor(rng() * rows[0]!.length);
      for (const row of rows) row.splice(c, 1);
    },
  ],
  [
    'rename-column',
    (rows, rng) => {
      rows[0]![Math.floor(rng() * rows[0]!.length)] = pick(rng, [
        'Researcher ID',
        'FROM',
        ' to ',
        'Year',
        'place ',
        'x',
        '',
        'count',
        'publications',
        'from',
      ]);
    },
  ],
  [
    'swap-columns',
    (rows, rng) => {
      const a = Math.floor(rng() * rows[0]!.length);
      const b = Math.floor(rng() * rows[0]!.length);
      for (const row of rows) [row[a], row[b]] = [row[b]!, row[a]!];
    },
  ],
  ['header-only', (rows) => rows.splice(1)],
  [
    'all-rows-bad-year',
    (rows) => {
      const y = rows[0]!.indexOf('year');
      if (y >= 0) for (const row of rows.slice(1)) row[y] = 'n/a';
    },
  ],
];

/** Byte mutations, applied to the written text. */
const BYTE_MUTATIONS: Array<[string, (bytes: Buffer, rng: Rng) => Buffer]> = [
  ['latin1-byte', (b, rng) => insertAt(b, afterHeader(b, rng), Buffer.from([pick(rng, [0xe9, 0xfc, 0xf6, 0xc0])]))],
  ['c1-byte', (b, rng) => insertAt(b, afterHeader(b, rng), Buffer.from([0x92]))],
  ['nul-byte', (b, rng) => insertAt(b, Math.floor(rng() * b.length), Buffer.from([0]))],
  ['utf8-bom', (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])],
  ['utf16-bom', (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')])],
  ['crlf', (b) => Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n'))],
  ['no-final-newline', (b) => b.subarray(0, b.length - 1)],
  ['truncate', (b, rng) => b.subarray(0, Math.floor(rng() * b.length))],
  ['unclosed-quote', (b, rng) => insertAt(b, afterHeader(b, rng), Buffer.from('"'))],
  ['semicolons', (b) => Buffer.from(b.toString('utf8').replace(/,/g, ';'))],
  ['empty', () => Buffer.alloc(0)],
];

function insertAt(b: Buffer, at: number, what: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, at), what, b.subarray(at)]);
}

/** A position after the header line (so the mutation hits a data row). */
function afterHeader(b: Buffer, rng: Rng): number {
  const start = b.indexOf(10) + 1;
  return start + Math.floor(rng() * Math.max(1, b.length - start));
}

/**
 * `count` mutated files from `seed`: about half moves, half timelines; one file in six gzipped.
 * @example generateCorpus(42, 300).length // 300
 */
export function generateCorpus(seed: number, count: number): CorpusFile[] {
  const rng = createRng(seed);
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng() < 0.5 ? 'moves' : 'timelines';
    const rows = splitRows(BASES[kind]);
    const mutations: string[] = [];
    const n = 1 + Math.floor(rng() * 3);
    for (let m = 0; m < n; m++) {
      const [name, apply] = pick(rng, TABLE_MUTATIONS);
      if (rows.length > 1 || name === 'rename-column') apply(rows, rng);
      mutations.push(name);
    }
    const raw = rng() < 0.1;
    let bytes: Buffer = Buffer.from(rows.map((r) => r.map((c) => cell(c, raw)).join(',')).join('\n') + '\n');
    if (raw) mutations.push('unquoted');
    if (rng() < 0.35) {
      const [name, apply] = pick(rng, BYTE_MUTATIONS);
      bytes = apply(bytes, rng);
      mutations.push(name);
    }
    const gz = rng() < 1 / 6;
    files.push({ name: `${String(i).padStart(3, '0')}-${kind}.csv${gz ? '.gz' : ''}`, bytes: gz ? gzipSync(bytes) : bytes, mutations });
  }
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const [dir = 'out/fuzz-corpus', n = '300'] = process.argv.slice(2);
  mkdirSync(dir, { recursive: true });
  for (const f of generateCorpus(42, Number(n))) writeFileSync(join(dir, f.name), f.bytes);
}

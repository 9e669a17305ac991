import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { readTable, readText, tableFormat } from '../../src/io/read-table.ts';
import { parseMoves } from '../../src/records/parse-moves.ts';

const dir = mkdtempSync(join(tmpdir(), 'talentflow-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const CSV = 'researcher_id,from,to,year,count\nr1,Boston,Shenzhen,2019,01\nr2,Beijing,Shenzhen,2020,2\n';
const ROWS = [
  { researcher_id: 'r1', from: 'Boston', to: 'Shenzhen', year: '2019', count: '01' },
  { researcher_id: 'r2', from: 'Beijing', to: 'Shenzhen', year: '2020', count: '2' },
];

describe('tableFormat', () => {
  it('tableFormat knows csv, tsv, jsonl/ndjson, each optionally gzipped, and nothing else', () => {
    expect(tableFormat('a/b.CSV')).toEqual({ format: 'csv', gzip: false });
    expect(tableFormat('b.tsv.gz')).toEqual({ format: 'tsv', gzip: true });
    expect(tableFormat('b.ndjson')).toEqual({ format: 'jsonl', gzip: false });
    expect(tableFormat('b.jsonl.gz')).toEqual({ format: 'jsonl', gzip: true });
    expect(tableFormat('b.xlsx')).toBeNull();
    expect(tableFormat('b.gz')).toBeNull();
  });
});

describe('readTable', () => {
  it('readTable reads the same table from .csv, .csv.gz, .tsv, .tsv.gz, .jsonl and .ndjson.gz, keeping raw text', async () => {
    const tsv = CSV.replaceAll(',', '\t');
    const jsonl =
      '{"researcher_id":"r1","from":"Boston","to":"Shenzhen","year":"2019","count":"01"}\n{"researcher_id":"r2","from":"Beijing","to":"Shenzhen","year":"2020","count":"2"}\n';
    const paths = [
      file('m.csv', CSV),
      file('m.csv.gz', gzipSync(CSV)),
      file('m.tsv', tsv),
      file('m.tsv.gz', gzipSync(tsv)),
      file('m.jsonl', jsonl),
      file('m.ndjson.gz', gzipSync(jsonl)),
    ];
    for (const path of paths) {
      const read = await readTable(path);
      expect(read.table.objects()).toEqual(ROWS);
      expect(read.file).toBe(path);
      expect(read.malformedRows).toBeNull();
    }
  });

  it('readTable strips a byte-order mark and reads CRLF line ends', async () => {
    const read = await readTable(file('bom.csv', `\uFEFF${CSV.replaceAll('\n', '\r\n')}`));
    expect(read.table.columnNames()[0]).toBe('researcher_id');
    expect(read.table.objects()).toEqual(ROWS);
    expect(read.rowLines).toBeNull();
  });

  it('readTable gives the physical line of rows after quoted line breaks and blank lines', async () => {
    const text = 'researcher_id,from,to,year\nr1,"Boston\nMA",Shenzhen,2019\n\nr2,Beijing,"Shen\r\nzhen",20x0\nr3,A,B,2021';
    const read = await readTable(file('quoted.csv', text));
    expect(read.table.numRows()).toBe(4);
    expect([...read.rowLines!]).toEqual([2, 4, 5, 7]);
    const parsed = parseMoves(read.table, read);
    expect(parsed.problems.map((p) => [p.line, p.field, p.value])).toEqual([[5, 'year', '20x0']]);
    expect(parsed.records.map((r) => [r.line, r.from])).toEqual([
      [2, 'Boston\nMA'],
      [7, 'A'],
    ]);
  });

  it('readTable flags rows with too many or too few fields, text after a quote, and an unclosed quote', async () => {
    const text = 'a,b,c\n1,2,3\n1,2,3,4\n1,2\n"x"y,2,3\n\n1,"2,3\n';
    const read = await readTable(file('ragged.csv', text));
    expect([...read.malformedRows!]).toEqual([
      [1, '4 fields'],
      [2, '2 fields'],
      [3, 'text after a closing quote'],
      [5, 'unclosed quote'],
    ]);
  });

  it('readTable reads JSON lines: numbers as text, absent keys empty, blank lines skipped, bad lines malformed at their line', async () => {
    const text = '{"id":"a","year":2019}\n\n{"id":"b","n":1.5,"ok":true}\nnot json\n[1,2]\n{"id":null,"nested":{"x":1}}\n';
    const read = await readTable(file('x.jsonl', text));
    expect(read.table.columnNames()).toEqual(['id', 'year', 'n', 'ok', 'nested']);
    expect(read.table.objects()).toEqual([
      { id: 'a', year: '2019', n: null, ok: null, nested: null },
      { id: 'b', year: null, n: '1.5', ok: 'true', nested: null },
      { id: null, year: null, n: null, ok: null, nested: null },
      { id: null, year: null, n: null, ok: null, nested: null },
      { id: null, year: null, n: null, ok: null, nested: '{"x":1}' },
    ]);
    expect([...read.rowLines!]).toEqual([1, 3, 4, 5, 6]);
    expect([...read.malformedRows!]).toEqual([
      [2, 'not json'],
      [3, '[1,2]'],
    ]);
  });

  it('readTable reports progress on the bytes read, ending at the file size', async () => {
    const big = 'researcher_id,from,to,year\n' + 'r,Boston,Shenzhen,2019\n'.repeat(200_000);
    const path = file('big.csv.gz', gzipSync(big));
    const calls: Array<[number, number]> = [];
    const read = await readTable(path, { onProgress: (done, total) => calls.push([done, total]) });
    expect(read.table.numRows()).toBe(200_000);
    const last = calls.at(-1)!;
    expect(last[0]).toBe(last[1]);
    expect(calls.every(([d], i) => i === 0 || d >= calls[i - 1]![0])).toBe(true);
  });

  it('readTable throws InputError for a missing file, an unknown extension, an empty file, a repeated column and broken gzip', async () => {
    expect((await inputError(readTable(join(dir, 'nope.csv')))).file).toBe(join(dir, 'nope.csv'));
    await inputError(readTable(file('m.xlsx', CSV)));
    await inputError(readTable(file('empty.csv', '')));
    await inputError(readTable(file('empty.jsonl', '\n\n')));
    await inputError(readTable(file('dup.csv', 'a,b,a\n1,2,3\n')));
    await inputError(readTable(file('broken.csv.gz', Buffer.from('this is not gzip'))));
  });

  it('readTable refuses a header-only file: nothing to analyse is an input error, not an empty analysis', async () => {
    const error = await inputError(readTable(file('header.csv', 'researcher_id,from,to,year\n\n,,,\n')));
    expect(error.message).toContain('no data rows');
  });
});

describe('readText', () => {
  it('readText returns the text of plain and gzipped files without a byte-order mark', async () => {
    expect(await readText(file('a.csv', '\uFEFFname,target\nX,Y\n'))).toBe('name,target\nX,Y\n');
    expect(await readText(file('a.csv.gz', gzipSync('name,target\n')))).toBe('name,target\n');
    await inputError(readText(join(dir, 'missing.csv')));
  });
});

describe('lastRecordBreak', () => {
  it('lastRecordBreak cuts after the last line break outside quotes', async () => {
    const { lastRecordBreak } = await import('../../src/io/read-table.ts');
    expect(lastRecordBreak('a,b\n"x')).toBe(4);
    expect(lastRecordBreak('a,b\n"x,\ny",1\nc')).toBe(13);
    expect(lastRecordBreak('"say ""hi""\n",1\n')).toBe(16);
    expect(lastRecordBreak('no break')).toBe(0);
    expect(lastRecordBreak('"open\nquote')).toBe(0);
  });
});

describe('readTable with quoted fields across chunk boundaries', () => {
  it('readTable keeps every row of a large gzipped CSV whose quoted fields hold commas and line breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentflow-chunks-'));
    try {
      const n = 20_000;
      const lines = ['researcher_id,year,place,country,discipline,publications'];
      for (let i = 0; i < n; i++) {
        const discipline =
          i % 3 === 0 ? '"Biochemistry, Genetics and Molecular Biology"' : i % 3 === 1 ? '"Line\nbreak, ""quoted"""' : 'Medicine';
        lines.push(`R${i},2020,"Washington, D.C.",US,${discipline},${(i % 7) + 1}`);
      }
      const path = join(dir, 'big.csv.gz');
      writeFileSync(path, gzipSync(lines.join('\n') + '\n'));
      const read = await readTable(path);
      expect(read.table.numRows()).toBe(n);
      const place = read.table.array('place') as string[];
      const disc = read.table.array('discipline') as string[];
      const pubs = read.table.array('publications') as string[];
      for (let i = 0; i < n; i++) {
        expect(place[i]).toBe('Washington, D.C.');
        expect(disc[i]).toBe(
          i % 3 === 0 ? 'Biochemistry, Genetics and Molecular Biology' : i % 3 === 1 ? 'Line\nbreak, "quoted"' : 'Medicine',
        );
        expect(pubs[i]).toBe(String((i % 7) + 1));
      }
      expect(read.malformedRows).toBeNull();
      // Line numbers still count the quoted line breaks: row 1 (i = 1) holds one, so row 2 starts on line 5.
      expect(read.rowLines?.[2]).toBe(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

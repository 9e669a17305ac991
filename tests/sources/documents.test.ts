import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRecords, isTarName, jsonDocuments, orcidDocuments, type SourceDocument } from '../../src/sources/node/documents.ts';
import { readLines } from '../../src/sources/node/read-lines.ts';
import { readTarEntries } from '../../src/sources/node/read-tar.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-documents-'));
});
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const brief = (d: SourceDocument) => (d.kind === 'json' ? `${d.at.line}:${JSON.stringify(d.value)}` : `${d.at.line}:${d.kind}`);

describe('jsonDocuments', () => {
  it('jsonDocuments reads JSON lines, expanding a result page on one line and reporting a bad line', async () => {
    const path = file('mixed.jsonl', '\uFEFF{"a":1}\n\n{"meta":{},"results":[{"b":2},{"b":3}]}\n{"c":\n{"d":4}\r\n');
    expect((await all(jsonDocuments(path))).map(brief)).toEqual(['1:{"a":1}', '3:{"b":2}', '3:{"b":3}', '4:bad', '5:{"d":4}']);
  });

  it('jsonDocuments reads a pretty-printed page or array whole, locating results by ordinal', async () => {
    const page = file('page.json', JSON.stringify({ meta: { count: 2 }, results: [{ x: 1 }, { x: 2 }] }, null, 2));
    expect((await all(jsonDocuments(page))).map(brief)).toEqual(['1:{"x":1}', '2:{"x":2}']);
    const array = file('array.json', '[\n  {"x": 1},\n  {"x": 2},\n  {"x": 3}\n]\n');
    expect((await all(jsonDocuments(array))).map(brief)).toEqual(['1:{"x":1}', '2:{"x":2}', '3:{"x":3}']);
    const broken = file('broken.json', '[\n  {"x": 1},\n');
    expect((await all(jsonDocuments(broken))).map(brief)).toEqual(['1:bad']);
    await expect(all(jsonDocuments(file('empty.jsonl', ' \n')))).rejects.toThrow(/is empty/);
  });

  it('jsonDocuments gunzips by content, whatever the name', async () => {
    const path = file('works.data', gzipSync('{"a":1}\n{"a":2}\n'));
    expect((await all(jsonDocuments(path))).map(brief)).toEqual(['1:{"a":1}', '2:{"a":2}']);
  });
});

describe('readLines', () => {
  it('readLines streams a large gzipped file line by line without losing or splitting lines', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `{"i":${i},"pad":"${'x'.repeat(i % 97)}"}`);
    const path = file('big.jsonl.gz', gzipSync(lines.join('\n') + '\n'));
    let bytes = 0;
    let n = 0;
    let ok = true;
    for await (const { text, line } of readLines(path, (b) => (bytes += b))) {
      ok &&= text === lines[line - 1];
      n++;
    }
    expect([n, ok]).toEqual([50_000, true]);
    expect(bytes).toBe(gzipSync(lines.join('\n') + '\n').length);
  });
});

describe('orcidDocuments', () => {
  it('orcidDocuments reads XML files whole and JSON by document', async () => {
    const xml = file('r.xml', '\n  <record><a/></record>\n');
    expect((await all(orcidDocuments(xml))).map(brief)).toEqual(['1:xml']);
    const json = file('r.json', '{"orcid-identifier": {"path": "0000-0002-1825-0097"}}');
    expect((await all(orcidDocuments(json))).map(brief)).toEqual(['1:{"orcid-identifier":{"path":"0000-0002-1825-0097"}}']);
  });

  it('orcidDocuments reads tar members with long (pax or GNU) names and skips other members', async () => {
    const deep = join('ORCID_2024_10_summaries', 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(join(dir, 'staging', deep), { recursive: true });
    writeFileSync(join(dir, 'staging', deep, '0000-0002-1825-0097.xml'), '<record/>');
    writeFileSync(join(dir, 'staging', deep, 'notes.txt'), 'skip me');
    const archive = join(dir, 'long.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', join(dir, 'staging'), 'ORCID_2024_10_summaries']);
    const docs = await all(orcidDocuments(archive));
    expect(docs.map((d) => [d.kind, d.at.file])).toEqual([['xml', `${archive}!/${deep}/0000-0002-1825-0097.xml`]]);
    expect(isTarName('x.tgz') && isTarName('x.TAR.GZ') && !isTarName('x.gz')).toBe(true);
  });
});

describe('readTarEntries', () => {
  it('readTarEntries rejects a stream that is not a tar archive', async () => {
    const junk = Readable.from([Buffer.alloc(512, 0x41)]);
    await expect(all(readTarEntries(junk))).rejects.toThrow(/checksum/);
  });
});

describe('csvRecords', () => {
  it('csvRecords joins quoted line breaks and reports each record at its first line', async () => {
    const path = file('list.csv', 'a,b\n1,"x\ny"\n\n2,z\n3,"open\n');
    expect(await all(csvRecords(path))).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x\ny'], line: 2 },
      { fields: ['2', 'z'], line: 5 },
      { fields: ['3', 'open'], line: 6, error: 'unclosed-quote' },
    ]);
  });
});

/**
 * CsvRecords (the ClickHouse engine's tokeniser) against DelimitedScanner (readTable's record
 * rules) on text with every kind of record, fed in chunks cut at every position.
 */
import { describe, expect, it } from 'vitest';
import { CsvRecords, tsvEscape } from '../../src/engines/clickhouse/csv-records.ts';
import { parseTsv } from '../../src/engines/clickhouse/connection.ts';
import { BLANK_RECORD, DelimitedScanner, TEXT_AFTER_QUOTE, UNCLOSED_QUOTE } from '../../src/io/delimited-scanner.ts';

const TEXT =
  'id,place,note\r\n' +
  'r1,Boston,plain\r\n' +
  'r2,"Cambridge, MA","a ""quoted"" word"\n' +
  '\n' +
  'r3,"line\r\nbreak",x\r' +
  'r4,only two\n' +
  'r5,"closed"junk,y\n' +
  'r6,a"b,tab\there\n' +
  '   \n' +
  'r7,\\back,"last"';

function chunked(text: string, cut: number, delimiter = ','): { lines: string[]; t: CsvRecords } {
  const t = new CsvRecords(delimiter);
  const out = t.feed(text.slice(0, cut)) + t.feed(text.slice(cut)) + t.finish();
  return { lines: out.split('\n').filter(Boolean), t };
}

describe('CsvRecords', () => {
  it('CsvRecords splits records and fields as readTable does, with their lines, whatever the chunks', () => {
    const whole = chunked(TEXT, TEXT.length);
    expect(whole.t.header).toEqual(['id', 'place', 'note']);
    expect(whole.lines.map((l) => parseTsv(l)[0])).toEqual([
      ['2', 'r1', 'Boston', 'plain'],
      ['3', 'r2', 'Cambridge, MA', 'a "quoted" word'],
      ['5', 'r3', 'line\r\nbreak', 'x'],
      // A quote inside a field is text; a tab is text in a CSV.
      ['9', 'r6', 'a"b', 'tab\there'],
      ['11', 'r7', '\\back', 'last'],
    ]);
    expect(whole.t.malformed).toEqual([
      { line: 7, evidence: '2 fields' },
      { line: 8, evidence: 'text after a closing quote' },
      { line: 10, evidence: '1 fields' },
    ]);
    for (let cut = 0; cut <= TEXT.length; cut++) {
      const c = chunked(TEXT, cut);
      expect(c.lines, `cut at ${cut}`).toEqual(whole.lines);
      expect(c.t.malformed, `cut at ${cut}`).toEqual(whole.t.malformed);
    }
  });

  it('CsvRecords agrees with DelimitedScanner on every record line and width', () => {
    const scanner = new DelimitedScanner(',');
    scanner.feed(TEXT);
    scanner.finish();
    const lines = scanner.dataLines()!;
    const width = scanner.width(0);
    const good: number[] = [];
    const bad: Array<{ line: number; evidence: string }> = [];
    for (let r = 1; r < scanner.count; r++) {
      const w = scanner.width(r);
      if (w === BLANK_RECORD) continue;
      if (w === width) good.push(lines[r - 1]!);
      else
        bad.push({
          line: lines[r - 1]!,
          evidence: w === TEXT_AFTER_QUOTE ? 'text after a closing quote' : w === UNCLOSED_QUOTE ? 'unclosed quote' : `${w} fields`,
        });
    }
    const { lines: rows, t } = chunked(TEXT, 17);
    expect(rows.map((l) => Number(l.split('\t')[0]))).toEqual(good);
    expect(t.malformed).toEqual(bad);
  });

  it('CsvRecords reports an unclosed quote at the end of the input on the line its record starts', () => {
    const { lines, t } = chunked('a,b\n1,2\n3,"open\nstill open', 9);
    expect(lines).toEqual(['2\t1\t2']);
    expect(t.malformed).toEqual([{ line: 3, evidence: 'unclosed quote' }]);
  });

  it('CsvRecords sets aside the well-formed records on lines that are not UTF-8, naming the first such line, whatever the chunks', () => {
    // Lines of TEXT: 3 holds r2; 5–6 hold r3 (a quoted line break); 7 holds r4 (malformed); 11 the last record, without a line break.
    const bad = new Map([
      [3, 0xe3],
      [6, 0xe9],
      [7, 0xfc],
      [11, 0x80],
    ]);
    for (let cut = 0; cut <= TEXT.length; cut += 7) {
      const t = new CsvRecords(',', bad);
      const out = t.feed(TEXT.slice(0, cut)) + t.feed(TEXT.slice(cut)) + t.finish();
      expect(
        out
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('\t')[0]),
        `cut at ${cut}`,
      ).toEqual(['2', '9']);
      expect(t.malformed, `cut at ${cut}`).toEqual([
        { line: 3, evidence: 'byte 0xE3', encoding: { line: 3, byte: 0xe3 } },
        { line: 5, evidence: 'byte 0xE9', encoding: { line: 6, byte: 0xe9 } },
        // A record of the wrong width stays malformed, as in the DuckDB engine.
        { line: 7, evidence: '2 fields' },
        { line: 8, evidence: 'text after a closing quote' },
        { line: 10, evidence: '1 fields' },
        { line: 11, evidence: 'byte 0x80', encoding: { line: 11, byte: 0x80 } },
      ]);
      expect(t.rows).toBe(2);
    }
  });

  it('tsvEscape and parseTsv round-trip every escaped character', () => {
    const value = 'a\\b\tc\nd\re\0f';
    expect(tsvEscape(value)).toBe('a\\\\b\\tc\\nd\\re\\0f');
    expect(parseTsv(`${tsvEscape(value)}\t\\N\n`)).toEqual([[value, null]]);
  });
});

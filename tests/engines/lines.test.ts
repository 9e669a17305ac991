import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countLineFeeds, lineMapFor, PLAIN_LINES, scanLines } from '../../src/engines/duckdb/lines.ts';
import { InputError } from '../../src/errors.ts';
import { inspectInput } from '../../src/io/inspect-input.ts';

const csv = { format: 'csv', gzip: false } as const;

async function file(name: string, text: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tf-lines-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('countLineFeeds', () => {
  it('countLineFeeds counts a last line without a line feed, and reads gzip', async () => {
    expect(await countLineFeeds(await file('a.csv', 'a,b\n1,2\n3,4\n'), csv)).toBe(3);
    expect(await countLineFeeds(await file('b.csv', 'a,b\n1,2\n3,4'), csv)).toBe(3);
    expect(await countLineFeeds(await file('c.csv.gz', gzipSync('a,b\r\n1,2\r\n')), { format: 'csv', gzip: true })).toBe(2);
  });
});

describe('lineMapFor', () => {
  it('lineMapFor keeps row r on line r + 1 for a regular file and scans when lines and rows disagree', async () => {
    expect(await lineMapFor(await file('a.csv', 'a,b\n1,2\n3,4\n'), csv, 2, 0)).toBe(PLAIN_LINES);
    // A blank line (line 3) and a quoted line break (lines 4–5): DuckDB's rows 2 and 3 are on lines 4 and 6.
    const map = await lineMapFor(await file('b.csv', 'a,b\n1,2\n\n"x\ny",3\n5,6\n'), csv, 3, 0);
    expect([map.line(1), map.line(2), map.line(3)]).toEqual([2, 4, 6]);
    // A rejected row forces the scan even when the counts happen to agree.
    const withMalformed = await lineMapFor(await file('c.csv', 'a,b\n1,2,3\n4,5\n'), csv, 1, 1);
    expect(withMalformed.line(1)).toBe(3);
    expect(withMalformed.malformed).toEqual([{ line: 2, evidence: '3 fields' }]);
  });

  it('lineMapFor takes the lines inspectInput counted (a last line without a line feed counts) instead of reading the file again', async () => {
    const plain = await file('e.csv', 'a,b\n1,2\n3,4');
    const seen = await inspectInput(plain, { gzip: false, delimiter: ',' });
    expect([seen.lineFeeds, seen.lines]).toEqual([2, 3]);
    expect(await lineMapFor(plain, csv, 2, 0, seen)).toBe(PLAIN_LINES);
    // A quoted line break: 4 lines for 2 rows, so the rows are located by a scan.
    const quoted = await file('f.csv', 'a,b\n"x\ny",2\n3,4\n');
    const seenQuoted = await inspectInput(quoted, { gzip: false, delimiter: ',' });
    expect(seenQuoted.lines).toBe(4);
    const map = await lineMapFor(quoted, csv, 2, 0, seenQuoted);
    expect([map.line(1), map.line(2)]).toEqual([2, 4]);
    // The lines come from the inspection: a (wrong) count of 3 lines for 2 rows makes the plain map.
    expect(await lineMapFor(quoted, csv, 2, 0, { ...seenQuoted, lines: 3 })).toBe(PLAIN_LINES);
  });

  it('scanLines throws InputError when the scanner and DuckDB count different rows', async () => {
    await expect(scanLines(await file('d.csv', 'a,b\n1,2\n'), csv, 5)).rejects.toBeInstanceOf(InputError);
  });
});

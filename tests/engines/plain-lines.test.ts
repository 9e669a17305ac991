/**
 * PlainLines, the fast way of a CSV file to the cluster: each plain line is sent as its own
 * bytes led by its line number; the first line that is not plain stops it (the file then goes the
 * exact way, through CsvRecords). Lines and outputs worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { PlainLines } from '../../src/engines/clickhouse/plain-lines.ts';

/** The whole text fed in pieces of `size` bytes: the output, or null when a line is not plain. */
function run(text: string, size = 3): { out: string | null; header: string[] | null; rows: number } {
  const p = new PlainLines(',');
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const b = p.feed(bytes.subarray(i, i + size));
    if (b === null) return { out: null, header: p.header, rows: p.rows };
    parts.push(b);
  }
  const last = p.finish();
  if (last === null) return { out: null, header: p.header, rows: p.rows };
  parts.push(last);
  return { out: Buffer.concat(parts).toString(), header: p.header, rows: p.rows };
}

describe('PlainLines', () => {
  it('leads each data line with its physical line, skips empty lines, keeps CRLF and quoted cells, and ends a last line without a line feed', () => {
    for (const size of [1, 3, 1000]) {
      const r = run('\uFEFFid,"from, city",to\r\n\r\nr1,"Paris, FR","a ""b"""\r\n\nr2,,\'s-Hertogenbosch\nr3,x,y', size);
      expect(r.header).toEqual(['id', 'from, city', 'to']);
      expect(r.out).toBe('3,r1,"Paris, FR","a ""b"""\r\n5,r2,,\'s-Hertogenbosch\n6,r3,x,y\n');
      expect(r.rows).toBe(3);
    }
  });

  it.each([
    ['a quoted line break', 'a,b\n1,"x\ny"\n'],
    ['a quote inside an unquoted cell', 'a,b\n1,x"y\n'],
    ['text after a closing quote', 'a,b\n1,"x"y\n'],
    ['a space before an opening quote', 'a,b\n1, "x"\n'],
    ['a lone CR', 'a,b\n1,x\r2,y\n'],
    ['an unclosed quote at the end', 'a,b\n1,"x'],
  ])('stops at %s', (_name, text) => {
    expect(run(text).out).toBeNull();
    expect(run(text, 1000).out).toBeNull();
  });

  it('leaves the number of cells to the server (it refuses a line with too many or too few)', () => {
    expect(run('a,b\n1,2,3\n4\n', 1000).out).toBe('2,1,2,3\n3,4\n');
  });
});

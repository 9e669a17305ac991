import { fromCSV } from 'arquero';
import { describe, expect, it } from 'vitest';
import { BLANK_RECORD, DelimitedScanner } from '../../src/io/delimited-scanner.ts';
import { createRng } from '../../src/random.ts';

/** Random delimited text built record by record, with the start line and width of each record known by construction. */
function randomText(seed: number, delimiter: string) {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const atoms = ['a', 'bc', ' ', 'é', '"', '\n', '\r\n', delimiter, 'x y', ''];
  const records: string[][] = [];
  let text = '';
  let line = 1;
  const lines: number[] = [];
  const widths: number[] = [];
  const count = 2 + Math.floor(rng() * 40);
  for (let r = 0; r < count; r++) {
    const ending = pick(['\n', '\r\n']);
    lines.push(line);
    if (r > 0 && rng() < 0.1) {
      widths.push(BLANK_RECORD);
      records.push([]);
      text += ending;
      line++;
      continue;
    }
    const width = 2 + Math.floor(rng() * 3);
    const fields: string[] = [];
    for (let f = 0; f < width; f++) {
      let value = '';
      const n = Math.floor(rng() * 4);
      for (let k = 0; k < n; k++) value += pick(atoms);
      fields.push(value);
    }
    const cells = fields.map((v) => {
      const quote = /["\r\n]/.test(v) || v.includes(delimiter) || (v === '' && rng() < 0.3);
      return quote ? `"${v.replaceAll('"', '""')}"` : v;
    });
    const body = cells.join(delimiter);
    // A record of one empty unquoted field would be a blank line; every record here has ≥ 2 fields.
    text += body;
    line += (body.match(/\n/g) ?? []).length;
    const last = r === count - 1 && rng() < 0.5;
    if (!last) {
      text += ending;
      line++;
    }
    records.push(fields);
    // Empty fields (unquoted) past the header's width are no data: the record has the header's width.
    const filled = cells.reduce((n, c, i) => (c !== '' ? i + 1 : n), 0);
    widths.push(r > 0 && width > widths[0]! && filled <= widths[0]! ? widths[0]! : width);
  }
  return { text, lines, widths, records };
}

function scanInChunks(text: string, delimiter: string, seed: number): DelimitedScanner {
  const rng = createRng(seed);
  const scanner = new DelimitedScanner(delimiter);
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(rng() * 7);
    scanner.feed(text.slice(i, i + size));
    i += size;
  }
  scanner.finish();
  return scanner;
}

describe('DelimitedScanner', () => {
  it('DelimitedScanner finds each record with its start line and field count, whatever the chunking (200 random texts)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const delimiter = seed % 2 ? ',' : '\t';
      const { text, lines, widths } = randomText(seed, delimiter);
      const scanner = scanInChunks(text, delimiter, seed * 31);
      expect(scanner.count).toBe(lines.length);
      for (let r = 0; r < lines.length; r++) expect([r, scanner.width(r)]).toEqual([r, widths[r]]);
      const dataLines = scanner.dataLines();
      const expected = lines.slice(1);
      expect(dataLines ? [...dataLines] : expected.map((_, i) => i + 2)).toEqual(expected);
    }
  });

  it('DelimitedScanner agrees with arquero on the number of rows and their values (200 random texts)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { text, records } = randomText(seed, ',');
      const table = fromCSV(text, { autoType: false, header: false });
      expect(table.numRows()).toBe(records.length);
      const scanner = scanInChunks(text, ',', seed);
      expect(scanner.count).toBe(table.numRows());
      const names = table.columnNames();
      records.forEach((fields, r) => {
        // arquero keeps as many columns as the first record has; wider records are cut (the scanner's width says so).
        fields.slice(0, names.length).forEach((v, f) => {
          const got = table.get(names[f]!, r) as string | null | undefined;
          expect(got ?? '').toBe(v);
        });
      });
    }
  });

  it('DelimitedScanner reports null data lines when every row is on line row + 2', () => {
    const s = new DelimitedScanner(',');
    s.feed('a,b\r\n1,2\r\n3,4');
    s.finish();
    expect(s.count).toBe(3);
    expect(s.dataLines()).toBeNull();
  });
});

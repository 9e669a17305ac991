import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../../src/places/csv.ts';

describe('parseCsvRows', () => {
  it('parseCsvRows splits fields and keeps quoted commas, doubled quotes and line breaks', () => {
    const rows = parseCsvRows('a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      // the quoted line break moves the next row to physical line 4
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('parseCsvRows reads CRLF, skips a byte-order mark and blank lines, and needs no final newline', () => {
    expect(parseCsvRows('\uFEFFa,b\r\n\r\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('parseCsvRows flags an unclosed quote and text after a closing quote', () => {
    expect(parseCsvRows('"ab"c,d\n')[0]).toEqual({ line: 1, fields: ['abc', 'd'], error: 'text-after-quote' });
    expect(parseCsvRows('x\n"open,1\n')[1]).toMatchObject({ line: 2, error: 'unclosed-quote' });
  });
});

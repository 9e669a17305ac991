import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { createRng } from '../../src/random.ts';
import { csvChunks, formatCell, formatNumber, quoteField, tableToCsv, toCsv } from '../../src/exports/csv.ts';

describe('quoteField', () => {
  it('quoteField leaves plain text alone and quotes commas, quotes, line breaks and edge spaces', () => {
    expect(quoteField('Boston')).toBe('Boston');
    expect(quoteField('São Paulo')).toBe('São Paulo');
    expect(quoteField('Hong Kong SAR, China')).toBe('"Hong Kong SAR, China"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('"')).toBe('""""');
    expect(quoteField('a\nb')).toBe('"a\nb"');
    expect(quoteField('a\r\nb')).toBe('"a\r\nb"');
    expect(quoteField(' Sub-Saharan Africa')).toBe('" Sub-Saharan Africa"');
    expect(quoteField('Sub-Saharan Africa ')).toBe('"Sub-Saharan Africa "');
    expect(quoteField('')).toBe('');
  });
});

describe('formatNumber', () => {
  it('formatNumber writes shortest round-trip digits without exponent', () => {
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(1 / 3)).toBe('0.3333333333333333');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
    expect(formatNumber(-2.5e-10)).toBe('-0.00000000025');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(1.2345e22)).toBe('12345000000000000000000');
    expect(formatNumber(Number.MIN_VALUE)).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('formatNumber gives an empty cell for NaN and spells infinities', () => {
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });

  it('formatNumber reads back as the same double for random values across magnitudes', () => {
    const rng = createRng(11);
    for (let i = 0; i < 5000; i++) {
      const x = (rng() - 0.5) * 10 ** Math.floor(rng() * 60 - 30);
      const s = formatNumber(x);
      expect(s).not.toMatch(/e/i);
      expect(Number(s)).toBe(Object.is(x, -0) ? 0 : x);
    }
  });
});

describe('formatCell', () => {
  it('formatCell maps missing values to empty cells and joins arrays with ;', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(undefined)).toBe('');
    expect(formatCell(NaN)).toBe('');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(['Boston', 'Tokyo'])).toBe('Boston;Tokyo');
    expect(formatCell({ '2019': 2 })).toBe('{"2019":2}');
    expect(formatCell(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02T00:00:00.000Z');
  });
});

describe('toCsv', () => {
  it('toCsv writes header, rows in column order, empty cells for missing columns, final newline', () => {
    const csv = toCsv(
      ['place', 'n', 'note'],
      [
        { note: 'has, comma', place: 'Boston', n: 3 },
        { place: 'Cambridge, GB', n: null },
        { place: 'Quote "Q"', n: 0.000001 },
      ],
    );
    expect(csv).toBe('place,n,note\nBoston,3,"has, comma"\n"Cambridge, GB",,\n"Quote ""Q""",0.000001,\n');
  });

  it('toCsv quotes header names that need it and supports CRLF', () => {
    expect(toCsv(['a,b', 'c'], [{ 'a,b': 1, c: 'x\ny' }], { lineEnding: '\r\n' })).toBe('"a,b",c\r\n1,"x\ny"\r\n');
  });

  it('toCsv with no rows is just the header line', () => {
    expect(tableToCsv({ columns: ['a', 'b'], rows: [] })).toBe('a,b\n');
  });

  it('toCsv rejects an unknown line ending with OptionError', () => {
    try {
      toCsv(['a'], [], { lineEnding: '\r' as '\n' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OptionError);
      expect((e as OptionError).option).toBe('lineEnding');
      expect((e as OptionError).value).toBe('\r');
    }
  });
});

describe('csvChunks', () => {
  it('csvChunks yields whole lines whose concatenation is toCsv, reading rows only as chunks are asked for', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ place: i % 3 ? `P${i}` : `P, ${i}`, n: i / 7 }));
    const chunks = [...csvChunks(['place', 'n'], rows)];
    expect(chunks.join('')).toBe(toCsv(['place', 'n'], rows));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    let read = 0;
    function* counted() {
      for (const row of rows) {
        read++;
        yield row;
      }
    }
    const lazy = csvChunks(['place', 'n'], counted());
    expect(read).toBe(0);
    lazy.next();
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(rows.length);
    expect(() => csvChunks(['a'], [], { lineEnding: '\t' as '\n' })).toThrow(OptionError);
  });
});

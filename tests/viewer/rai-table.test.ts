import { describe, expect, it } from 'vitest';
import { parseTable } from '../../viewer/src/data/analysis.ts';
import { raiTable, readRaiColumns } from '../../viewer/src/data/rai-table.ts';
import { writeSyntheticAnalysis } from './fixtures/synthetic-analysis.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** rai.csv's text as the page reads it: columns (the worker's part), then the table over them. */
const readRai = (text: string) => raiTable(readRaiColumns(text, [])!);

const TEXT = [
  'place,discipline,researchers,rai,basis',
  '"Hong Kong, HK",CS,40,1.25,inflow',
  '"Hong Kong, HK",Medicine,10,0.5,inflow',
  'Boston,Medicine,90,,inflow',
  'Boston,CS,30,0.80,inflow',
  // A repeated pair: the later row wins, as a map keyed by place and discipline would have it.
  'Boston,CS,31,0.81,inflow',
].join('\n');

describe('rai.csv as columns', () => {
  it('cells by place and discipline, empty RAI as null, the text as written, the last of a repeated pair', () => {
    const rai = readRai(TEXT);
    expect(rai.cells.has('Hong Kong, HK')).toBe(true);
    expect(rai.cells.has('Paris')).toBe(false);
    expect(rai.cells.get('Paris')).toBeUndefined();
    expect(rai.cells.get('Hong Kong, HK')!.get('CS')).toEqual({ rai: 1.25, researchers: 40, text: '1.25' });
    expect(rai.cells.get('Boston')!.get('Medicine')).toEqual({ rai: null, researchers: 90, text: '' });
    expect(rai.cells.get('Boston')!.get('CS')).toEqual({ rai: 0.81, researchers: 31, text: '0.81' });
    expect([...rai.cells.get('Boston')!.keys()]).toEqual(['Medicine', 'CS']);
    expect(rai.basis).toBe('inflow');
  });

  it('disciplines by their researchers over all rows, largest first (Medicine 100 against CS 40 + 30 + 31 = 101)', () => {
    expect(readRai(TEXT).disciplines).toEqual(['CS', 'Medicine']);
  });

  it('a file without the rai column turns the heatmap off with a warning; bad CSV names the file and the line', () => {
    const warnings: string[] = [];
    expect(readRaiColumns('place,discipline\nA,CS\n', warnings)).toBeNull();
    expect(warnings).toEqual(['rai.csv has no "rai" column; the heatmap is off']);
    expect(() => readRaiColumns('place,discipline,rai\n"A,CS,1\n', [])).toThrow('rai.csv');
    // The line, as for every other table of the folder (parseTable).
    expect(() => readRaiColumns('place,discipline,rai\n"A,CS,1\n', [])).toThrow('rai.csv: line 2 is not valid CSV (unclosed-quote)');
  });

  it('the columns survive a structured clone (what the worker posts) and give the same table', () => {
    const columns = readRaiColumns(TEXT, [])!;
    const table = raiTable(structuredClone(columns));
    expect(table.cells.get('Boston')!.get('CS')!.rai).toBe(0.81);
  });

  it('on a 5,000-place analysis, every cell equals an independent reading of the rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentflow-rai-'));
    try {
      writeSyntheticAnalysis(dir, { places: 5000, flows: 2000 });
      const text = readFileSync(join(dir, 'rai.csv'), 'utf8');
      const rai = readRai(text);
      const rows = parseTable(text, 'rai.csv').rows;
      expect(rows.length).toBeGreaterThan(20000);
      for (const row of rows) {
        const cell = rai.cells.get(row['place']!)!.get(row['discipline']!)!;
        expect(cell.text).toBe(row['rai']);
        expect(cell.rai).toBe(row['rai'] === '' ? null : Number(row['rai']));
        expect(cell.researchers).toBe(row['researchers'] === '' ? null : Number(row['researchers']));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetroTable } from '../../scripts/build-metro-table.ts';
import { METRO_TABLE } from '../../src/places/metro-table.ts';

const csv = readFileSync(new URL('../../data/places/set2024_metro_areas.csv', import.meta.url), 'utf8');
const moduleText = readFileSync(new URL('../../src/places/metro-table.ts', import.meta.url), 'utf8');

describe('METRO_TABLE', () => {
  it('METRO_TABLE is exactly what scripts/build-metro-table.ts generates from the CSV', () => {
    expect(moduleText).toBe(renderMetroTable(csv));
  });

  it('METRO_TABLE matches the CSV row by row (independent line split: no field holds a newline)', () => {
    const lines = csv.trimEnd().split(/\r?\n/).slice(1);
    expect(METRO_TABLE).toHaveLength(lines.length);
    expect(lines).toHaveLength(239);
    lines.forEach((line, i) => {
      const row = METRO_TABLE[i]!;
      // only metro_definition and member_city can hold commas, and then they are quoted
      const quote = (s: string) => (s.includes(',') ? `"${s}"` : s);
      expect([row.metro, quote(row.definition), row.country, quote(row.memberCity)].join(','), `line ${i + 2}`).toBe(line);
    });
  });

  it('METRO_TABLE holds the 30 metros of the SET Index 2024', () => {
    expect(new Set(METRO_TABLE.map((r) => r.metro)).size).toBe(30);
    expect(METRO_TABLE.filter((r) => r.metro === 'Paris')).toHaveLength(32);
  });
});

describe('renderMetroTable', () => {
  it('renderMetroTable rejects a wrong header, a bad country and a member listed twice', () => {
    expect(() => renderMetroTable('metro,country\nA,US\n')).toThrow();
    const header = 'metro,metro_definition,country,member_city\n';
    expect(() => renderMetroTable(`${header}Boston,Greater Boston,USA,Boston\n`)).toThrow();
    expect(() => renderMetroTable(`${header}Boston,B,US,Quincy\nBoston,B,US,quincy\n`)).toThrow();
    expect(renderMetroTable(`${header}Boston,B,US,Quincy\n`)).toContain('memberCity: "Quincy"');
  });
});

import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { importCycles, importGraph } from '../../scripts/import-cycles.mjs';

describe('importCycles', () => {
  it('finds a cycle of three modules and a self-import, and nothing in a tree', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('src/ and viewer/src/ have no import cycle (static, type-only or dynamic)', () => {
    const graph = importGraph() as Map<string, string[]>;
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/analyze.ts');
    expect(importCycles(graph)).toEqual([]);
  });
});

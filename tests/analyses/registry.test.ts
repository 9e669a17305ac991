import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { MEASURES, attributesShownIn, measureAttributes, measureDefaults } from '../../src/analyses/registry.ts';
import { MEASURE_TABLE_END, MEASURE_TABLE_START, measureTableMarkdown } from '../../src/analyses/measure-docs.ts';
import { analyzeGraph, DEFAULTS } from '../../src/analyses/run-all.ts';
import { PLACE_DESCRIPTION_COLUMNS, PLACES_COLUMNS, placesTable } from '../../src/exports/places-table.ts';
import { defineMeasure } from '../../src/analyses/measure.ts';
import type { FlowGraph } from '../../src/graph/types.ts';

function triangle(): Graph {
  const g = new Graph({ type: 'directed' });
  for (const n of ['A', 'B', 'C']) g.addNode(n, { label: n });
  g.addEdge('A', 'B', { weight: 3 });
  g.addEdge('B', 'C', { weight: 2 });
  g.addEdge('C', 'A', { weight: 1 });
  g.addEdge('A', 'C', { weight: 4 });
  return g;
}

describe('MEASURES', () => {
  it('MEASURES: ids, attributes and places.csv columns are unique, and options agree across measures', () => {
    const ids = MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const attributes = measureAttributes().map((a) => a.attribute);
    expect(new Set(attributes).size).toBe(attributes.length);
    const columns = PLACES_COLUMNS.map((c) => c.column);
    expect(new Set(columns).size).toBe(columns.length);
    expect(() => measureDefaults()).not.toThrow();
    const clash = [
      defineMeasure({ ...MEASURES[0], id: 'x', defaults: { seed: 1 } }),
      defineMeasure({ ...MEASURES[0], id: 'y', defaults: { seed: 2 } }),
    ];
    expect(() => measureDefaults(clash)).toThrow(/seed/);
  });

  it('analyzeGraph writes exactly the registry attributes, in registry order, and takes its options from the registry', () => {
    const g = triangle();
    const summary = analyzeGraph(g);
    expect(summary.measures).toEqual(measureAttributes().map((a) => a.attribute));
    for (const [key, value] of Object.entries(measureDefaults())) expect(DEFAULTS[key as keyof typeof DEFAULTS]).toEqual(value);
    // Without stability runs the optional attribute is neither written nor listed.
    const h = triangle();
    const off = analyzeGraph(h, { stabilityRuns: 0 });
    expect(off.measures).not.toContain('communityStability');
    expect(h.getNodeAttributes('A')).not.toHaveProperty('communityStability');
  });

  it('placesTable: the description columns, then every registry column, in order', () => {
    const measureColumns = measureAttributes()
      .filter((a) => a.column !== null)
      .map((a) => a.column);
    expect(PLACES_COLUMNS.map((c) => c.column)).toEqual([...PLACE_DESCRIPTION_COLUMNS.map((c) => c.column), ...measureColumns]);
    const g = triangle();
    analyzeGraph(g);
    const { columns, rows } = placesTable(g as unknown as FlowGraph);
    expect(columns).toContain('pagerank');
    // A: in 1, out 3 + 4 = 7.
    expect(rows.find((r) => r['place'] === 'A')).toMatchObject({ inflow: 1, outflow: 7, net_inflow: -6 });
  });

  it('attributesShownIn: the card and map fields come from the registry', () => {
    expect(attributesShownIn('map').map((a) => a.attribute)).toEqual(['netInflow', 'pagerank', 'community', 'communityLabel']);
    expect(attributesShownIn('card').map((a) => a.column)).toEqual([
      'inflow',
      'outflow',
      'net_inflow',
      'inflow_ratio',
      'pagerank',
      'hub_class',
      'balance_class',
      'community_label',
      'quadrant',
    ]);
  });

  it("measureTableMarkdown: README.md's measure table is the registry's (npx tsx scripts/readme-measures.ts rewrites it)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(MEASURE_TABLE_START);
    const end = readme.indexOf(MEASURE_TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + MEASURE_TABLE_START.length, end).trim()).toBe(measureTableMarkdown());
    for (const m of MEASURES) expect(measureTableMarkdown()).toContain(`\`${m.file}\``);
  });
});

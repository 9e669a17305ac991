import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { buildManifest, type ManifestInput, manifestToJson } from '../../src/exports/manifest.ts';

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function args(overrides: Partial<ManifestInput> = {}): ManifestInput {
  return {
    input: { path: 'data/moves.csv', sha256: SHA, bytes: 1024, rows: 40 },
    options: { resolution: 1, level: 'metro', years: [2019, 2023], map: { to: 'iso3codeto', from: 'iso3codefrom' } },
    seed: 42,
    packageVersion: '0.1.0',
    counts: { records: 37, skipped: 3, problemsByReason: { 'unknown-place': 2, 'bad-year': 1 }, movesWithinPlace: 5, nodes: 12, edges: 30 },
    outputs: ['places.csv', 'graph.json', 'flows.csv', 'places.csv'],
    ...overrides,
  };
}

describe('buildManifest', () => {
  it('buildManifest writes fixed key order, sorted options and counts, sorted unique outputs', () => {
    const text = manifestToJson(buildManifest(args({ communities: { count: 4, modularity: 0.31, resolution: 1, seed: 42 } })));
    expect(text).toBe(`{
  "manifestVersion": 1,
  "tool": {
    "name": "talentflow",
    "version": "0.1.0"
  },
  "input": {
    "path": "data/moves.csv",
    "sha256": "${SHA}",
    "bytes": 1024,
    "rows": 40
  },
  "options": {
    "level": "metro",
    "map": {
      "from": "iso3codefrom",
      "to": "iso3codeto"
    },
    "resolution": 1,
    "years": [
      2019,
      2023
    ]
  },
  "seed": 42,
  "counts": {
    "records": 37,
    "skipped": 3,
    "problemsByReason": {
      "bad-year": 1,
      "unknown-place": 2
    },
    "movesWithinPlace": 5,
    "nodes": 12,
    "edges": 30
  },
  "communities": {
    "count": 4,
    "modularity": 0.31,
    "resolution": 1,
    "seed": 42
  },
  "outputs": [
    "flows.csv",
    "graph.json",
    "places.csv"
  ]
}
`);
  });

  it('buildManifest has no timestamp unless asked, so two runs give identical bytes', async () => {
    const first = manifestToJson(buildManifest(args()));
    await new Promise((r) => setTimeout(r, 5));
    const reordered = args({
      options: { map: { from: 'iso3codefrom', to: 'iso3codeto' }, years: [2019, 2023], level: 'metro', resolution: 1 },
    });
    expect(manifestToJson(buildManifest(reordered))).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T|createdAt|time/i);
    const dated = buildManifest(args({ createdAt: '2024-05-01T00:00:00Z', createdBy: 'talentflow analyze moves.csv' }));
    expect(Object.keys(dated).slice(0, 4)).toEqual(['manifestVersion', 'tool', 'createdBy', 'createdAt']);
  });

  it('buildManifest drops undefined options and keeps graph facts in place', () => {
    const m = buildManifest(
      args({
        options: { strict: undefined, level: 'country' },
        graph: { level: 'country', kind: 'moves', years: [1998, 2018], window: null },
      }),
    );
    expect(m.options).toEqual({ level: 'country' });
    expect(Object.keys(m)).toEqual(['manifestVersion', 'tool', 'input', 'options', 'seed', 'graph', 'counts', 'outputs']);
    expect(m.graph).toEqual({ level: 'country', kind: 'moves', years: [1998, 2018], window: null });
  });

  it('buildManifest rejects bad checksums, counts, seeds and non-JSON options with OptionError', () => {
    const bad: [Partial<ManifestInput>, string][] = [
      [{ input: { path: 'x.csv', sha256: 'abc', bytes: 1, rows: 1 } }, 'input.sha256'],
      [{ input: { path: 'x.csv', sha256: SHA, bytes: -1, rows: 1 } }, 'input.bytes'],
      [{ seed: 1.5 }, 'seed'],
      [
        { counts: { records: 1, skipped: 0, problemsByReason: { 'bad-year': 0.5 }, movesWithinPlace: 0, nodes: 1, edges: 0 } },
        'counts.problemsByReason.bad-year',
      ],
      [{ options: { resolution: NaN } }, 'options.resolution'],
      [{ options: { rng: () => 0 } }, 'options.rng'],
    ];
    for (const [override, option] of bad) {
      try {
        buildManifest(args(override));
        expect.unreachable(option);
      } catch (e) {
        expect(e, option).toBeInstanceOf(OptionError);
        expect((e as OptionError).option).toBe(option);
      }
    }
  });
});

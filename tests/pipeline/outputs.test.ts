import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sealManifest } from '../../src/exports/output-folder.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TalentFlowError } from '../../src/errors.ts';
import { chunksToString } from '../../src/exports/chunks.ts';
import { analyzeFile, writeAnalysis } from '../../src/pipeline/analyze-file.ts';
import type { AnalysisRun } from '../../src/pipeline/analyze.ts';
import { buildOutputFiles, GEXF_AUTO_MAX_FLOWS, outputFileSources, skippedOutputs, type OutputMeta } from '../../src/pipeline/outputs.ts';

// The input and options of the CLI golden run (tests/cli/analyze.test.ts): the folder written by
// writeAnalysis must be the golden folder, byte for byte.
const INPUT = 'tests/fixtures/cli/moves-small.csv';
const GOLDEN = 'tests/fixtures/golden/cli-small';
const OPTIONS = { topMinWeight: 1, stabilityRuns: 5 };
const META: OutputMeta = {
  input: { path: INPUT, sha256: '33ffe8e257fea6fd5beb0300b260f9a2580287e2ae3989f36c270f517fd67974', bytes: 978 },
  packageVersion: '0.1.0',
  createdBy: '<command line>',
};

const tmp = mkdtempSync(join(tmpdir(), 'talentflow-outputs-'));
let run: AnalysisRun;
beforeAll(async () => {
  run = await analyzeFile(INPUT, OPTIONS);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('outputFileSources', () => {
  it('outputFileSources gives buildOutputFiles’ names in its order and, read through, its bytes', async () => {
    const strings = await buildOutputFiles(run, META);
    const sources = await outputFileSources(run, META);
    expect(Object.keys(sources)).toEqual(Object.keys(strings));
    expect(Object.keys(sources)).toEqual([
      'places.csv',
      'flows.csv',
      'flows.arrow',
      'top_sources.csv',
      'top_destinations.csv',
      'communities.csv',
      'rai.csv',
      'problems.csv',
      'resolutions.csv',
      'timeseries.csv',
      'graph.json',
      'graph.gexf',
      'manifest.json',
    ]);
    for (const [name, source] of Object.entries(sources)) {
      if (name === 'manifest.json') continue;
      if (name.endsWith('.arrow'))
        expect(Buffer.concat([...(source as Iterable<Uint8Array>)]), name).toEqual(Buffer.from(strings[name] as Uint8Array));
      else expect(typeof source === 'string' ? source : chunksToString(source), name).toBe(strings[name]);
    }
    // The folder writer seals the manifest with every other file's size and SHA-256.
    const hashes = Object.fromEntries(
      Object.entries(strings)
        .filter(([n]) => n !== 'manifest.json')
        .map(([n, text]) => [n, { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') }]),
    );
    expect(sealManifest(sources['manifest.json'] as string, hashes)).toBe(strings['manifest.json']);
    // Every file but the manifest is produced on demand, and matches the golden file.
    expect(
      Object.entries(sources)
        .filter(([, s]) => typeof s === 'string')
        .map(([n]) => n),
    ).toEqual(['manifest.json']);
    for (const name of Object.keys(strings)) {
      if (name.endsWith('.arrow')) expect(Buffer.from(strings[name] as Uint8Array), name).toEqual(readFileSync(join(GOLDEN, name)));
      else expect(strings[name], name).toBe(readFileSync(join(GOLDEN, name), 'utf8'));
    }
  });

  it('outputFileSources builds a file only when it is first read', async () => {
    const sources = await outputFileSources(run, META);
    const label = run.graph.getNodeAttribute('Beijing', 'label');
    run.graph.setNodeAttribute('Beijing', 'label', 'Peking');
    try {
      for (const name of ['places.csv', 'flows.csv', 'graph.json', 'graph.gexf']) {
        expect(chunksToString(sources[name] as Iterable<string>), name).toContain('Peking');
      }
    } finally {
      run.graph.setNodeAttribute('Beijing', 'label', label);
    }
  });

  it('outputFileSources throws TalentFlowError for a NaN attribute before any file is produced', async () => {
    const pagerank = run.graph.getNodeAttribute('Beijing', 'pagerank');
    run.graph.setNodeAttribute('Beijing', 'pagerank', NaN);
    try {
      await expect(outputFileSources(run, META)).rejects.toBeInstanceOf(TalentFlowError);
      await expect(writeAnalysis(run, join(tmp, 'nan'), { inputPath: INPUT })).rejects.toBeInstanceOf(TalentFlowError);
      expect(readdirSync(tmp)).not.toContain('nan');
    } finally {
      run.graph.setNodeAttribute('Beijing', 'pagerank', pagerank);
    }
  });
});

describe('skippedOutputs', () => {
  it('skippedOutputs leaves out graph.gexf above GEXF_AUTO_MAX_FLOWS flows by default, never when asked for, always when refused', async () => {
    expect(skippedOutputs(run, {})).toEqual([]);
    const big = { ...run, graph: { size: GEXF_AUTO_MAX_FLOWS + 1 } } as unknown as AnalysisRun;
    expect(skippedOutputs(big, {}).map((s) => [s.file, s.flag])).toEqual([['graph.gexf', '--gexf']]);
    expect(skippedOutputs(big, { gexf: true })).toEqual([]);
    expect(skippedOutputs({ ...run, graph: { size: GEXF_AUTO_MAX_FLOWS } } as unknown as AnalysisRun, {})).toEqual([]);
    // Refused: not written, and the manifest says so and how to ask for it.
    const files = await buildOutputFiles(run, { ...META, gexf: false });
    expect(Object.keys(files)).not.toContain('graph.gexf');
    const manifest = JSON.parse(files['manifest.json'] as string);
    expect(manifest.skipped).toEqual([{ file: 'graph.gexf', reason: 'not asked for', flag: '--gexf' }]);
    expect(manifest.outputs).not.toContain('graph.gexf');
  });
});

describe('writeAnalysis', () => {
  it('writeAnalysis writes the golden folder of the same run, byte for byte', async () => {
    const out = join(tmp, 'out');
    const written = await writeAnalysis(run, out, { inputPath: INPUT, packageVersion: '0.1.0', createdBy: '<command line>' });
    const names = readdirSync(GOLDEN)
      .filter((n) => n !== 'report.txt')
      .sort();
    expect(written).toEqual(names.map((n) => join(out, n)));
    for (const name of names) expect(readFileSync(join(out, name)), name).toEqual(readFileSync(join(GOLDEN, name)));
  });
});

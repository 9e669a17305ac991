// The acceptance check: an OpenAlex works file and an ORCID dump, in their published
// shapes, go through `talentflow analyze` to the same outputs as a moves table of the same moves.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze.ts';
import { FIXTURES } from './support.ts';

const COMPARED = ['flows.csv', 'top_sources.csv', 'top_destinations.csv', 'communities.csv'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-analyze-sources-'));
});

async function analyze(input: string, kind: string, name: string): Promise<Record<string, string>> {
  const out = join(dir, name);
  const code = await runAnalyze([input, '--kind', kind, '--out', out, '--quiet']);
  expect(code).toBe(0);
  return Object.fromEntries(['places.csv', 'problems.csv', ...COMPARED].map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}

describe('runAnalyze on real-source inputs', () => {
  it('runAnalyze gives the same flows, top sources and communities for OpenAlex works as for the moves table of the same moves', async () => {
    const works = await analyze(`${FIXTURES}openalex/works.jsonl`, 'openalex-works', 'works');
    const moves = await analyze(`${FIXTURES}openalex/works-moves.csv`, 'moves', 'moves');
    const timelines = await analyze(`${FIXTURES}openalex/works-timelines.csv`, 'timelines', 'timelines');
    for (const f of COMPARED) expect(works[f], f).toBe(moves[f]);
    // Boston (Cambridge US) → Hong Kong in 2020 and Beijing → Shenzhen in 2021, one researcher each.
    expect(works['flows.csv']!.trim().split('\n').slice(1).sort()).toEqual([
      // No expected flows on so few places; each flow is all its source sends: disparity α 1.
      'Beijing,Beijing,Shenzhen,Shenzhen,1,1,2021,2021,,,1,false',
      'Boston,Boston,Hong Kong,Hong Kong,1,1,2020,2020,,,1,false',
    ]);
    // And every output that depends on the records alone matches the canonical timelines CSV.
    for (const f of ['places.csv', ...COMPARED]) expect(works[f], f).toBe(timelines[f]);
    expect(works['problems.csv']!.trim().split('\n')).toHaveLength(1);
  });

  it('runAnalyze gives the same flows for an ORCID data file (.tar.gz of records) as for the moves table of the same moves', async () => {
    const staging = join(dir, 'orcid-staging', 'ORCID_2024_10_summaries');
    mkdirSync(join(staging, '097'), { recursive: true });
    mkdirSync(join(staging, '009'), { recursive: true });
    copyFileSync(`${FIXTURES}orcid/0000-0002-1825-0097.xml`, join(staging, '097', '0000-0002-1825-0097.xml'));
    copyFileSync(`${FIXTURES}orcid/0000-0001-0000-0009.json`, join(staging, '009', '0000-0001-0000-0009.json'));
    const archive = join(dir, 'ORCID_2024_10_summaries.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', join(dir, 'orcid-staging'), 'ORCID_2024_10_summaries']);
    const movesFile = join(dir, 'orcid-moves.csv');
    writeFileSync(
      movesFile,
      [
        'researcher_id,from,from_country,to,to_country,year',
        '0000-0002-1825-0097,Beijing,CN,Hong Kong,HK,2016',
        '0000-0002-1825-0097,Hong Kong,HK,Shenzhen,CN,2019',
        '0000-0001-0000-0009,Cambridge,US,Stanford,US,2018',
      ].join('\n') + '\n',
    );
    const orcid = await analyze(archive, 'orcid', 'orcid');
    const moves = await analyze(movesFile, 'moves', 'orcid-moves');
    for (const f of COMPARED) expect(orcid[f], f).toBe(moves[f]);
    expect(orcid['flows.csv']!.trim().split('\n')).toHaveLength(4);
    expect(orcid['problems.csv']!.trim().split('\n')).toHaveLength(1);
  });
});

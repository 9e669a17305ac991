// `talentflow import` on damaged files, in-process: a broken first JSON line costs that line
// only; an empty or binary file is an input error (exit 3), as it is for `talentflow analyze`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { runInProcess } from '../cli/in-process.ts';
import { FIXTURES } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'talentflow-import-faults-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('runImport on damaged files', () => {
  it('runImport keeps every record after a malformed first JSON line and reports that line', async () => {
    const good = readFileSync(`${FIXTURES}openalex/works.jsonl`, 'utf8');
    const path = file('broken-first.jsonl', `{"id": "W1", "authorships": [\n${good}`);
    const out = join(dir, 'broken', 'timelines.csv');
    const r = await runInProcess(runImport, ['openalex-works', path, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    // The same timeline rows as the intact file (works-timelines.csv), and one problem on line 1.
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(`${FIXTURES}openalex/works-timelines.csv`, 'utf8'));
    const problems = readFileSync(join(dir, 'broken', 'timelines.problems.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^.*broken-first\.jsonl,1,.*malformed-record/);
  });

  it('runImport exits 3 on an empty file and on a binary file, naming the file', async () => {
    for (const [name, content, cause] of [
      ['empty.jsonl', '', /is empty/],
      ['blank.jsonl', '\n  \n', /is empty/],
      ['binary.jsonl', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x0a]), /line 1: holds a NUL byte/],
    ] as const) {
      const path = file(name, content);
      const r = await runInProcess(runImport, ['openalex-works', path, '--out', join(dir, `${name}.csv`)]);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toMatch(cause);
      expect(r.stderr).toContain(path);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

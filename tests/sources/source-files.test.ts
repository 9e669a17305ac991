import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFilesIn } from '../../src/sources/node/source-files.ts';

describe('sourceFilesIn', () => {
  it('sourceFilesIn lists a snapshot folder recursively in name order, without manifests, hidden or foreign files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentflow-source-files-'));
    for (const f of [
      'updated_date=2024-02-01/part_001.gz',
      'updated_date=2024-01-01/part_000.gz',
      'updated_date=2024-01-01/manifest',
      'manifest.json',
      '.hidden/part_9.gz',
      'notes.txt',
      'page-2.json',
      'page-10.json',
    ]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    expect((await sourceFilesIn(dir, 'openalex-works')).map((f) => f.slice(dir.length + 1))).toEqual([
      'page-10.json',
      'page-2.json',
      'updated_date=2024-01-01/part_000.gz',
      'updated_date=2024-02-01/part_001.gz',
    ]);
    expect((await sourceFilesIn(dir, 'institutions')).map((f) => f.slice(dir.length + 1))).toEqual(['notes.txt']);
    expect((await sourceFilesIn(dir, 'orcid')).map((f) => f.slice(dir.length + 1))).toEqual(['page-10.json', 'page-2.json']);
  });
});

/** The files of a folder that a source reads (Node only): `talentflow import orcid dump/` and the like. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceKind } from '../types.ts';
import { compareKeys } from '../../compare-keys.ts';

/**
 * Files of a folder, recursively, in name order, that a source reads (ORCID: XML, JSON, archives;
 * OpenAlex: JSON, JSON lines, gzip; institutions: CSV), hidden files and OpenAlex `manifest`s skipped.
 *
 * @example await sourceFilesIn('ORCID_2023_10_activities_0', 'orcid') // ['…/0000-0002-1825-0097_employments_1.xml', …]
 */
export async function sourceFilesIn(dir: string, source: SourceKind): Promise<string[]> {
  const wanted =
    source === 'orcid'
      ? /\.(xml|json|tar|tgz)(\.gz)?$/i
      : source === 'institutions'
        ? /\.(csv|tsv|txt)(\.gz)?$/i
        : /\.(json|jsonl|ndjson|gz)$/i;
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => compareKeys(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && wanted.test(e.name) && !/^manifest/i.test(e.name)) out.push(path);
    }
  };
  await walk(dir);
  return out;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/pipeline/analyze-file.ts';
import { InputError } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'talentflow-analyze-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analyzeFile', () => {
  it('analyzeFile on a moves file without a required column throws InputError naming the columns option', async () => {
    const path = join(dir, 'moves.csv');
    writeFileSync(path, 'researcher_id,from,destination,year\nr1,Boston,Shenzhen,2020\n');
    const error = await analyzeFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(path);
    // The library's option (columns), not only the CLI's flag.
    expect((error as InputError).message).toContain("option columns { to: '<column>' }");
    // Mapped by the option, the same file is analysed.
    const run = await analyzeFile(path, { columns: { to: 'destination' } });
    expect(run.graph.size).toBe(1);
    expect(run.graph.getEdgeAttribute('Boston', 'Shenzhen', 'weight')).toBe(1);
  });

  it('analyzeFile on a file with a header and no data rows throws InputError', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, 'researcher_id,from,to,year\n');
    await expect(analyzeFile(path)).rejects.toBeInstanceOf(InputError);
  });
});

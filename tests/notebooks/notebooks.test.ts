/**
 * Runs every notebook headlessly on the Deno kernel (project-local Jupyter under .cache/, see
 * scripts/notebooks/) and checks that no cell fails, that the committed outputs are what a fresh
 * run produces (so they never go stale), and that the key figures and tables are there.
 */
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CACHE_DIR,
  errorOutputs,
  executeNotebook,
  firstDifference,
  jupyterAvailable,
  listNotebooks,
  readNotebook,
  type Notebook,
} from '../../scripts/notebooks/lib.mjs';

const EXPECTED = [
  '01-hubs-and-net-inflow.ipynb',
  '02-communities.ipynb',
  '03-discipline-rai.ipynb',
  '04-real-country-flows.ipynb',
  '05-rebuild-set-talent-potential.ipynb',
];

interface Run {
  ok: boolean;
  stderr: string;
  ms: number;
  fresh: Notebook;
}

const files = listNotebooks();
const runs = new Map<string, Run>();

beforeAll(async () => {
  if (!(await jupyterAvailable())) {
    throw new Error('Jupyter is missing under /usr/bin/python3: `npm test` installs it through `node scripts/setup.mjs --test`');
  }
  // two kernels at a time: two cores, and each kernel runs on one
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const out = join(CACHE_DIR, 'notebooks-test', basename(file));
      const result = await executeNotebook(file, out);
      runs.set(basename(file), { ...result, fresh: readNotebook(out) });
    }
  };
  await Promise.all([worker(), worker()]);
}, 600_000);

/** Every output of a notebook of one MIME type (or stream text with 'stream'), as strings. */
function outputs(nb: Notebook, kind: string): string[] {
  const join = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('') : (v ?? ''));
  return nb.cells.flatMap((cell) =>
    (cell.outputs ?? []).flatMap((o) => {
      if (kind === 'stream') return o.output_type === 'stream' ? [join(o.text)] : [];
      const v = o.data?.[kind];
      return v === undefined ? [] : [join(v)];
    }),
  );
}

function run(name: string): Run {
  const r = runs.get(name);
  if (!r) throw new Error(`${name} did not run`);
  return r;
}

describe('notebooks', () => {
  it('notebooks: the five notebooks are there, with a README', () => {
    expect(files.map((f) => basename(f))).toEqual(EXPECTED);
  });

  for (const name of EXPECTED) {
    it(`${name} runs clean headlessly`, () => {
      const r = run(name);
      const errors = errorOutputs(r.fresh);
      expect(errors, r.stderr.slice(-3000)).toEqual([]);
      expect(r.ok, r.stderr.slice(-3000)).toBe(true);
    });

    it(`${name} committed outputs match a fresh run`, () => {
      const committed = readNotebook(join(process.cwd(), 'notebooks', name));
      // `node scripts/notebooks/run.mjs --update` rewrites the committed outputs
      expect(firstDifference(committed, run(name).fresh)).toBeNull();
    });

    it(`${name} opens with what it shows, its data and licence, and its seed`, () => {
      const first = run(name).fresh.cells[0]!;
      const text = Array.isArray(first.source) ? first.source.join('') : first.source;
      expect(first.cell_type).toBe('markdown');
      expect(text).toMatch(/What this shows/);
      expect(text).toMatch(/Data\./);
      expect(text).toMatch(/[Ll]icen[cs]e|public report/);
      expect(text).toMatch(/Seed\./);
    });
  }
});

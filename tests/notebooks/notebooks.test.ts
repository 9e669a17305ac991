/**
 * Runs every notebook headlessly on the Deno kernel (project-local Jupyter under .cache/, see
 * scripts/notebooks/) and checks that no cell fails, that the committed outputs are what a fresh
 * run produces (so they never go stale), and that the key figures and tables are there.
 */
import { existsSync } from 'node:fs';
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
  '06-migration-rates.ipynb',
  '07-expected-flows-backbone-uncertainty.ipynb',
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
      const fresh = existsSync(out) ? readNotebook(out) : { cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 };
      runs.set(basename(file), { ...result, fresh });
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
  it('notebooks: the notebooks are there, with a README', () => {
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
      const stale = 'the committed outputs differ from a fresh run: review and refresh them with `node scripts/notebooks/run.mjs --update`';
      expect(firstDifference(committed, run(name).fresh), stale).toBeNull();
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

  it('01-hubs-and-net-inflow shows Beijing and Boston among the top hubs, Shenzhen as the magnet, and the map', () => {
    const nb = run('01-hubs-and-net-inflow.ipynb').fresh;
    const hubs = outputs(nb, 'text/html').find((h) => h.includes('Top 10 places by PageRank'));
    expect(hubs).toBeDefined();
    expect(hubs).toContain('<td style="text-align:left">Beijing</td>');
    expect(hubs).toContain('<td style="text-align:left">Boston</td>');
    const classes = outputs(nb, 'text/html').find((h) => h.includes('Places by class'));
    expect(classes).toMatch(/>magnet<\/td><td[^>]*>\d+<\/td><td[^>]*>[^<]*Shenzhen/);
    const svgs = outputs(nb, 'image/svg+xml');
    expect(svgs.some((s) => s.includes('<title>Moves in + out: Beijing and Boston lead</title>'))).toBe(true);
    expect(svgs.some((s) => s.includes('Net inflow: largest gains and losses') && s.includes('data-place="Shenzhen"'))).toBe(true);
    expect(svgs.some((s) => s.includes('class="flow"') && s.includes('data-target="Shenzhen"'))).toBe(true);
    expect(outputs(nb, 'text/html').some((h) => h.includes('class="talentflow-map"'))).toBe(true);
  });

  it('07-expected-flows-backbone-uncertainty shows the backbone, the gravity fit, both quadrant maps and the intervals', () => {
    const nb = run('07-expected-flows-backbone-uncertainty.ipynb').fresh;
    const markdown = outputs(nb, 'text/markdown').join('\n');
    expect(markdown).toMatch(/The backbone keeps \*\*[\d,]+\*\* of 12,598 flows/);
    expect(markdown).toMatch(/Distance elasticity \*\*-0\.\d{3}\*\*/);
    expect(markdown).toMatch(/Net inflow not distinguishable from zero .*: \*\*\d+\*\* of 211 countries/);
    const html = outputs(nb, 'text/html').join('\n');
    expect(html).toContain('El Salvador: where its moves go');
    expect(html).toMatch(/<td[^>]*>Shenzhen<\/td><td[^>]*>0\.239<\/td>/);
    const svgs = outputs(nb, 'image/svg+xml');
    expect(svgs.filter((svg) => svg.includes('data-quadrant="leader"'))).toHaveLength(2);
  });

  it('02-communities finds the Greater Bay Area and the US cluster, sweeps the resolution and checks seeds', () => {
    const nb = run('02-communities.ipynb').fresh;
    const markdown = outputs(nb, 'text/markdown').join('\n');
    expect(markdown).toContain('together: **yes**');
    expect(markdown).toMatch(/US cluster \(Boston's community/);
    const html = outputs(nb, 'text/html').join('\n');
    expect(html).toContain('Louvain across resolutions');
    expect(html).toMatch(/Shenzhen – (Guangzhou|Hong Kong) – (Guangzhou|Hong Kong)/);
    expect(html).toContain('Share of 20 seeds that put each pair in the same community');
    expect(outputs(nb, 'stream').join('')).toMatch(/20 runs gave \d+ distinct partition/);
  });

  it('03-discipline-rai draws the RAI heatmap and compares it with the published table', () => {
    const nb = run('03-discipline-rai.ipynb').fresh;
    const heatmaps = outputs(nb, 'image/svg+xml').filter((s) => s.includes('class="cell"'));
    expect(heatmaps).toHaveLength(2);
    expect(heatmaps[0]).toContain('data-place="Shenzhen" data-discipline="Computer Science"');
    expect(outputs(nb, 'text/markdown').join('')).toMatch(
      /150 of 150 published cells have a sample value\. Pearson correlation \*\*(0\.9\d\d|1\.000)\*\*/,
    );
  });

  it('04-real-country-flows puts the United States first and compares three periods', () => {
    const nb = run('04-real-country-flows.ipynb').fresh;
    const hubs = outputs(nb, 'text/html').find((h) => h.includes('The 12 countries with the highest PageRank'))!;
    expect(hubs.indexOf('United States')).toBeGreaterThan(0);
    expect(hubs.indexOf('United States')).toBeLessThan(hubs.indexOf('United Kingdom'));
    expect(outputs(nb, 'text/html').some((h) => h.includes('Three periods compared') && h.includes('2012–2018'))).toBe(true);
    expect(outputs(nb, 'text/html').some((h) => h.includes('Net migration of scholars by year') && h.includes('net 2020'))).toBe(true);
    expect(outputs(nb, 'text/html').some((h) => h.includes('class="talentflow-map"'))).toBe(true);
  });

  it('06-migration-rates reproduces the published rates, ranks Qatar first and the United States mid-table by net rate, and shows China switching', () => {
    const nb = run('06-migration-rates.ipynb').fresh;
    const markdown = outputs(nb, 'text/markdown').join('\n');
    expect(markdown).toContain(
      '**2,833** have the same in- and out-counts in the flows, and on **2,833** of them all three of our rates equal the published ones',
    );
    expect(markdown).toMatch(/rank \*\*(\d+) of (\d+)\*\*, mid-table/);
    const [, usa, of] = /rank \*\*(\d+) of (\d+)\*\*, mid-table/.exec(markdown)!;
    expect(Number(usa)).toBeGreaterThan(Number(of) / 4);
    expect(Number(usa)).toBeLessThan((3 * Number(of)) / 4);
    expect(markdown).toMatch(/China's net migration went from -2,213 in 1998–2004 to \+4,856 in 2012–2018/);
    const rates = outputs(nb, 'text/html').find((h) => h.includes('Net migration rate 1998–2018: the 10 highest'))!;
    expect(rates.indexOf('Qatar')).toBeGreaterThan(0);
    expect(rates.indexOf('Qatar')).toBeLessThan(rates.indexOf('Saudi Arabia'));
    expect(outputs(nb, 'image/svg+xml').some((s) => s.includes('data-label="China"') && s.includes('class="zero"'))).toBe(true);
  });

  it('05-rebuild-set-talent-potential finds the weights 0.4, 0.2, 0.4 by least squares', () => {
    const nb = run('05-rebuild-set-talent-potential.ipynb').fresh;
    const text = outputs(nb, 'stream').join('');
    expect(text).toContain('weights: young share 0.4, young growth 0.2, inflow ratio 0.4');
    expect(text).toMatch(/largest \|rebuilt − published\|: 0\.00\d points/);
  });
});

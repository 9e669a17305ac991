#!/usr/bin/env node
// Start-up: a 2-row input analysed end to end by the CLI, wall time (hyperfine, warm file cache) and
// peak resident memory (/usr/bin/time). Compares CLI entry scripts side by side, e.g. another
// checkout's: node bench/startup.mjs [--runs 10] [other/bin/talentflow.mjs ...]
// Needs hyperfine and GNU time (Debian packages hyperfine, time).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '10' } }, allowPositionals: true });
const bins = [resolve('bin/talentflow.mjs'), ...positionals.map((p) => resolve(p))];
const dir = mkdtempSync(join(tmpdir(), 'talentflow-startup-'));
const inputs = {
  // Four real city names: resolving them loads the GeoNames gazetteer.
  'moves, 2 rows (metro level)': {
    file: 'moves.csv',
    text: 'researcher_id,from,from_country,to,to_country,year,discipline\nr01,Beijing,CN,Shenzhen,CN,2019,Computer Science\nr02,Boston,US,Paris,FR,2020,Physics\n',
    args: [],
  },
  // Country codes: no gazetteer, so what remains is the CLI itself.
  'country flows, 2 rows (--level country)': {
    file: 'countries.csv',
    text: 'from,to,year,count\nUSA,FRA,2019,3\nCHN,USA,2020,2\n',
    args: ['--level', 'country'],
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const [label, input] of Object.entries(inputs)) {
    writeFileSync(join(dir, input.file), input.text);
    for (const bin of bins) {
      // without --quiet: the report is part of what a user waits for (stdout is discarded)
      const cmd = [process.execPath, bin, 'analyze', join(dir, input.file), ...input.args, '--out', join(dir, 'out')];
      const json = join(dir, 'hyperfine.json');
      execFileSync('hyperfine', ['-N', '--warmup', '2', '--runs', values.runs, '--export-json', json, cmd.map((c) => `'${c}'`).join(' ')], {
        stdio: 'ignore',
      });
      const { results } = JSON.parse(readFileSync(json, 'utf8'));
      const r = results[0];
      const rss = [];
      for (let i = 0; i < 3; i++) {
        const { stderr, status } = spawnSync('/usr/bin/time', ['-f', '%M', ...cmd], {
          encoding: 'utf8',
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        if (status !== 0) throw new Error(`${cmd.join(' ')} failed: ${stderr}`);
        rss.push(Number(stderr.trim().split('\n').pop()) / 1024);
      }
      rows.push(
        `| ${label} | ${bin} | ${(median(r.times) * 1000).toFixed(0)} ms (min ${(r.min * 1000).toFixed(0)}) | ${(r.user * 1000).toFixed(0)} + ${(r.system * 1000).toFixed(0)} ms | ${median(rss).toFixed(0)} MiB |`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${cpus().length} × ${cpus()[0]?.model}; Node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end; ${values.runs} runs after 2 warm-ups.\n`,
);
console.log('| input | CLI | wall, median | CPU user + system, mean | peak RSS, median of 3 |');
console.log('|---|---|---:|---:|---:|');
for (const row of rows) console.log(row);

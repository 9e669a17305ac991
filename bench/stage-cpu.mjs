// CPU and wall time per stage from the graph stage on, in one process, for a paired comparison of
// two builds on a shared machine (CPU time swings less than wall time under load):
//   node bench/stage-cpu.mjs ROOT FILE
// ROOT is a checkout with dist/ built (`node scripts/build.mjs`). Runs prepareWithDuckDB →
// finishPrepared → outputFileSources and hashes every file through fileBlocks (no disk). Prints
// stage, CPU ms (user + system of the process), wall ms, then each file's SHA-256 prefix.
import { createHash } from 'node:crypto';

const [root, file] = process.argv.slice(2);
const { prepareWithDuckDB } = await import(`${root}/dist/engines/duckdb/analyze.js`);
const { finishPrepared } = await import(`${root}/dist/pipeline/prepared.js`);
const { outputFileSources } = await import(`${root}/dist/pipeline/outputs.js`);
const { fileBlocks } = await import(`${root}/dist/exports/file-blocks.js`);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let c = cpu();
let w = performance.now();
const rows = [];
const lap = (stage) => {
  const c2 = cpu();
  const w2 = performance.now();
  rows.push([stage, c2 - c, w2 - w]);
  c = c2;
  w = w2;
};
const hooks = { onTiming: (stage) => lap(stage) };
const prepared = await prepareWithDuckDB(file, {}, hooks);
const run = finishPrepared(file, prepared, hooks);
const files = await outputFileSources(run, { input: { path: file, sha256: '0'.repeat(64), bytes: 0 }, packageVersion: '0' });
lap('sources');
const sums = {};
for (const [name, data] of Object.entries(files).sort()) {
  if (name === 'manifest.json') continue;
  const h = createHash('sha256');
  for (const b of fileBlocks(data)) h.update(b);
  sums[name] = h.digest('hex').slice(0, 12);
  lap(`write ${name}`);
}
const before = new Set(['read', 'validate', 'resolve', 'problems', 'aggregate']);
let cpuAfter = 0;
let wallAfter = 0;
for (const [stage, cc, ww] of rows) {
  if (!before.has(stage)) {
    cpuAfter += cc;
    wallAfter += ww;
  }
  console.log(stage.padEnd(28), cc.toFixed(0).padStart(7), ww.toFixed(0).padStart(7));
}
console.log('graph→writes total'.padEnd(28), cpuAfter.toFixed(0).padStart(7), wallAfter.toFixed(0).padStart(7));
console.log(JSON.stringify(sums));

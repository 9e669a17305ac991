/**
 * One talentflow run of the benchmark, stage by stage, in its own process (so peaks do not leak
 * between runs): `tsx bench/ours.ts --engine js|duckdb --kind moves|timelines --file F --out D`.
 * Prints {"stages": [...], ...} as JSON on stdout.
 *
 * The stages are the pipeline's own functions called in the pipeline's order (src/pipeline/
 * analyze.ts and src/analyses/run-all.ts), timed one by one; betweenness is timed on the graph
 * thresholded the same way for every implementation (`strongestFlows`); exports are the files
 * of `buildOutputFiles` (all but the manifest) written with `writeOutputs`.
 */
import { parseArgs } from 'node:util';
import { betweenness } from '../src/analyses/betweenness.ts';
import { communities } from '../src/analyses/communities.ts';
import { eigenvector } from '../src/analyses/eigenvector.ts';
import { hits } from '../src/analyses/hits.ts';
import { hubClass } from '../src/analyses/hub-class.ts';
import { inflowRatio } from '../src/analyses/inflow-ratio.ts';
import { netInflow } from '../src/analyses/net-inflow.ts';
import { pagerank } from '../src/analyses/pagerank.ts';
import { rai } from '../src/analyses/rai.ts';
import { retention } from '../src/analyses/retention.ts';
import { strength } from '../src/analyses/strength.ts';
import { talentPotential } from '../src/analyses/talent-potential.ts';
import { topDestinations, topSources } from '../src/analyses/top-sources.ts';
import { prepareWithDuckDB } from '../src/engines/duckdb/analyze.ts';
import { communitiesTable } from '../src/exports/communities-table.ts';
import type { FileChunk } from '../src/exports/chunks.ts';
import { tableCsvChunks } from '../src/exports/csv.ts';
import { flowsCsvChunks } from '../src/exports/flows-table.ts';
import { gexfChunks } from '../src/exports/gexf.ts';
import { assertJsonSafe, graphJsonChunks } from '../src/exports/graph-json.ts';
import { placesTable } from '../src/exports/places-table.ts';
import { problemsTable } from '../src/exports/problems-table.ts';
import { raiTable } from '../src/exports/rai-table.ts';
import { topFlowsTable } from '../src/exports/top-flows-table.ts';
import { writeOutputs } from '../src/exports/write-atomic.ts';
import { buildFlowGraph } from '../src/graph/build.ts';
import type { FlowGraph } from '../src/graph/types.ts';
import { readTable } from '../src/io/read-table.ts';
import { createPlaceResolver } from '../src/places/resolve.ts';
import { parseMoves } from '../src/records/parse-moves.ts';
import { parseTimelines } from '../src/records/parse-timelines.ts';
import { resolveMoves } from '../src/records/resolve-moves.ts';
import { resolveTimelines } from '../src/records/resolve-timelines.ts';
import type { Problem } from '../src/records/types.ts';
import { summariseTimelines } from '../src/timelines/summarise.ts';
import { peakMb, resetPeak, Stages } from './memory.ts';

const { values } = parseArgs({
  options: { engine: { type: 'string' }, kind: { type: 'string' }, file: { type: 'string' }, out: { type: 'string' } },
});
const engine = values.engine === 'duckdb' ? 'duckdb' : 'js';
const kind = values.kind === 'timelines' ? 'timelines' : 'moves';
const file = values.file!;
const impl = `talentflow (${engine})`;
const st = new Stages(impl);
const window: [number, number] = [2019, 2023];
let graph: FlowGraph;
let problems: Problem[];

if (engine === 'js') {
  const parsed = await st.run('read + validate', async () => {
    const read = await readTable(file);
    return kind === 'moves' ? parseMoves(read.table, read) : parseTimelines(read.table, read);
  });
  const resolver = createPlaceResolver({ level: 'metro' });
  if (kind === 'moves') {
    const r = await st.run('resolve places', () => resolveMoves(parsed.records as never, resolver, file));
    problems = [...parsed.problems, ...r.problems];
    graph = await st.run('flows + graph', () =>
      buildFlowGraph({ moves: r.moves, places: r.places, kind: 'moves', level: 'metro', movesWithinPlace: r.movesWithinPlace }),
    );
  } else {
    const r = await st.run('resolve places', () => resolveTimelines(parsed.records as never, resolver, file));
    problems = [...parsed.problems, ...r.problems];
    const summary = await st.run('derive moves', () => summariseTimelines(r.rows, { window }));
    graph = await st.run('flows + graph', () =>
      buildFlowGraph({ moves: summary.moves, places: r.places, stock: summary.stock, kind: 'timelines', level: 'metro', window }),
    );
  }
} else {
  // The DuckDB engine reports its steps through onTiming; analyses are timed below, one by one.
  const steps: Record<string, string> = {
    read: 'read + validate',
    validate: 'read + validate',
    problems: 'read + validate',
    resolve: 'resolve places',
    derive: 'derive moves',
    graph: 'flows + graph',
  };
  let cpu = process.cpuUsage();
  resetPeak();
  const merged = new Map<string, { wall_ms: number; cpu_ms: number; peak_mb: number }>();
  const run = await prepareWithDuckDB(
    file,
    { kind, stabilityRuns: 0 },
    {
      session: {},
      onTiming: (step, ms) => {
        const c = process.cpuUsage(cpu);
        const name = steps[step] ?? step;
        const m = merged.get(name) ?? { wall_ms: 0, cpu_ms: 0, peak_mb: 0 };
        merged.set(name, {
          wall_ms: m.wall_ms + ms,
          cpu_ms: m.cpu_ms + (c.user + c.system) / 1000,
          peak_mb: Math.max(m.peak_mb, peakMb()),
        });
        cpu = process.cpuUsage();
        resetPeak();
      },
    },
  );
  for (const [name, m] of merged) st.results.push({ name, impl, ...m });
  graph = run.graph;
  problems = run.problems;
}

await st.run('strength', () => strength.assign(graph));
const other = new Stages(impl);
other.begin();
netInflow.assign(graph);
inflowRatio.assign(graph);
retention.assign(graph);
talentPotential.assign(graph);
other.end('other measures');
await st.run('pagerank', () => pagerank.assign(graph));
await st.run('hits', () => hits.assign(graph));
// The CLI's own call: above 5,000 flows (at 5,000 places) betweenness runs on the strongest flows,
// the rule bench/python applies too (src/analyses/strongest-flows.ts).
const thresholded = await st.run('betweenness (thresholded)', () => betweenness.assign(graph, { maxFlows: 5000 }));
other.begin();
eigenvector.assign(graph);
hubClass(graph);
other.end('other measures');
const found = await st.run('louvain', () => communities.assign(graph, { seed: 42 }));
const raiResult = await st.run('rai', () => rai(graph));
const sources = await st.run('top sources', () => topSources(graph));
other.begin();
const top = { sources, destinations: topDestinations(graph) };
other.end('other measures');
const sum = (key: 'wall_ms' | 'cpu_ms') => other.results.reduce((a, r) => a + r[key], 0);
st.results.push({
  name: 'other measures',
  impl,
  wall_ms: sum('wall_ms'),
  cpu_ms: sum('cpu_ms'),
  peak_mb: Math.max(...other.results.map((r) => r.peak_mb)),
});
// Each file on its own, streamed as the CLI writes it (outputFileSources): one that cannot be
// built is reported, the others are still written and timed.
const failed: Record<string, string> = {};
const build: Record<string, () => Iterable<FileChunk>> = {
  'places.csv': () => tableCsvChunks(placesTable(graph)),
  'flows.csv': () => flowsCsvChunks(graph),
  'top_sources.csv': () => tableCsvChunks(topFlowsTable(top.sources, 'source')),
  'top_destinations.csv': () => tableCsvChunks(topFlowsTable(top.destinations, 'destination')),
  'communities.csv': () => tableCsvChunks(communitiesTable(found)),
  'rai.csv': () => tableCsvChunks(raiTable(raiResult)),
  'problems.csv': () => tableCsvChunks(problemsTable(problems)),
  'graph.json': () => graphJsonChunks(graph, { checked: true }),
  'graph.gexf': () => gexfChunks(graph),
};
await st.run('exports', async () => {
  assertJsonSafe(graph);
  for (const [name, make] of Object.entries(build)) {
    try {
      await writeOutputs(values.out!, { [name]: make() });
    } catch (error) {
      failed[name] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }
});
process.stdout.write(
  JSON.stringify({
    stages: st.results,
    nodes: graph.order,
    edges: graph.size,
    problems: problems.length,
    betweennessMinWeight: thresholded.minWeight ?? 1,
    failed,
  }) + '\n',
);

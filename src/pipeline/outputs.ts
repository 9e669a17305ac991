/**
 * The files of an analysis folder, as strings in memory: the writers (`writeOutputs`) put them on
 * disk atomically. Kept apart from the CLI so that notebooks and tests produce identical files.
 */
import type { AnalysisRun } from './analyze.ts';
import { tableToCsv } from '../exports/csv.ts';
import { placesTable } from '../exports/places-table.ts';
import { flowsTable } from '../exports/flows-table.ts';
import { communitiesTable } from '../exports/communities-table.ts';
import { raiTable } from '../exports/rai-table.ts';
import { problemsTable, countProblemsByReason } from '../exports/problems-table.ts';
import { topFlowsTable } from '../exports/top-flows-table.ts';
import { graphToJson } from '../exports/graph-json.ts';
import { toGexf } from '../exports/gexf.ts';
import { buildManifest, manifestToJson } from '../exports/manifest.ts';

export interface OutputMeta {
  input: { path: string; sha256: string; bytes: number };
  packageVersion: string;
  createdBy?: string;
  /** Also render SVG figures into figures/. */
  figures?: boolean;
}

/** Every output file of a run: name → content. `manifest.json` lists the others. */
export async function buildOutputFiles(run: AnalysisRun, meta: OutputMeta): Promise<Record<string, string>> {
  const files: Record<string, string> = {
    'places.csv': tableToCsv(placesTable(run.graph)),
    'flows.csv': tableToCsv(flowsTable(run.graph)),
    'top_sources.csv': tableToCsv(topFlowsTable(run.analyses.topSources, 'source')),
    'top_destinations.csv': tableToCsv(topFlowsTable(run.analyses.topDestinations, 'destination')),
    'communities.csv': tableToCsv(communitiesTable(run.analyses.communities)),
    'rai.csv': tableToCsv(raiTable(run.analyses.rai)),
    'problems.csv': tableToCsv(problemsTable(run.problems)),
    'graph.json': graphJsonWithRun(run),
    'graph.gexf': toGexf(run.graph),
  };
  if (meta.figures) {
    const { renderFigures } = await import('../display/figures.ts');
    for (const [name, svg] of Object.entries(renderFigures(run))) files[`figures/${name}`] = svg;
  }
  const c = run.analyses.communities;
  const o = run.options;
  const manifest = buildManifest({
    input: { ...meta.input, rows: run.rowsRead },
    options: {
      kind: o.kind,
      level: o.level,
      window: o.window,
      years: o.years,
      columns: o.columns,
      aliases: o.aliases.length,
      resolution: o.resolution,
      topK: o.topK,
      topMinWeight: o.topMinWeight,
      stabilityRuns: o.stabilityRuns,
    },
    seed: o.seed,
    packageVersion: meta.packageVersion,
    counts: {
      records: run.records,
      skipped: run.skipped,
      problemsByReason: countProblemsByReason(run.problems) as Record<string, number>,
      movesWithinPlace: Number(run.graph.getAttribute('movesWithinPlace') ?? 0),
      nodes: run.graph.order,
      edges: run.graph.size,
    },
    outputs: Object.keys(files),
    ...(meta.createdBy ? { createdBy: meta.createdBy } : {}),
    graph: {
      level: o.level,
      kind: o.kind,
      years: run.graph.getAttribute('years') ?? null,
      window: run.graph.getAttribute('window') ?? null,
    },
    communities: { count: c.communities.length, modularity: c.modularity, resolution: c.resolution, seed: c.seed },
  });
  files['manifest.json'] = manifestToJson(manifest);
  return files;
}

/** graph.json carries the run's seed and options as graph attributes so the viewer can show them. */
function graphJsonWithRun(run: AnalysisRun): string {
  run.graph.mergeAttributes({
    seed: run.options.seed,
    resolution: run.options.resolution,
    modularity: run.analyses.communities.modularity,
    topK: run.options.topK,
    topMinWeight: run.options.topMinWeight,
  });
  return graphToJson(run.graph);
}

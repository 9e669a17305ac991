/**
 * talentflow: researcher migration records → weighted directed graph of places → hubs, net inflow,
 * inflow ratio, top sources, communities and discipline RAI.
 *
 * This entry is pure (no filesystem, no DOM): it runs in Node, Deno and the browser. File reading
 * and the writers are in `talentflow/node` (src/node.ts).
 */

// Errors and randomness
export { TalentFlowError, OptionError, InputError, OutputError } from './errors.ts';
export { DEFAULT_SEED, createRng } from './random.ts';

// Records
export type {
  MoveRecord,
  TimelineRecord,
  RecordKind,
  ProblemReason,
  Problem,
  ReadResult,
  ColumnMap,
  ResolvedMove,
} from './records/types.ts';
export { MOVE_FIELDS, TIMELINE_FIELDS, TIMELINE_PLACE_FIELDS, parseColumnMap } from './records/columns.ts';
export { parseMoves } from './records/parse-moves.ts';
export { parseTimelines } from './records/parse-timelines.ts';
export type { ParseOptions } from './records/table-input.ts';
export { summariseProblems, formatProblemSummary, type ProblemSummary, type ProblemGroup } from './records/problems.ts';
export { resolveMoves, type ResolvedMoves } from './records/resolve-moves.ts';
export { POPULATION_FIELDS } from './records/columns.ts';
export { parsePopulation, type PopulationRecord } from './records/parse-population.ts';
export { resolvePopulation, type ResolvedPopulation, type ReferenceCounts } from './records/resolve-population.ts';
export { resolveTimelines, type ResolvedTimelines } from './records/resolve-timelines.ts';

// Timelines
export { timelineRows, TimelineRowsBuilder, type TimelineRows, type TimelineEntry } from './timelines/rows.ts';
export { summariseTimelines, DEFAULTS as TIMELINE_SUMMARY_DEFAULTS, type TimelineSummary } from './timelines/summarise.ts';
export { deriveMoves } from './timelines/derive-moves.ts';
export { describeResearchers, type ResearcherSummary } from './timelines/describe.ts';
export {
  TIMELINE_DEFAULTS,
  isActive,
  isYoung,
  academicAge,
  homePlace,
  flowedIn,
  type TimelineOptions,
  type ResearcherProfile,
} from './timelines/researcher.ts';

// Places
export type {
  Place,
  PlaceLevel,
  PlaceResolution,
  PlaceResolver,
  PlaceAlias,
  PlaceVia,
  MatchStep,
  ResolutionRecord,
} from './places/types.ts';
export { createPlaceResolver, DEFAULTS as PLACE_DEFAULTS, type PlaceResolverOptions } from './places/resolve.ts';
export { resolveCountry, countryPlace, type CountryInfo } from './places/countries.ts';
export { parseAliasCsv } from './places/aliases.ts';
export { createHintResolution, hasPlaceHint, type PlaceHint } from './places/by-geonames.ts';
export { METROS, findMetroByName, metroOfCity, type Metro } from './places/metros.ts';
export { createGazetteer, loadGazetteer, type Gazetteer, type GazetteerCity, type RawCity } from './places/gazetteer.ts';
export { createParentRule, PARENT_DEFAULTS, type ParentMethod } from './places/parent-city.ts';
export { createDistrictCity, type DistrictPoint, type DistrictCity } from './places/district-city.ts';
export { DOMINANCE, ORGANISATION_DOMINANCE } from './places/match-name.ts';
export { resolutionsTable, RESOLUTIONS_COLUMNS } from './exports/resolutions-table.ts';

// Graph
export type { FlowGraph, PlaceAttributes, FlowAttributes, FlowGraphAttributes, PlaceStock } from './graph/types.ts';
export { buildFlowGraph, buildFlows, DEFAULTS as BUILD_DEFAULTS, type FlowGraphInput, type BuildOptions } from './graph/build.ts';
export {
  flowStore,
  emptyFlowStore,
  flowCount,
  flowCells,
  forEachCell,
  findFlow,
  storeYears,
  flowYearMatrix,
  inflowByDiscipline,
  type FlowStore,
  type FlowColumns,
  type CellColumns,
} from './flows/store.ts';
export { flowStoreFromMoves, type MovesAggregate } from './flows/from-moves.ts';
export { filterFlows, DEFAULTS as FILTER_DEFAULTS, type FilterOptions } from './flows/filter.ts';
export { attachFlowStore, ensureEdges, graphFromFlows, graphWithFlows, flowOfEachEdge } from './flows/graph.ts';
export { flowStoreToArrow, flowStoreFromArrow, FLOWS_ARROW_COLUMNS } from './exports/flows-arrow.ts';
export { movesByFlowYear, type FlowYearMoves } from './graph/flow-years.ts';

// Analyses (one per file; each with DEFAULTS and .assign)
export type {
  HubClass,
  BalanceClass,
  NodeMeasure,
  TopFlow,
  TopFlows,
  CommunityInfo,
  CommunitiesResult,
  RaiCell,
  RaiResult,
} from './analyses/types.ts';
export { strength, DEFAULTS as STRENGTH_DEFAULTS, type StrengthOptions, type StrengthResult } from './analyses/strength.ts';
export { netInflow, DEFAULTS as NET_INFLOW_DEFAULTS, type NetInflowOptions } from './analyses/net-inflow.ts';
export { inflowRatio } from './analyses/inflow-ratio.ts';
export { retention, type RetentionResult } from './analyses/retention.ts';
export { pagerank, DEFAULTS as PAGERANK_DEFAULTS, type PagerankOptions } from './analyses/pagerank.ts';
export { hits, DEFAULTS as HITS_DEFAULTS, type HitsOptions, type HitsResult } from './analyses/hits.ts';
export { betweenness, DEFAULTS as BETWEENNESS_DEFAULTS, type BetweennessOptions, type BetweennessResult } from './analyses/betweenness.ts';
export {
  strongestFlows,
  strongestFlowsThreshold,
  DEFAULTS as STRONGEST_FLOWS_DEFAULTS,
  type StrongestFlows,
  type StrongestFlowsOptions,
} from './analyses/strongest-flows.ts';
export { eigenvector, DEFAULTS as EIGENVECTOR_DEFAULTS, type EigenvectorOptions } from './analyses/eigenvector.ts';
export { hubClass, DEFAULTS as HUB_CLASS_DEFAULTS, type HubClassOptions, type HubClassResult } from './analyses/hub-class.ts';
export {
  balanceClass,
  DEFAULTS as BALANCE_CLASS_DEFAULTS,
  type BalanceClassOptions,
  type BalanceClassResult,
} from './analyses/balance-class.ts';
export { topSources, topDestinations, topFlows, DEFAULTS as TOP_FLOWS_DEFAULTS, type TopFlowsOptions } from './analyses/top-sources.ts';
export { communities, DEFAULTS as COMMUNITIES_DEFAULTS, type CommunitiesOptions } from './analyses/communities.ts';
export {
  communityStability,
  coassignment,
  coassignedPairs,
  DEFAULTS as COMMUNITY_STABILITY_DEFAULTS,
  type CommunityStabilityOptions,
  type CommunityStabilityResult,
} from './analyses/community-stability.ts';
export { rai, topDisciplines, DEFAULTS as RAI_DEFAULTS, type RaiOptions } from './analyses/rai.ts';
export {
  minMaxScore,
  compositeIndex,
  MINMAX_DEFAULTS,
  COMPOSITE_DEFAULTS,
  type MinMaxOptions,
  type CompositeOptions,
} from './analyses/scores.ts';
export { youngShare, youngGrowth, DEFAULTS as YOUNG_DEFAULTS, type YoungOptions } from './analyses/young.ts';
export {
  talentPotential,
  DEFAULTS as TALENT_POTENTIAL_DEFAULTS,
  type TalentPotentialOptions,
  type TalentPotentialResult,
  type TalentPotentialWeights,
} from './analyses/talent-potential.ts';
export {
  timeSeries,
  DEFAULTS as TIME_SERIES_DEFAULTS,
  type TimeSeriesOptions,
  type TimeSeriesResult,
  type TimeSeriesRow,
  type PopulationTable,
} from './analyses/time-series.ts';
export {
  comparePeriods,
  competitionRanks,
  COMPARED_MEASURES,
  type ComparePeriodsOptions,
  type ComparisonResult,
  type ComparisonRow,
  type ComparedMeasure,
  type ComparedValue,
} from './analyses/compare-periods.ts';
export { checkPopulation, populationWarnings, type PopulationCheck, type CountMismatch } from './analyses/population-check.ts';
export { ConvergenceError } from './errors.ts';
export {
  disparityBackbone,
  disparityTail,
  DEFAULTS as DISPARITY_BACKBONE_DEFAULTS,
  type DisparityBackboneOptions,
  type DisparityBackboneResult,
} from './analyses/disparity-backbone.ts';
export {
  gravity,
  greatCircleKm,
  EARTH_RADIUS_KM,
  DEFAULTS as GRAVITY_DEFAULTS,
  type GravityOptions,
  type GravityResult,
} from './analyses/gravity.ts';
export { fitGravity, type GravityData, type GravityFit } from './analyses/gravity-fit.ts';
export {
  quadrants,
  quadrantOf,
  QUADRANTS,
  DEFAULTS as QUADRANTS_DEFAULTS,
  type Quadrant,
  type QuadrantsOptions,
  type QuadrantsResult,
} from './analyses/quadrants.ts';
export {
  bootstrap,
  aliasTable,
  DEFAULTS as BOOTSTRAP_DEFAULTS,
  type BootstrapOptions,
  type BootstrapResult,
  type BootstrapUnits,
  type MoveUnits,
  type ResearcherUnits,
  type Interval,
  type IntervalMeasure,
} from './analyses/bootstrap.ts';
export { moveUnits, flowDisciplineCounts } from './analyses/bootstrap-units.ts';
export { researcherUnits } from './timelines/researcher-units.ts';
export { intervalsTable, INTERVALS_COLUMNS } from './exports/intervals-table.ts';
export { MEASURES, measureAttributes, attributesShownIn, measureDefaults, type AnyMeasure } from './analyses/registry.ts';
export {
  defineMeasure,
  type MeasureAttribute,
  type MeasureContext,
  type MeasureDefinition,
  type MeasureFormat,
  type MeasureView,
} from './analyses/measure.ts';
export { measureTableMarkdown } from './analyses/measure-docs.ts';
export {
  analyzeGraph,
  autoBetweennessMaxFlows,
  BETWEENNESS_WORK,
  DEFAULTS as ANALYZE_GRAPH_DEFAULTS,
  RUN_OPTION_CHECKS,
  type AnalyzeGraphOptions,
  type AnalysisSummary,
  type BetweennessUse,
  type RunOption,
} from './analyses/run-all.ts';

// Pipeline (pure part)
export {
  ANALYZE_DEFAULTS,
  ANALYZE_OPTION_CHECKS,
  resolveAnalyzeOptions,
  type AnalyzeOptions,
  type NumericAnalyzeOption,
  type ResolvedAnalyzeOptions,
} from './pipeline/options.ts';
export {
  analyzeTable,
  analyzeMoveRecords,
  analyzeTimelineRecords,
  type AnalysisRun,
  type Stage,
  type RunHooks,
} from './pipeline/analyze.ts';
export { addPopulation, type RunPopulation } from './pipeline/population.ts';

// Tables and serialisations (strings in memory, or chunk generators for large graphs)
export { chunksToString, lazyChunks, CHUNK_CHARS, type FileChunk } from './exports/chunks.ts';
export { toCsv, tableToCsv, csvChunks, tableCsvChunks, formatCell, type Table, type CsvOptions } from './exports/csv.ts';
export { parseCsvRows } from './places/csv.ts';
export { placesTable, PLACES_COLUMNS } from './exports/places-table.ts';
export { flowsTable, flowsCsvChunks, FLOWS_COLUMNS } from './exports/flows-table.ts';
export { communitiesTable, COMMUNITIES_COLUMNS } from './exports/communities-table.ts';
export { raiTable, RAI_COLUMNS } from './exports/rai-table.ts';
export { timeSeriesTable, TIMESERIES_COLUMNS } from './exports/timeseries-table.ts';
export { compareTable, COMPARE_COLUMNS } from './exports/compare-table.ts';
export { problemsTable, PROBLEMS_COLUMNS, countProblemsByReason } from './exports/problems-table.ts';
export { topFlowsTable } from './exports/top-flows-table.ts';
export {
  graphToJson,
  graphJsonChunks,
  graphToObject,
  graphFromJson,
  assertJsonSafe,
  type SerializedFlowGraph,
} from './exports/graph-json.ts';
export { toGexf, gexfChunks, GEXF_DEFAULTS, type GexfOptions } from './exports/gexf.ts';
export { buildManifest, manifestToJson, MANIFEST_VERSION, type Manifest, type ManifestInput } from './exports/manifest.ts';
export { formatReport, REPORT_DEFAULTS, type ReportOptions } from './report/report.ts';

// Real sources: per-record converters (OpenAlex works/authors, ORCID, institution lists) and ROR places
export { SOURCE_KINDS, type SourceKind } from './sources/types.ts';
export { convertOpenAlexWork } from './sources/openalex-works.ts';
export { convertOpenAlexAuthor } from './sources/openalex-authors.ts';
export { convertOrcidRecord, ORCID_DEFAULTS } from './sources/orcid.ts';
export { convertInstitutionRow } from './sources/institutions.ts';
export { createRorIndex, normalizeRorId } from './sources/ror.ts';
export { rorRecordsFromDump, rorRecordOfDump } from './sources/ror-dump.ts';
export { orcidDumpYear } from './sources/orcid.ts';
export { createDistrictResolver, DISTRICT_DEFAULTS } from './sources/districts.ts';

// Display: HTML tables and SVG figures as strings (notebooks, the viewer, `analyze --figures`)
export {
  toHtmlTable,
  TABLE_DEFAULTS,
  attributeMeasure,
  raiHeatmapSvg,
  HEATMAP_DEFAULTS,
  measureChartSvg,
  BAR_CHART_DEFAULTS,
  topSourcesSvg,
  FLOW_CHART_DEFAULTS,
  flowMapSvg,
  MAP_DEFAULTS,
  flowMapHtml,
  sigmaMapHtml,
  SIGMA_MAP_DEFAULTS,
  renderFigures,
  FIGURES_DEFAULTS,
  raiColor,
  RAI_COLORS,
  asSvg,
  asHtml,
  asMarkdown,
} from './display/index.ts';
export type {
  TableInput,
  TableOptions,
  HeatmapOptions,
  BarChartOptions,
  FlowChartOptions,
  MapOptions,
  SigmaMapOptions,
  FiguresOptions,
  Displayable,
} from './display/index.ts';

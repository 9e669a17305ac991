/** Display helpers: HTML tables and SVG figures of analysis results, as pure strings. */
export { toHtmlTable, resultRows, TABLE_DEFAULTS } from './table.ts';
export type { TableInput, TableOptions, Row, Cell, RowSource, ColumnsAndRows } from './table.ts';
export { attributeMeasure } from './measures.ts';
export { raiHeatmapSvg, HEATMAP_DEFAULTS } from './heatmap.ts';
export type { HeatmapOptions } from './heatmap.ts';
export { measureChartSvg, pickEntries, BAR_CHART_DEFAULTS } from './bar-chart.ts';
export { slopeChartSvg, SLOPE_CHART_DEFAULTS } from './slope-chart.ts';
export { sparklineSvg, SPARKLINE_DEFAULTS } from './sparkline.ts';
export type { SparkPoint, SparklineOptions } from './sparkline.ts';
export type { SlopeChartOptions, SlopeItem } from './slope-chart.ts';
export type { BarChartOptions } from './bar-chart.ts';
export { topSourcesSvg, flowStrokeWidth, FLOW_CHART_DEFAULTS } from './flow-chart.ts';
export type { FlowChartOptions } from './flow-chart.ts';
export { flowMapSvg, flowWidth, placeRadius, MAP_DEFAULTS, MAP_STYLE, MAP_SIZES } from './map.ts';
export type { MapGraph, MapOptions } from './map.ts';
export { flowMapHtml } from './map-html.ts';
export { sigmaMapHtml, sigmaMapData, SIGMA_MAP_DEFAULTS } from './map-sigma.ts';
export type { SigmaMapOptions } from './map-sigma.ts';
export { quadrantChartSvg, QUADRANT_CHART_DEFAULTS, QUADRANT_COLORS } from './quadrant-chart.ts';
export type { QuadrantChartOptions } from './quadrant-chart.ts';
export { renderFigures, largestDestinations, FIGURES_DEFAULTS } from './figures.ts';
export type { FiguresInput, FiguresOptions } from './figures.ts';
export {
  raiColor,
  raiPosition,
  categoryColor,
  mixColors,
  RAI_COLORS,
  RAI_COLOR_DEFAULTS,
  CATEGORY_COLORS,
  SIGN_COLORS,
  OTHER_COLOR,
  textColorOn,
} from './colors.ts';
export { asSvg, asHtml, asMarkdown } from './jupyter.ts';
export type { Displayable } from './jupyter.ts';
export { escapeXml, formatNumber } from './format.ts';

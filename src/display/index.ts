/** Display helpers: HTML tables and SVG figures of analysis results, as pure strings. */
export { toHtmlTable, resultRows, TABLE_DEFAULTS } from './table.ts';
export type { TableInput, TableOptions, Row, Cell, RowSource } from './table.ts';
export { raiHeatmapSvg, HEATMAP_DEFAULTS } from './heatmap.ts';
export type { HeatmapOptions } from './heatmap.ts';
export { measureChartSvg, BAR_CHART_DEFAULTS } from './bar-chart.ts';
export type { BarChartOptions } from './bar-chart.ts';
export { topSourcesSvg, flowStrokeWidth, FLOW_CHART_DEFAULTS } from './flow-chart.ts';
export type { FlowChartOptions } from './flow-chart.ts';
export { flowMapSvg, MAP_DEFAULTS } from './map.ts';
export type { MapGraph, MapOptions } from './map.ts';
export { flowMapHtml } from './map-html.ts';
export { renderFigures, largestDestinations, FIGURES_DEFAULTS } from './figures.ts';
export type { FiguresInput, FiguresOptions } from './figures.ts';
export { raiColor, raiPosition, categoryColor, RAI_COLORS, RAI_COLOR_DEFAULTS, CATEGORY_COLORS } from './colors.ts';
export { asSvg, asHtml, asMarkdown } from './jupyter.ts';
export type { Displayable } from './jupyter.ts';
export { escapeXml, formatNumber } from './format.ts';

/**
 * Rich output in notebooks. The Deno Jupyter kernel displays any value with a
 * `Symbol.for('Jupyter.display')` method by the MIME bundle it returns, so these wrappers need
 * neither Deno nor a DOM: the helpers stay pure strings, and a notebook cell ending in
 * `asSvg(raiHeatmapSvg(rai))` shows the figure.
 */

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

/** A string with a MIME type, shown as that type by a notebook and as itself by `String()`. */
export interface Displayable {
  readonly mimeType: string;
  readonly content: string;
  toString(): string;
  [JUPYTER_DISPLAY](): Record<string, string>;
}

function displayable(mimeType: string, content: string): Displayable {
  return {
    mimeType,
    content,
    toString: () => content,
    [JUPYTER_DISPLAY]: () => ({ [mimeType]: content, 'text/plain': `[${mimeType}, ${content.length} characters]` }),
  };
}

/**
 * Marks an SVG string for display as an image in a notebook.
 *
 * @example
 * asSvg(measureChartSvg(pagerank(graph))); // last expression of a cell: the chart is shown
 */
export function asSvg(svg: string): Displayable {
  return displayable('image/svg+xml', svg);
}

/**
 * Marks an HTML string for display as HTML in a notebook.
 *
 * @example
 * asHtml(toHtmlTable(netInflow(graph)));
 */
export function asHtml(html: string): Displayable {
  return displayable('text/html', html);
}

/** Marks Markdown for display in a notebook (computed prose: "Beijing sent 9,300 …"). */
export function asMarkdown(markdown: string): Displayable {
  return displayable('text/markdown', markdown);
}

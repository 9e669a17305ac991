/**
 * A minimal SVG writer: elements as strings, attributes escaped, numbers rounded. The display
 * helpers build every figure with it so that output is plain, standalone SVG (no DOM, no CSS
 * files, no ids that could clash when several figures share a page).
 */
import { escapeXml, num } from './format.ts';

export type Attributes = Record<string, string | number | null | undefined | false>;

/** The font stack every figure uses; set on the root so text inherits it. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** One element: `el('rect', { x: 1 })` → `<rect x="1"/>`; children are already-serialised strings. */
export function el(name: string, attrs: Attributes = {}, ...children: string[]): string {
  const inner = children.join('');
  return inner ? `<${name}${attributes(attrs)}>${inner}</${name}>` : `<${name}${attributes(attrs)}/>`;
}

/** A text element with escaped content. */
export function text(content: string, attrs: Attributes = {}): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** A `<title>` child: browsers show it as a tooltip on hover (works in notebooks without scripts). */
export function title(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/**
 * A standalone SVG document with an accessible title and a white background.
 *
 * @param width - pixels.
 * @param height - pixels.
 * @param body - serialised children.
 * @param label - `aria-label` and first `<title>` of the figure.
 */
export function svgDocument(width: number, height: number, body: string, label: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"` +
    ` role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(FONT_FAMILY)}" font-size="12">` +
    title(label) +
    el('rect', { width: w, height: h, fill: '#ffffff' }) +
    body +
    '</svg>'
  );
}

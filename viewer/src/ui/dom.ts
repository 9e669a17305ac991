/** Tiny DOM helpers: element creation without innerHTML (no escaping mistakes) and number display. */

type Child = Node | string | number | null | undefined | false;

/** The page's element with this id (the page's own elements, from index.html, always exist). */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;

/**
 * Creates an element: attributes (`on…` keys become listeners, `false`/null ones are skipped)
 * and children (strings become text nodes).
 *
 * @example h('button', { type: 'button', onclick: () => go() }, 'Go')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A number for reading: integers with thousands separators, others with 3 significant digits
 * (small ones in exponent-free form); "–" when missing.
 *
 * @example formatValue(12345) // "12,345"
 * @example formatValue(0.0123456) // "0.0123"
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return integer.format(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return integer.format(value);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3).replace(/^(-?)0\.(\d*?)0+$/, '$10.$2');
}

/** A 0..1 share as a percentage with one decimal: 0.239 → "23.9%". */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(1)}%`;
}

/** Signed integer: +1,234 / −567. */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const s = formatValue(Math.abs(value));
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}

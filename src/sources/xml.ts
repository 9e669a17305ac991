/**
 * A small, strict XML reader for record files such as ORCID's public data file: elements,
 * attributes, text, CDATA, comments, processing instructions and the five predefined entities
 * plus numeric character references. It keeps the 1-based line on which each element starts so
 * that problems can point into the file. No DTDs, no external entities (nothing is fetched or
 * expanded beyond the predefined set), which is also what makes it safe on untrusted input.
 */

/** One element: its qualified name (`common:start-date`), attributes, child elements, its own text and its line. */
export interface XmlElement {
  name: string;
  /** The name without its namespace prefix (`start-date`). */
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's direct text (CDATA included), entities decoded, not trimmed. */
  text: string;
  line: number;
}

/** The input is not well-formed XML; `line` is where the reader stopped. */
export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  readonly line: number;
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME_RE = /^[A-Za-z_:][\w:.-]*/;
const ATTR_RE = /([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

function decode(text: string, line: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`unterminated entity ${JSON.stringify(whole)}`, line);
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new XmlSyntaxError(`unknown entity &${ref};`, line);
    return named;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Parses a whole XML document and returns its root element.
 *
 * @throws XmlSyntaxError on mismatched or unclosed tags, bad attributes, unknown entities, text
 *   or a second element outside the root.
 * @example parseXml('<a x="1"><b>hi &amp; bye</b></a>').children[0].text // 'hi & bye'
 */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;
  let line = 1;
  const advanceTo = (next: number) => {
    for (let i = text.indexOf('\n', pos); i >= 0 && i < next; i = text.indexOf('\n', i + 1)) line++;
    pos = next;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > pos) {
      const chunk = text.slice(pos, chunkEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(chunk, line);
      else if (chunk.trim() !== '') throw new XmlSyntaxError('text outside the root element', line);
      advanceTo(chunkEnd);
    }
    if (lt < 0) break;

    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) throw new XmlSyntaxError('unclosed comment', line);
      advanceTo(end + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) throw new XmlSyntaxError('unclosed CDATA section', line);
      const top = stack[stack.length - 1];
      if (!top) throw new XmlSyntaxError('CDATA outside the root element', line);
      top.text += text.slice(pos + 9, end);
      advanceTo(end + 3);
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unclosed processing instruction', line);
      advanceTo(end + 2);
    } else if (text.startsWith('<!', pos)) {
      throw new XmlSyntaxError('document type declarations are not supported', line);
    } else if (text.startsWith('</', pos)) {
      const end = text.indexOf('>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unclosed end tag', line);
      const name = text.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`end tag </${name}> without a start tag`, line);
      if (open.name !== name) throw new XmlSyntaxError(`end tag </${name}> does not match <${open.name}> of line ${open.line}`, line);
      advanceTo(end + 1);
    } else {
      const startLine = line;
      const nameMatch = NAME_RE.exec(text.slice(pos + 1, pos + 256));
      if (!nameMatch) throw new XmlSyntaxError('bad tag name', line);
      const name = nameMatch[0];
      let i = pos + 1 + name.length;
      const attributes: Record<string, string> = {};
      for (;;) {
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (text[i] === '>' || text.startsWith('/>', i)) break;
        ATTR_RE.lastIndex = i;
        const m = ATTR_RE.exec(text);
        if (!m) throw new XmlSyntaxError(`bad attribute in <${name}>`, startLine);
        attributes[m[1]!] = decode(m[3] ?? m[4] ?? '', startLine);
        i = ATTR_RE.lastIndex;
      }
      const selfClosing = text.startsWith('/>', i);
      const element: XmlElement = { name, local: localName(name), attributes, children: [], text: '', line: startLine };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlSyntaxError(`second root element <${name}>`, startLine);
      else root = element;
      if (!selfClosing) stack.push(element);
      advanceTo(i + (selfClosing ? 2 : 1));
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new XmlSyntaxError(`<${unclosed.name}> of line ${unclosed.line} is never closed`, line);
  if (!root) throw new XmlSyntaxError('no root element', line);
  return root;
}

/** The first child element with this local name, or null. */
export function childOf(element: XmlElement | null | undefined, local: string): XmlElement | null {
  if (!element) return null;
  for (const c of element.children) if (c.local === local) return c;
  return null;
}

/** Follows a path of local names through first matching children; null if any step is missing. */
export function pathOf(element: XmlElement | null | undefined, ...locals: string[]): XmlElement | null {
  let at: XmlElement | null = element ?? null;
  for (const local of locals) at = childOf(at, local);
  return at;
}

/** Trimmed text of the element at `path` below `element`, or null when absent or empty. */
export function textAt(element: XmlElement | null | undefined, ...locals: string[]): string | null {
  const at = pathOf(element, ...locals);
  const t = at?.text.trim();
  return t ? t : null;
}

/** Every descendant (depth first, document order) whose local name is one of `locals`; does not descend into matches. */
export function findAll(element: XmlElement, locals: ReadonlySet<string>): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (locals.has(c.local)) out.push(c);
      else walk(c);
    }
  };
  walk(element);
  return out;
}

/**
 * A tiny, strict XML reader for checking the SVG the display helpers write: tags must nest and
 * close, attributes must be quoted and unique, text may use only the five XML entities and
 * numeric references. Returns the element tree so tests can query attributes.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '<') throw new Error(`unescaped < in ${where}`);
    if (ch !== '&') {
      out += ch;
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(raw);
    if (!m) throw new Error(`bad entity in ${where}: ${raw.slice(i, i + 10)}`);
    const name = m[1]!;
    out +=
      name === 'amp'
        ? '&'
        : name === 'lt'
          ? '<'
          : name === 'gt'
            ? '>'
            : name === 'quot'
              ? '"'
              : name === 'apos'
                ? "'"
                : String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    i += m[0].length - 1;
  }
  return out;
}

/** Parses one XML document (optional declaration, one root element); throws on anything malformed. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const s = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  while (i < s.length) {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    if (s[i] === '<') {
      const end = s.indexOf('>', i);
      if (end < 0) throw new Error('unclosed tag');
      let tag = s.slice(i + 1, end);
      // a '>' inside a quoted attribute value: extend to the real end of the tag
      let j = end;
      while ((tag.match(/"/g)?.length ?? 0) % 2 === 1) {
        j = s.indexOf('>', j + 1);
        if (j < 0) throw new Error('unclosed attribute');
        tag = s.slice(i + 1, j);
      }
      i = j + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
        continue;
      }
      const selfClosing = tag.endsWith('/');
      if (selfClosing) tag = tag.slice(0, -1);
      const nameMatch = /^([A-Za-z_][\w:.-]*)/.exec(tag);
      if (!nameMatch) throw new Error(`bad tag <${tag}>`);
      const element: XmlElement = { name: nameMatch[1]!, attrs: {}, children: [], text: '' };
      let rest = tag.slice(nameMatch[0].length);
      const attr = /^\s+([A-Za-z_][\w:.-]*)="([^"]*)"/;
      for (let m = attr.exec(rest); m; m = attr.exec(rest)) {
        if (m[1]! in element.attrs) throw new Error(`duplicate attribute ${m[1]} on <${element.name}>`);
        element.attrs[m[1]!] = decode(m[2]!, `attribute ${m[1]}`);
        rest = rest.slice(m[0].length);
      }
      if (rest.trim() !== '') throw new Error(`bad attributes on <${element.name}>: ${rest}`);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new Error('more than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      continue;
    }
    const next = s.indexOf('<', i);
    const raw = s.slice(i, next < 0 ? s.length : next);
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (raw.trim() !== '') throw new Error('text outside the root element');
    } else {
      parent.text += decode(raw, `<${parent.name}>`);
    }
    i = next < 0 ? s.length : next;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element (depth first) for which `test` holds. */
export function findAll(root: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (test(e)) out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(root);
  return out;
}

/** All text under an element, concatenated. */
export function textOf(e: XmlElement): string {
  return e.text + e.children.map(textOf).join('');
}

/** [r, g, b] of a `#rrggbb` colour. */
export function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

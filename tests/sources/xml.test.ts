import { describe, expect, it } from 'vitest';
import { childOf, findAll, parseXml, pathOf, textAt, XmlSyntaxError } from '../../src/sources/xml.ts';

describe('parseXml', () => {
  it('parseXml reads elements, attributes, text, entities, CDATA and element lines', () => {
    const root = parseXml(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- a comment -->',
        '<r:record path="/0000-0002-1825-0097" xmlns:r="urn:r" xmlns:c="urn:c">',
        '  <c:name>Cr&#233;teil &amp; Paris &lt;FR&gt;</c:name>',
        "  <c:empty a='1'/>",
        '  <c:data><![CDATA[<not a tag> & raw]]></c:data>',
        '</r:record>',
      ].join('\n'),
    );
    expect(root.name).toBe('r:record');
    expect(root.local).toBe('record');
    expect(root.line).toBe(3);
    expect(root.attributes.path).toBe('/0000-0002-1825-0097');
    expect(root.children.map((c) => [c.local, c.line])).toEqual([
      ['name', 4],
      ['empty', 5],
      ['data', 6],
    ]);
    expect(textAt(root, 'name')).toBe('Créteil & Paris <FR>');
    expect(childOf(root, 'empty')?.attributes.a).toBe('1');
    expect(textAt(root, 'empty')).toBeNull();
    expect(textAt(root, 'data')).toBe('<not a tag> & raw');
  });

  it('parseXml counts lines inside multi-line tags, comments and text', () => {
    const root = parseXml('<a>\n<!--\n\n-->\n<b\n  x="1"\n/>\n\n<c>t\nu</c><d/></a>');
    expect(root.children.map((c) => `${c.local}@${c.line}`)).toEqual(['b@5', 'c@9', 'd@10']);
  });

  it('parseXml throws XmlSyntaxError with the line of the fault', () => {
    const cases: [string, number][] = [
      ['<a>\n<b>\n</c>\n</a>', 3],
      ['<a>\n<b>', 2],
      ['<a>&nbsp;</a>', 1],
      ['<a></a>\n<b/>', 2],
      ['<!DOCTYPE a><a/>', 1],
      ['', 1],
    ];
    for (const [text, line] of cases) {
      let caught: unknown;
      try {
        parseXml(text);
      } catch (error) {
        caught = error;
      }
      expect(caught, text).toBeInstanceOf(XmlSyntaxError);
      expect((caught as XmlSyntaxError).line, text).toBe(line);
    }
  });
});

describe('findAll', () => {
  it('findAll returns matches in document order without descending into them', () => {
    const root = parseXml('<r><g><x id="1"><x id="inner"/></x></g><x id="2"/><y><z><x id="3"/></z></y></r>');
    expect(findAll(root, new Set(['x'])).map((e) => e.attributes.id)).toEqual(['1', '2', '3']);
    expect(pathOf(root, 'y', 'z', 'x')?.attributes.id).toBe('3');
    expect(pathOf(root, 'y', 'nope', 'x')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { OptionError } from '../../src/errors.ts';
import { resultRows, toHtmlTable } from '../../src/display/table.ts';
import { COMMUNITIES, RAI, TOP } from './fixtures.ts';
import { findAll, parseXml, textOf } from './xml.ts';

const cellsOf = (html: string) =>
  findAll(parseXml(html), (e) => e.name === 'tr' && e.children.some((c) => c.name === 'td')).map((tr) => tr.children.map(textOf));

describe('toHtmlTable', () => {
  it('toHtmlTable escapes < and & in names, captions and headers', () => {
    const html = toHtmlTable([{ 'a<b': '<script>x</script> & y' }], { caption: 'x < y' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; y');
    expect(html).toContain('<th style="text-align:left">a&lt;b</th>');
    expect(html).toContain('x &lt; y');
    parseXml(html);
  });

  it('toHtmlTable sorts a NodeMeasure largest first, formats numbers without locale and shows null as –', () => {
    const html = toHtmlTable({ Boston: 4200, Beijing: 9300.5, Shenzhen: null, Paris: 0.12345 }, { valueName: 'inflow', digits: 2 });
    expect(cellsOf(html)).toEqual([
      ['Beijing', '9,300.50'],
      ['Boston', '4,200.00'],
      ['Paris', '0.12'],
      ['Shenzhen', '–'],
    ]);
    expect(html).toContain('>inflow</th>');
  });

  it('toHtmlTable keeps integer columns as integers', () => {
    expect(cellsOf(toHtmlTable([{ n: 1200 }, { n: 3 }]))).toEqual([['1,200'], ['3']]);
  });

  it('toHtmlTable shows the first `limit` rows and counts the rest', () => {
    const html = toHtmlTable({ a: 3, b: 2, c: 1 }, { limit: 2 });
    expect(cellsOf(html)).toHaveLength(3); // 2 rows + the footer row
    expect(html).toContain('… 1 more row (3 in all)');
  });

  it('toHtmlTable rejects unknown options and inputs', () => {
    expect(() => toHtmlTable({ a: 1 }, { limt: 3 } as never)).toThrow(OptionError);
    expect(() => toHtmlTable({ a: 1 }, { digits: -1 })).toThrow(OptionError);
    expect(() => toHtmlTable('text' as never)).toThrow(OptionError);
  });
});

describe('resultRows', () => {
  it('resultRows spreads an RaiResult wide (place × discipline) or long', () => {
    expect(resultRows(RAI)[0]).toEqual({ place: 'Shenzhen', 'Computer Science': 2, Medicine: 0.5, Neuroscience: 1 });
    expect(resultRows(RAI)[2]).toEqual({ place: 'A<B', 'Computer Science': null, Medicine: null, Neuroscience: null });
    expect(resultRows(RAI, { layout: 'long' })).toHaveLength(6);
  });

  it('resultRows lists TopFlows by destination and rank, and communities with their members', () => {
    expect(resultRows(TOP)).toEqual([
      { place: 'Hong Kong', rank: 1, source: 'Shenzhen', weight: 50, researchers: null },
      { place: 'Shenzhen', rank: 1, source: 'Guangzhou', weight: 3000, researchers: 2999 },
      { place: 'Shenzhen', rank: 2, source: 'Shanghai', weight: 100, researchers: 99 },
      { place: 'Shenzhen', rank: 3, source: 'Beijing', weight: 10, researchers: 9 },
    ]);
    expect(resultRows(COMMUNITIES)[0]).toEqual({
      community: 0,
      label: 'Shenzhen – Hong Kong',
      size: 2,
      dominantCountry: 'CN',
      dominantCountryShare: 0.75,
      members: 'Shenzhen, Hong Kong',
    });
  });

  it('resultRows keeps the column order of an exports table', () => {
    const rows = resultRows({ columns: ['place', 'net_inflow'], rows: [{ net_inflow: -5, place: 'Beijing', extra: 1 }] });
    expect(rows).toEqual([{ place: 'Beijing', net_inflow: -5 }]);
    expect(Object.keys(rows[0]!)).toEqual(['place', 'net_inflow']);
  });

  it('resultRows reads an arquero table', () => {
    const t = aq.table({ place: ['Beijing', 'Boston'], pagerank: [0.2, 0.1] });
    expect(resultRows(t)).toEqual([
      { place: 'Beijing', pagerank: 0.2 },
      { place: 'Boston', pagerank: 0.1 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { asHtml, asMarkdown, asSvg } from '../../src/display/jupyter.ts';

const bundle = (x: object) => (x as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]!();

describe('asSvg', () => {
  it('asSvg gives the notebook an image/svg+xml bundle and stays the string elsewhere', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const d = asSvg(svg);
    expect(bundle(d)['image/svg+xml']).toBe(svg);
    expect(String(d)).toBe(svg);
    expect(`${d}`).toBe(svg);
  });
});

describe('asHtml', () => {
  it('asHtml and asMarkdown give text/html and text/markdown bundles', () => {
    expect(bundle(asHtml('<b>x</b>'))['text/html']).toBe('<b>x</b>');
    expect(bundle(asMarkdown('**x**'))['text/markdown']).toBe('**x**');
  });
});

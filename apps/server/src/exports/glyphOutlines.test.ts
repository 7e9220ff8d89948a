import { describe, expect, it } from 'vitest';
import { outlineText } from './glyphOutlines';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><defs><marker id="flecha"/></defs>${body}</svg>`;

describe('outlineText', () => {
  it('draws each letter as a use of a glyph outlined once', () => {
    const out = outlineText(svg(`<text x="10" y="20" font-size="13" fill="#3A2204">aaaa bbbb</text>`));
    expect(out).not.toContain('<text');
    // Two distinct glyphs (the space has no outline), eight letters.
    expect(out.match(/<path id="/g)).toHaveLength(2);
    expect(out.match(/<use /g)).toHaveLength(8);
    expect(out).toContain('<g fill="#3A2204">');
    expect(out).toContain('<marker id="flecha"/>');
  });

  it('centres a middle-anchored line on its x, as the text would be', () => {
    const out = outlineText(svg(`<text x="100" y="20" text-anchor="middle" font-size="13" fill="#000">oo</text>`));
    const xs = [...out.matchAll(/<use [^>]*x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(2);
    const [first = 0, second = 0] = xs;
    // Symmetric about 100: the first glyph starts as far left as the second ends right.
    expect(first + (second - first) * 2).toBeCloseTo(200 - first, 0);
  });

  it('leaves a text the bundled faces cannot draw for the rasterizer, and unescapes entities', () => {
    const out = outlineText(svg(`<text x="0" y="10" font-size="12">水</text><text x="0" y="30" font-size="12" font-weight="700">&#60;A&#38;B&#62;</text>`));
    expect(out).toContain('<text x="0" y="10" font-size="12">水</text>');
    expect(out.match(/<use /g)).toHaveLength(5);
    expect(out).toContain('id="gb12-');
  });
});

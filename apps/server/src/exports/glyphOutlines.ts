import { create, type Font, type Glyph } from 'fontkit';
import { fontBytes } from './fonts';

/**
 * Text of a tree SVG as glyph outlines, for the PNG only (the SVG download keeps real `<text>`,
 * selectable and read by screen readers). resvg shapes and outlines every letter of every
 * `<text>` anew, about 50 µs each: 90,000 letters of a 1,500-node tree took 4 s before any pixel
 * was drawn. Here each distinct glyph is outlined once, as a `<path>` in `<defs>`, and every
 * letter is a `<use>` of it at the position the shaper would give it (advance plus pair kerning),
 * so resvg only parses and fills cached paths.
 */

interface Face {
  font: Font;
  id: string;
  glyphs: Map<number, Glyph>;
  /** Kerning of a pair of characters, in font units. */
  kerns: Map<string, number>;
}

let faces: { regular: Face; bold: Face } | null = null;

function loadFaces(): { regular: Face; bold: Face } {
  if (!faces) {
    const bytes = fontBytes();
    const face = (buf: Buffer, id: string): Face => ({ font: create(buf), id, glyphs: new Map(), kerns: new Map() });
    faces = { regular: face(bytes.regular, 'r'), bold: face(bytes.bold, 'b') };
  }
  return faces;
}

/** A kerning cache never grows past this many pairs (a label of rare characters cannot bloat it). */
const MAX_PAIRS = 20_000;

/**
 * Lines the pair-by-pair layout would draw differently from a shaper: ligatures (f before a
 * letter), combining marks and scripts past Latin. They get fontkit's full shaping instead.
 */
const NEEDS_SHAPING = /f[a-zA-Z]|[^\u0020-\u024F\u2000-\u206F\u20AC]/u;

function glyphOf(face: Face, cp: number): Glyph {
  let g = face.glyphs.get(cp);
  if (!g) {
    g = face.font.glyphForCodePoint(cp);
    face.glyphs.set(cp, g);
  }
  return g;
}

function kerning(face: Face, a: string, b: string, advance: number): number {
  const key = a + b;
  let k = face.kerns.get(key);
  if (k === undefined) {
    k = (face.font.layout(key).positions[0]?.xAdvance ?? advance) - advance;
    if (face.kerns.size >= MAX_PAIRS) face.kerns.clear();
    face.kerns.set(key, k);
  }
  return k;
}

interface Placed {
  glyph: Glyph;
  /** Pen position before the glyph and the glyph's offset from it, in font units. */
  x: number;
  dx: number;
  dy: number;
}

/** Glyphs of one line and its advance, in font units; null when the font lacks a character. */
function layoutLine(face: Face, text: string): { placed: Placed[]; width: number } | null {
  const placed: Placed[] = [];
  let pen = 0;
  if (NEEDS_SHAPING.test(text)) {
    const run = face.font.layout(text);
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i] as Glyph;
      const pos = run.positions[i] ?? { xAdvance: glyph.advanceWidth, xOffset: 0, yOffset: 0 };
      if (glyph.id === 0) return null;
      placed.push({ glyph, x: pen, dx: pos.xOffset, dy: pos.yOffset });
      pen += pos.xAdvance;
    }
    return { placed, width: pen };
  }
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const glyph = glyphOf(face, ch.codePointAt(0) ?? 0);
    if (glyph.id === 0) return null;
    placed.push({ glyph, x: pen, dx: 0, dy: 0 });
    const next = chars[i + 1];
    pen += glyph.advanceWidth + (next === undefined ? 0 : kerning(face, ch, next, glyph.advanceWidth));
  }
  return { placed, width: pen };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (_m, dec?: string, hex?: string, name?: string) =>
    dec !== undefined ? String.fromCodePoint(Number(dec)) : hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name ?? ''] ?? ''),
  );

function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([\w:-]+)="([^"]*)"/g)) out.set(m[1] as string, m[2] as string);
  return out;
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const num = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * `svg` (from toTreeSvg) with every plain `<text>` drawn as `<use>`s of glyph outlines in the same
 * font, size, weight, colour and anchor. A text whose characters the bundled faces lack is left as
 * it was (resvg then falls back exactly as before).
 */
export function outlineText(svg: string): string {
  const { regular, bold } = loadFaces();
  const defs = new Map<string, string>();
  const body = svg.replace(TEXT, (whole, rawAttrs: string, content: string) => {
    const a = attributes(rawAttrs);
    const x = Number(a.get('x') ?? 0);
    const y = Number(a.get('y') ?? 0);
    const size = Number(a.get('font-size') ?? 16);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !(size > 0)) return whole;
    const weight = a.get('font-weight');
    const face = weight === '700' || weight === 'bold' ? bold : regular;
    const line = layoutLine(face, unescapeXml(content));
    if (!line) return whole;
    const scale = size / face.font.unitsPerEm;
    const anchor = a.get('text-anchor');
    const left = x - (anchor === 'middle' ? line.width / 2 : anchor === 'end' ? line.width : 0) * scale;
    const uses: string[] = [];
    for (const p of line.placed) {
      if (p.glyph.path.commands.length === 0) continue;
      const id = `g${face.id}${String(size).replace('.', '_')}-${p.glyph.id}`;
      if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${p.glyph.path.scale(scale, -scale).toSVG()}"/>`);
      uses.push(`<use href="#${id}" x="${num(left + (p.x + p.dx) * scale)}" y="${num(y - p.dy * scale)}"/>`);
    }
    return `<g fill="${a.get('fill') ?? '#000000'}">${uses.join('')}</g>`;
  });
  if (defs.size === 0) return body;
  const glyphs = [...defs.values()].join('');
  return body.includes('<defs>') ? body.replace('<defs>', `<defs>${glyphs}`) : body.replace(/<svg\b[^>]*>/, (root) => `${root}<defs>${glyphs}</defs>`);
}

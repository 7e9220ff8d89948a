/**
 * The part of fontkit (bundled with PDFKit, no published types) that the tree PNG uses to turn
 * text into glyph outlines (glyphOutlines.ts).
 */
declare module 'fontkit' {
  interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  interface Path {
    commands: PathCommand[];
    scale(sx: number, sy: number): Path;
    toSVG(): string;
  }
  interface Glyph {
    id: number;
    advanceWidth: number;
    path: Path;
  }
  interface GlyphPosition {
    xAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  interface Font {
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Buffer): Font;
}

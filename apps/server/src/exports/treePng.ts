import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts';
import { outlineText } from './glyphOutlines';
import { TREE_IMAGE_LIMITS, pngZoom } from './treeLimits';

/** Width and height of an SVG from its root element's attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? 0), height: Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? 0) };
}

/**
 * Rasterizes a tree SVG (from {@link toTreeSvg}) to PNG at twice its size (or `zoom`), for slides
 * and messages, or smaller when that would pass the caps of `TREE_IMAGE_LIMITS` (a poster-sized tree
 * still fits in a bounded amount of memory). Only the bundled Noto Sans is loaded, never system
 * fonts: the picture is the same on every machine and text still renders in an image without any
 * fonts installed. Text is drawn from glyph outlines taken once per glyph (glyphOutlines.ts): resvg
 * shaping every letter itself made a 1,500-node tree take 7 s.
 */
export function toTreePng(svg: string, zoom: number = TREE_IMAGE_LIMITS.pngZoom): Buffer {
  const { width, height } = svgSize(svg);
  let target = Math.max(1, Math.floor(width * pngZoom(width, height, zoom)));
  // Whole pixels: rounding the height up must not pass the pixel budget.
  while (target > 1 && target * Math.ceil((height * target) / width) > TREE_IMAGE_LIMITS.pngPixels) target--;
  const resvg = new Resvg(outlineText(svg), {
    fitTo: width > 0 ? { mode: 'width', value: target } : { mode: 'zoom', value: 2 },
    background: '#FFFFFF',
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts';

/**
 * Rasterizes a tree SVG (from {@link toTreeSvg}) to PNG at twice its size, for slides and
 * messages. Only the bundled Noto Sans is loaded, never system fonts: the picture is the same on
 * every machine and text still renders in an image without any fonts installed.
 */
export function toTreePng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#FFFFFF',
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

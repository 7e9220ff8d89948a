import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans, shipped as TTF files by the `@embedpdf/fonts-latin` npm package (SIL OFL 1.1), so
 * that PDFs and tree images render every Spanish accent identically on any machine, including a
 * slim container image with no system fonts at all.
 */
const fontDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-latin')), '..', 'fonts');

/** Family name inside the font files, for SVG `font-family`. */
export const FONT_FAMILY = 'Noto Sans';

/** Absolute paths of the regular and bold faces. */
export const FONT_FILES = {
  regular: join(fontDir, 'NotoSans-Regular.ttf'),
  bold: join(fontDir, 'NotoSans-Bold.ttf'),
} as const;

let cache: { regular: Buffer; bold: Buffer } | null = null;

/** The two faces' bytes, read once per process (every PDF embeds a subset of them). */
export function fontBytes(): { regular: Buffer; bold: Buffer } {
  cache ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return cache;
}

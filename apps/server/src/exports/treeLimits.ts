/**
 * Size caps of the problem-tree picture (docs/limits.md, "Exportaciones"). A tree of 1,500 causes
 * once became a 654,052 × 508 px PNG and 3.6 GiB of memory; now a tree too big for the diagram is
 * drawn as indented columns within these sides, and the PNG is scaled down to its pixel budget.
 */
export const TREE_IMAGE_LIMITS = {
  /** Widest and tallest SVG, in px (about an A0 poster at 200 dpi). */
  svgSide: 8192,
  /** The diagram (dagre) is used up to this many nodes; beyond, the compact columns. */
  diagramNodes: 150,
  /** Widest and tallest PNG, in px. */
  pngSide: 16_384,
  /**
   * Most pixels in a PNG: an A3 page at 300 dpi (3,508 × 4,961 px, ~70 MB of RGBA while it
   * renders). More pixels would print no sharper on the largest sheet a municipality prints, and
   * rasterizing time grows with them (a 1,500-node poster at 25 Mpx took ~2.5 s).
   */
  pngPixels: 3508 * 4961,
  /** Zoom of a PNG that fits the caps (twice the SVG, for slides). */
  pngZoom: 2,
} as const;

/** The zoom (at most `zoom`) that renders a `width` × `height` SVG as large as the PNG caps allow. */
export function pngZoom(width: number, height: number, zoom: number = TREE_IMAGE_LIMITS.pngZoom): number {
  const { pngSide, pngPixels } = TREE_IMAGE_LIMITS;
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(zoom, pngSide / w, pngSide / h, Math.sqrt(pngPixels / (w * h)));
}

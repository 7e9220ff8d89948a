/**
 * Text measuring for the tree diagram without loading a font at run time: advance widths of
 * Noto Sans (the face the PNG is rendered with), in thousandths of an em, for printable ASCII and
 * Latin-1. Other characters count as a wide-ish average so wrapping errs towards shorter lines.
 */

// prettier-ignore
const REGULAR = [
  260,269,408,646,572,831,732,225,300,300,551,572,268,322,268,372,572,572,572,572,572,572,572,572,572,572,268,268,572,572,572,434,
  899,639,650,632,730,556,519,728,741,339,273,619,524,907,760,781,605,781,622,549,556,731,600,930,586,566,572,329,372,329,572,444,
  281,561,615,480,615,564,344,615,618,258,258,534,258,935,618,605,615,615,413,479,361,618,508,786,529,510,470,380,551,380,572,
];
// prettier-ignore
const REGULAR_LATIN1 = [
  260,269,572,572,572,572,551,513,580,832,357,509,572,322,832,500,428,572,350,350,281,623,655,268,225,350,376,509,745,771,781,434,
  639,639,639,639,639,639,881,632,556,556,556,556,339,339,339,339,730,760,781,781,781,781,781,572,781,731,731,731,731,566,605,631,
  561,561,561,561,561,561,864,480,564,564,564,564,258,258,258,258,605,618,605,605,605,605,605,572,605,618,618,618,618,510,615,510,
];
/** Bold is about 6 % wider than regular across Latin text. */
const BOLD_FACTOR = 1.06;
const FALLBACK = 620;

/** Width of `text` in the same unit as `size` (px for SVG). */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const adv = c >= 32 && c < 127 ? REGULAR[c - 32] : c >= 160 && c < 256 ? REGULAR_LATIN1[c - 160] : FALLBACK;
    w += adv ?? FALLBACK;
  }
  return (w / 1000) * size * (bold ? BOLD_FACTOR : 1);
}

/**
 * Greedy word wrap to `maxWidth`, honouring explicit newlines; a word longer than a line is cut.
 * At most `maxLines` lines: the last one then ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, size: number, opts: { bold?: boolean; maxLines?: number } = {}): string[] {
  const bold = opts.bold ?? false;
  const fits = (s: string) => textWidth(s, size, bold) <= maxWidth;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const max = opts.maxLines ?? Infinity;
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1] ?? '';
  while (last.length > 0 && !fits(`${last}…`)) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

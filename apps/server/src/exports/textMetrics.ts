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

let lookups = 0;

/** Advance of one code point in thousandths of an em (regular face). */
function advance(c: number): number {
  lookups++;
  const adv = c >= 32 && c < 127 ? REGULAR[c - 32] : c >= 160 && c < 256 ? REGULAR_LATIN1[c - 160] : FALLBACK;
  return adv ?? FALLBACK;
}

const advanceOf = (ch: string | undefined) => advance(ch?.codePointAt(0) ?? 0);

/**
 * How many character advances were looked up in this process so far: tests read it to check that
 * wrapping does work proportional to the length of the text.
 */
export function advanceLookups(): number {
  return lookups;
}

/** Width of `text` in the same unit as `size` (px for SVG). */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += advanceOf(ch);
  return (w / 1000) * size * (bold ? BOLD_FACTOR : 1);
}

/**
 * Greedy word wrap to `maxWidth`, honouring explicit newlines; a word longer than a line is cut.
 * At most `maxLines` lines: the last one then ends with an ellipsis.
 *
 * Every character is measured once (widths add up as a line grows) and wrapping stops one line
 * past the limit, so the work is linear in the length of the text. Cutting a long word used to
 * re-measure prefix after prefix: a 4,000-character word took seconds of the event loop.
 */
export function wrapText(text: string, maxWidth: number, size: number, opts: { bold?: boolean; maxLines?: number } = {}): string[] {
  const factor = opts.bold ? BOLD_FACTOR : 1;
  // The same arithmetic as textWidth on integer sums, so a line that fits here fits there too.
  const fits = (units: number) => (units / 1000) * size * factor <= maxWidth;
  const max = opts.maxLines ?? Infinity;
  const space = advance(32);
  const lines: string[] = [];
  const full = () => lines.length > max;
  for (const para of text.split('\n')) {
    if (full()) break;
    let line = '';
    let lineUnits = 0;
    for (const word of para.split(/\s+/)) {
      if (word.length === 0) continue;
      if (full()) break;
      const chars = Array.from(word);
      const widths = chars.map(advanceOf);
      const wordUnits = widths.reduce((s, w) => s + w, 0);
      const joined = line ? lineUnits + space + wordUnits : wordUnits;
      if (fits(joined)) {
        line = line ? `${line} ${word}` : word;
        lineUnits = joined;
        continue;
      }
      if (line) lines.push(line);
      // Cut into the longest pieces that fit, at least one character each; the rest starts the next line.
      let start = 0;
      let pieceUnits = 0;
      let restUnits = wordUnits;
      for (let i = 0; i < chars.length && !fits(restUnits); i++) {
        const w = widths[i] ?? 0;
        if (i > start && !fits(pieceUnits + w)) {
          lines.push(chars.slice(start, i).join(''));
          restUnits -= pieceUnits;
          start = i;
          pieceUnits = 0;
          if (full() || fits(restUnits)) break;
        }
        pieceUnits += w;
      }
      line = chars.slice(start).join('');
      lineUnits = restUnits;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const last = Array.from(kept[max - 1] ?? '');
  const ellipsis = advance(0x2026);
  let units = last.reduce((s, ch) => s + advanceOf(ch), 0);
  while (last.length > 0 && !fits(units + ellipsis)) units -= advanceOf(last.pop());
  kept[max - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

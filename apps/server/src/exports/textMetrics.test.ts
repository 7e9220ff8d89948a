import { describe, expect, it } from 'vitest';
import { advanceLookups, textWidth, wrapText } from './textMetrics';

describe('wrapText', () => {
  it('wraps at word boundaries within the width', () => {
    const lines = wrapText('Falta de vigilancia y de cámaras conectadas al centro de mando', 150, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('Falta de vigilancia y de cámaras conectadas al centro de mando');
  });

  it('keeps explicit line breaks and cuts words longer than a line', () => {
    expect(wrapText('uno\ndos', 500, 13)).toEqual(['uno', 'dos']);
    const cut = wrapText('x'.repeat(80), 100, 13);
    expect(cut.join('')).toBe('x'.repeat(80));
    for (const l of cut) expect(textWidth(l, 13)).toBeLessThanOrEqual(100);
  });

  it('ends with an ellipsis beyond the line limit', () => {
    const lines = wrapText('palabra '.repeat(60), 120, 13, { maxLines: 3 });
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
  });
});

/** The wrap as first written (prefix after prefix re-measured): the reference for small inputs. */
function naiveWrap(text: string, maxWidth: number, size: number, opts: { bold?: boolean; maxLines?: number } = {}): string[] {
  const fits = (s: string) => textWidth(s, size, opts.bold ?? false) <= maxWidth;
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

describe('wrapText work', () => {
  const lookupsFor = (text: string, maxLines?: number) => {
    const before = advanceLookups();
    wrapText(text, 172, 13, { maxLines });
    return advanceLookups() - before;
  };

  it('measures each character of a long word a bounded number of times (linear, not quadratic)', () => {
    for (const n of [1000, 4000, 16000]) {
      // The whole word wrapped, every line kept: at most a few lookups per character.
      expect(lookupsFor('x'.repeat(n))).toBeLessThanOrEqual(3 * n + 10);
    }
  });

  it('stops measuring once the line limit is passed', () => {
    expect(lookupsFor('palabra '.repeat(5000), 8)).toBeLessThan(2000);
    // A single word is measured once, whole, then cut.
    expect(lookupsFor('w'.repeat(40_000), 8)).toBeLessThanOrEqual(40_000 + 100);
  });

  it('wraps exactly as the prefix-by-prefix reference', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const alphabet = 'aW iñ.M\nlÁx—';
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: rand(120) }, () => alphabet[rand(alphabet.length)]).join('');
      const width = 20 + rand(200);
      const opts = { bold: rand(2) === 1, maxLines: rand(3) === 0 ? undefined : 1 + rand(6) };
      expect(wrapText(text, width, 13, opts), JSON.stringify({ text, width, opts })).toEqual(naiveWrap(text, width, 13, opts));
    }
  });
});

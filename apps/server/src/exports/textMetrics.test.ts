import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './textMetrics';

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

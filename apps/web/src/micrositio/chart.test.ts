import { describe, expect, it } from 'vitest';
import { barWidth, formatPercent, statusCounts } from './chart';

describe('tablero numbers', () => {
  it('writes percentages with one decimal at most, never a false 100 %', () => {
    expect(formatPercent(47.26, 'es-MX')).toBe('47.3 %');
    expect(formatPercent(50, 'es-MX')).toBe('50 %');
    expect(formatPercent(99.97, 'es-MX')).toBe('99.9 %');
    expect(formatPercent(0.01, 'en-US')).toBe('0.1 %');
  });

  it('clamps bars to the track', () => {
    expect(barWidth(120)).toBe('100%');
    expect(barWidth(-3)).toBe('0%');
    expect(barWidth(33.333)).toBe('33.3%');
  });

  it('counts statuses in the domain order, without the empty ones', () => {
    expect(statusCounts(['concluida', 'no_iniciada', 'concluida', 'en_proceso'])).toEqual([
      { status: 'no_iniciada', count: 1 },
      { status: 'en_proceso', count: 1 },
      { status: 'concluida', count: 2 },
    ]);
  });
});

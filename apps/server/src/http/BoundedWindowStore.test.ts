import type { Options } from 'express-rate-limit';
import { describe, expect, it } from 'vitest';
import { BoundedWindowStore } from './BoundedWindowStore';

const WINDOW = 1000;

function store(maxKeys: number) {
  let now = 0;
  const s = new BoundedWindowStore(maxKeys, 'p:', () => now);
  s.init({ windowMs: WINDOW } as Options);
  return { s, advance: (ms: number) => (now += ms) };
}

describe('BoundedWindowStore', () => {
  it('counts hits per key within a window, and starts over when the window ends', () => {
    const { s, advance } = store(10);
    expect(s.increment('a').totalHits).toBe(1);
    expect(s.increment('a').totalHits).toBe(2);
    expect(s.increment('b').totalHits).toBe(1);
    s.decrement('a');
    expect(s.get('a')?.totalHits).toBe(1);
    advance(WINDOW);
    expect(s.get('a')).toBeUndefined();
    expect(s.increment('a')).toEqual({ totalHits: 1, resetTime: new Date(2 * WINDOW) });
  });

  it('never holds more than maxKeys keys, forgetting the oldest window first', () => {
    const { s, advance } = store(3);
    for (const k of ['a', 'b', 'c']) {
      s.increment(k);
      advance(1);
    }
    s.increment('c');
    for (let i = 0; i < 1000; i++) s.increment(`k${i}`);
    expect(s.size).toBe(3);
    expect(s.get('a')).toBeUndefined();
  });

  it('drops expired keys as new ones arrive, without a timer', () => {
    const { s, advance } = store(100);
    for (let i = 0; i < 50; i++) s.increment(`k${i}`);
    advance(WINDOW);
    s.increment('new');
    expect(s.size).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

describe('safeNext', () => {
  it('returns to a path of this site', () => {
    expect(safeNext('?next=%2Fmesas%2Fabc123')).toBe('/mesas/abc123');
  });

  it('never leaves the site, nor loops back to sign-in', () => {
    for (const s of ['', '?next=https://evil.example', '?next=//evil.example', '?next=/\\evil.example', '?next=/entrar']) expect(safeNext(s)).toBe('/');
  });
});

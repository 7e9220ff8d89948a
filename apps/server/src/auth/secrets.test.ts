import { describe, expect, it } from 'vitest';
import { digest, newSecret, sameSecret } from './secrets';

describe('secrets', () => {
  it('are 256-bit base64url strings, never the same twice', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
  });

  it('are stored as their SHA-256', () => {
    expect(digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compare equal only when equal, whatever the lengths, and never when missing', () => {
    expect(sameSecret('token-1', 'token-1')).toBe(true);
    expect(sameSecret('token-1', 'token-2')).toBe(false);
    expect(sameSecret('token-1', 'token-12')).toBe(false);
    expect(sameSecret(undefined, 'x')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret(null, null)).toBe(false);
  });
});

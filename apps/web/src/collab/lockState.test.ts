import { describe, expect, it } from 'vitest';
import { isReadOnly, parseLockMessage } from './lockState';

describe('parseLockMessage', () => {
  it('reads locked and unlocked, ignores the rest', () => {
    expect(parseLockMessage('{"type":"locked","version":2}')).toBe(true);
    expect(parseLockMessage('{"type":"unlocked"}')).toBe(false);
    expect(parseLockMessage('{"type":"saved","id":3}')).toBeNull();
    expect(parseLockMessage('not json')).toBeNull();
    expect(parseLockMessage('null')).toBeNull();
  });
});

describe('isReadOnly', () => {
  it('follows the commitment without a lock message', () => {
    expect(isReadOnly(true, 100, null)).toBe(false);
    expect(isReadOnly(false, 100, null)).toBe(true);
  });

  it('lets a lock message newer than the load win', () => {
    expect(isReadOnly(true, 100, { locked: true, at: 150 })).toBe(true);
    expect(isReadOnly(false, 100, { locked: false, at: 150 })).toBe(false);
  });

  it('lets a load started after the message win', () => {
    expect(isReadOnly(true, 200, { locked: true, at: 150 })).toBe(false);
  });
});

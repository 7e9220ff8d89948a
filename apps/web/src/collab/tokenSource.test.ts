import { describe, expect, it, vi } from 'vitest';
import { tokenSource, type IssuedToken } from './tokenSource';

const at = (ms: number) => new Date(ms).toISOString();

describe('tokenSource', () => {
  it('keeps the current token until it is about to expire', async () => {
    const renew = vi.fn<() => Promise<IssuedToken>>();
    const get = tokenSource({ token: 'a', expiresAt: at(100_000) }, renew, { now: () => 0 });
    expect(await get()).toBe('a');
    expect(renew).not.toHaveBeenCalled();
  });

  it('renews once for concurrent callers and reports the renewed answer', async () => {
    let resolve: (t: IssuedToken & { renewal: string }) => void = () => {};
    const renew = vi.fn(() => new Promise<IssuedToken & { renewal: string }>((r) => (resolve = r)));
    const onRenewed = vi.fn();
    const get = tokenSource({ token: 'a', expiresAt: at(10_000), renewal: 's1' }, renew, { now: () => 0, onRenewed });
    const both = Promise.all([get(), get()]);
    resolve({ token: 'b', expiresAt: at(900_000), renewal: 's2' });
    expect(await both).toEqual(['b', 'b']);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(onRenewed).toHaveBeenCalledWith(expect.objectContaining({ renewal: 's2' }));
    expect(await get()).toBe('b');
  });

  it('reports a failed renewal, tries again on the next call and says when it recovered', async () => {
    const renew = vi
      .fn<() => Promise<IssuedToken>>()
      .mockRejectedValueOnce(new Error('mesa_closed'))
      .mockResolvedValueOnce({ token: 'c', expiresAt: at(900_000) });
    const onFailure = vi.fn();
    const onRecovered = vi.fn();
    const get = tokenSource({ token: 'a', expiresAt: at(0) }, renew, { now: () => 0, onFailure, onRecovered });
    await expect(get()).rejects.toThrow('mesa_closed');
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(await get()).toBe('c');
    expect(onRecovered).toHaveBeenCalledTimes(1);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormToken } from '@chiudete/types';
import { createFormTokenKeeper } from './form-token';

/** Tokens `t1`, `t2`… issued now, valid an hour, with the given minimum fill time. */
function issuer(minFillSeconds = 0) {
  let count = 0;
  return vi.fn(async (): Promise<FormToken> => ({ token: `t${++count}`, minFillSeconds, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
}

describe('createFormTokenKeeper', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for the form\'s token when the reader starts filling it in, and spends it on one attempt', async () => {
    const fetchToken = issuer();
    const keeper = createFormTokenKeeper('contact', fetchToken);
    expect(await keeper.startFilling()).toBe(true);
    expect(fetchToken).toHaveBeenCalledWith('contact');
    expect(await keeper.take()).toBe('t1');
    // Spent: the next attempt asks for another.
    expect(await keeper.take()).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('waits out the minimum fill time, counted from the token\'s arrival', async () => {
    const keeper = createFormTokenKeeper('testimony', issuer(5));
    await keeper.startFilling();
    await vi.advanceTimersByTimeAsync(3000);
    let token: string | null | undefined;
    void keeper.take().then((value) => (token = value));
    await vi.advanceTimersByTimeAsync(2000);
    expect(token).toBeUndefined();
    await vi.advanceTimersByTimeAsync(600);
    expect(token).toBe('t1');
  });

  it('replaces a token about to expire', async () => {
    const fetchToken = vi.fn(async (): Promise<FormToken> => ({ token: `t${fetchToken.mock.calls.length}`, minFillSeconds: 0, expiresAt: new Date(Date.now() + 30_000).toISOString() }));
    const keeper = createFormTokenKeeper('contact', fetchToken);
    await keeper.startFilling();
    expect(await keeper.take()).toBe('t2');
  });

  it('gives null when no token can be had, and tries again on the next attempt', async () => {
    const fetchToken = vi.fn<(form: string) => Promise<FormToken>>().mockRejectedValueOnce(new Error('502')).mockRejectedValueOnce(new Error('502'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const keeper = createFormTokenKeeper('contact', fetchToken);
    expect(await keeper.startFilling()).toBe(false);
    expect(await keeper.take()).toBeNull();
    fetchToken.mockResolvedValue({ token: 'ok', minFillSeconds: 0, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await keeper.take()).toBe('ok');
  });
});

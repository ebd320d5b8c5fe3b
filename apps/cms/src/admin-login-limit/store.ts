import { createHmac } from 'node:crypto';
import { Stores, type StoreOptions } from 'koa2-ratelimit';
import type { AntiAbuseContext } from '../api/anti-abuse/lib/context';

/**
 * The counters of Strapi's admin login limiter (koa2-ratelimit, on login,
 * registration and the password reset), kept in the anti-abuse store: Redis
 * when REDIS_URL is set, so every instance counts the same attempts; this
 * instance's bounded memory (an LRU) otherwise.
 *
 * koa2-ratelimit's own default is a MemoryStore that is one plain object per
 * process, shared by every Strapi in it, and walked whole on every attempt:
 * five instances gave an attacker five times the attempts, and a spray of
 * invented e-mails made each login slower.
 *
 * The limiter's key holds the e-mail typed and the client's address; the
 * store only ever sees its HMAC.
 */
export class AdminLoginAttempts extends Stores.Store {
  /** `context` is read on each attempt: the Strapi instance's anti-abuse store, created on first use. */
  constructor(private readonly context: () => AntiAbuseContext) {
    super();
  }

  /**
   * One more attempt under `key`. Strapi sets no `weight` option, so
   * koa2-ratelimit always passes 1; a larger weight counts as that many
   * attempts.
   */
  async incr(key: string, options: StoreOptions, weight: number): Promise<{ counter: number; dateEnd: number }> {
    const { store, config } = this.context();
    const counterKey = `rl:admin-login:${createHmac('sha256', config.ipHashKey).update(key).digest('hex')}`;
    let result = await store.increment(counterKey, options.interval);
    for (let added = 1; added < weight; added++) result = await store.increment(counterKey, options.interval);
    return { counter: result.count, dateEnd: Date.now() + result.resetInMs };
  }

  /**
   * Only called with koa2-ratelimit's `skipFailedRequests`, which Strapi
   * does not set: a refused login must count. The store's counters only go
   * up, so there is nothing to take back.
   */
  decrement(): void {}

  /** koa2-ratelimit's hook to record abuse; Strapi's handler answers 429 and the request log shows it. */
  saveAbuse(): void {}
}

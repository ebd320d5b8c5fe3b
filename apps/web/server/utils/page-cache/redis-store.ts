import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PageEntry, PageMeta } from './entry';
import { pathOfUrl, purgeMatcher, type PageStore } from './store';

/**
 * The page cache in Redis, shared by every instance of the site: one hash
 * per page, `<prefix>:page:v<format>:<path>:<url hash>` with the fields `meta` (JSON)
 * and one per encoding, so a hit fetches only the bytes it sends. The path
 * is in the key (percent-encoded: no `:`) so a purge finds every variant.
 * `<prefix>:purge:last` holds the time of the latest purge.
 */
const encodePath = (path: string) => encodeURIComponent(path).replace(/\./g, '%2E');

/**
 * The format of what an entry holds, in its key: entries stored by an older
 * release (before the CSP's script hashes were kept with each page, say)
 * are never read by a newer one. Bump it when an entry's content changes.
 */
const ENTRY_FORMAT = 2;

export function redisPageStore(redis: Redis, prefix: string): PageStore {
  const pagePrefix = `${prefix}:page:v${ENTRY_FORMAT}:`;
  const purgeKey = `${prefix}:purge:last`;
  const keyOf = (url: string) =>
    `${pagePrefix}${encodePath(pathOfUrl(url))}:${createHash('sha256').update(url).digest('base64url').slice(0, 22)}`;
  const pathOfKey = (key: string): string | null => {
    const encoded = key.slice(pagePrefix.length, key.lastIndexOf(':'));
    try {
      return decodeURIComponent(encoded);
    } catch {
      return null;
    }
  };
  const lastPurge = async () => Number(await redis.get(purgeKey)) || 0;

  return {
    kind: 'redis',
    async get(url, encoding) {
      const [meta, body] = await redis.hmgetBuffer(keyOf(url), 'meta', encoding);
      if (!meta || !body) return undefined;
      return { ...(JSON.parse(meta.toString('utf8')) as PageMeta), encoding, body };
    },
    async set(url, entry: PageEntry, { retainSeconds, renderStartedAt }) {
      if ((await lastPurge()) >= renderStartedAt) return false;
      const { bodies, ...meta } = entry;
      const key = keyOf(url);
      await redis.multi().del(key).hset(key, { meta: JSON.stringify(meta), ...bodies }).pexpire(key, retainSeconds * 1000).exec();
      // A purge between the check and the write must still win.
      if ((await lastPurge()) >= renderStartedAt) {
        await redis.del(key);
        return false;
      }
      return true;
    },
    async purge(purge, { retainSeconds, now = Date.now() }) {
      await redis.set(purgeKey, String(now), 'PX', Math.max(retainSeconds, 60) * 1000);
      const matches = purgeMatcher(purge);
      const removed = new Set<string>();
      const pattern = `${pagePrefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      for await (const keys of redis.scanStream({ match: pattern, count: 1000 }) as AsyncIterable<string[]>) {
        const doomed = keys.filter((key) => {
          const path = pathOfKey(key);
          if (path === null || !matches(path)) return false;
          removed.add(path);
          return true;
        });
        if (doomed.length > 0) await redis.unlink(...doomed);
      }
      return [...removed].sort();
    },
    async close() {
      // The connection belongs to the caller (shared with the other caches).
    },
  };
}

import { Redis } from 'ioredis';

/**
 * The Redis server of the tests: `TEST_REDIS_URL` (default
 * redis://127.0.0.1:6379). Returns a connected client, or undefined after a
 * loud SKIPPING message when Redis does not answer; with `REQUIRE_REDIS=1`
 * (CI) a missing Redis fails the run instead.
 */
export const testRedisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export async function testRedis(): Promise<Redis | undefined> {
  const client = new Redis(testRedisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  try {
    await client.connect();
    if ((await client.ping()) === 'PONG') return client;
    throw new Error('no PONG');
  } catch (error) {
    client.disconnect();
    const problem = error instanceof Error ? error.message : String(error);
    if (process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but Redis at ${testRedisUrl} does not answer (${problem}): the Redis tests cannot be skipped.`, { cause: error });
    const reason = `Redis at ${testRedisUrl} does not answer (${problem}): SKIPPING the Redis tests of the site.`;
    console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
    return undefined;
  }
}

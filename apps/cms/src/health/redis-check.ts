import { once } from 'node:events';
import { Redis } from 'ioredis';

/**
 * A Redis connection of the readiness probe's own, so that the probe tells
 * whether Redis answers now (the anti-abuse store falls back to memory and
 * the API cache does without, by design: they would not say). Opened at the
 * first probe, reconnecting by itself; a command fails at once while it is
 * not connected (no offline queue), so a probe never waits for a dead Redis
 * longer than its timeout.
 */
export class RedisPing {
  private readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, connectTimeout: 1000, commandTimeout: 1000, maxRetriesPerRequest: 0 });
    // ioredis reports each failed reconnection as 'error': the probe's answer says it, not a crash.
    this.client.on('error', () => {});
  }

  async ping(): Promise<void> {
    if (this.client.status === 'wait') void this.client.connect().catch(() => {});
    if (this.client.status !== 'ready') await once(this.client, 'ready');
    const answer = await this.client.ping();
    if (answer !== 'PONG') throw new Error(`Redis answered ${answer} to PING`);
  }

  close(): void {
    this.client.disconnect();
  }
}

// unstorage ships with Nitro (its Redis driver and ioredis come with it) but is
// not a direct dependency of this app, so TypeScript does not find its types
// from here; Nitro's bundler does. The part of the driver's API used by
// server/plugins/page-cache.ts:
declare module 'unstorage/drivers/redis' {
  export interface RedisDriverOptions {
    url: string;
    base?: string;
    /** Default expiry of the keys, seconds. */
    ttl?: number;
    [ioredisOption: string]: unknown;
  }
  export interface RedisDriver {
    /** The ioredis client (created on first call). */
    getInstance(): { on(event: 'error', listener: (error: Error) => void): unknown };
  }
  const redisDriver: (options: RedisDriverOptions) => RedisDriver;
  export default redisDriver;
}

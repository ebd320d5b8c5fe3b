import type { Core } from '@strapi/strapi';
import { loadAntiAbuseConfig, type AntiAbuseConfig } from './config';
import { FallbackStore, MemoryStore, RedisStore, type AntiAbuseStore } from './store';

/**
 * One configuration and one store per Strapi instance: created on first
 * use (the Redis connection on its first command), closed by the
 * `anti-abuse` API's destroy hook (src/api/anti-abuse/index.ts).
 */
export interface AntiAbuseContext {
  config: AntiAbuseConfig;
  store: AntiAbuseStore;
}

const contexts = new WeakMap<Core.Strapi, AntiAbuseContext>();

function createStore(config: AntiAbuseConfig, strapi: Core.Strapi): AntiAbuseStore {
  const memory = new MemoryStore();
  if (!config.redis.url) return memory;
  const redis = new RedisStore({ url: config.redis.url, keyPrefix: config.redis.keyPrefix });
  return new FallbackStore(redis, memory, (message) => strapi.log.warn(message));
}

export function antiAbuseContext(strapi: Core.Strapi): AntiAbuseContext {
  let context = contexts.get(strapi);
  if (!context) {
    const config = loadAntiAbuseConfig(process.env);
    context = { config, store: createStore(config, strapi) };
    contexts.set(strapi, context);
  }
  return context;
}

export async function closeAntiAbuseContext(strapi: Core.Strapi): Promise<void> {
  const context = contexts.get(strapi);
  contexts.delete(strapi);
  await context?.store.close();
}

import type { Core } from '@strapi/strapi';
import { loadAntiAbuseConfig, type AntiAbuseConfig } from './config';
import { FallbackStore, MemoryStore, RedisStore, type AntiAbuseStore } from './store';
import { ApiTokenVerifier } from './token-verifier';

/**
 * One configuration and one store per Strapi instance: created on first
 * use (the Redis connection on its first command), closed by the
 * `anti-abuse` API's destroy hook (src/api/anti-abuse/index.ts).
 */
export interface AntiAbuseContext {
  config: AntiAbuseConfig;
  store: AntiAbuseStore;
  /** Which bearer tokens are real API tokens (src/middlewares/read-rate-limit.ts). */
  tokens: ApiTokenVerifier;
}

const contexts = new WeakMap<Core.Strapi, AntiAbuseContext>();

function createStore(config: AntiAbuseConfig, strapi: Core.Strapi): AntiAbuseStore {
  const memory = new MemoryStore({ maxCounters: config.memory.maxCounters, maxMarkers: config.memory.maxUsedChallenges });
  if (!config.redis.url) return memory;
  const redis = new RedisStore({ url: config.redis.url, keyPrefix: config.redis.keyPrefix });
  return new FallbackStore(redis, memory, (message) => strapi.log.warn(message));
}

interface TokenRow {
  kind?: string | null;
  expiresAt?: string | Date | null;
}

/** Strapi's own test of a content-API token (its `content-api-token` strategy): it exists, is of that kind, and has not expired. */
function tokenLookup(strapi: Core.Strapi) {
  return async (token: string): Promise<boolean> => {
    const tokens = strapi.service('admin::api-token') as unknown as { hash(accessKey: string): string };
    const row = (await strapi.db.query('admin::api-token').findOne({ where: { accessKey: tokens.hash(token) }, select: ['kind', 'expiresAt'] })) as TokenRow | null;
    if (!row || (row.kind != null && row.kind !== 'content-api')) return false;
    return row.expiresAt == null || new Date(row.expiresAt).getTime() > Date.now();
  };
}

export function antiAbuseContext(strapi: Core.Strapi): AntiAbuseContext {
  let context = contexts.get(strapi);
  if (!context) {
    const config = loadAntiAbuseConfig(process.env);
    context = { config, store: createStore(config, strapi), tokens: new ApiTokenVerifier(tokenLookup(strapi)) };
    contexts.set(strapi, context);
  }
  return context;
}

export async function closeAntiAbuseContext(strapi: Core.Strapi): Promise<void> {
  const context = contexts.get(strapi);
  contexts.delete(strapi);
  await context?.store.close();
}

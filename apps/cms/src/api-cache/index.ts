import type { Core } from '@strapi/strapi';
import { onContentChange } from '../content-events';
import { onApiTokenChange } from '../api-tokens/changes';
import { PUBLIC_READABLE_TYPES } from '../bootstrap/public-permissions';
import { loadApiCacheConfig, type ApiCacheConfig } from './config';
import { MemoryApiCacheStore, RedisApiCacheStore, type ApiCacheStore } from './store';
import { changesPublicVersion, publicRouteMatcher, type ContentTypeRoute } from './rules';

export * from './config';
export * from './rules';
export type { CachedResponse } from './entry';

/**
 * The response cache of the public read API (`global::api-cache`,
 * src/middlewares/api-cache.ts): one configuration and one store per Strapi
 * instance, created on first use; null when API_CACHE_TTL_SECONDS=0.
 */
export interface ApiCache {
  config: ApiCacheConfig;
  store: ApiCacheStore;
  /** Whether a path is one of the public read routes. */
  isPublicRoute: (path: string) => boolean;
  purge(): Promise<void>;
}

/**
 * Where an instance keeps its cache: a property of the Strapi object under a
 * registry symbol, so that tests, which import this module's TypeScript
 * while Strapi runs its compiled copy, reach the same cache.
 */
const CACHE = Symbol.for('chiudete.api-cache');
type WithCache = Core.Strapi & { [CACHE]?: ApiCache | null };

function createStore(config: ApiCacheConfig, strapi: Core.Strapi): ApiCacheStore {
  const { maxBytes, maxEntryBytes, redis } = config;
  if (!redis.url) return new MemoryApiCacheStore({ maxBytes, maxEntryBytes });
  return new RedisApiCacheStore({ url: redis.url, keyPrefix: redis.keyPrefix, maxEntryBytes, warn: (message) => strapi.log.warn(message) });
}

function publicRoutes(strapi: Core.Strapi): ContentTypeRoute[] {
  return PUBLIC_READABLE_TYPES.map((uid) => {
    const { kind, info } = strapi.contentType(uid);
    return { kind, name: kind === 'singleType' ? info.singularName : info.pluralName };
  });
}

/**
 * Public read routes cached besides the content types': the Osservatorio's
 * aggregates (src/api/osservatorio), JSON computed from published
 * testimonies only, so every purge below covers them. (Its CSV is not JSON:
 * it is served from the Osservatorio's own figures, src/osservatorio.)
 */
const CACHED_EXTRA_PATHS = ['/osservatorio', '/osservatorio/download.json'];

export function apiCache(strapi: Core.Strapi): ApiCache | null {
  let cache = (strapi as WithCache)[CACHE];
  if (cache === undefined) {
    const config = loadApiCacheConfig(process.env);
    if (config.ttlSeconds === 0) {
      cache = null;
    } else {
      const store = createStore(config, strapi);
      const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
      const isContentRoute = publicRouteMatcher(prefix, publicRoutes(strapi));
      const extraPaths = new Set(CACHED_EXTRA_PATHS.map((path) => `${prefix}${path}`));
      cache = { config, store, isPublicRoute: (path) => isContentRoute(path) || extraPaths.has(path), purge: () => store.purge() };
    }
    (strapi as WithCache)[CACHE] = cache;
  }
  return cache;
}

/** Database models whose changes show in public responses without a content event: media (alt text, captions...) and who may read. */
const PURGING_MODELS = ['plugin::upload.file', 'plugin::users-permissions.permission', 'plugin::users-permissions.role'];

/**
 * Purges the cache whenever what the public API answers may have changed,
 * run in `bootstrap` after the seed. Everything goes at once (lists and
 * populated relations aggregate many entries), through the store's
 * generation, so a purge made by one instance holds for all of them with
 * Redis. Sources:
 * - the document service, right after a write that changes a public
 *   version commits (before the editor's request returns);
 * - the content events (src/content-events), after every commit, also for
 *   writes nested in a larger transaction;
 * - media library edits and deletions, public permission changes;
 * - API token changes (src/api-tokens/changes.ts): a revoked or regenerated
 *   token's cached answers are never served again;
 * - this start: the database may have changed while no instance ran.
 */
export async function registerApiCache(strapi: Core.Strapi): Promise<void> {
  const cache = apiCache(strapi);
  if (!cache) return;
  const purge = () => cache.purge();

  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (changesPublicVersion(context.uid, context.action, context.params as { status?: unknown } | undefined)) await purge();
    return result;
  });
  onContentChange(strapi, purge);
  strapi.db.lifecycles.subscribe({
    models: PURGING_MODELS,
    afterCreate: purge,
    afterCreateMany: purge,
    afterUpdate: purge,
    afterUpdateMany: purge,
    afterDelete: purge,
    afterDeleteMany: purge,
  });
  onApiTokenChange(strapi, purge);
  await cache.store.ready(3_000);
  await purge();
}

export async function closeApiCache(strapi: Core.Strapi): Promise<void> {
  const cache = (strapi as WithCache)[CACHE];
  (strapi as WithCache)[CACHE] = undefined;
  await cache?.store.close();
}

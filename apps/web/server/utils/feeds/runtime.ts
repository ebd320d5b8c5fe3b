import { createHash } from 'node:crypto';
import { createStrapiClient, type StrapiClient } from '@chiudete/types';
import type { H3Event } from 'h3';
import { loadFeedContent, loadSiteIndex } from './content';
import { FEED_MAX_AGE, feedEntries, feedUpdated, type FeedChannel, type FeedEntry } from './feed';

/**
 * The server half of the feeds and the sitemap source: the CMS client (the
 * site's server URL and read token), the CMS's data cached in memory for
 * `FEED_MAX_AGE` (stale-while-revalidate: a slow or failing CMS never makes a
 * crawler wait once the cache is warm), and the HTTP answer with its cache
 * headers.
 */

let shared: { key: string; client: StrapiClient } | undefined;

/** One client per CMS URL and token, for the process (the client is stateless). */
function cmsClient(event: H3Event): StrapiClient {
  const { strapiUrl, strapiToken } = useRuntimeConfig(event);
  const key = `${strapiUrl} ${strapiToken}`;
  if (shared?.key !== key) {
    shared = { key, client: createStrapiClient({ baseURL: strapiUrl, token: strapiToken || undefined, timeout: 10_000 }) };
  }
  return shared.client;
}

/** Relative `/uploads/...` paths of the CMS made absolute with its public origin (as `useMediaUrl` does in the app). */
export function serverMediaUrl(event: H3Event): (url: string) => string {
  const cmsUrl = useRuntimeConfig(event).public.cmsUrl.replace(/\/+$/, '');
  return (url) => (/^https?:\/\//i.test(url) ? url : `${cmsUrl}/${url.replace(/^\/+/, '')}`);
}

/** A CMS that does not answer is a 503 with Retry-After; the cause (with the CMS's URL) is logged only. */
function unavailable(event: H3Event, what: string) {
  return (cause: unknown): never => {
    console.error(`[${what}]`, cause instanceof Error ? cause.message : cause);
    setResponseHeader(event, 'retry-after', 60);
    throw createError({ status: 503, statusText: 'Service Unavailable', message: 'I contenuti del sito non sono raggiungibili in questo momento.' });
  };
}

const cacheOptions = { group: 'feeds', maxAge: FEED_MAX_AGE, swr: true } as const;

const cachedSiteIndex = defineCachedFunction((event: H3Event) => loadSiteIndex(cmsClient(event)), {
  ...cacheOptions,
  name: 'site-index',
  getKey: () => 'all',
});

const cachedFeedContent = defineCachedFunction((event: H3Event) => loadFeedContent(cmsClient(event)), {
  ...cacheOptions,
  name: 'feed-content',
  getKey: () => 'latest',
});

/** Every published page's slug and dates (the sitemap source). */
export function getSiteIndex(event: H3Event) {
  return cachedSiteIndex(event).catch(unavailable(event, 'sitemap'));
}

/** The feeds' channel and entries. */
export async function getFeedData(event: H3Event): Promise<{ channel: FeedChannel; entries: FeedEntry[] }> {
  const content = await cachedFeedContent(event).catch(unavailable(event, 'feeds'));
  const { siteUrl } = useRuntimeConfig(event).public;
  return {
    channel: { title: content.global.siteName, description: content.global.tagline, siteUrl },
    entries: feedEntries(content, { siteUrl, mediaUrl: serverMediaUrl(event) }),
  };
}

/**
 * Sends a feed with its content type, `Cache-Control` (public, `FEED_MAX_AGE`,
 * then stale while revalidating), `ETag` and `Last-Modified`; a conditional
 * request for an unchanged feed gets a bodiless 304.
 */
export function sendFeed(event: H3Event, body: string, contentType: string, entries: FeedEntry[]): string | null {
  setResponseHeader(event, 'content-type', contentType);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const updated = feedUpdated(entries);
  const fresh = handleCacheHeaders(event, {
    maxAge: FEED_MAX_AGE,
    cacheControls: [`stale-while-revalidate=${FEED_MAX_AGE * 6}`],
    etag,
    ...(updated.getTime() > 0 ? { modifiedTime: updated } : {}),
  });
  return fresh ? null : body;
}

import { createHash } from 'node:crypto';
import type { StrapiClient } from '@chiudete/types';
import { createReaderClient } from '../../../shared/utils/cms-reader-adapter';
import type { H3Event } from 'h3';
import { loadFeedContent, loadSiteIndex } from './content';
import { FEED_MAX_AGE, feedEntries, feedUpdated, type FeedChannel, type FeedEntry } from './feed';

/**
 * The server half of the feeds and the sitemap source: the typed client over
 * the request's CMS reader (the site's token and data cache; a failed read
 * marks the request degraded, so the page cache keeps nothing built from
 * it), and the HTTP answer with its cache headers.
 */

/** The typed client of this request, reading through the site's CMS reader. */
function cmsClient(event: H3Event): StrapiClient {
  const read = event.context.cms?.read;
  if (!read) throw new Error('The CMS reader is not installed (server/plugins/cms-reads.ts).');
  return createReaderClient(read, useRuntimeConfig().strapiUrl);
}

/** Relative `/uploads/...` paths of the CMS made absolute with its public origin (as `useMediaUrl` does in the app). */
export function serverMediaUrl(): (url: string) => string {
  const cmsUrl = useRuntimeConfig().public.cmsUrl.replace(/\/+$/, '');
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

/** Every published page's slug and dates (the sitemap source). */
export function getSiteIndex(event: H3Event) {
  return loadSiteIndex(cmsClient(event)).catch(unavailable(event, 'sitemap'));
}

/** The feeds' channel and entries. */
export async function getFeedData(event: H3Event): Promise<{ channel: FeedChannel; entries: FeedEntry[] }> {
  const content = await loadFeedContent(cmsClient(event)).catch(unavailable(event, 'feeds'));
  const { siteUrl } = useRuntimeConfig().public;
  return {
    channel: { title: content.global.siteName, description: content.global.tagline, siteUrl },
    entries: feedEntries(content, { siteUrl, mediaUrl: serverMediaUrl() }),
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

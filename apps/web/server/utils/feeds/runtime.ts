import { createHash } from 'node:crypto';
import type { H3Event } from 'h3';
import { cmsClientOf, cmsUnavailable, serverMediaUrl } from '../cms/request';
import { loadFeedContent } from './content';
import { FEED_MAX_AGE, feedEntries, feedUpdated, type FeedChannel, type FeedEntry } from './feed';

/** The feeds' channel and entries. */
export async function getFeedData(event: H3Event): Promise<{ channel: FeedChannel; entries: FeedEntry[] }> {
  const content = await loadFeedContent(cmsClientOf(event)).catch(cmsUnavailable(event, 'feeds'));
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

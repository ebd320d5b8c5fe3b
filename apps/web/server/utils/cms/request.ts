import type { StrapiClient } from '@chiudete/types';
import type { H3Event } from 'h3';
import { createReaderClient } from '../../../shared/utils/cms-reader-client';

/**
 * The typed CMS client of one request of the server's own routes (feeds,
 * sitemap): it reads through the request's CMS reader (the site's token and
 * data cache; a failed read marks the request degraded, so the page cache
 * keeps nothing built from it).
 */
export function cmsClientOf(event: H3Event, options: { timeoutMs?: number } = {}): StrapiClient {
  const read = event.context.cms?.read;
  if (!read) throw new Error('The CMS reader is not installed (server/plugins/cms-reads.ts).');
  return createReaderClient(read, useRuntimeConfig().strapiUrl, options.timeoutMs);
}

/** A CMS that does not answer is a 503 with Retry-After; the cause (with the CMS's URL) is logged only. */
export function cmsUnavailable(event: H3Event, what: string) {
  return (cause: unknown): never => {
    console.error(`[${what}]`, cause instanceof Error ? cause.message : cause);
    setResponseHeader(event, 'retry-after', 60);
    throw createError({ status: 503, statusText: 'Service Unavailable', message: 'I contenuti del sito non sono raggiungibili in questo momento.' });
  };
}

/** Relative `/uploads/...` paths of the CMS made absolute with its public origin (as `useMediaUrl` does in the app). */
export function serverMediaUrl(): (url: string) => string {
  const cmsUrl = useRuntimeConfig().public.cmsUrl.replace(/\/+$/, '');
  return (url) => (/^https?:\/\//i.test(url) ? url : `${cmsUrl}/${url.replace(/^\/+/, '')}`);
}

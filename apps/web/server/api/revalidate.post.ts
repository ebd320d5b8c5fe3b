import { affectedPages } from '../utils/page-cache/paths';
import { purgeProxies } from '../utils/page-cache/proxy-purge';
import { parseContentChange } from '../utils/page-cache/revalidation';
import { bearerToken, secretsMatch } from '../utils/preview/secret';
import { siteServices } from '../utils/site-services';

export interface RevalidateResult {
  /** The cached paths removed (all their query variants). */
  purged: string[];
  /** What the change affects: exact paths, path prefixes, or everything. */
  paths: string[];
  prefixes: string[];
  all: boolean;
  /** The caching proxies in front of the site: purged, or none configured. */
  proxy: 'purged' | 'none';
}

/**
 * Called by the CMS after every change to public content
 * (apps/cms/src/site-revalidation), with `Authorization: Bearer
 * <NUXT_REVALIDATE_SECRET>`: forgets every CMS answer the site read (the data
 * cache), purges exactly the pages that show the entry, here and in the
 * caching proxy in front (NUXT_PROXY_PURGE_URL). A proxy that cannot be
 * purged makes this a 502, so the CMS tries again.
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const { revalidateSecret } = useRuntimeConfig();
  if (!secretsMatch(bearerToken(getRequestHeader(event, 'authorization')), revalidateSecret)) {
    setResponseHeader(event, 'www-authenticate', 'Bearer realm="revalidate"');
    throw createError({
      status: 401,
      statusText: 'Unauthorized',
      message: revalidateSecret
        ? 'Send the shared secret as "Authorization: Bearer <NUXT_REVALIDATE_SECRET>".'
        : 'Revalidation is off: NUXT_REVALIDATE_SECRET is not set on the site.',
    });
  }

  let body: unknown;
  try {
    body = await readBody(event);
  } catch {
    throw createError({ status: 400, statusText: 'Bad Request', message: 'The body must be JSON: { "type", "action", "documentId", "slug" }.' });
  }
  const parsed = parseContentChange(body);
  if (!parsed.ok) {
    throw createError({ status: 400, statusText: 'Bad Request', message: `Invalid revalidation request: ${parsed.errors.join('; ')}.`, data: { errors: parsed.errors } });
  }

  const { cms, pages, settings } = siteServices();
  const purge = affectedPages(parsed.change);
  // The data first: a page rendered after its purge must read the new content.
  await cms.purge();
  const purged = pages ? await pages.purge(purge, { retainSeconds: settings.page.ttlSeconds + settings.page.staleSeconds }) : [];
  const proxies = settings.proxyPurgeUrl ? settings.proxyPurgeUrl.split(',').map((url) => url.trim()).filter(Boolean) : [];
  if (proxies.length > 0) {
    try {
      await purgeProxies(proxies, purge);
    } catch (error) {
      console.error(`[revalidate] ${(error as Error).message}`);
      throw createError({ status: 502, statusText: 'Bad Gateway', message: 'The site\'s cache is purged, the caching proxy is not: try again.' });
    }
  }
  await useNitroApp().hooks.callHook('site:revalidate', { change: parsed.change, purge });
  return { purged, paths: purge.paths, prefixes: purge.prefixes, all: purge.all, proxy: proxies.length > 0 ? 'purged' : 'none' } satisfies RevalidateResult;
});

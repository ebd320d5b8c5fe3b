import { pageCacheSettings } from '../utils/page-cache/config';
import { affectedPages } from '../utils/page-cache/paths';
import { parseContentChange } from '../utils/page-cache/revalidation';
import { pageCacheStore } from '../utils/page-cache/storage';
import { purgePages } from '../utils/page-cache/store';
import { bearerToken, secretsMatch } from '../utils/preview/secret';

export interface RevalidateResult {
  /** The cached paths removed (all their query variants). */
  purged: string[];
  /** What the change affects: exact paths, path prefixes, or everything. */
  paths: string[];
  prefixes: string[];
  all: boolean;
}

/**
 * Called by the CMS after every change to public content
 * (apps/cms/src/site-revalidation), with `Authorization: Bearer
 * <NUXT_REVALIDATE_SECRET>`: purges exactly the pages that show the entry.
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const { revalidateSecret } = useRuntimeConfig(event);
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

  const purge = affectedPages(parsed.change);
  const purged = await purgePages(pageCacheStore(), purge, { ttlSeconds: pageCacheSettings(event).ttlSeconds });
  await useNitroApp().hooks.callHook('site:revalidate', { change: parsed.change, purge });
  return { purged, paths: purge.paths, prefixes: purge.prefixes, all: purge.all } satisfies RevalidateResult;
});

import { CmsUnavailableError } from '../../../utils/cms/reader';
import { siteServices } from '../../../utils/site-services';

/**
 * Same-origin, read-only door to the CMS's public REST API for the browser
 * (see CMS_PROXY_BASE in app/composables/strapi.ts): the client-side
 * navigations and searches of the pages that run in the browser. Only GET,
 * only the public content types, only the query string is forwarded (no
 * cookies nor other headers of the visitor); read through the site's CMS
 * reader (its token and data cache), and charged to the visitor's budget of
 * expensive work, since the site's token itself is not limited by the CMS.
 */
const PUBLIC_PATH = /^(?:articles|authors|categories|book-releases|testimonies|videos|answers)(?:\/[A-Za-z0-9]+)?$|^global$|^search$/;

export default defineEventHandler(async (event) => {
  const path = getRouterParam(event, 'path') ?? '';
  if (!PUBLIC_PATH.test(path)) {
    throw createError({ status: 404, statusText: 'Not Found', message: `No public CMS endpoint "/api/${path}".` });
  }
  const { budget, clientAddress, cms } = siteServices();
  const wait = await budget.take(clientAddress(event.node.req));
  if (wait !== undefined) {
    setResponseHeader(event, 'retry-after', wait);
    throw createError({ status: 429, statusText: 'Too Many Requests', message: 'Troppe richieste da questo indirizzo: riprova tra qualche secondo.' });
  }
  const search = getRequestURL(event).search;
  try {
    const answer = await cms.read(`/${path}${search}`);
    setResponseStatus(event, answer.status);
    setResponseHeaders(event, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': answer.status === 200 && !answer.degraded ? 'public, max-age=60' : 'no-store',
    });
    return answer.body;
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    console.error(`[cms proxy] ${error.message}`);
    throw createError({ status: 503, statusText: 'Service Unavailable', message: 'I contenuti del sito non sono raggiungibili in questo momento.' });
  }
});

import { cmsClientOf, cmsUnavailable } from '../utils/cms/request';
import { loadPagesContent } from '../utils/sitemap/content';
import { SITEMAP_READ_TIMEOUT_MS, homeLastmod, indexItems } from '../utils/sitemap/files';
import { indexXml } from '../utils/sitemap/xml';

/**
 * /sitemap.xml: the index of the sitemap's files (server/utils/sitemap/files.ts),
 * each with the last change of what it lists. A CMS that does not answer is
 * a 503, never an index missing files (the page cache then serves the last
 * good one, if any).
 */
export default defineEventHandler(async (event) => {
  const content = await loadPagesContent(cmsClientOf(event, { timeoutMs: SITEMAP_READ_TIMEOUT_MS })).catch(cmsUnavailable(event, 'sitemap'));
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8');
  return indexXml(indexItems(content.summary, homeLastmod(content)), useRuntimeConfig().public.siteUrl);
});

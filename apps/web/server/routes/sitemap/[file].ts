import { cmsClientOf, cmsUnavailable, serverMediaUrl } from '../../utils/cms/request';
import { loadPagesContent } from '../../utils/sitemap/content';
import { SITEMAP_FILE_SIZE, SITEMAP_READ_TIMEOUT_MS, entryItems, pageItems, parseSitemapFile } from '../../utils/sitemap/files';
import { urlsetXml } from '../../utils/sitemap/xml';

/**
 * /sitemap/pagine.xml and /sitemap/<section>-<n>.xml: the files listed by
 * /sitemap.xml. An entry file is one page of the CMS's sitemap source (at
 * most 50,000 URLs); a page past the last one is a 404; a CMS that does not
 * answer is a 503, never a partial file.
 */
export default defineEventHandler(async (event) => {
  const file = parseSitemapFile(getRouterParam(event, 'file') ?? '');
  if (!file) throw createError({ status: 404, statusText: 'Not Found', message: 'Questo file della sitemap non esiste.' });
  const cms = cmsClientOf(event, { timeoutMs: SITEMAP_READ_TIMEOUT_MS });
  const siteUrl = useRuntimeConfig().public.siteUrl;
  let xml: string;
  if (file.kind === 'pages') {
    const content = await loadPagesContent(cms).catch(cmsUnavailable(event, 'sitemap'));
    xml = await urlsetXml(pageItems(content, serverMediaUrl()), siteUrl);
  } else {
    const page = await cms.sitemap.page(file.type, file.page, SITEMAP_FILE_SIZE).catch(cmsUnavailable(event, 'sitemap'));
    if (page.data.length === 0 && file.page > 1) throw createError({ status: 404, statusText: 'Not Found', message: 'Questo file della sitemap non esiste.' });
    xml = await urlsetXml(entryItems(file.type, page.data), siteUrl);
  }
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8');
  return xml;
});

import { sitemapUrls } from '../../utils/feeds/sitemap';
import { serverMediaUrl, getSiteIndex } from '../../utils/feeds/runtime';

/**
 * The sitemap's dynamic source (`sitemap.sources` in nuxt.config): every
 * published page with its lastmod, cover images and videos. @nuxtjs/sitemap
 * fetches it internally and caches the result; the CMS's data is cached here too.
 */
export default defineSitemapEventHandler(async (event) => sitemapUrls(await getSiteIndex(event), { mediaUrl: serverMediaUrl() }));

import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type IndexItem, type SitemapItemLoose } from 'sitemap';

/**
 * Sitemap XML through the `sitemap` package (escaping, the image and video
 * extensions, the sitemaps.org limits checked): URLs made absolute with the
 * site's public origin.
 */
export async function urlsetXml(items: SitemapItemLoose[], siteUrl: string): Promise<string> {
  const stream = new SitemapStream({ hostname: siteUrl, xmlns: { news: false, xhtml: false, image: true, video: true } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

export async function indexXml(items: IndexItem[], siteUrl: string): Promise<string> {
  const absolute = items.map((entry) => ({ ...entry, url: new URL(entry.url, siteUrl).href }));
  return (await streamToPromise(Readable.from(absolute).pipe(new SitemapIndexStream()))).toString('utf8');
}

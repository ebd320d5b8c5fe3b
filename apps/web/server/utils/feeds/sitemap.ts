import type { SitemapUrl, VideoEntry } from '@nuxtjs/sitemap';
import type { IndexMedia, SiteIndex } from './content';

/**
 * The sitemap's URLs from the CMS's published content: every detail page,
 * and the listings, each with its `lastmod` (the newest `updatedAt` of what
 * it shows), cover images and the videos of /video. @nuxtjs/sitemap adds the
 * site URL, merges them with the static pages it finds itself and drops what
 * robots.txt or the route rules exclude.
 */

export interface SitemapContext {
  /** Makes the CMS's media paths absolute. */
  mediaUrl: (url: string) => string;
}

/** Pages whose content is the site settings (Global) plus fixed text. */
export const SITEMAP_GLOBAL_PAGES = ['/chi-siamo', '/contatti', '/privacy'] as const;

/** The newest of some ISO timestamps (or undefined when there is none). */
export function newestDate(dates: Array<string | null | undefined>): string | undefined {
  let best: { time: number; value: string } | undefined;
  for (const value of dates) {
    const time = value ? Date.parse(value) : Number.NaN;
    if (value && Number.isFinite(time) && (!best || time > best.time)) best = { time, value };
  }
  return best?.value;
}

const path = (section: string, slug: string) => `/${section}/${encodeURIComponent(slug)}`;

function imageOf(media: IndexMedia | null | undefined, ctx: SitemapContext, title?: string): SitemapUrl['images'] {
  if (!media?.url) return undefined;
  return [{ loc: ctx.mediaUrl(media.url), ...(title ? { title } : {}), ...(media.alternativeText ? { caption: media.alternativeText } : {}) }];
}

function entry(loc: string, lastmod: string | undefined, extra: Pick<SitemapUrl, 'images' | 'videos'> = {}): SitemapUrl {
  const url: SitemapUrl = { loc };
  if (lastmod) url.lastmod = lastmod;
  if (extra.images?.length) url.images = extra.images;
  if (extra.videos?.length) url.videos = extra.videos;
  return url;
}

export function sitemapUrls(index: SiteIndex, ctx: SitemapContext): SitemapUrl[] {
  const { articles, testimonies, answers, categories, authors, books, videos, global } = index;
  const newestOf = (items: Array<{ updatedAt: string }>) => newestDate(items.map((item) => item.updatedAt));

  const articlesByCategory = new Map<string, string[]>();
  const articlesByAuthor = new Map<string, string[]>();
  for (const article of articles) {
    for (const category of article.categories ?? []) {
      articlesByCategory.set(category.slug, [...(articlesByCategory.get(category.slug) ?? []), article.updatedAt]);
    }
    if (article.author) {
      articlesByAuthor.set(article.author.slug, [...(articlesByAuthor.get(article.author.slug) ?? []), article.updatedAt]);
    }
  }

  const defaultThumbnail = global.defaultSeo?.shareImage?.url;
  const videoEntries: VideoEntry[] = videos.flatMap((video) => {
    const thumbnail = video.poster?.url ?? defaultThumbnail;
    if (!thumbnail) return [];
    return [{
      title: video.title,
      description: video.description?.trim() || video.title,
      thumbnail_loc: ctx.mediaUrl(thumbnail),
      player_loc: `https://www.youtube-nocookie.com/embed/${encodeURIComponent(video.youtubeId)}`,
      publication_date: video.publishedAt ?? video.createdAt,
      ...(video.durationSeconds ? { duration: Math.round(video.durationSeconds) } : {}),
    }];
  });
  const latestBook = [...books].sort((a, b) => b.releaseDate.localeCompare(a.releaseDate))[0];

  return [
    entry('/', newestDate([global.updatedAt, newestOf(articles), newestOf(testimonies), newestOf(books)])),
    entry('/articoli', newestOf(articles)),
    entry('/testimonianze', newestOf(testimonies)),
    entry('/risposte', newestOf(answers)),
    entry('/video', newestOf(videos), { videos: videoEntries }),
    ...(latestBook ? [entry('/libro', latestBook.updatedAt, { images: imageOf(latestBook.cover, ctx, latestBook.title) })] : []),
    ...SITEMAP_GLOBAL_PAGES.map((page) => entry(page, global.updatedAt)),
    ...articles.map((article) => entry(path('articoli', article.slug), article.updatedAt, { images: imageOf(article.cover, ctx, article.title) })),
    ...testimonies.map((testimony) => entry(path('testimonianze', testimony.slug), testimony.updatedAt)),
    ...answers.map((answer) => entry(path('risposte', answer.slug), answer.updatedAt)),
    ...categories.map((category) => entry(path('categorie', category.slug), newestDate([category.updatedAt, ...(articlesByCategory.get(category.slug) ?? [])]))),
    ...authors.map((author) => entry(path('autori', author.slug), newestDate([author.updatedAt, ...(articlesByAuthor.get(author.slug) ?? [])]))),
  ];
}
